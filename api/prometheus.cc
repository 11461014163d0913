#include "api/prometheus.h"

#include <cstdio>

namespace saqme::api {
namespace {

// `labels` ("{a=\"b\"}" or "") with `le` added last.
std::string WithBound(const std::string& labels, const std::string& bound) {
  const std::string le = "le=\"" + bound + "\"";
  if (labels.empty()) return "{" + le + "}";
  return labels.substr(0, labels.size() - 1) + "," + le + "}";
}

// Numbers as Prometheus reads them: integers without a fraction, the rest in the shortest
// form that reads back.
std::string Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return std::to_string(static_cast<int64_t>(value));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

}  // namespace

std::string PromLabels(
    std::initializer_list<std::pair<std::string_view, std::string_view>> labels) {
  if (labels.size() == 0) return "";
  std::string out = "{";
  for (const auto& [name, value] : labels) {
    if (out.size() > 1) out += ',';
    out.append(name).append("=\"");
    for (char c : value) {
      if (c == '\\' || c == '"') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else {
        out += c;
      }
    }
    out += '"';
  }
  return out + "}";
}

void PromFamily(std::ostream& out, std::string_view name, std::string_view type,
                std::string_view help) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
}

void PromSample(std::ostream& out, std::string_view name, const std::string& labels, double value) {
  out << name << labels << " " << Number(value) << "\n";
}

void PromHistogram(std::ostream& out, std::string_view name, const std::string& labels,
                   const storage::Histogram& histogram) {
  const std::string bucket = std::string(name) + "_bucket";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < histogram.bounds().size(); ++i) {
    cumulative += histogram.counts()[i];
    out << bucket << WithBound(labels, Number(histogram.bounds()[i])) << " " << cumulative << "\n";
  }
  cumulative += histogram.counts().back();
  out << bucket << WithBound(labels, "+Inf") << " " << cumulative << "\n";
  PromSample(out, std::string(name) + "_sum", labels, histogram.sum());
  PromSample(out, std::string(name) + "_count", labels, static_cast<double>(histogram.count()));
}

}  // namespace saqme::api
