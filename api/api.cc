#include "api/api.h"

#include <chrono>
#include <cstring>
#include <sstream>

#include <capnp/serialize.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/command_json.h"
#include "storage/event_json.h"
#include "storage/tbilisi_time.h"
#include "workflows/proceeding.h"

namespace saqme::api {
namespace {

constexpr double kLatencyBounds[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

struct Target {
  std::vector<std::string> parts;  // path segments
  std::map<std::string, std::string> query;
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const int high = i + 2 < text.size() + 0 && text[i] == '%' ? HexDigit(text[i + 1]) : -1;
    const int low = high >= 0 ? HexDigit(text[i + 2]) : -1;
    if (low >= 0) {  // "%zz" and a trailing "%" stay as they are
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(text[i] == '+' ? ' ' : text[i]);
    }
  }
  return out;
}

Target Parse(std::string_view target) {
  Target out;
  auto question = target.find('?');
  std::string_view path = target.substr(0, question);
  size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.parts.push_back(Unescape(path.substr(start, slash - start)));
    start = slash + 1;
  }
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      auto amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      auto eq = pair.find('=');
      out.query[Unescape(pair.substr(0, eq))] =
          eq == std::string_view::npos ? "" : Unescape(pair.substr(eq + 1));
      if (amp == std::string_view::npos) break;
      query = query.substr(amp + 1);
    }
  }
  return out;
}

Response Json(http::status status, const boost::json::value& body, const Request& request) {
  Response response{status, request.version()};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.body() = boost::json::serialize(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
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
      return Error(request, http::status::conflict, "conflict", status.message(),
                   status.message_ka());
    case Code::kTooLarge:
      return Error(request, http::status::payload_too_large, "too_large", status.message(),
                   status.message_ka());
    default:
      return Error(request, http::status::service_unavailable, "unavailable", status.message(),
                   status.message_ka());
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

const std::set<std::string> kJournals = {"incoming",   "outgoing",       "internal",
                                         "postal",     "delivery",       "public_information",
                                         "acts-order", "acts-ordinance", "acts-resolution"};

}  // namespace

Api::Api(engine::Engine* engine, TokenStore tokens, const workflows::OrgChart* org,
         std::function<int64_t()> clock)
    : engine_(engine),
      tokens_(std::move(tokens)),
      org_(org),
      clock_(clock ? std::move(clock) : [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      }),
      latency_buckets_(std::size(kLatencyBounds) + 1, 0) {}

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

Response Api::Handle(const Request& request) {
  const Target target = Parse(request.target());
  const auto& p = target.parts;
  const bool get = request.method() == http::verb::get, post = request.method() == http::verb::post;
  Response response;
  if (get && p.size() == 1 && p[0] == "health") {
    response = Json(http::status::ok,
                    boost::json::object{{"ok", true}, {"last_seq", engine_->log().LastSequence()}},
                    request);
  } else if (get && p.size() == 1 && p[0] == "metrics") {
    response = Metrics(request);
  } else if (p.empty() || p[0] != "v1") {
    response = Error(request, http::status::not_found, "not_found", "no such route",
                     "მისამართი არ არსებობს");
  } else {
    // Every /v1 route needs a token; the actor is the token's post, never a field.
    std::string token(request[http::field::authorization]);
    const std::string bearer = "Bearer ";
    std::optional<std::string> actor;
    if (token.rfind(bearer, 0) == 0) actor = tokens_.PostOf(token.substr(bearer.size()));
    if (!actor) {
      response = Error(request, http::status::unauthorized, "unauthorized",
                       "a valid bearer token is required", "საჭიროა მოქმედი ავტორიზაციის ტოკენი");
    } else if (post && p.size() == 2 && p[1] == "cases") {
      response = Execute(request, *actor, "", true);
    } else if (post && p.size() == 4 && p[1] == "cases" && p[3] == "commands") {
      response = Execute(request, *actor, p[2], false);
    } else if (get && p.size() == 3 && p[1] == "cases") {
      if (target.query.count("as_of") || target.query.count("at_version")) {
        response = Error(request, http::status::bad_request, "bad_request",
                         "as_of and at_version are not served yet", "ეს ფუნქცია ჯერ არ არის");
      } else {
        auto view = engine_->Case(p[2]);
        response = view.ok() ? Json(http::status::ok, view.value(), request)
                             : FromStatus(request, view.status());
      }
    } else if (get && p.size() == 4 && p[1] == "cases" && p[3] == "history") {
      boost::json::array events;
      Status read = engine_->log().ReadCase(p[2], [&](uint64_t, const storage::EventView& view) {
        events.push_back(storage::EventToJson(view.event()));
        return true;
      });
      response = read.ok()
                     ? Json(http::status::ok, boost::json::object{{"events", events}}, request)
                     : FromStatus(request, read);
    } else if (get && p.size() == 3 && p[1] == "journals") {
      bool ok = false;
      const int year = YearOf(target, clock_, &ok);
      if (!kJournals.count(p[2])) {
        response = Error(request, http::status::not_found, "not_found", "no journal '" + p[2] + "'",
                         "ჟურნალი '" + p[2] + "' არ არსებობს");
      } else if (!ok) {
        response = Error(request, http::status::bad_request, "bad_request", "year must be YYYY",
                         "წელი არასწორია");
      } else {
        auto entries = engine_->Journal(p[2], year);
        response = entries.ok()
                       ? Json(http::status::ok,
                              boost::json::object{
                                  {"journal", p[2]}, {"year", year}, {"entries", entries.value()}},
                              request)
                       : FromStatus(request, entries.status());
      }
    } else if (get && p.size() == 2 && p[1] == "inbox") {
      // The caller's own work, and that of every post it acts for today.
      auto today = *workflows::Date::Parse(TbilisiDate(clock_()));
      boost::json::array items;
      std::vector<std::pair<std::string, std::string>> posts = {{*actor, ""}};
      for (const auto& acting : org_->acting()) {
        if (acting.acting_post == *actor && acting.Covers(today))
          posts.push_back({acting.post, acting.post});
      }
      for (const auto& [post_id, acting_for] : posts) {
        auto inbox = engine_->Inbox(post_id);
        if (!inbox.ok()) return FromStatus(request, inbox.status());
        for (auto& item : inbox.value()) {
          if (!acting_for.empty()) item.as_object()["acting_for"] = acting_for;
          items.push_back(item);
        }
      }
      response =
          Json(http::status::ok, boost::json::object{{"post", *actor}, {"items", items}}, request);
    } else if (get && p.size() == 2 && p[1] == "org") {
      boost::json::array units, posts, acting;
      for (const auto& u : org_->units()) {
        units.push_back({{"id", u.id},
                         {"name_ka", u.name_ka},
                         {"name_en", u.name_en},
                         {"parent", u.parent},
                         {"head_post", u.head_post}});
      }
      for (const auto& post_entry : org_->posts()) {
        boost::json::array powers;
        for (auto power : post_entry.powers)
          powers.push_back(boost::json::string(workflows::PowerName(power)));
        posts.push_back({{"id", post_entry.id},
                         {"title", post_entry.title_ka},
                         {"title_en", post_entry.title_en},
                         {"unit", post_entry.unit},
                         {"holder", post_entry.holder},
                         {"supervisor", post_entry.supervisor},
                         {"delegated_supervisor", post_entry.delegated_supervisor},
                         {"powers", powers}});
      }
      for (const auto& a : org_->acting()) {
        acting.push_back({{"post", a.post},
                          {"acting_post", a.acting_post},
                          {"from", a.from.ToString()},
                          {"to", a.to.ToString()},
                          {"basis", a.basis}});
      }
      response = Json(http::status::ok,
                      boost::json::object{{"body", org_->body_name_ka()},
                                          {"units", units},
                                          {"posts", posts},
                                          {"acting", acting}},
                      request);
    } else if (get && p.size() == 2 && p[1] == "nomenclature") {
      bool ok = false;
      const int year = YearOf(target, clock_, &ok);
      auto cases = ok ? engine_->Nomenclature(year)
                      : Result<boost::json::array>(Status::Error(
                            Status::Code::kInvalidArgument, "year must be YYYY", "წელი არასწორია"));
      response = cases.ok()
                     ? Json(http::status::ok,
                            boost::json::object{{"year", year}, {"cases", cases.value()}}, request)
                     : FromStatus(request, cases.status());
    } else {
      response = Error(request, http::status::not_found, "not_found", "no such route",
                       "მისამართი არ არსებობს");
    }
  }
  spdlog::info("{} {} -> {}", std::string(request.method_string()), std::string(request.target()),
               response.result_int());
  return response;
}

Response Api::Execute(const Request& request, const std::string& post, const std::string& case_id,
                      bool opening) {
  const auto started = std::chrono::steady_clock::now();
  engine::Submission submission;
  std::string type;
  const std::string content_type(request[http::field::content_type]);
  if (content_type.rfind("application/x-capnp", 0) == 0) {
    // A Command message (with its segment table) that carries its own id and expected version.
    const std::string& bytes = request.body();
    if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0) {
      return Error(request, http::status::bad_request, "bad_request",
                   "the body is not a Cap'n Proto message (whole 8-byte words)",
                   "ტანი არ არის Cap'n Proto შეტყობინება");
    }
    auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
    std::memcpy(words.begin(), bytes.data(), bytes.size());
    try {
      capnp::FlatArrayMessageReader reader(words);
      auto command = reader.getRoot<schema::Command>();
      type = workflows::CommandName(command);
      submission.command_id = command.getCommandId();
      if (command.getExpectedVersion() > int64_t{UINT32_MAX} || command.getExpectedVersion() < -1) {
        throw std::invalid_argument("expectedVersion out of range");
      }
      if (command.getExpectedVersion() >= 0) {
        submission.expected_version = static_cast<uint32_t>(command.getExpectedVersion());
      }
      if (type == "unknown_command") throw std::invalid_argument("no command in the message");
      // Text must be UTF-8 without NUL, as in JSON: journals and histories are served as text.
      Status text = ValidateText(command);
      if (!text.ok()) throw std::invalid_argument(text.message());
    } catch (const std::exception& e) {
      return Error(request, http::status::bad_request, "bad_request",
                   std::string("the Cap'n Proto Command does not decode: ") + e.what(),
                   "Cap'n Proto ბრძანება ვერ წაიკითხა");
    } catch (const kj::Exception& e) {
      return Error(
          request, http::status::bad_request, "bad_request",
          std::string("the Cap'n Proto Command does not decode: ") + e.getDescription().cStr(),
          "Cap'n Proto ბრძანება ვერ წაიკითხა");
    }
    submission.command = std::move(words);
    submission.actor_post = post;
    submission.case_id = opening ? CaseIdFor(submission.command_id) : case_id;
    return Finish(request, std::move(submission), type, opening, started);
  }
  boost::system::error_code error;
  boost::json::value body = boost::json::parse(request.body(), error);  // rejects invalid UTF-8
  if (error || !body.is_object()) {
    return Error(request, http::status::bad_request, "bad_request",
                 "the body must be a JSON object in UTF-8: " +
                     (error ? error.message() : std::string("not an object")),
                 "მოთხოვნის ტანი უნდა იყოს JSON ობიექტი");
  }
  const auto& object = body.as_object();
  auto command_id = object.find("command_id");
  if (command_id == object.end() || !command_id->value().is_string()) {
    return Error(request, http::status::bad_request, "bad_request",
                 "command_id (a string) is required", "command_id აუცილებელია");
  }
  submission.command_id = std::string(command_id->value().as_string());
  submission.actor_post = post;
  submission.case_id = opening ? CaseIdFor(submission.command_id) : case_id;
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
  type = object.at("command").as_object().at("type").as_string().c_str();
  auto words = capnp::messageToFlatArray(message);
  submission.command = kj::heapArray<capnp::word>(words.asPtr());
  return Finish(request, std::move(submission), type, opening, started);
}

Response Api::Finish(const Request& request, engine::Submission submission, const std::string& type,
                     bool opening, std::chrono::steady_clock::time_point started) {
  const bool opens = type == "register_incoming" || type == "draft_act" ||
                     type == "issue_assignment" || type == "approve_nomenclature";
  if (opens != opening && !(type == "approve_nomenclature" && !opening)) {
    return Error(request, http::status::bad_request, "bad_request",
                 opening ? type + " acts on an existing case: POST /v1/cases/{id}/commands"
                         : type + " opens a new case: POST /v1/cases",
                 opening ? "ეს ბრძანება არსებულ საქმეზე გაიცემა" : "ეს ბრძანება ახალ საქმეს ხსნის");
  }
  auto outcome = engine_->Execute(std::move(submission));
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
  boost::json::object result{{"case_id", outcome->case_id},
                             {"version", outcome->version},
                             {"duplicate", outcome->duplicate},
                             {"events", outcome->EventsJson()}};
  if (opening) {
    auto view = engine_->Case(outcome->case_id);
    if (view.ok()) {
      for (const char* key : {"registration_number", "due", "due_explanation", "kind", "state"}) {
        if (view->contains(key)) result[key] = view->at(key);
      }
    }
  }
  return Json(opening && !outcome->duplicate ? http::status::created : http::status::ok, result,
              request);
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
      << "# HELP saqme_open_cases Open proceedings with a running deadline.\n"
         "# TYPE saqme_open_cases gauge\n"
      << "saqme_open_cases " << engine_->OpenCases() << "\n"
      << "# HELP saqme_log_last_seq The last durable event sequence.\n"
         "# TYPE saqme_log_last_seq gauge\n"
      << "saqme_log_last_seq " << engine_->log().LastSequence() << "\n";
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, "text/plain; version=0.0.4");
  response.body() = out.str();
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace saqme::api
