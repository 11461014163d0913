// The server's log: every line on standard output in Tbilisi time (UTC+4 all year, ISO 8601
// with its offset, as the API writes times), as text or as JSON lines (`saqme serve
// --log-format`), and the request line — one per answered request (docs/operations.md, "Logs").
//
// Text:  2026-12-01T20:49:07.123+04:00 info saqme serves ...
//        2026-12-01T20:49:08.002+04:00 info request id=5f3a91-7 method=GET route=/v1/cases/{id}
//        status=200 ms=1.84 bytes=2210 post=chair login=nino
// JSON:  {"time":"...","level":"info","msg":"saqme serves ..."}
//        {"time":"...","level":"info","log":"request","id":"5f3a91-7","method":"GET",...}
//
// A request line holds no personal data: the route is a template, never the path or its query;
// the caller is a post, a login id or a token's hash prefix (api/request_record.h). Probes
// (/health, /ready, /metrics) are logged at debug level, below the default info: a scraper
// every few seconds would bury the requests of people (SPDLOG_LEVEL=debug shows them).
#pragma once

#include <optional>
#include <string_view>

#include "api/request_record.h"

namespace saqme::api {

enum class LogFormat { kText, kJson };

// "text" or "json"; nullopt for anything else.
std::optional<LogFormat> LogFormatNamed(std::string_view name);

// Makes spdlog's default logger and the request logger write `format` lines in Tbilisi time to
// standard output (one mutex for both: lines never interleave), flushed line by line, at the
// levels of the SPDLOG_LEVEL environment variable (default info). `requests` false: no request
// lines. Call once at the start, before other threads log.
void ConfigureServerLog(LogFormat format, bool requests);

// Writes the request line of `record` (nothing before ConfigureServerLog, or with requests off).
// Thread-safe.
void LogRequest(const RequestRecord& record);

}  // namespace saqme::api
