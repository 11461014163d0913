// Api: the routes of docs/api.md — HTTP/JSON to engine commands and views. Holds no business rule:
// the workflows decide, the engine records; this translates and authenticates.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include <boost/json/value.hpp>

#include "api/access_log.h"
#include "api/case_gauges.h"
#include "api/heavy_read_gate.h"
#include "api/http_server.h"
#include "api/identity.h"
#include "api/logins.h"
#include "api/request_metrics.h"
#include "api/route_table.h"
#include "api/stream_limits.h"
#include "api/tokens.h"
#include "engine/clock.h"
#include "engine/engine.h"

namespace saqme::api {

class Api {
 public:
  // `engine` must outlive the Api. `org` is not read: the chart in force is the engine's, from
  // the log (Engine::Chart()); the parameter stays for callers.
  Api(engine::Engine* engine, TokenStore tokens, const workflows::OrgChart* org,
      std::function<int64_t()> clock);

  // Answers one request through `reply` (api/http_server.h), on the calling thread or — a
  // command — once the engine made it durable or refused it; never throws for bad input. The
  // server's AsyncHandler.
  void Handle(std::shared_ptr<const Request> request, Reply reply);
  // Handle as one call that blocks until the answer is given (for tests and tools).
  Response Handle(const Request& request);
  // Handle bound to this Api, for HttpServer::Serve. Requires the Api to outlive the server.
  HttpServer::AsyncHandler Handler();
  // GET /health, /ready and /metrics, answered without waiting for the writer or a lock held
  // across a command, so that the HTTP server can answer them on its I/O threads however
  // busy its workers are (HttpServer::QuickHandler); nullopt for every other request.
  std::optional<Response> Quick(const Request& request);
  // The live routes (GET /v1/alerts/stream, Server-Sent Events): a Stream for an authenticated,
  // well-formed request to them, nullopt for anything else (Handle answers it). A caller (token
  // or login) or a client address already holding its limit of streams gets a Stream without
  // `next` whose head is the 429 answer. `next` never blocks (the Stream contract).
  std::optional<Stream> OpenStream(const Request& request);
  // The limits on open alert streams per caller and per client address (default 8 and 32).
  void LimitStreams(StreamLimits::Options options) { stream_limits_.Configure(options); }

  // Persons log in from the users file, tokens follow the tokens file, sessions expire after
  // the idle time (api/logins.h, docs/auth.md). Call before serving; the errors of
  // Logins::Configure.
  Status EnableLogins(LoginOptions options);

  // The caller of `request` (its bearer token or session), or nullopt.
  std::optional<Caller> Identify(const Request& request) const;

  // Serves POST /v1/admin/clock/advance with `clock` (the route is 404 without one); `watch`
  // runs the deadline watch right after the clock moved. Both must outlive the Api.
  void EnableClockAdvance(engine::SimulatedClock* clock,
                          std::function<Result<engine::Engine::WatchReport>()> watch);

  // Records every read of a case on the grounds of supervision, records or audit in the access
  // log at `path` (api/access_log.h); without it such reads are served but not recorded.
  Status OpenAccessLog(const std::string& path);

  // /metrics reports `age` as saqme_backup_age_seconds (-1 before the first backup); without it
  // the gauge is absent. `age` must outlive the Api.
  void EnableBackupAge(std::function<std::optional<double>()> age) { backup_age_ = std::move(age); }

  // /metrics reports the HTTP server's open connections and streams and its refusals; `stats`
  // must outlive the Api.
  void EnableServerStats(std::function<HttpServer::Stats()> stats) {
    server_stats_ = std::move(stats);
  }
  // At most `n` heavy reads at once (api/heavy_read_gate.h; 2 by default); beyond them 503 with
  // Retry-After. requires n >= 1; call before serving.
  void SetHeavyReadLimit(size_t n) { heavy_reads_ = std::make_unique<HeavyReadGate>(n); }

  // Counts an answered request in /metrics (saqme_http_requests_total and its durations): the
  // server's HttpServer::Answered. Thread-safe.
  void RecordRequest(const RequestRecord& record) { request_metrics_.Record(record); }
  // The server's after-request hook (HttpServer::Answered) as `saqme serve` runs it: counts the
  // request (RecordRequest), then writes its request line (api/server_log.h's LogRequest).
  // Requires the Api to outlive the server. Thread-safe.
  HttpServer::Answered AfterRequest();

  // From now on GET /ready answers 503 "shutting down" (api/readiness.h). Thread-safe.
  void BeginShutdown() { shutting_down_ = true; }

  // A case id derived from the opening command's id, so that a retried POST /v1/cases lands
  // on the same case.
  static std::string CaseIdFor(const std::string& command_id);

  // The route table (api/routes.cc; api/route_table.h): every route, matched by Handle, Quick
  // and OpenStream, and the templates of the request log.
  static const std::vector<Route>& Routes();

 private:
  // The route of `request` among those this server serves (a route's `served`).
  RouteMatch Match(const Request& request, const Target& target) const;
  // nullopt when the caller of `call` has what `need` asks (a token or session is checked
  // before), else the 403 that says what is missing.
  std::optional<Response> Denied(Need need, const Call& call);
  // The 405 of a path that takes only the methods `allow`, with the Allow header.
  Response MethodNotAllowed(const Request& request, const std::string& allow);
  // The route handlers that are more than a call (api/routes.cc).
  Response Health(const Call& call);
  Response Ready(const Call& call);
  Response ConsoleAnswer(const Call& call);
  Response SessionAnswer(Call& call);  // the logins' answer (Need::kSession)
  Response JsonAnswer(const Call& call, const boost::json::value& body);
  // GET /v1/cases/{id}: the view with the allowed actions, or ?as_of=/?at_version= replayed.
  Response CaseRead(const Call& call);
  Response HistoryRead(const Call& call);
  Response ReportRead(const Call& call);
  Response JournalRead(const Call& call);
  // GET /v1/journals: the journals the body keeps (workflows::journals::Listed) that the caller
  // may read, each with its council body's code, kind and names where it has one.
  Response JournalList(const Call& call);
  Response NomenclatureRead(const Call& call);
  // GET /v1/alerts/stream without an SSE client or with a bad cursor: the 400 that says so.
  Response NotAStream(const Call& call);
  // GET /v1/alerts/stream: the live alerts of the caller's post (or the 429 over a limit);
  // nullopt for a malformed cursor.
  std::optional<Stream> AlertStream(const Call& call);

  // A command request (POST /v1/cases, /v1/cases/{id}/commands, /v1/org/commands): checked
  // and handed to the engine, `reply` given its answer in JSON once the command is durable or
  // refused (Engine::Submit), rendered on the connection's strand; a request refused before the
  // engine is answered at once.
  void Execute(Call& call, const std::string& case_id, bool opening, Reply reply);
  // A command request as a submission for the engine (`*type` its command type, once known),
  // or the answer that refuses it: a body that does not parse, a command on the wrong route, a
  // case the caller may not address.
  std::optional<Response> Prepare(const Request& request, const Caller& caller,
                                  const std::string& case_id, bool opening,
                                  engine::Submission* submission, std::string* type);
  // Whether `submission` (of command `type`) goes to the route it came by (an org command to
  // the org case, an opening command to POST /v1/cases) and to a case the caller may address:
  // nullopt, or the answer that refuses it. Sets the calendar's case for declare_day_off.
  std::optional<Response> Addressable(const Request& request, engine::Submission& submission,
                                      const std::string& type, bool opening);
  // Hands an addressable submission to the engine; `reply` is given Answer's answer, rendered
  // on the connection's strand. `call.held` must be set.
  void Submit(const Call& call, engine::Submission submission, const std::string& type,
              bool opening, std::chrono::steady_clock::time_point started, Reply reply);
  // The answer to an executed command: its events and the case's headline, or the refusal.
  Response Answer(const Request& request, Result<engine::Outcome> outcome, const std::string& type,
                  bool opening, std::chrono::steady_clock::time_point started);
  Response Metrics(const Request& request);
  // Reading (workflows/access.h). The case's state when `post` may read it — a read on the
  // ground of supervision, records or audit is recorded in the access log under `route` — or,
  // in `denied`, the 404 a case that does not exist gets, so that existence does not leak.
  // With `command`, a post that may act on the case now may also address it.
  std::optional<workflows::CaseState> ReadableCase(const Request& request, const std::string& post,
                                                   const std::string& case_id, const char* route,
                                                   bool command, Response* denied);
  // GET /v1/cases/{id}: the case view with the caller's allowed actions.
  Response CaseAnswer(const Request& request, const std::string& post, const std::string& case_id);
  // GET /v1/inbox (`?action=TYPE`): the items of every post `post` exercises today, dated
  // and ordered by due date (api/inbox.h).
  Response InboxAnswer(const Request& request, const std::string& post,
                       const std::map<std::string, std::string>& query);
  // GET /v1/me (or POST /v1/session/post) as the logins answered it, with the server clock's
  // `today` and `now` added (a refusal unchanged).
  Response WithClock(Response me);
  // GET /v1/cases?q=&kind=&state=&executor=&unit=&overdue=&from=&to=&limit=&cursor=
  // (engine/search.h): the cases the caller may read, newest first.
  Response Search(const Request& request, const std::string& post,
                  const std::map<std::string, std::string>& query);
  // GET /v1/audit/access: the access log, for auditors.
  Response AccessLogAnswer(const Request& request, const std::map<std::string, std::string>& query);
  // The post of the caller (Identify().post).
  std::optional<std::string> Authenticate(const Request& request) const;
  Response Alerts(const Request& request, const std::string& post);
  void Acknowledge(const Call& call, const std::string& id, Reply reply);
  Response Control(const Request& request, const std::string& post);
  // GET /v1/control/list: the control list of a year (engine/control_list.h), JSON or CSV.
  Response ControlListAnswer(const Request& request);
  Response AdvanceClock(const Request& request);
  // The case as it stood at ?as_of= or ?at_version=, replayed from its own events.
  Response CaseAt(const Request& request, const std::string& case_id,
                  const std::map<std::string, std::string>& query);
  // The audit export of a case (replay/audit_export.h), JSON or ?format=csv.
  Response History(const Request& request, const std::string& case_id,
                   const std::map<std::string, std::string>& query);
  // A journal's year in number order: JSON, or ?format=csv|html (api/journal_export.h).
  Response JournalAnswer(const Request& request, const std::string& journal, int year,
                         const std::map<std::string, std::string>& query);
  // GET /v1/org[?as_of=DATE]: the chart in force — units, posts with their holders on the date
  // (today by default), acting assignments with their basis, appointments.
  Response OrgAnswer(const Request& request, const std::map<std::string, std::string>& query);
  // The annual report (replay/annual_report.h): JSON, or ?format=text[&lang=en].
  Response Report(const Request& request, int year,
                  const std::map<std::string, std::string>& query);
  // True with a place among the heavy reads in *pass; false when every place is taken, with
  // the 503 (Retry-After, in Georgian and English; counted in /metrics) in *busy.
  bool EnterHeavyRead(const Request& request, std::shared_ptr<HeavyReadGate::Pass>* pass,
                      Response* busy);
  // GET /v1/journals/{journal}?format=csv|html as a Stream written a page at a time, for a
  // caller that may read it; nullopt for anything Handle answers otherwise (a refusal).
  std::optional<Stream> JournalExportStream(const Request& request, const std::string& post);
  // nullopt when `post`, which may read the registers, may have journal `journal` of the year the
  // query names (in *year), else the refusal.
  std::optional<Response> JournalRefused(const Request& request, const std::string& post,
                                         const std::string& journal,
                                         const std::map<std::string, std::string>& query,
                                         int* year);
  // Walks the hash chain (it reads the whole log): a heavy read.
  // GET /v1/audit/verify[?anchor=SEQ:HASH]: the whole chain, and a published anchor.
  Response AuditVerify(const Request& request, const std::map<std::string, std::string>& query);
  // The cursor of an alert stream (Last-Event-ID, else ?after=, else 0); nullopt when malformed.
  std::optional<uint64_t> StreamCursor(const Request& request) const;
  void Count(const std::string& type, const std::string& outcome, double seconds);
  // The workload figures of /metrics: the writer (fsync groups, queue), cases per unit,
  // subscribers, replication.
  void WorkloadMetrics(std::ostream& out);

  // The chart in force (the engine's, from the log).
  std::shared_ptr<const workflows::OrgChart> Org() const { return engine_->Chart(); }

  engine::Engine* engine_;
  std::function<int64_t()> clock_;
  std::unique_ptr<Logins> logins_;  // a pointer: Identify is const, a session's idle time moves
  engine::SimulatedClock* simulated_clock_ = nullptr;
  std::function<Result<engine::Engine::WatchReport>()> watch_;

  std::unique_ptr<AccessLog> access_log_;
  std::function<std::optional<double>()> backup_age_;
  std::function<HttpServer::Stats()> server_stats_;
  StreamLimits stream_limits_;
  std::atomic<bool> shutting_down_{false};
  std::unique_ptr<HeavyReadGate> heavy_reads_ = std::make_unique<HeavyReadGate>(2);
  std::mutex metrics_mu_;
  std::map<std::pair<std::string, std::string>, uint64_t> commands_;  // (type, outcome) -> count
  std::vector<uint64_t> latency_buckets_;                             // per kLatencyBounds
  double latency_sum_ = 0;
  uint64_t latency_count_ = 0;
  RequestMetrics request_metrics_;
  CaseGauges case_gauges_;  // last: its thread reads engine_
};

}  // namespace saqme::api
