#include "api/api.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <sstream>

#include <capnp/serialize.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/body_stream.h"
#include "api/capnp_command.h"
#include "api/client_text.h"
#include "api/command_json.h"
#include "api/command_schema.h"
#include "api/console_routes.h"
#include "api/inbox.h"
#include "api/journal_export.h"
#include "api/journal_stream.h"
#include "api/json_body.h"
#include "api/outcome_json.h"
#include "api/paging.h"
#include "api/prometheus.h"
#include "api/readiness.h"
#include "api/request_record.h"
#include "api/server_log.h"
#include "api/target.h"
#include "engine/control.h"
#include "engine/control_list.h"
#include "engine/search.h"
#include "engine/view_reader.h"
#include "model/event_json.h"
#include "model/tbilisi_time.h"
#include "projection/json_writer.h"
#include "projection/projection.h"
#include "replay/anchor.h"
#include "replay/annual_report.h"
#include "replay/audit_export.h"
#include "replay/case_replay.h"
#include "storage/csv.h"
#include "workflows/access.h"
#include "workflows/allowed_actions.h"
#include "workflows/command_labels.h"
#include "workflows/journal_numbering.h"
#include "workflows/org/org_changes.h"
#include "workflows/proceeding.h"

namespace saqme::api {
namespace {

constexpr double kLatencyBounds[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

// A 200 answer with `body` of `content_type`; with a `download` name, offered as that file.
Response Text(const Request& request, const char* content_type, std::string body,
              const std::string& download = "") {
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, content_type);
  if (!download.empty()) {
    response.set(http::field::content_disposition, "attachment; filename=\"" + download + "\"");
  }
  response.body() = std::move(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

// A JSON answer whose body is already rendered.
Response JsonText(http::status status, std::string body, const Request& request) {
  Response response = Text(request, "application/json; charset=utf-8", std::move(body));
  response.result(status);
  return response;
}

Response Json(http::status status, const boost::json::value& body, const Request& request) {
  return JsonText(status, boost::json::serialize(body), request);
}

Response Error(const Request& request, http::status status, const char* code, const std::string& en,
               const std::string& ka) {
  return ErrorResponse(status, code, en, ka, request.version(), request.keep_alive());
}

Response FromStatus(const Request& request, const Status& status) {
  using Code = Status::Code;
  switch (status.code()) {
    case Code::kInvalidArgument:
      return Error(request, http::status::bad_request, "bad_request", status.message(),
                   status.message_ka());
    case Code::kNotFound:
      return Error(request, http::status::not_found, "not_found", status.message(),
                   status.message_ka());
    case Code::kConflict:
      return Error(request, http::status::conflict,
                   status.reason().empty() ? "conflict" : status.reason().c_str(), status.message(),
                   status.message_ka());
    case Code::kTooLarge:
      return Error(request, http::status::payload_too_large, "too_large", status.message(),
                   status.message_ka());
    default:  // a storage failure: its text may name the server's files, which stay its own
      return Error(request, http::status::service_unavailable, "unavailable",
                   WithoutPaths(status.message()), WithoutPaths(status.message_ka()));
  }
}

int YearOf(const Target& target, const std::function<int64_t()>& clock, bool* ok) {
  *ok = true;
  auto it = target.query.find("year");
  if (it == target.query.end()) return std::stoi(TbilisiDate(clock()).substr(0, 4));
  auto date = workflows::Date::Parse(it->second + "-01-01");
  if (!date) *ok = false;
  return date ? date->year() : 0;
}

// limit or cursor with a CSV or HTML export, which is always whole.
Response WholeFormatOnly(const Request& request) {
  return Error(request, http::status::bad_request, "bad_request",
               "limit and cursor page the JSON answer; CSV and HTML hold the whole list",
               "limit და cursor მხოლოდ JSON პასუხს ყოფს გვერდებად; CSV და HTML სრულია");
}

// `response` with the notes of the request log and metrics (api/request_record.h): the route
// template, and the caller when there is one — the post, and the login of a session or the
// hash prefix of a token (what `saqme token revoke` takes); never a name.
// The template is the route table's match (api/route_template.h says why never the path).
Response Noted(const RouteMatch& match, Response response, const Caller* caller = nullptr) {
  Note(&response, kNoteRoute, match.path.empty() ? std::string_view("unmatched") : match.path);
  if (caller) {
    Note(&response, kNotePost, caller->post);
    constexpr std::string_view kToken = "token:";
    if (caller->login.rfind(kToken, 0) == 0) {
      Note(&response, kNoteToken, std::string_view(caller->login).substr(kToken.size()));
    } else {
      Note(&response, kNoteLogin, caller->login);
    }
  }
  return response;
}

// One Prometheus sample with its HELP and TYPE lines.
void Sample(std::ostream& out, const char* name, const char* type, const char* help,
            uint64_t value) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n"
      << name << " " << value << "\n";
}

// What a post gets for a case it may not read: the answer to a case that does not exist.
Status NoSuchCase(const std::string& case_id) {
  return Status::Error(Status::Code::kNotFound, "unknown case " + case_id,
                       "საქმე " + case_id + " არ არსებობს");
}

}  // namespace

Api::Api(engine::Engine* engine, TokenStore tokens, const workflows::OrgChart* /*org*/,
         std::function<int64_t()> clock)
    : engine_(engine),
      clock_(clock ? std::move(clock) : [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      }),
      logins_(std::make_unique<Logins>([engine] { return engine->Chart(); }, std::move(tokens),
                                       clock_)),
      latency_buckets_(std::size(kLatencyBounds) + 1, 0),
      case_gauges_(engine) {
  // Every command type from the start, at 0, so that a rate over a type seen later is right.
  int count = 0;
  const workflows::CommandLabel* labels = workflows::AllCommandLabels(&count);
  for (int i = 0; i < count; ++i) {
    for (const char* outcome : {"applied", "refused"}) commands_[{labels[i].type, outcome}] = 0;
  }
}

Status Api::EnableLogins(LoginOptions options) { return logins_->Configure(std::move(options)); }

std::string Api::CaseIdFor(const std::string& command_id) {
  return "case-" + TokenStore::Sha256Hex("saqme-case:" + command_id).substr(0, 20);
}

void Api::Count(const std::string& type, const std::string& outcome, double seconds) {
  std::lock_guard<std::mutex> lock(metrics_mu_);
  ++commands_[{type, outcome}];
  size_t bucket = 0;
  while (bucket < std::size(kLatencyBounds) && seconds > kLatencyBounds[bucket]) ++bucket;
  ++latency_buckets_[bucket];
  latency_sum_ += seconds;
  ++latency_count_;
}

RouteMatch Api::Match(const Request& request, const Target& target) const {
  return MatchRoute(Routes(), request.method(), target.parts, this);
}

void Api::Handle(std::shared_ptr<const Request> held, Reply reply) {
  const Request& request = *held;
  const Target target = Parse(request.target());
  const auto& p = target.parts;
  const RouteMatch match = Match(request, target);
  Call call{request, target, {}, std::nullopt, held};
  if (!p.empty() && p[0] == "v1") {
    // Every /v1 route needs a token or a session (the actor is its post, never a field), checked
    // with the CSRF token before the route, so that a write without it is refused whatever it
    // asks for. The session routes answer here, and so do refusals (a password to change).
    call.answered = logins_->Admit(request, p, &call.caller);
    if (call.answered) {
      const bool session = match.route && match.route->need == Need::kSession;
      return ReplyWith(
          reply,
          Noted(match, session ? match.route->handle(*this, call) : std::move(*call.answered),
                &call.caller));
    }
  }
  Response response;
  if (!match.route && !match.path.empty()) {
    response = MethodNotAllowed(request, match.allow);
  } else if (!match.route || match.route->need == Need::kSession) {
    // A client-side path of the web console, opened or reloaded in the browser.
    if (auto page = ConsoleResponse(request)) return ReplyWith(reply, std::move(*page));
    response = Error(request, http::status::not_found, "not_found", "no such route",
                     "მისამართი არ არსებობს");
  } else if (auto denied = Denied(match.route->need, call)) {
    response = std::move(*denied);
  } else if (match.route->execute) {
    // Answered later; noted as every answer is, on the strand.
    return match.route->execute(
        *this, call,
        [reply = std::move(reply), match, caller = call.caller](std::function<Response()> make) {
          reply([make = std::move(make), match, caller] { return Noted(match, make(), &caller); });
        });
  } else {
    response = match.route->handle(*this, call);
  }
  ReplyWith(reply, Noted(match, std::move(response), &call.caller));
}

Response Api::Handle(const Request& request) {
  // The answer is rendered here, by the waiting caller, not on the thread that gave it.
  struct Given {
    std::mutex mu;
    std::condition_variable cv;
    std::optional<std::function<Response()>> make;
  };
  auto given = std::make_shared<Given>();
  Handle(std::make_shared<const Request>(request), [given](std::function<Response()> make) {
    std::lock_guard<std::mutex> lock(given->mu);
    if (given->make) return;  // given once
    given->make = std::move(make);
    given->cv.notify_one();
  });
  std::unique_lock<std::mutex> lock(given->mu);
  given->cv.wait(lock, [&given] { return given->make.has_value(); });
  return (*given->make)();
}

HttpServer::AsyncHandler Api::Handler() {
  return [this](std::shared_ptr<const Request> request, Reply reply) {
    Handle(std::move(request), std::move(reply));
  };
}

std::optional<Response> Api::Quick(const Request& request) {
  if (request.method() != http::verb::get) return std::nullopt;  // only probes are quick
  const Target target = Parse(request.target());
  const RouteMatch match = Match(request, target);
  if (!match.route || match.route->serving != Serving::kQuick) return std::nullopt;
  Call call{request, target, {}, std::nullopt};
  return Noted(match, match.route->handle(*this, call));
}

Response Api::MethodNotAllowed(const Request& request, const std::string& allow) {
  Response response =
      Error(request, http::status::method_not_allowed, "method_not_allowed",
            "this route takes " + allow + ", not " + std::string(request.method_string()),
            "ეს მისამართი მხოლოდ შემდეგ მეთოდებს იღებს: " + allow);
  response.set(http::field::allow, allow);
  return response;
}

std::optional<Response> Api::Denied(Need need, const Call& call) {
  if (need != Need::kRegisters && need != Need::kAuditor && need != Need::kHead) {
    return std::nullopt;  // nothing beyond the token or session the logins checked
  }
  const std::string& post = call.caller.post;
  const auto today = *workflows::Date::Parse(TbilisiDate(clock_()));
  if (need == Need::kRegisters && !workflows::MayReadRegisters(post, *Org(), today)) {
    boost::json::object error{
        {"code", "forbidden"},
        {"message",
         "the journals, reports and the nomenclature are read by the records office, unit heads, "
         "the head of the body, auditors and whoever acts for them"},
        {"message_ka",
         "ჟურნალებს, ანგარიშებსა და ნომენკლატურას კითხულობენ საქმისწარმოების სამსახური, "
         "სტრუქტურული ერთეულების ხელმძღვანელები, ორგანოს ხელმძღვანელი, აუდიტორები და მათი "
         "მოვალეობის შემსრულებლები"}};
    return Json(http::status::forbidden, boost::json::object{{"error", error}}, call.request);
  }
  if (need == Need::kAuditor && !workflows::MayReadAccessLog(post, *Org(), today)) {
    boost::json::object error{{"code", "forbidden"},
                              {"message", "the access log is read by auditors (power 'audit')"},
                              {"message_ka", "წვდომის ჟურნალს კითხულობენ აუდიტორები"},
                              {"missing_power", "audit"}};
    return Json(http::status::forbidden, boost::json::object{{"error", error}}, call.request);
  }
  if (need == Need::kHead) {
    // Moving time is the head's: the head of the body, or whoever acts for it today.
    const auto org = Org();
    if (!workflows::IsHeadOrActingHead(post, *org, today)) {
      boost::json::object error{
          {"code", "forbidden"},
          {"message", "only the head of the body (" + org->head_post() +
                          ") or whoever acts for them may move the simulated clock"},
          {"message_ka", "სიმულირებული საათის გადაწევა მხოლოდ ორგანოს ხელმძღვანელს შეუძლია"}};
      return Json(http::status::forbidden, boost::json::object{{"error", error}}, call.request);
    }
  }
  return std::nullopt;
}

Response Api::Health(const Call& call) {
  return Json(http::status::ok,
              boost::json::object{{"ok", true}, {"last_seq", engine_->log().LastSequence()}},
              call.request);
}

Response Api::Ready(const Call& call) {
  const Readiness readiness = ReadinessOf(*engine_, shutting_down_);
  return Json(readiness.ready ? http::status::ok : http::status::service_unavailable,
              ReadinessJson(readiness), call.request);
}

Response Api::ConsoleAnswer(const Call& call) {
  if (auto page = ConsoleResponse(call.request)) return std::move(*page);
  return Error(call.request, http::status::not_found, "not_found", "no such route",
               "მისამართი არ არსებობს");
}

HttpServer::Answered Api::AfterRequest() {
  return [this](const RequestRecord& record) {
    RecordRequest(record);
    LogRequest(record);
  };
}

Response Api::SessionAnswer(Call& call) {
  // Handle calls a session route only with the logins' answer (Logins::Admit answers them all).
  return std::move(*call.answered);
}

Response Api::JsonAnswer(const Call& call, const boost::json::value& body) {
  return Json(http::status::ok, body, call.request);
}

Response Api::CaseRead(const Call& call) {
  const std::string& case_id = call.part(2);
  const auto& query = call.target.query;
  if (!query.count("as_of") && !query.count("at_version")) {
    return CaseAnswer(call.request, call.caller.post, case_id);
  }
  Response denied;
  if (!ReadableCase(call.request, call.caller.post, case_id, "GET /v1/cases/{id}", false,
                    &denied)) {
    return denied;
  }
  return CaseAt(call.request, case_id, query);
}

Response Api::HistoryRead(const Call& call) {
  const std::string& case_id = call.part(2);
  Response denied;
  if (!ReadableCase(call.request, call.caller.post, case_id, "GET /v1/cases/{id}/history", false,
                    &denied)) {
    return denied;
  }
  return History(call.request, case_id, call.target.query);
}

Response Api::ReportRead(const Call& call) {
  bool ok = false;
  const int year = YearOf(call.target, clock_, &ok);
  if (!ok) {
    return Error(call.request, http::status::bad_request, "bad_request", "year must be YYYY",
                 "წელი არასწორია");
  }
  return Report(call.request, year, call.target.query);
}

Response Api::JournalRead(const Call& call) {
  int year = 0;
  if (auto refused =
          JournalRefused(call.request, call.caller.post, call.part(2), call.target.query, &year)) {
    return std::move(*refused);
  }
  return JournalAnswer(call.request, call.part(2), year, call.target.query);
}

Response Api::JournalList(const Call& call) {
  const auto today = *workflows::Date::Parse(TbilisiDate(clock_()));
  boost::json::array list;
  for (const auto& journal : workflows::journals::Listed()) {
    // Only what the caller may open: each name listed answers at /v1/journals/{name}.
    if (!workflows::MayReadJournal(journal.name, call.caller.post, *Org(), today)) continue;
    boost::json::object item{{"name", journal.name}};
    if (journal.body) {
      item["body_kind"] = journal.body->kind;
      item["body_code"] = journal.body->code;
      item["body_name_ka"] = journal.body->name_ka;
      item["body_name_en"] = journal.body->name_en;
    }
    list.push_back(std::move(item));
  }
  return Json(http::status::ok, boost::json::object{{"journals", std::move(list)}}, call.request);
}

Response Api::NomenclatureRead(const Call& call) {
  bool ok = false;
  const int year = YearOf(call.target, clock_, &ok);
  if (!ok) {
    return Error(call.request, http::status::bad_request, "bad_request", "year must be YYYY",
                 "წელი არასწორია");
  }
  auto cases = engine::ViewReader(engine_->log()).Nomenclature(year);
  if (!cases.ok()) return FromStatus(call.request, cases.status());
  return Json(http::status::ok, boost::json::object{{"year", year}, {"cases", cases.value()}},
              call.request);
}

Response Api::NotAStream(const Call& call) {
  return StreamCursor(call.request)
             ? Error(call.request, http::status::bad_request, "bad_request",
                     "this route streams Server-Sent Events; connect with an SSE client",
                     "ეს მისამართი SSE ნაკადია")
             : Error(call.request, http::status::bad_request, "bad_request",
                     "Last-Event-ID or after must be an alert id (a whole number)",
                     "Last-Event-ID ან after უნდა იყოს მთელი რიცხვი");
}

void Api::Execute(Call& call, const std::string& case_id, bool opening, Reply reply) {
  const auto started = std::chrono::steady_clock::now();
  engine::Submission submission;
  std::string type;
  if (auto refused = Prepare(call.request, call.caller, case_id, opening, &submission, &type)) {
    if (!type.empty()) Note(&*refused, kNoteCommand, type);
    return ReplyWith(reply, std::move(*refused));
  }
  Submit(call, std::move(submission), type, opening, started, std::move(reply));
}

void Api::Submit(const Call& call, engine::Submission submission, const std::string& type,
                 bool opening, std::chrono::steady_clock::time_point started, Reply reply) {
  // Answered on the writer thread: handed on to the connection's strand, rendered there.
  engine_->Submit(std::move(submission), [this, request = call.held, type, opening, started,
                                          reply = std::move(reply)](Result<engine::Outcome> done) {
    auto outcome = std::make_shared<Result<engine::Outcome>>(std::move(done));
    reply([this, request, type, opening, started, outcome] {
      Response answer = Answer(*request, std::move(*outcome), type, opening, started);
      Note(&answer, kNoteCommand, type);
      return answer;
    });
  });
}

namespace {

// The command of a JSON body ({command_id, expected_version?, command}) into `submission`'s
// command, id and expected version, and its type into `*type`; or the 400 that says what is
// wrong.
std::optional<Response> FromJsonBody(const Request& request, engine::Submission& submission,
                                     std::string* type) {
  auto parsed = ParseJsonBody(request.body());  // duplicate keys and NUL are refused too
  if (!parsed.ok()) return FromStatus(request, parsed.status());
  if (!parsed->is_object()) {
    return Error(request, http::status::bad_request, "bad_request",
                 "the body must be a JSON object in UTF-8: not an object",
                 "მოთხოვნის ტანი უნდა იყოს JSON ობიექტი");
  }
  const auto& object = parsed->as_object();
  auto command_id = object.find("command_id");
  if (command_id == object.end() || !command_id->value().is_string()) {
    return Error(request, http::status::bad_request, "bad_request",
                 "command_id (a string) is required", "command_id აუცილებელია");
  }
  submission.command_id = std::string(command_id->value().as_string());
  if (auto expected = object.find("expected_version"); expected != object.end()) {
    const auto& v = expected->value();
    if (v.is_int64() && v.as_int64() >= 0 && v.as_int64() <= int64_t{UINT32_MAX}) {
      submission.expected_version = static_cast<uint32_t>(v.as_int64());
    } else if (v.is_uint64() && v.as_uint64() <= UINT32_MAX) {
      submission.expected_version = static_cast<uint32_t>(v.as_uint64());
    } else {
      return Error(request, http::status::bad_request, "bad_request",
                   "expected_version must be a whole number",
                   "expected_version უნდა იყოს მთელი რიცხვი");
    }
  }
  for (const auto& [key, value] : object) {
    if (key != "command_id" && key != "command" && key != "expected_version") {
      return Error(request, http::status::bad_request, "bad_request",
                   "unknown field '" + std::string(key) + "'",
                   "უცნობი ველი '" + std::string(key) + "'");
    }
  }
  capnp::MallocMessageBuilder message;
  Status built = object.contains("command")
                     ? CommandFromJson(object.at("command"), message)
                     : Status::Error(Status::Code::kInvalidArgument, "command is required",
                                     "command აუცილებელია");
  if (!built.ok()) return FromStatus(request, built);
  *type = object.at("command").as_object().at("type").as_string().c_str();
  submission.command = capnp::messageToFlatArray(message);
  return std::nullopt;
}

}  // namespace

std::optional<Response> Api::Prepare(const Request& request, const Caller& caller,
                                     const std::string& case_id, bool opening,
                                     engine::Submission* submission_out, std::string* type_out) {
  engine::Submission& submission = *submission_out;
  std::string& type = *type_out;
  const std::string content_type(request[http::field::content_type]);
  if (content_type.rfind("application/x-capnp", 0) == 0) {
    // A Command message (with its segment table) that carries its own id and expected version.
    auto decoded = DecodeCapnpCommand(request.body());
    if (!decoded.ok()) return FromStatus(request, decoded.status());
    type = decoded->type;
    submission.command_id = decoded->command_id;
    submission.expected_version = decoded->expected_version;
    submission.command = std::move(decoded->words);
  } else if (auto refused = FromJsonBody(request, submission, &type)) {
    return refused;
  }
  submission.actor_post = caller.post;
  submission.actor_person = caller.person;
  submission.case_id = opening ? CaseIdFor(submission.command_id) : case_id;
  return Addressable(request, submission, type, opening);
}

std::optional<Response> Api::Addressable(const Request& request, engine::Submission& submission,
                                         const std::string& type, bool opening) {
  // The org commands go to the one org case, through POST /v1/org/commands only; whoever may
  // give them is the workflow's to say (the power appoint), not the case's readers.
  const bool org_command = workflows::org::IsOrgCommand(type);
  if (org_command != (submission.case_id == workflows::kOrgCaseId && !opening)) {
    return Error(request, http::status::bad_request, "bad_request",
                 org_command ? type + " changes the org chart: POST /v1/org/commands"
                             : type + " is not an org command (set_acting, end_acting, appoint)",
                 org_command ? "ეს ბრძანება ორგანიზაციის სტრუქტურას ცვლის: POST /v1/org/commands"
                             : "ეს არ არის ორგანიზაციის ბრძანება");
  }
  const bool opens = workflows::OpensCase(type);
  // The year's nomenclature and the calendar are cases that later commands extend.
  const bool either = type == "approve_nomenclature" || type == "declare_day_off";
  // Every declared day off belongs to the one calendar case.
  if (type == "declare_day_off" && opening) submission.case_id = workflows::kCalendarCaseId;
  if (opens != opening && !(either && !opening)) {
    return Error(request, http::status::bad_request, "bad_request",
                 opening ? type + " acts on an existing case: POST /v1/cases/{id}/commands"
                         : type + " opens a new case: POST /v1/cases",
                 opening ? "ეს ბრძანება არსებულ საქმეზე გაიცემა" : "ეს ბრძანება ახალ საქმეს ხსნის");
  }
  if (!opening && !org_command) {
    // Checked once the command is known good, so that an unreadable case answers exactly as a
    // missing one (docs/access.md).
    Response denied;
    if (!ReadableCase(request, submission.actor_post, submission.case_id,
                      "POST /v1/cases/{id}/commands", true, &denied)) {
      return denied;
    }
  }
  return std::nullopt;
}

Response Api::Answer(const Request& request, Result<engine::Outcome> outcome,
                     const std::string& type, bool opening,
                     std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!outcome.ok()) {
    Count(type, Status::CodeName(outcome.status().code()), seconds);
    return FromStatus(request, outcome.status());
  }
  if (outcome->refused) {
    Count(type, outcome->refusal.forbidden() ? "forbidden" : "refused", seconds);
    boost::json::object error{{"code", outcome->refusal.forbidden() ? "forbidden" : "refused"},
                              {"message", outcome->refusal.message_en},
                              {"message_ka", outcome->refusal.message_ka}};
    if (outcome->refusal.forbidden()) error["missing_power"] = outcome->refusal.missing_power;
    return Json(
        outcome->refusal.forbidden() ? http::status::forbidden : http::status::unprocessable_entity,
        boost::json::object{{"error", error}}, request);
  }
  Count(type, outcome->duplicate ? "retry" : "applied", seconds);
  // Written as text, the events straight from their messages (api/outcome_json.h): the keys and
  // bytes of the object {case_id, version, duplicate, events, then the case's headline}.
  std::string body;
  engine::JsonWriter w(body);
  w.BeginObject();
  w.Field("case_id", outcome->case_id);
  w.Field("version", outcome->version);
  w.Field("duplicate", outcome->duplicate);
  w.Key("events");
  WriteEventsJson(outcome.value(), w);
  // The new case's headline; for a retry of an opening command, the case as it stands now.
  const engine::CaseHeadline* headline = outcome->headline ? &*outcome->headline : nullptr;
  engine::CaseHeadline current;
  if (!headline && opening) {
    if (auto view = engine::ViewReader(engine_->log()).Case(outcome->case_id); view.ok()) {
      for (const auto& [key, field] : engine::CaseHeadline::FieldsOf(current)) {
        const auto* value = view->if_contains(key);
        if (value && value->is_string()) *field = value->as_string();
      }
      headline = &current;
    }
  }
  if (headline) {
    for (const auto& [key, field] : engine::CaseHeadline::FieldsOf(*headline)) {
      if (!field->empty()) w.Field(key, *field);
    }
  }
  w.EndObject();
  return JsonText(opening && !outcome->duplicate ? http::status::created : http::status::ok,
                  std::move(body), request);
}

std::optional<Caller> Api::Identify(const Request& request) const {
  return logins_->Identify(request);
}

std::optional<std::string> Api::Authenticate(const Request& request) const {
  auto caller = Identify(request);
  if (!caller) return std::nullopt;
  return caller->post;
}

Response Api::Alerts(const Request& request, const std::string& post) {
  const Target target = Parse(request.target());
  auto after = WholeNumber(target.query.count("after") ? target.query.at("after") : "0");
  auto limit = PageLimit(target.query.count("limit") ? target.query.at("limit") : "100");
  if (!after || !limit) {
    return Error(request, http::status::bad_request, "bad_request",
                 "after must be an alert id (a whole number) and limit 1 to 1000",
                 "after უნდა იყოს შეტყობინების ნომერი, limit კი 1-დან 1000-მდე");
  }
  auto alerts = engine::ViewReader(engine_->log()).Alerts(post, *after, *limit);
  if (!alerts.ok()) return FromStatus(request, alerts.status());
  const uint64_t cursor =
      alerts->empty() ? *after : alerts->back().as_object().at("id").to_number<uint64_t>();
  return Json(http::status::ok,
              boost::json::object{{"post", post}, {"alerts", alerts.value()}, {"cursor", cursor}},
              request);
}

std::optional<uint64_t> Api::StreamCursor(const Request& request) const {
  const std::string last_event_id(request["Last-Event-ID"]);
  if (!last_event_id.empty()) return WholeNumber(last_event_id);
  const Target target = Parse(request.target());
  return WholeNumber(target.query.count("after") ? target.query.at("after") : "0");
}

std::optional<Stream> Api::OpenStream(const Request& request) {
  const Target target = Parse(request.target());
  const RouteMatch match = Match(request, target);
  const Route* route = match.route;
  if (!route || !route->open || (route->streamed && !route->streamed(target))) {
    return std::nullopt;
  }
  Call call{request, target, {}, std::nullopt};
  // Refused (e.g. a password to change first), or without what the route needs: Handle
  // answers why.
  if (logins_->Admit(request, target.parts, &call.caller) || Denied(route->need, call)) {
    return std::nullopt;
  }
  auto stream = route->open(*this, call);
  if (stream) stream->head = Noted(match, std::move(stream->head), &call.caller);
  return stream;
}

std::optional<Stream> Api::AlertStream(const Call& call) {
  const Request& request = call.request;
  const Caller& caller = call.caller;
  const auto cursor = StreamCursor(request);
  if (!cursor) return std::nullopt;
  // No client holds the server's connections for itself (docs/reliability.md).
  StreamLimits::Over over = StreamLimits::Over::kNone;
  StreamLimits::Ticket ticket =
      stream_limits_.Admit(caller.login, std::string(request[kClientAddressField]), &over);
  if (!ticket) {
    Stream refused;
    refused.head =
        over == StreamLimits::Over::kCaller
            ? Error(request, http::status::too_many_requests, "too_many_streams",
                    "this token or login already holds its limit of open alert streams; close "
                    "one first",
                    "ამ ტოკენს ან მომხმარებელს უკვე აქვს ღია შეტყობინებების ნაკადების "
                    "დასაშვები რაოდენობა; ჯერ დახურეთ ერთი")
            : Error(request, http::status::too_many_requests, "too_many_streams",
                    "this address already holds its limit of open alert streams; close one first",
                    "ამ მისამართიდან უკვე ღიაა შეტყობინებების ნაკადების დასაშვები რაოდენობა; "
                    "ჯერ დახურეთ ერთი");
    refused.head.set(http::field::retry_after, "30");
    return refused;
  }
  Stream stream;
  stream.head = Response{http::status::ok, request.version()};
  stream.head.set(http::field::content_type, "text/event-stream; charset=utf-8");
  stream.head.set(http::field::cache_control, "no-cache");
  // Each alert is one event whose id is the alert id, so a client that reconnects with
  // Last-Event-ID receives exactly what it missed.
  struct State {
    uint64_t cursor, seen;
    bool greeted = false, more = false;
  };
  auto state = std::make_shared<State>(State{*cursor, engine_->log().LastSequence()});
  engine::Engine* engine = engine_;
  // The credentials alone, kept to ask again at every step who the stream serves: a logout,
  // a disabled person, a reset, a revoked token, a switched post or an idle session end it.
  auto credentials =
      std::make_shared<Request>(http::verb::get, request.target(), request.version());
  for (const auto field : {http::field::authorization, http::field::cookie}) {
    const auto [first, last] = request.equal_range(field);
    for (auto it = first; it != last; ++it) credentials->insert(field, it->value());
  }
  Logins* logins = logins_.get();
  // Called on the server's timer (the Stream contract): it never waits, and reads the alerts
  // view only when something was committed since the last read. The ticket holds the stream's
  // place under the limits until the stream ends.
  stream.next = [engine, logins, credentials, state, post = caller.post,
                 ticket]() -> std::optional<std::string> {
    const auto still = logins->Recheck(*credentials);  // never restarts a session's idle time
    if (!still || still->post != post) return std::nullopt;
    std::string out;
    // Everything durable up to `durable` is in the views read next (a zero wait: no block).
    const uint64_t durable = engine->WaitForEventsAfter(state->seen, std::chrono::milliseconds(0));
    if (state->greeted && !state->more && durable == state->seen) return out;
    if (!state->greeted) {
      state->greeted = true;
      out = "retry: 2000\n\n";
    }
    state->seen = durable;
    constexpr size_t kBatch = 100;
    auto alerts = engine::ViewReader(engine->log()).Alerts(post, state->cursor, kBatch);
    if (!alerts.ok()) return std::nullopt;
    state->more = alerts->size() >= kBatch;  // the rest at the next tick
    for (const auto& alert : alerts.value()) {
      const uint64_t id = alert.as_object().at("id").to_number<uint64_t>();
      out += "id: " + std::to_string(id) +
             "\nevent: alert\ndata: " + boost::json::serialize(alert) + "\n\n";
      state->cursor = id;
    }
    return out;
  };
  return stream;
}

bool Api::EnterHeavyRead(const Request& request, std::shared_ptr<HeavyReadGate::Pass>* pass,
                         Response* busy) {
  *pass = heavy_reads_->TryEnter();
  if (*pass) return true;
  *busy = Error(request, http::status::service_unavailable, "unavailable",
                "too many journals, reports and verifications are being read at once; try again "
                "in a few seconds",
                "ამჟამად ძალიან ბევრი ჟურნალი, ანგარიში ან შემოწმება იკითხება ერთდროულად; სცადეთ "
                "რამდენიმე წამში");
  busy->set(http::field::retry_after, std::to_string(HeavyReadGate::kRetryAfterSeconds));
  return false;
}

std::optional<Response> Api::JournalRefused(const Request& request, const std::string& post,
                                            const std::string& journal,
                                            const std::map<std::string, std::string>& query,
                                            int* year) {
  if (!workflows::journals::IsJournal(journal)) {
    return Error(request, http::status::not_found, "not_found", "no journal '" + journal + "'",
                 "ჟურნალი '" + journal + "' არ არსებობს");
  }
  if (!workflows::MayReadJournal(journal, post, *Org(),
                                 *workflows::Date::Parse(TbilisiDate(clock_())))) {
    return Error(request, http::status::forbidden, "forbidden",
                 "the register of issued certificates names persons: it is read by the records "
                 "office and auditors",
                 "გაცემული ცნობების რეესტრი პერსონალურ მონაცემებს შეიცავს: მას კითხულობენ "
                 "საქმისწარმოების სამსახური და აუდიტორები");
  }
  bool ok = false;
  *year = YearOf(Target{{}, query}, clock_, &ok);
  if (!ok) {
    return Error(request, http::status::bad_request, "bad_request", "year must be YYYY",
                 "წელი არასწორია");
  }
  return std::nullopt;
}

std::optional<Stream> Api::JournalExportStream(const Request& request, const std::string& post) {
  const Target target = Parse(request.target());
  const std::string& journal = target.parts[2];
  const auto format = target.query.find("format");
  if (format == target.query.end() || (format->second != "csv" && format->second != "html")) {
    return std::nullopt;  // JSON pages are light; another format is Handle's 400
  }
  const auto page = PageOf(target.query);
  int year = 0;
  if (!page.ok() || page->asked || JournalRefused(request, post, journal, target.query, &year)) {
    return std::nullopt;  // Handle answers the refusal
  }
  std::shared_ptr<HeavyReadGate::Pass> pass;
  if (Response busy; !EnterHeavyRead(request, &pass, &busy)) {
    return WholeStream(std::move(busy));
  }
  const bool csv = format->second == "csv";
  Response head{http::status::ok, request.version()};
  head.set(http::field::content_type, csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8");
  if (csv) {
    head.set(http::field::content_disposition,
             "attachment; filename=\"" + journal + "-" + std::to_string(year) + ".csv\"");
  }
  engine::Engine* engine = engine_;
  auto read = [engine, journal, year, pass](uint32_t after, size_t limit) {
    auto entries = engine::ViewReader(engine->log()).Journal(journal, year, after, limit);
    if (entries.ok()) AddGeorgianValues(entries.value(), *engine->Chart());
    return entries;  // `pass` is held as long as the stream reads
  };
  return BodyStream(
      std::move(head), request.version(),
      JournalExportBody(journal, year, csv ? JournalFormat::kCsv : JournalFormat::kHtml, read));
}

void Api::Acknowledge(const Call& call, const std::string& id, Reply reply) {
  const Request& request = call.request;
  const std::string& post = call.caller.post;
  const auto seq = WholeNumber(id);
  if (!seq) {
    return ReplyWith(reply,
                     Error(request, http::status::bad_request, "bad_request",
                           "an alert id is a whole number", "შეტყობინების ნომერი მთელი რიცხვია"));
  }
  auto alert =
      engine::ViewReader(engine_->log()).Alert(post, *seq);  // only the caller's own alerts
  if (!alert.ok()) return ReplyWith(reply, FromStatus(request, alert.status()));
  capnp::MallocMessageBuilder message;
  message.initRoot<schema::Command>().initAcknowledgeAlert().setAlertSeq(*seq);
  engine::Submission submission;
  submission.case_id = std::string(alert->at("case_id").as_string());
  submission.command_id = "ack:" + post + ":" + id;  // a repeated ack is a retry
  submission.actor_post = post;
  submission.actor_person = call.caller.person;
  submission.command = capnp::messageToFlatArray(message);
  const std::string type = "acknowledge_alert";
  const auto started = std::chrono::steady_clock::now();  // timed from here, as before
  if (auto refused = Addressable(request, submission, type, false)) {
    return ReplyWith(reply, std::move(*refused));
  }
  Submit(call, std::move(submission), type, false, started, std::move(reply));
}

Response Api::Control(const Request& request, const std::string& post) {
  const Target target = Parse(request.target());
  bool ok = false;
  engine::ControlQuery query;
  query.viewer = post;
  query.unit = target.query.count("unit") ? target.query.at("unit") : "";
  query.year = YearOf(target, clock_, &ok);
  query.today = *workflows::Date::Parse(TbilisiDate(clock_()));
  if (!ok) {
    return Error(request, http::status::bad_request, "bad_request", "year must be YYYY",
                 "წელი არასწორია");
  }
  const auto drill =
      engine::DrillNamed(target.query.count("drill") ? target.query.at("drill") : "");
  if (!drill) {
    return Error(request, http::status::bad_request, "bad_request",
                 "drill must be overdue or due_soon", "drill უნდა იყოს overdue ან due_soon");
  }
  query.drill = *drill;
  auto dashboard = engine::ControlDashboard(*engine_, *Org(), query);
  if (!dashboard.ok()) return FromStatus(request, dashboard.status());
  return Json(http::status::ok, dashboard.value(), request);
}

Response Api::ControlListAnswer(const Request& request) {
  const Target target = Parse(request.target());
  bool ok = false;
  engine::ControlListQuery query;
  query.year = YearOf(target, clock_, &ok);
  query.today = *workflows::Date::Parse(TbilisiDate(clock_()));
  if (!ok) {
    return Error(request, http::status::bad_request, "bad_request", "year must be YYYY",
                 "წელი არასწორია");
  }
  const auto state = target.query.find("state");
  if (state != target.query.end()) {
    if (state->second != "open" && state->second != "closed") {
      return Error(request, http::status::bad_request, "bad_request",
                   "state must be open or closed", "state უნდა იყოს open ან closed");
    }
    query.closed = state->second == "closed";
  }
  const auto format = target.query.find("format");
  const std::string as = format == target.query.end() ? "json" : format->second;
  if (as != "json" && as != "csv") {
    return Error(request, http::status::bad_request, "bad_request", "format must be json or csv",
                 "ფორმატი უნდა იყოს json ან csv");
  }
  std::shared_ptr<HeavyReadGate::Pass> pass;  // every document of the year
  if (Response busy; !EnterHeavyRead(request, &pass, &busy)) return busy;
  auto list = engine::ControlList(*engine_, query);
  if (!list.ok()) return FromStatus(request, list.status());
  if (as == "csv") {
    static const std::vector<std::string> kColumns = {"registration_number",
                                                      "registered_on",
                                                      "kind",
                                                      "subject",
                                                      "sender",
                                                      "executor",
                                                      "due",
                                                      "answered_on",
                                                      "standing",
                                                      "standing_ka",
                                                      "case_id"};
    return Text(request, "text/csv; charset=utf-8", RowsCsv(list.value(), kColumns),
                "control-" + std::to_string(query.year) + ".csv");
  }
  boost::json::object body{{"year", query.year},
                           {"today", query.today.ToString()},
                           {"figures", engine::ControlFiguresJson(engine::FiguresOf(list.value()))},
                           {"documents", std::move(list.value())}};
  return Json(http::status::ok, body, request);
}

Response Api::OrgAnswer(const Request& request, const std::map<std::string, std::string>& query) {
  const auto org = Org();
  auto as_of = workflows::Date::Parse(TbilisiDate(clock_()));
  if (auto it = query.find("as_of"); it != query.end()) {
    as_of = workflows::Date::Parse(it->second);
    if (!as_of) {
      return Error(request, http::status::bad_request, "bad_request",
                   "as_of must be a date written YYYY-MM-DD",
                   "as_of უნდა იყოს თარიღი ფორმატით YYYY-MM-DD");
    }
  }
  boost::json::array units, posts, acting, appointments;
  for (const auto& u : org->units()) {
    units.push_back({{"id", u.id},
                     {"name_ka", u.name_ka},
                     {"name_en", u.name_en},
                     {"parent", u.parent},
                     {"head_post", u.head_post}});
  }
  for (const auto& post_entry : org->posts()) {
    boost::json::array powers;
    for (auto power : post_entry.powers)
      powers.push_back(boost::json::string(workflows::PowerName(power)));
    boost::json::object entry{{"id", post_entry.id},
                              {"title", post_entry.title_ka},
                              {"title_en", post_entry.title_en},
                              {"unit", post_entry.unit},
                              {"holder", org->HolderOn(post_entry.id, *as_of)},
                              {"supervisor", post_entry.supervisor},
                              {"delegated_supervisor", post_entry.delegated_supervisor},
                              {"powers", powers}};
    if (auto by = org->ActingFor(post_entry.id, *as_of)) entry["acted_for_by"] = by->acting_post;
    posts.push_back(std::move(entry));
  }
  for (const auto& a : org->acting()) {
    acting.push_back({{"post", a.post},
                      {"acting_post", a.acting_post},
                      {"from", a.from.ToString()},
                      {"to", a.to.ToString()},
                      {"basis", a.basis},
                      {"running", a.Covers(*as_of)}});
  }
  for (const auto& a : org->appointments()) {
    appointments.push_back(
        {{"post", a.post}, {"person", a.person}, {"from", a.from.ToString()}, {"basis", a.basis}});
  }
  return Json(http::status::ok,
              boost::json::object{{"body", org->body_name_ka()},
                                  {"body_en", org->body_name_en()},
                                  {"head_post", org->head_post()},
                                  {"as_of", as_of->ToString()},
                                  {"from_log", !engine_->adopted_chart().empty()},
                                  {"units", units},
                                  {"posts", posts},
                                  {"acting", acting},
                                  {"appointments", appointments}},
              request);
}

void Api::EnableClockAdvance(engine::SimulatedClock* clock,
                             std::function<Result<engine::Engine::WatchReport>()> watch) {
  simulated_clock_ = clock;
  watch_ = std::move(watch);
}

Response Api::AdvanceClock(const Request& request) {
  auto body = ParseJsonBody(request.body());
  const boost::json::object* object = body.ok() ? body->if_object() : nullptr;
  const boost::json::value* days = object ? object->if_contains("days") : nullptr;
  if (!days || !days->is_int64() || object->size() != 1) {
    return Error(request, http::status::bad_request, "bad_request",
                 "the body must be {\"days\": N} with N from 1 to 366",
                 "ტანი უნდა იყოს {\"days\": N}, N 1-დან 366-მდე");
  }
  const int64_t n = days->as_int64();
  Status moved = n < 1 || n > 366 ? simulated_clock_->Advance(0)
                                  : simulated_clock_->Advance(static_cast<int>(n));
  if (!moved.ok()) return FromStatus(request, moved);
  boost::json::object result{{"now", FormatTbilisiTime(clock_())},
                             {"today", TbilisiDate(clock_())}};
  if (watch_) {
    auto report = watch_();
    if (!report.ok()) return FromStatus(request, report.status());
    result["watch"] = {{"cases", report->cases}, {"events", report->events}};
  }
  return Json(http::status::ok, result, request);
}

Response Api::Metrics(const Request& request) {
  std::ostringstream out;
  {
    std::lock_guard<std::mutex> lock(metrics_mu_);
    out << "# HELP saqme_commands_total Commands by type and outcome.\n"
           "# TYPE saqme_commands_total counter\n";
    for (const auto& [key, count] : commands_) {
      out << "saqme_commands_total{type=\"" << key.first << "\",outcome=\"" << key.second << "\"} "
          << count << "\n";
    }
    out << "# HELP saqme_command_seconds Time from request to durable answer.\n"
           "# TYPE saqme_command_seconds histogram\n";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < std::size(kLatencyBounds); ++i) {
      cumulative += latency_buckets_[i];
      out << "saqme_command_seconds_bucket{le=\"" << kLatencyBounds[i] << "\"} " << cumulative
          << "\n";
    }
    cumulative += latency_buckets_.back();
    out << "saqme_command_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
        << "saqme_command_seconds_sum " << latency_sum_ << "\n"
        << "saqme_command_seconds_count " << latency_count_ << "\n";
  }
  const auto stats = engine_->stats();
  out << "# HELP saqme_fsync_groups_total Synced batches.\n# TYPE saqme_fsync_groups_total "
         "counter\n"
      << "saqme_fsync_groups_total " << stats.groups << "\n"
      << "# HELP saqme_fsync_group_commands_total Commands answered by those batches.\n"
         "# TYPE saqme_fsync_group_commands_total counter\n"
      << "saqme_fsync_group_commands_total " << stats.commands << "\n"
      << "# HELP saqme_log_last_seq The last durable event sequence.\n"
         "# TYPE saqme_log_last_seq gauge\n"
      << "saqme_log_last_seq " << engine_->log().LastSequence() << "\n"
      << "# HELP saqme_ready 1 while commands are accepted (GET /ready), else 0.\n"
         "# TYPE saqme_ready gauge\n"
      << "saqme_ready " << ReadinessOf(*engine_, shutting_down_).ready << "\n";
  Sample(out, "saqme_heavy_reads_running", "gauge",
         "Journal exports, reports and verifications running.", heavy_reads_->running());
  Sample(out, "saqme_heavy_reads_refused_total", "counter",
         "Heavy reads refused with 503 (all places taken).", heavy_reads_->refused());
  Sample(out, "saqme_streams_refused_total", "counter",
         "Alert streams refused (429) over a limit per caller or address.",
         stream_limits_.refused());
  if (server_stats_) {
    const HttpServer::Stats server = server_stats_();
    Sample(out, "saqme_http_open_connections", "gauge", "Client connections open now.",
           server.open_connections);
    Sample(out, "saqme_http_open_streams", "gauge", "Server-Sent Event streams open now.",
           server.open_streams);
    Sample(out, "saqme_http_refused_connections_total", "counter",
           "Connections refused (503) over the limit in total or per address.",
           server.refused_connections);
    Sample(out, "saqme_http_refused_busy_total", "counter",
           "Requests refused (503) with every worker taken.", server.refused_busy);
  }
  if (backup_age_) {
    const auto age = backup_age_();
    out << "# HELP saqme_backup_age_seconds Since the last scheduled backup began (-1: none).\n"
           "# TYPE saqme_backup_age_seconds gauge\n"
        << "saqme_backup_age_seconds " << age.value_or(-1) << "\n";
  }
  WorkloadMetrics(out);
  request_metrics_.Write(out);
  return Text(request, "text/plain; version=0.0.4", out.str());
}

void Api::WorkloadMetrics(std::ostream& out) {
  const auto writer = engine_->stats();
  PromFamily(out, "saqme_fsync_group_commands", "histogram",
             "Commands (and watch tasks) per fsync'd batch of the writer.");
  PromHistogram(out, "saqme_fsync_group_commands", "", writer.group_jobs);
  PromFamily(out, "saqme_fsync_duration_seconds", "histogram",
             "How long each batch's synced write (the fsync) took.");
  PromHistogram(out, "saqme_fsync_duration_seconds", "", writer.fsync_seconds);
  PromFamily(out, "saqme_writer_queue_depth", "gauge",
             "Commands waiting for the writer (not yet in the batch being written).");
  PromSample(out, "saqme_writer_queue_depth", "", static_cast<double>(writer.queued));
  PromFamily(out, "saqme_log_events_total", "counter", "Events made durable since the start.");
  PromSample(out, "saqme_log_events_total", "", static_cast<double>(writer.events));

  // Counted by CaseGauges on its own thread; absent until its first count is done.
  const CaseGauges::Count cases = case_gauges_.Get();
  if (cases.done) {
    uint64_t open = 0;
    for (const auto& [unit, figures] : cases.units) open += figures.open;
    PromFamily(out, "saqme_open_cases", "gauge", "Open proceedings with a running deadline.");
    PromSample(out, "saqme_open_cases", "", static_cast<double>(open));
    PromFamily(out, "saqme_unit_open_cases", "gauge",
               "Open proceedings per org unit of the post responsible for the deadline.");
    for (const auto& [unit, figures] : cases.units) {
      PromSample(out, "saqme_unit_open_cases", PromLabels({{"unit", unit}}),
                 static_cast<double>(figures.open));
    }
    PromFamily(out, "saqme_unit_overdue_cases", "gauge",
               "Open proceedings past their due date, per org unit of the responsible post.");
    for (const auto& [unit, figures] : cases.units) {
      PromSample(out, "saqme_unit_overdue_cases", PromLabels({{"unit", unit}}),
                 static_cast<double>(figures.overdue));
    }
    PromFamily(out, "saqme_case_gauges_age_seconds", "gauge",
               "Since the per-unit case figures were counted.");
    PromSample(out, "saqme_case_gauges_age_seconds", "",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - cases.at).count());
  }
  PromFamily(out, "saqme_alert_subscribers", "gauge",
             "Deadline alert streams (GET /v1/alerts/stream) open now.");
  PromSample(out, "saqme_alert_subscribers", "", static_cast<double>(stream_limits_.open()));
  // One node until the cluster exists (docs/operations.md, "Monitoring").
  PromFamily(out, "saqme_replication_role", "gauge",
             "1 for this node's replication role: standalone (no replication yet).");
  PromSample(out, "saqme_replication_role", PromLabels({{"role", "standalone"}}), 1);
  PromFamily(out, "saqme_replication_lag_seconds", "gauge",
             "How far this node's log is behind the primary's (0 standalone).");
  PromSample(out, "saqme_replication_lag_seconds", "", 0);
}

}  // namespace saqme::api

namespace saqme::api {

Response Api::CaseAt(const Request& request, const std::string& case_id,
                     const std::map<std::string, std::string>& query) {
  replay::ReplayPoint point;
  auto as_of = query.find("as_of"), at_version = query.find("at_version");
  if (as_of != query.end() && at_version != query.end()) {
    return Error(request, http::status::bad_request, "bad_request",
                 "give as_of or at_version, not both", "მიუთითეთ as_of ან at_version, არა ორივე");
  }
  if (as_of != query.end()) {
    // A '+' typed into the URL (…T10:30:00+04:00) arrives decoded as a space; no instant holds
    // a space, so it can only have been that '+'.
    std::string instant = as_of->second;
    std::replace(instant.begin(), instant.end(), ' ', '+');
    point.recorded_by = ParseInstant(instant);
    if (!point.recorded_by) {
      return Error(request, http::status::bad_request, "bad_request",
                   "as_of must be a date or time such as 2026-04-14 or 2026-04-14T10:30:00+04:00",
                   "as_of უნდა იყოს თარიღი ან დრო, მაგ. 2026-04-14 ან 2026-04-14T10:30:00+04:00");
    }
  } else {
    uint32_t version = 0;
    const std::string& text = at_version->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (error != std::errc() || end != text.data() + text.size() || version == 0) {
      return Error(request, http::status::bad_request, "bad_request",
                   "at_version must be a version number, 1 or more",
                   "at_version უნდა იყოს ვერსიის ნომერი (1 ან მეტი)");
    }
    point.version = version;
  }
  auto state = replay::ReplayCase(engine_->log(), case_id, point);
  if (!state.ok()) return FromStatus(request, state.status());
  auto view = engine::CaseView(state.value());
  if (point.recorded_by) view["as_of"] = FormatTbilisiTime(*point.recorded_by);
  if (point.version) view["at_version"] = *point.version;
  return Json(http::status::ok, view, request);
}

Response Api::History(const Request& request, const std::string& case_id,
                      const std::map<std::string, std::string>& query) {
  auto format = query.find("format");
  const bool csv = format != query.end() && format->second == "csv";
  if (format != query.end() && !csv && format->second != "json") {
    return Error(request, http::status::bad_request, "bad_request", "format must be json or csv",
                 "ფორმატი უნდა იყოს json ან csv");
  }
  const auto page = PageOf(query);
  if (!page.ok()) return FromStatus(request, page.status());
  if (csv && page->asked) return WholeFormatOnly(request);
  auto events = replay::ExportCase(engine_->log(), case_id);
  if (!events.ok()) return FromStatus(request, events.status());
  if (csv) {
    return Text(request, "text/csv; charset=utf-8", replay::ExportCsv(events.value()),
                case_id + "-history.csv");
  }
  if (!page->asked) {
    return Text(request, "application/json; charset=utf-8",
                replay::ExportJson(case_id, events.value()));
  }
  boost::json::value next;
  const boost::json::array events_page = Slice(events.value(), page.value(), "version", &next);
  return Json(
      http::status::ok,
      boost::json::object{{"case_id", case_id}, {"events", events_page}, {"next_cursor", next}},
      request);
}

Response Api::AuditVerify(const Request& request, const std::map<std::string, std::string>& query) {
  std::optional<replay::Anchor> anchor;
  if (auto it = query.find("anchor"); it != query.end()) {
    auto parsed = replay::ParseAnchor(it->second);
    if (!parsed.ok()) return FromStatus(request, parsed.status());
    anchor = parsed.value();
  }
  std::shared_ptr<HeavyReadGate::Pass> pass;
  if (Response busy; !EnterHeavyRead(request, &pass, &busy)) return busy;
  const auto report = engine_->log().Verify();
  boost::json::object body{{"ok", report.ok},
                           {"verified_through_seq", report.verified_through},
                           {"head_hash", storage::HexOf(report.head_hash)},
                           {"anchor", replay::AnchorOf(report)},
                           {"checked", report.checked}};
  if (anchor) {
    const auto check = replay::CheckAnchor(engine_->log(), report, *anchor);
    body["anchor_checked"] = std::to_string(anchor->seq) + ":" + anchor->hash_hex;
    body["anchor_holds"] = check.holds;
    if (!check.holds) {
      body["ok"] = false;
      body["anchor_problem"] = check.problem;
      body["anchor_problem_ka"] = check.problem_ka;
      spdlog::error("audit verify: the published anchor does not hold: {}", check.problem);
    }
  }
  if (!report.ok) {
    body["first_bad_seq"] = report.first_bad_seq;
    body["problem"] = WithoutPaths(report.problem);  // a storage error names the server's files
    spdlog::error("audit verify: the hash chain breaks at event {}: {}", report.first_bad_seq,
                  report.problem);
  }
  return Json(http::status::ok, body, request);
}

Response Api::JournalAnswer(const Request& request, const std::string& journal, int year,
                            const std::map<std::string, std::string>& query) {
  auto format = query.find("format");
  const std::string as = format == query.end() ? "json" : format->second;
  if (as != "json" && as != "csv" && as != "html") {
    return Error(request, http::status::bad_request, "bad_request",
                 "format must be json, csv or html", "ფორმატი უნდა იყოს json, csv ან html");
  }
  auto page = PageOf(query);
  if (!page.ok()) return FromStatus(request, page.status());
  if (as != "json" && page->asked) return WholeFormatOnly(request);
  if (as == "json" && page->limit == SIZE_MAX) page->limit = kDefaultPageLimit;
  // The whole year, for a caller without the Stream (saqme serve streams it instead).
  std::shared_ptr<HeavyReadGate::Pass> pass;
  if (Response busy; as != "json" && !EnterHeavyRead(request, &pass, &busy)) return busy;
  // One over the limit, to know whether more follow; no entry is numbered past UINT32_MAX.
  auto entries = engine::ViewReader(engine_->log())
                     .Journal(journal, year,
                              static_cast<uint32_t>(std::min<uint64_t>(page->after, UINT32_MAX)),
                              page->limit == SIZE_MAX ? SIZE_MAX : page->limit + 1);
  if (!entries.ok()) return FromStatus(request, entries.status());
  AddGeorgianValues(entries.value(), *Org());
  if (as == "json") {
    boost::json::value next = TrimToPage(entries.value(), page.value(), "number");
    return Json(http::status::ok,
                boost::json::object{{"journal", journal},
                                    {"year", year},
                                    {"entries", entries.value()},
                                    {"next_cursor", next}},
                request);
  }
  if (as == "csv") {
    return Text(request, "text/csv; charset=utf-8", JournalCsv(entries.value()),
                journal + "-" + std::to_string(year) + ".csv");
  }
  return Text(request, "text/html; charset=utf-8", JournalHtml(journal, year, entries.value()));
}

Response Api::Report(const Request& request, int year,
                     const std::map<std::string, std::string>& query) {
  auto format = query.find("format");
  const std::string as = format == query.end() ? "json" : format->second;
  if (as != "json" && as != "text") {
    return Error(request, http::status::bad_request, "bad_request", "format must be json or text",
                 "ფორმატი უნდა იყოს json ან text");
  }
  std::shared_ptr<HeavyReadGate::Pass> pass;  // it reads the whole log
  if (Response busy; !EnterHeavyRead(request, &pass, &busy)) return busy;
  auto report = replay::BuildAnnualReport(engine_->log(), year);
  if (!report.ok()) return FromStatus(request, report.status());
  if (as == "text") {
    auto lang = query.find("lang");
    const bool english = lang != query.end() && lang->second == "en";
    return Text(request, "text/plain; charset=utf-8",
                replay::AnnualReportText(report.value(), english));
  }
  return Json(http::status::ok, replay::AnnualReportJson(report.value()), request);
}

}  // namespace saqme::api

namespace saqme::api {

Status Api::OpenAccessLog(const std::string& path) {
  auto log = AccessLog::Open(path);
  if (!log.ok()) return log.status();
  access_log_ = std::move(log.value());
  return Status::Ok();
}

std::optional<workflows::CaseState> Api::ReadableCase(const Request& request,
                                                      const std::string& post,
                                                      const std::string& case_id, const char* route,
                                                      bool command, Response* denied) {
  auto state = engine_->State(case_id);
  if (!state.ok()) {
    // An id no case can have is, to a reader, a case that does not exist (a command names it
    // as the bad request it is).
    const auto code = state.status().code();
    const bool missing =
        code == Status::Code::kNotFound || (!command && code == Status::Code::kInvalidArgument);
    *denied = FromStatus(request, missing ? NoSuchCase(case_id) : state.status());
    return std::nullopt;
  }
  const auto today = *workflows::Date::Parse(TbilisiDate(clock_()));
  const auto ground = workflows::CaseReadGround(state.value(), post, *Org(), today);
  if (ground == workflows::ReadGround::kNone) {
    if (command && workflows::MayAddress(state.value(), engine_->ContextFor(post).context)) {
      return std::move(state.value());
    }
    *denied = FromStatus(request, NoSuchCase(case_id));
    return std::nullopt;
  }
  // A command's answer carries only the events the caller itself caused: not recorded.
  if (workflows::IsRecordedRead(ground) && !command && access_log_) {
    // The person who logged in (a token's: the post's holder).
    const auto caller = Identify(request);
    Status appended =
        access_log_->Append({FormatTbilisiTime(clock_()), post, caller ? caller->person : "",
                             case_id, route, workflows::ReadGroundName(ground)});
    if (!appended.ok()) {
      // A read that cannot be recorded is not served.
      spdlog::error("access log: {}", appended.message());
      *denied = FromStatus(request, appended);
      return std::nullopt;
    }
  }
  return std::move(state.value());
}

Response Api::CaseAnswer(const Request& request, const std::string& post,
                         const std::string& case_id) {
  Response denied;
  auto state = ReadableCase(request, post, case_id, "GET /v1/cases/{id}", false, &denied);
  if (!state) return denied;
  auto view = engine::CaseView(*state);
  const auto read = engine_->ContextFor(post);
  boost::json::array actions;
  for (const auto& type : workflows::AllowedActions(*state, read.context)) {
    const workflows::CommandLabel* label = workflows::LabelOf(type);
    actions.push_back({{"type", type},
                       {"label_ka", label ? label->label_ka : type.c_str()},
                       {"label_en", label ? label->label_en : type.c_str()}});
  }
  view["allowed_actions"] = std::move(actions);
  return Json(http::status::ok, view, request);
}

Response Api::AccessLogAnswer(const Request& request,
                              const std::map<std::string, std::string>& query) {
  auto get = [&](const char* key) {
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  };
  const std::string format = get("format").empty() ? "json" : get("format");
  const auto limit = PageLimit(get("limit").empty() ? "100" : get("limit"));
  if ((format != "json" && format != "csv") || !limit) {
    return Error(request, http::status::bad_request, "bad_request",
                 "format must be json or csv, and limit 1 to 1000",
                 "ფორმატი უნდა იყოს json ან csv, limit კი 1-დან 1000-მდე");
  }
  if (!access_log_) {
    return Error(request, http::status::service_unavailable, "unavailable",
                 "this server keeps no access log", "ამ სერვერს წვდომის ჟურნალი არ აქვს");
  }
  auto page = access_log_->Read(get("case"), *limit, get("cursor"));
  if (!page.ok()) return FromStatus(request, page.status());
  boost::json::array entries(page->entries.begin(), page->entries.end());
  if (format == "csv") {
    static const std::vector<std::string> kColumns = {"at",      "post",  "person",
                                                      "case_id", "route", "ground"};
    std::string csv = storage::kCsvBom + storage::CsvLine(kColumns);  // a BOM, as the journals
    for (const auto& entry : page->entries) {
      std::vector<std::string> cells;
      for (const auto& column : kColumns) {
        const auto* cell = entry.if_contains(column);
        cells.push_back(cell && cell->is_string() ? std::string(cell->as_string()) : "");
      }
      csv += storage::CsvLine(cells);
    }
    return Text(request, "text/csv; charset=utf-8", csv, "access-log.csv");
  }
  boost::json::value next = nullptr;
  if (page->next_cursor) next = *page->next_cursor;
  return Json(http::status::ok, boost::json::object{{"entries", entries}, {"next_cursor", next}},
              request);
}

Response Api::InboxAnswer(const Request& request, const std::string& post,
                          const std::map<std::string, std::string>& query) {
  auto asked = InboxQueryOf(query);
  if (!asked.ok()) return FromStatus(request, asked.status());
  // The caller's own work, and that of every post it acts for today, a page at a time: the
  // stored texts go into the answer as they are (api/inbox.h), and only a page's are held.
  const auto today = *workflows::Date::Parse(TbilisiDate(clock_()));
  InboxPageCollector page(std::move(asked.value()));
  const auto posts = workflows::PostsExercised(*Org(), post, today);
  const engine::ViewReader views(engine_->log());
  for (const auto& post_id : posts) {
    const std::string acting_for = post_id == post ? "" : post_id;
    Status read = views.VisitInbox(post_id, [&](std::string_view key, std::string_view text) {
      return page.Offer(key, text, acting_for);
    });
    if (!read.ok()) return FromStatus(request, read);
  }
  std::string next_cursor;
  const auto items = page.TakePage(&next_cursor);
  return JsonText(http::status::ok, InboxAnswerText(post, items, today, page.total(), next_cursor),
                  request);
}

Response Api::WithClock(Response me) {
  if (me.result() != http::status::ok) return me;
  boost::system::error_code error;
  auto body = boost::json::parse(me.body(), error);
  if (error || !body.is_object()) return me;
  const int64_t now = clock_();
  body.as_object()["today"] = TbilisiDate(now);
  body.as_object()["now"] = FormatTbilisiTime(now);
  me.body() = boost::json::serialize(body);
  me.prepare_payload();
  return me;
}

Response Api::Search(const Request& request, const std::string& post,
                     const std::map<std::string, std::string>& query) {
  static const std::set<std::string> kKeys = {"q",       "kind", "state", "executor", "unit",
                                              "overdue", "from", "to",    "limit",    "cursor"};
  for (const auto& [key, value] : query) {
    if (!kKeys.count(key)) {
      return Error(request, http::status::bad_request, "bad_request",
                   "unknown parameter '" + key + "'", "უცნობი პარამეტრი '" + key + "'");
    }
  }
  auto get = [&](const char* key) {
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  };
  engine::SearchQuery search;
  search.viewer = post;
  search.today = *workflows::Date::Parse(TbilisiDate(clock_()));
  search.q = get("q");
  search.kind = get("kind");
  search.state = get("state");
  search.executor = get("executor");
  search.unit = get("unit");
  search.cursor = get("cursor");
  const std::string overdue = get("overdue");
  const auto limit = WholeNumber(get("limit").empty() ? "50" : get("limit"));
  search.from = get("from");
  search.to = get("to");
  const bool dates_ok = (search.from.empty() || workflows::Date::Parse(search.from)) &&
                        (search.to.empty() || workflows::Date::Parse(search.to));
  if (!limit || *limit < 1 || *limit > 200 || !dates_ok ||
      (overdue != "" && overdue != "true" && overdue != "false")) {
    return Error(request, http::status::bad_request, "bad_request",
                 "limit must be 1 to 200, from and to dates YYYY-MM-DD, overdue true or false",
                 "limit უნდა იყოს 1-დან 200-მდე, from და to თარიღები (YYYY-MM-DD), overdue true ან "
                 "false");
  }
  search.limit = *limit;
  search.overdue = overdue == "true";
  auto found = engine::SearchCases(*engine_, *Org(), search);
  if (!found.ok()) return FromStatus(request, found.status());
  return Json(http::status::ok, found.value(), request);
}

}  // namespace saqme::api
