// The route table of docs/api.md (api/route_table.h says how to add a route). Each line: the
// method, the path template, how it is served, what the caller needs, and the handler — most
// handlers are one call to a member of Api (api/api.h).
#include "api/api.h"
#include "api/command_schema.h"
#include "api/console_routes.h"
#include "api/route_table.h"
#include "workflows/proceeding.h"

namespace saqme::api {

const std::vector<Route>& Api::Routes() {
  using http::verb;
  using S = Serving;
  using N = Need;
  static const std::vector<Route> kRoutes = {
      // The probes: answered on the I/O thread however busy the workers are.
      {verb::get, "/health", S::kQuick, N::kNothing, [](Api& a, Call& c) { return a.Health(c); }},
      {verb::get, "/ready", S::kQuick, N::kNothing, [](Api& a, Call& c) { return a.Ready(c); }},
      {verb::get, "/metrics", S::kQuick, N::kNothing,
       [](Api& a, Call& c) { return a.Metrics(c.request); }},
      // The web console (docs/console.md); its client-side paths are Api::Handle's fallback.
      {verb::get, "/", S::kWorker, N::kNothing, [](Api& a, Call& c) { return a.ConsoleAnswer(c); }},
      {verb::get, "/index.html", S::kWorker, N::kNothing,
       [](Api& a, Call& c) { return a.ConsoleAnswer(c); }},
      {verb::get, "/assets/{file}", S::kWorker, N::kNothing,
       [](Api& a, Call& c) { return a.ConsoleAnswer(c); }},
      // Cases: commands, search, the view, the history.
      {.method = verb::post,
       .path = "/v1/cases",
       .serving = S::kCommand,
       .need = N::kCaller,
       .execute = [](Api& a, Call& c, Reply r) { a.Execute(c, "", true, std::move(r)); }},
      {verb::get, "/v1/cases", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.Search(c.request, c.caller.post, c.target.query); }},
      {verb::get, "/v1/cases/{id}", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.CaseRead(c); }},
      // Finish checks that the case is readable.
      {.method = verb::post,
       .path = "/v1/cases/{id}/commands",
       .serving = S::kCommand,
       .need = N::kCaller,
       .execute = [](Api& a, Call& c, Reply r) { a.Execute(c, c.part(2), false, std::move(r)); }},
      {verb::get, "/v1/cases/{id}/history", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.HistoryRead(c); }},
      // Verification and the access log.
      {verb::get, "/v1/audit/verify", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.AuditVerify(c.request, c.target.query); }},
      {verb::get, "/v1/audit/access", S::kWorker, N::kAuditor,
       [](Api& a, Call& c) { return a.AccessLogAnswer(c.request, c.target.query); }},
      // The registers: the annual report, the journals (exports streamed), the nomenclature,
      // the control list.
      {verb::get, "/v1/reports/annual", S::kWorker, N::kRegisters,
       [](Api& a, Call& c) { return a.ReportRead(c); }},
      {verb::get, "/v1/journals", S::kWorker, N::kRegisters,
       [](Api& a, Call& c) { return a.JournalList(c); }},
      {verb::get, "/v1/journals/{journal}", S::kBodyStream, N::kRegisters,
       [](Api& a, Call& c) { return a.JournalRead(c); },
       [](Api& a, Call& c) { return a.JournalExportStream(c.request, c.caller.post); },
       [](const Target& t) {
         // A journal's export (CSV, the printable page) is written as it is read; its JSON is
         // paged.
         const auto format = t.query.find("format");
         return format != t.query.end() && (format->second == "csv" || format->second == "html");
       }},
      {verb::get, "/v1/nomenclature", S::kWorker, N::kRegisters,
       [](Api& a, Call& c) { return a.NomenclatureRead(c); }},
      {verb::get, "/v1/control/list", S::kWorker, N::kRegisters,
       [](Api& a, Call& c) { return a.ControlListAnswer(c.request); }},
      {verb::get, "/v1/control", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.Control(c.request, c.caller.post); }},
      // Work and the chart.
      {verb::get, "/v1/inbox", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.InboxAnswer(c.request, c.caller.post, c.target.query); }},
      {verb::get, "/v1/org", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.OrgAnswer(c.request, c.target.query); }},
      {.method = verb::post,
       .path = "/v1/org/commands",
       .serving = S::kCommand,
       .need = N::kCaller,
       .execute = [](Api& a, Call& c,
                     Reply r) { a.Execute(c, workflows::kOrgCaseId, false, std::move(r)); }},
      // Deadline alerts: the feed, the live stream, the acknowledgement.
      {verb::get, "/v1/alerts", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.Alerts(c.request, c.caller.post); }},
      {verb::get, "/v1/alerts/stream", S::kStream, N::kCaller,
       [](Api& a, Call& c) { return a.NotAStream(c); },
       [](Api& a, Call& c) { return a.AlertStream(c); }},
      {.method = verb::post,
       .path = "/v1/alerts/{id}/ack",
       .serving = S::kCommand,
       .need = N::kCaller,
       .execute = [](Api& a, Call& c, Reply r) { a.Acknowledge(c, c.part(2), std::move(r)); }},
      // What the console's forms are rendered from.
      {verb::get, "/v1/commands/schema", S::kWorker, N::kCaller,
       [](Api& a, Call& c) { return a.JsonAnswer(c, CommandSchema()); }},
      // Only with a simulated clock (saqme serve --simulated-clock).
      {verb::post, "/v1/admin/clock/advance", S::kWorker, N::kHead,
       [](Api& a, Call& c) { return a.AdvanceClock(c.request); }, nullptr, nullptr,
       [](const Api& a) { return a.simulated_clock_ != nullptr; }},
      // The session routes, answered by the logins (api/logins.h, docs/auth.md); GET /v1/me and
      // POST /v1/session/post, which answers as it, say the server's day.
      {verb::post, "/v1/session", S::kWorker, N::kSession,
       [](Api& a, Call& c) { return a.SessionAnswer(c); }},
      {verb::delete_, "/v1/session", S::kWorker, N::kSession,
       [](Api& a, Call& c) { return a.SessionAnswer(c); }},
      {verb::post, "/v1/session/password", S::kWorker, N::kSession,
       [](Api& a, Call& c) { return a.SessionAnswer(c); }},
      {verb::post, "/v1/session/post", S::kWorker, N::kSession,
       [](Api& a, Call& c) { return a.WithClock(a.SessionAnswer(c)); }},
      {verb::get, "/v1/me", S::kWorker, N::kSession,
       [](Api& a, Call& c) { return a.WithClock(a.SessionAnswer(c)); }},
  };
  return kRoutes;
}

}  // namespace saqme::api
