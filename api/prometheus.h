// Writing Prometheus's text exposition format (version 0.0.4), for GET /metrics: a family's
// HELP and TYPE lines, samples with labels, histograms from storage::Histogram.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "storage/histogram.h"

namespace saqme::api {

// `{name="value",...}` with every value escaped as the format asks (\\, \", \n); "" for none.
std::string PromLabels(std::initializer_list<std::pair<std::string_view, std::string_view>> labels);

// The HELP and TYPE lines of the family `name` (type: counter, gauge, histogram).
void PromFamily(std::ostream& out, std::string_view name, std::string_view type,
                std::string_view help);

// One sample line: `name{labels} value`; `labels` as PromLabels makes them.
void PromSample(std::ostream& out, std::string_view name, const std::string& labels, double value);

// A histogram's samples (no HELP/TYPE): name_bucket{labels,le=...} cumulative, the +Inf bucket,
// name_sum and name_count; `labels` as PromLabels makes them.
void PromHistogram(std::ostream& out, std::string_view name, const std::string& labels,
                   const storage::Histogram& histogram);

}  // namespace saqme::api
