#include "workflows/org/org_chart.h"

#include <algorithm>
#include <stdexcept>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "workflows/org/org_data.h"

namespace saqme::workflows {
namespace {

constexpr char kFormat[] = "saqme-org-1";

// Thrown inside Parse, turned into a Status at its boundary.
struct OrgError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const boost::json::object& Object(const boost::json::value& v, const std::string& where) {
  if (!v.is_object()) throw OrgError(where + ": expected an object");
  return v.as_object();
}

const boost::json::array& Array(const boost::json::object& o, const char* key,
                                const std::string& where) {
  auto it = o.find(key);
  if (it == o.end()) throw OrgError(where + "." + key + ": missing");
  if (!it->value().is_array()) throw OrgError(where + "." + key + ": expected an array");
  return it->value().as_array();
}

// A string field; absent or null reads as empty when `required` is false.
std::string String(const boost::json::object& o, const char* key, const std::string& where,
                   bool required = false) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) {
    if (required) throw OrgError(where + "." + key + ": missing");
    return {};
  }
  if (!it->value().is_string()) throw OrgError(where + "." + key + ": expected a string");
  return std::string(it->value().as_string());
}

void CheckId(const std::string& id, const std::string& where) {
  bool ok = !id.empty() && id.size() <= 64;
  for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok) throw OrgError(where + ": id '" + id + "' must be 1-64 characters of a-z, 0-9, -");
}

Date ParseDate(const std::string& text, const std::string& where) {
  auto date = Date::Parse(text);
  if (!date) throw OrgError(where + ": '" + text + "' is not a YYYY-MM-DD date");
  return *date;
}

}  // namespace

Result<OrgChart> OrgChart::Parse(std::string_view json) {
  boost::system::error_code error;
  boost::json::value root = boost::json::parse(json, error);
  if (error) {
    return Status::Error(Status::Code::kInvalidArgument, "org file: not JSON: " + error.message(),
                         "ორგანიზაციის ფაილი არ არის სწორი JSON");
  }
  OrgChart chart;
  chart.source_json_ = std::string(json);
  try {
    const auto& top = Object(root, "org");
    if (String(top, "format", "org", true) != kFormat) {
      throw OrgError(std::string("org.format: expected \"") + kFormat + "\"");
    }
    if (!top.contains("body")) throw OrgError("org.body: missing");
    const auto& body = Object(top.at("body"), "org.body");
    chart.body_id_ = String(body, "id", "org.body", true);
    chart.body_name_ka_ = String(body, "name_ka", "org.body", true);
    chart.body_name_en_ = String(body, "name_en", "org.body");
    chart.head_post_ = String(top, "head_post", "org", true);
    auto sources = LegalSources::FromOrgJson(top);
    if (!sources.ok()) return sources.status();
    chart.legal_sources_ = std::move(sources.value());

    const auto& units = Array(top, "units", "org");
    for (size_t i = 0; i < units.size(); ++i) {
      const std::string where = "units[" + std::to_string(i) + "]";
      const auto& u = Object(units[i], where);
      Unit unit{String(u, "id", where, true), String(u, "name_ka", where, true),
                String(u, "name_en", where), String(u, "parent", where),
                String(u, "head_post", where)};
      CheckId(unit.id, where);
      if (!chart.unit_index_.emplace(unit.id, chart.units_.size()).second) {
        throw OrgError(where + ": duplicate unit id '" + unit.id + "'");
      }
      chart.units_.push_back(std::move(unit));
    }
    const auto& posts = Array(top, "posts", "org");
    for (size_t i = 0; i < posts.size(); ++i) {
      const std::string where = "posts[" + std::to_string(i) + "]";
      const auto& p = Object(posts[i], where);
      Post post;
      post.id = String(p, "id", where, true);
      CheckId(post.id, where);
      post.title_ka = String(p, "title_ka", where, true);
      post.title_en = String(p, "title_en", where);
      post.unit = String(p, "unit", where, true);
      post.rank = String(p, "rank", where);
      post.holder = String(p, "holder", where);
      post.supervisor = String(p, "supervisor", where);
      post.delegated_supervisor = String(p, "delegated_supervisor", where);
      post.acts_in_absence = String(p, "acts_in_absence", where);
      post.source = String(p, "source", where);
      if (p.contains("powers")) {
        for (const auto& power : Array(p, "powers", where)) {
          auto parsed = power.is_string() ? ParsePower(power.as_string()) : std::nullopt;
          if (!parsed)
            throw OrgError(where + ".powers: unknown power " + boost::json::serialize(power));
          post.powers.insert(*parsed);
        }
      }
      if (p.contains("duties")) {
        for (const auto& duty : Array(p, "duties", where)) {
          if (!duty.is_string()) throw OrgError(where + ".duties: expected strings");
          post.duties.emplace_back(duty.as_string());
        }
      }
      if (!chart.post_index_.emplace(post.id, chart.posts_.size()).second) {
        throw OrgError(where + ": duplicate post id '" + post.id + "'");
      }
      chart.posts_.push_back(std::move(post));
    }

    // A chart written before archiving had a power of its own (every log adopted before
    // 2026-12-01) grants it to no post; its filing posts archive, as they did when it was
    // adopted, so an older log's chart keeps working (docs/org-format.md, "archive").
    const bool grants_archive =
        std::any_of(chart.posts_.begin(), chart.posts_.end(),
                    [](const Post& p) { return p.powers.count(Power::kArchive); });
    if (!grants_archive) {
      for (auto& post : chart.posts_) {
        if (post.powers.count(Power::kFile)) post.powers.insert(Power::kArchive);
      }
    }

    // References resolve; the reporting line is a tree rooted at the head of the body.
    auto require_post = [&](const std::string& id, const std::string& where) {
      if (!id.empty() && !chart.FindPost(id)) throw OrgError(where + ": unknown post '" + id + "'");
    };
    require_post(chart.head_post_, "org.head_post");
    for (const auto& unit : chart.units_) {
      if (!unit.parent.empty() && !chart.FindUnit(unit.parent)) {
        throw OrgError("unit " + unit.id + ": unknown parent unit '" + unit.parent + "'");
      }
      require_post(unit.head_post, "unit " + unit.id + ".head_post");
    }
    for (const auto& post : chart.posts_) {
      const std::string where = "post " + post.id;
      if (!chart.FindUnit(post.unit)) throw OrgError(where + ": unknown unit '" + post.unit + "'");
      require_post(post.supervisor, where + ".supervisor");
      require_post(post.delegated_supervisor, where + ".delegated_supervisor");
      require_post(post.acts_in_absence, where + ".acts_in_absence");
      if (post.supervisor.empty() != (post.id == chart.head_post_)) {
        throw OrgError(where + ": only the head of the body (" + chart.head_post_ +
                       ") has no supervisor");
      }
    }
    for (const auto& post : chart.posts_) {  // every supervisor is known now: walk the lines
      const std::string where = "post " + post.id;
      std::string at = post.id;
      for (size_t steps = 0; at != chart.head_post_; ++steps) {
        if (steps > chart.posts_.size()) throw OrgError(where + ": the reporting line has a cycle");
        at = chart.FindPost(at)->supervisor;
      }
    }
    if (top.contains("acting")) {
      const auto& acting = Array(top, "acting", "org");
      for (size_t i = 0; i < acting.size(); ++i) {
        const std::string where = "acting[" + std::to_string(i) + "]";
        const auto& a = Object(acting[i], where);
        ActingAssignment assignment{
            String(a, "post", where, true), String(a, "acting_post", where, true),
            ParseDate(String(a, "from", where, true), where + ".from"),
            ParseDate(String(a, "to", where, true), where + ".to"), String(a, "basis", where)};
        Status added = chart.AddActing(std::move(assignment));
        if (!added.ok()) throw OrgError(where + ": " + added.message());
      }
    }
    chart.endorsement_rules_ = EndorsementRules::Parse(top.if_contains("endorsements"), chart);
  } catch (const OrgError& e) {
    return Status::Error(Status::Code::kInvalidArgument, std::string("org file: ") + e.what(),
                         std::string("ორგანიზაციის ფაილის შეცდომა: ") + e.what());
  } catch (const std::exception& e) {  // boost::json accessors on a malformed shape
    return Status::Error(Status::Code::kInvalidArgument, std::string("org file: ") + e.what(),
                         "ორგანიზაციის ფაილის შეცდომა");
  }
  return chart;
}

const OrgChart& OrgChart::Ozurgeti() {
  static const OrgChart chart = [] {
    auto parsed = Parse(kOzurgetiOrgJson);
    if (!parsed.ok())
      throw std::runtime_error("embedded Ozurgeti org: " + parsed.status().message());
    return parsed.value();
  }();
  return chart;
}

const OrgChart& OrgChart::Zugdidi() {
  static const OrgChart chart = [] {
    auto parsed = Parse(kZugdidiOrgJson);
    if (!parsed.ok())
      throw std::runtime_error("embedded Zugdidi org: " + parsed.status().message());
    return parsed.value();
  }();
  return chart;
}

const Post* OrgChart::FindPost(std::string_view id) const {
  auto it = post_index_.find(id);
  return it == post_index_.end() ? nullptr : &posts_[it->second];
}

const Unit* OrgChart::FindUnit(std::string_view id) const {
  auto it = unit_index_.find(id);
  return it == unit_index_.end() ? nullptr : &units_[it->second];
}

Status OrgChart::AddActing(ActingAssignment assignment) {
  auto invalid = [](const std::string& en, const std::string& ka) {
    return Status::Error(Status::Code::kInvalidArgument, en, ka);
  };
  if (!FindPost(assignment.post) || !FindPost(assignment.acting_post)) {
    return invalid("acting assignment names an unknown post",
                   "მოვალეობის შესრულების დავალება უცნობ თანამდებობას ასახელებს");
  }
  if (assignment.post == assignment.acting_post) {
    return invalid("a post cannot act for itself", "თანამდებობა საკუთარ თავს ვერ შეცვლის");
  }
  if (assignment.to < assignment.from) {
    return invalid("an acting assignment ends before it starts",
                   "მოვალეობის შესრულების ვადა არასწორია");
  }
  for (const auto& other : acting_) {
    if (other.post == assignment.post &&
        !(assignment.to < other.from || other.to < assignment.from)) {
      return invalid("someone already acts for " + assignment.post + " from " +
                         other.from.ToString() + " to " + other.to.ToString(),
                     assignment.post + "-ის მოვალეობას ამ პერიოდში უკვე სხვა ასრულებს");
    }
  }
  acting_.push_back(std::move(assignment));
  return Status::Ok();
}

Status OrgChart::EndActing(std::string_view post, const Date& last_day) {
  for (auto& assignment : acting_) {
    if (assignment.post == post && assignment.Covers(last_day)) {
      assignment.to = last_day;
      return Status::Ok();
    }
  }
  return Status::Error(
      Status::Code::kInvalidArgument,
      "nobody acts for " + std::string(post) + " on " + last_day.ToString(),
      last_day.ToString() + "-ს " + std::string(post) + "-ის მოვალეობას არავინ ასრულებს");
}

Status OrgChart::Appoint(Appointment appointment) {
  if (!FindPost(appointment.post)) {
    return Status::Error(Status::Code::kInvalidArgument, "unknown post '" + appointment.post + "'",
                         "უცნობი თანამდებობა '" + appointment.post + "'");
  }
  appointments_.push_back(std::move(appointment));
  return Status::Ok();
}

std::string OrgChart::HolderOn(std::string_view post, const Date& date) const {
  const Appointment* latest = nullptr;
  for (const auto& appointment : appointments_) {
    if (appointment.post == post && appointment.from <= date &&
        (!latest || latest->from <= appointment.from)) {
      latest = &appointment;
    }
  }
  if (latest) return latest->person;
  const Post* found = FindPost(post);
  return found ? found->holder : std::string();
}

std::optional<Refusal> OrgChart::AbsentRefusal(std::string_view post, const Date& date,
                                               std::string_view power) const {
  auto acting = ActingFor(post, date);
  if (!acting) return std::nullopt;
  const Post* by = FindPost(acting->acting_post);
  const std::string basis = acting->basis.empty() ? std::string() : " (" + acting->basis + ")";
  return Refusal{"on " + date.ToString() + " " + acting->acting_post + " (" +
                     (by ? by->title_en : std::string()) + ") acts for " + std::string(post) +
                     " from " + acting->from.ToString() + " to " + acting->to.ToString() + basis +
                     "; meanwhile the absent holder may not use the post's powers",
                 date.ToString() + "-ს " + std::string(post) + "-ის მოვალეობას ასრულებს " +
                     acting->acting_post + " (" + (by ? by->title_ka : std::string()) + "), " +
                     acting->from.ToString() + "-დან " + acting->to.ToString() + "-მდე" + basis +
                     "; ამ დროს არმყოფი თანამდებობის პირი მის უფლებამოსილებებს ვერ გამოიყენებს",
                 std::string(power)};
}

std::optional<ActingAssignment> OrgChart::ActingFor(std::string_view post, const Date& date) const {
  for (const auto& assignment : acting_) {
    if (assignment.post == post && assignment.Covers(date)) return assignment;
  }
  return std::nullopt;
}

std::string OrgChart::ExercisedBy(std::string_view post, const Date& date) const {
  auto acting = ActingFor(post, date);
  return acting ? acting->acting_post : std::string(post);
}

std::variant<Authority, Refusal> OrgChart::Authorize(std::string_view actor, Power power,
                                                     const Date& date,
                                                     std::string_view as_post) const {
  const Post* own = FindPost(actor);
  if (!own) {
    return Refusal{"unknown post '" + std::string(actor) + "'",
                   "უცნობი თანამდებობა '" + std::string(actor) + "'", PowerName(power)};
  }
  auto holds = [&](const Post& post) { return post.powers.count(power) > 0; };
  if (as_post.empty() || as_post == actor) {
    if (holds(*own)) return Authority{};
    if (as_post.empty()) {
      // Any post the actor acts for that day whose power it is.
      for (const auto& assignment : acting_) {
        if (assignment.acting_post == actor && assignment.Covers(date) &&
            holds(*FindPost(assignment.post))) {
          return Authority{assignment.post};
        }
      }
    }
  } else {
    auto acting = ActingFor(as_post, date);
    const Post* target = FindPost(as_post);
    if (acting && acting->acting_post == actor && target && holds(*target)) {
      return Authority{std::string(as_post)};
    }
  }
  const std::string as =
      as_post.empty() || as_post == actor ? std::string() : " as " + std::string(as_post);
  const std::string as_ka =
      as.empty() ? std::string() : " (" + std::string(as_post) + "-ის სახელით)";
  return Refusal{"the post " + own->id + " (" + own->title_en + ") does not have the power '" +
                     PowerName(power) + "'" + as + " on " + date.ToString(),
                 "თანამდებობას " + own->id + " (" + own->title_ka +
                     ") არ აქვს უფლებამოსილება: " + PowerNameKa(power) + as_ka,
                 PowerName(power)};
}

std::string OrgChart::SignatoryFor(std::string_view addressee) const {
  const Post* post = FindPost(addressee);
  if (!post || post->powers.count(Power::kSign)) return std::string(addressee);
  for (const auto& above : ReportingLine(addressee)) {
    if (FindPost(above)->powers.count(Power::kSign)) return above;
  }
  return std::string(addressee);
}

bool OrgChart::UnitWithin(std::string_view unit, std::string_view root) const {
  std::set<std::string> seen;  // a cycle of parents ends the walk
  for (const Unit* at = FindUnit(unit); at && seen.insert(at->id).second;
       at = FindUnit(at->parent)) {
    if (at->id == root) return true;
  }
  return false;
}

std::vector<std::string> OrgChart::ReportingLine(std::string_view post) const {
  std::vector<std::string> line;
  for (const Post* at = FindPost(post); at && !at->supervisor.empty();
       at = FindPost(at->supervisor)) {
    line.push_back(at->supervisor);
  }
  return line;
}

bool OrgChart::Supervises(std::string_view supervisor, std::string_view post) const {
  // Above the post on its reporting line, or on the delegated line of the post or of anyone
  // above it (the Ozurgeti deputy head supervises the divisions and so their staff).
  std::vector<std::string> chain = {std::string(post)};
  for (auto& above : ReportingLine(post)) chain.push_back(above);
  for (size_t i = 0; i < chain.size(); ++i) {
    if (i > 0 && chain[i] == supervisor) return true;
    const Post* p = FindPost(chain[i]);
    if (!p || p->delegated_supervisor.empty()) continue;
    if (p->delegated_supervisor == supervisor) return true;
    for (const auto& above : ReportingLine(p->delegated_supervisor)) {
      if (above == supervisor) return true;
    }
  }
  return false;
}

}  // namespace saqme::workflows
