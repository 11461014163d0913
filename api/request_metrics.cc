#include "api/request_metrics.h"

#include "api/prometheus.h"

namespace saqme::api {
namespace {

const std::vector<double>& Bounds() {
  static const std::vector<double> bounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1,    2.5,   10};
  return bounds;
}

}  // namespace

void RequestMetrics::Record(const RequestRecord& record) {
  const std::string status_class = record.status >= 100 && record.status < 600
                                       ? std::to_string(record.status / 100) + "xx"
                                       : "other";
  std::lock_guard<std::mutex> lock(mu_);
  auto key = std::make_tuple(record.method, record.route, status_class);
  auto it = by_route_.find(key);
  if (it == by_route_.end()) it = by_route_.emplace(std::move(key), Bounds()).first;
  it->second.Observe(record.seconds);
}

void RequestMetrics::Write(std::ostream& out) const {
  std::lock_guard<std::mutex> lock(mu_);
  PromFamily(out, "saqme_http_requests_total", "counter",
             "Answered HTTP requests by method, route template and status class.");
  for (const auto& [key, histogram] : by_route_) {
    const auto& [method, route, status_class] = key;
    PromSample(out, "saqme_http_requests_total",
               PromLabels({{"method", method}, {"route", route}, {"code", status_class}}),
               static_cast<double>(histogram.count()));
  }
  PromFamily(out, "saqme_http_request_duration_seconds", "histogram",
             "From a request's first byte to its answer's last, by method, route template and "
             "status class.");
  for (const auto& [key, histogram] : by_route_) {
    const auto& [method, route, status_class] = key;
    PromHistogram(out, "saqme_http_request_duration_seconds",
                  PromLabels({{"method", method}, {"route", route}, {"code", status_class}}),
                  histogram);
  }
}

}  // namespace saqme::api
