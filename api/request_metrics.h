// RequestMetrics: answered requests counted, and their durations in a histogram, per method,
// route template and status class ("2xx".."5xx") — GET /metrics's saqme_http_requests_total and
// saqme_http_request_duration_seconds. Labels are bounded: routes are templates (the server's
// own answers to unreadable requests are route "-"), never paths.
#pragma once

#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <tuple>

#include "api/request_record.h"
#include "storage/histogram.h"

namespace saqme::api {

class RequestMetrics {
 public:
  // Counts `record`. Thread-safe.
  void Record(const RequestRecord& record);
  // The two families, with their HELP and TYPE lines. Thread-safe.
  void Write(std::ostream& out) const;

 private:
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, std::string>, storage::Histogram> by_route_;
};

}  // namespace saqme::api
