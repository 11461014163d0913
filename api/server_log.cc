#include "api/server_log.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include <spdlog/cfg/env.h>
#include <spdlog/formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "model/tbilisi_time.h"

namespace saqme::api {
namespace {

constexpr char kRequestLogger[] = "request";

// Set once by ConfigureServerLog, before the server's threads start; read by them after.
bool json_lines = false;
std::shared_ptr<spdlog::logger> request_logger;

// One line: the Tbilisi time, the level, then the message — or, for the request logger,
// "request" and its fields (already formatted as text pairs or JSON members).
class LineFormatter : public spdlog::formatter {
 public:
  LineFormatter(bool json, bool request) : json_(json), request_(request) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const int64_t millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    const std::string time = FormatTbilisiTime(millis);
    const auto level = spdlog::level::to_string_view(msg.level);
    std::string line;
    if (json_) {
      line = "{\"time\":\"" + time + "\",\"level\":\"" + std::string(level.data(), level.size()) +
             "\",";
      if (request_) {
        line += "\"log\":\"request\",";
        line.append(msg.payload.data(), msg.payload.size());
      } else {
        line += "\"msg\":" + boost::json::serialize(boost::json::string(
                                 std::string_view(msg.payload.data(), msg.payload.size())));
      }
      line += "}\n";
    } else {
      line = time + " " + std::string(level.data(), level.size()) + (request_ ? " request " : " ");
      line.append(msg.payload.data(), msg.payload.size());
      line += "\n";
    }
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<LineFormatter>(json_, request_);
  }

 private:
  const bool json_, request_;
};

// A value of a text line as it is, or with every character that could break the line or be
// read as another field replaced by '_' (a login id is plain, but a line must stay one line).
std::string Plain(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '{' ||
                    c == '}' || c == '@';
    if (!ok) c = '_';
  }
  return out;
}

}  // namespace

std::optional<LogFormat> LogFormatNamed(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

void ConfigureServerLog(LogFormat format, bool requests) {
  const bool json = format == LogFormat::kJson;
  json_lines = json;
  request_logger.reset();
  auto main_sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  main_sink->set_formatter(std::make_unique<LineFormatter>(json, false));
  auto main = std::make_shared<spdlog::logger>("saqme", main_sink);
  spdlog::drop(kRequestLogger);
  if (requests) {
    // Its own sink for its own formatter; stdout sinks share spdlog's console mutex.
    auto request_sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
    request_sink->set_formatter(std::make_unique<LineFormatter>(json, true));
    auto request = std::make_shared<spdlog::logger>(kRequestLogger, request_sink);
    request->flush_on(spdlog::level::trace);
    spdlog::register_logger(request);
    request_logger = request;
  }
  main->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(main);
  spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL=debug, or request=debug, and the like
}

void LogRequest(const RequestRecord& record) {
  const std::shared_ptr<spdlog::logger>& logger = request_logger;
  if (!logger) return;
  const auto level = record.probe() ? spdlog::level::debug : spdlog::level::info;
  if (!logger->should_log(level)) return;
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.2f", record.seconds * 1000);
  const std::pair<const char*, const std::string*> caller[] = {{"post", &record.post},
                                                               {"login", &record.login},
                                                               {"token", &record.token},
                                                               {"command", &record.command}};
  std::string line;
  if (json_lines) {
    boost::json::object fields{{"id", record.id},
                               {"method", record.method},
                               {"route", record.route},
                               {"status", record.status},
                               {"ms", std::round(record.seconds * 100000) / 100},
                               {"bytes", record.bytes}};
    for (const auto& [name, value] : caller) {
      if (!value->empty()) fields[name] = *value;
    }
    line = boost::json::serialize(fields);
    line = line.substr(1, line.size() - 2);  // its members: the formatter adds time and level
  } else {
    line = "id=" + Plain(record.id) + " method=" + Plain(record.method) +
           " route=" + Plain(record.route) + " status=" + std::to_string(record.status) +
           " ms=" + ms + " bytes=" + std::to_string(record.bytes);
    for (const auto& [name, value] : caller) {
      if (!value->empty()) line += std::string(" ") + name + "=" + Plain(*value);
    }
  }
  logger->log(level, "{}", line);
}

}  // namespace saqme::api
