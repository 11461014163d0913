#include "engine/control.h"

#include <map>
#include <set>

#include <boost/json/array.hpp>

#include "engine/control_list.h"
#include "engine/view_reader.h"

namespace saqme::engine {
namespace {

struct Figures {
  int64_t open = 0, due_this_week = 0, overdue = 0, on_time = 0, late = 0;
  int64_t noted = 0;  // taken note of: closed without an answer

  void Add(const Figures& other) {
    open += other.open;
    due_this_week += other.due_this_week;
    overdue += other.overdue;
    on_time += other.on_time;
    late += other.late;
    noted += other.noted;
  }
  boost::json::object Json() const {
    return {{"open", open},          {"due_this_week", due_this_week},
            {"overdue", overdue},    {"answered_on_time", on_time},
            {"answered_late", late}, {"noted", noted}};
  }
};

// `unit` and the units above it, up to `top` (included; empty: to the root), nearest first.
std::vector<std::string> UnitsUp(const workflows::OrgChart& org, const std::string& unit,
                                 const std::string& top) {
  std::vector<std::string> line;
  std::set<std::string> seen;  // a malformed chart may hold a loop
  for (const workflows::Unit* at = org.FindUnit(unit); at && seen.insert(at->id).second;
       at = org.FindUnit(at->parent)) {
    line.push_back(at->id);
    if (at->id == top) break;
  }
  return line;
}

// Whether `unit` is `root` or lies under it.
bool Within(const workflows::OrgChart& org, const std::string& unit, const std::string& root) {
  return org.UnitWithin(unit, root);
}

// A listed case: what a supervisor needs to pick it and click through.
boost::json::object CaseRow(const Engine& engine, const boost::json::object& entry,
                            const workflows::Date& today) {
  const std::string case_id(entry.at("case_id").as_string());
  const std::string due(entry.at("due").as_string());
  boost::json::object row{{"case_id", case_id},
                          {"kind", entry.at("kind")},
                          {"state", entry.at("state")},
                          {"executor", entry.at("responsible")},
                          {"due", due},
                          {"on_control", entry.at("on_control")}};
  const auto due_date = workflows::Date::Parse(due);
  const int64_t days = due_date ? due_date->DaysSinceEpoch() - today.DaysSinceEpoch() : 0;
  if (days < 0) {
    row["days_overdue"] = -days;
  } else {
    row["days_left"] = days;
  }
  row["registration_number"] = nullptr;  // only registered documents have one
  row["subject"] = "";
  auto view = ViewReader(engine.log()).Case(case_id);
  if (view.ok()) {
    if (const auto* number = view->if_contains("registration_number")) {
      row["registration_number"] = *number;
    }
    // What the case is about: a document's subject, an act's title, an assignment's instruction.
    for (const char* key : {"subject", "title", "instruction"}) {
      if (const auto* text = view->if_contains(key); text && row["subject"] == "") {
        row["subject"] = *text;
      }
    }
  }
  return row;
}

}  // namespace

std::optional<Drill> DrillNamed(std::string_view name) {
  if (name.empty()) return Drill::kNone;
  if (name == "overdue") return Drill::kOverdue;
  if (name == "due_soon") return Drill::kDueSoon;
  return std::nullopt;
}

Result<boost::json::object> ControlDashboard(const Engine& engine, const workflows::OrgChart& org,
                                             const ControlQuery& query) {
  if (!query.unit.empty() && !org.FindUnit(query.unit)) {
    return Status::Error(Status::Code::kNotFound, "no unit '" + query.unit + "' in the org chart",
                         "სტრუქტურული ერთეული '" + query.unit + "' არ არსებობს");
  }
  // Whose work the viewer controls: as itself and as whoever it acts for today.
  std::vector<std::string> as = {query.viewer};
  for (const auto& acting : org.acting()) {
    if (acting.acting_post == query.viewer && acting.Covers(query.today)) as.push_back(acting.post);
  }
  bool records_office = false;
  for (const auto& post : as) {
    const workflows::Post* p = org.FindPost(post);
    records_office = records_office || (p && p->powers.count(workflows::Power::kRegister));
  }
  auto in_scope = [&](const workflows::Post& post) {
    if (!query.unit.empty() && !Within(org, post.unit, query.unit)) return false;
    if (records_office) return true;
    for (const auto& viewer : as) {
      if (post.id == viewer || org.Supervises(viewer, post.id)) return true;
    }
    return false;
  };

  std::map<std::string, Figures> by_post;
  std::map<std::string, std::vector<std::string>> units_of;  // post -> its unit and those above
  for (const auto& post : org.posts()) {
    if (!in_scope(post)) continue;
    by_post[post.id];
    units_of[post.id] = UnitsUp(org, post.unit, query.unit);  // nothing above the asked unit
  }
  // The drilled cases of each post and (with those of its sub-units) each unit, in due order.
  std::map<std::string, boost::json::array> post_cases, unit_cases;
  // The week ends on Sunday.
  const int to_sunday = 6 - static_cast<int>(query.today.weekday());
  const std::string today = query.today.ToString();
  const std::string week_end = query.today.AddDays(to_sunday < 0 ? 0 : to_sunday).ToString();
  auto open = ViewReader(engine.log()).OpenDeadlines();
  if (!open.ok()) return open.status();
  for (const auto& value : open.value()) {
    const auto& entry = value.as_object();
    auto it = by_post.find(std::string(entry.at("responsible").as_string()));
    if (it == by_post.end()) continue;
    const std::string due(entry.at("due").as_string());
    ++it->second.open;
    const bool overdue = due < today, soon = due >= today && due <= week_end;
    if (overdue) ++it->second.overdue;
    if (soon) ++it->second.due_this_week;
    if ((query.drill == Drill::kOverdue && overdue) || (query.drill == Drill::kDueSoon && soon)) {
      auto row = CaseRow(engine, entry, query.today);
      for (const auto& unit : units_of[it->first]) unit_cases[unit].push_back(row);
      post_cases[it->first].push_back(std::move(row));
    }
  }
  auto answered = ViewReader(engine.log()).AnsweredInYear(query.year);
  if (!answered.ok()) return answered.status();
  for (const auto& value : answered.value()) {
    const auto& entry = value.as_object();
    auto it = by_post.find(std::string(entry.at("post").as_string()));
    if (it == by_post.end()) continue;
    it->second.on_time += entry.at("answered_on_time").to_number<int64_t>();
    it->second.late += entry.at("answered_late").to_number<int64_t>();
    if (const auto* noted = entry.if_contains("noted")) {
      it->second.noted += noted->to_number<int64_t>();
    }
  }

  // A unit's own posts give its figures; every unit above it adds them to its totals.
  std::map<std::string, Figures> own, totals;
  Figures all;
  boost::json::array posts, units;
  const bool drilled = query.drill != Drill::kNone;
  for (const auto& post : org.posts()) {  // in the org chart's order
    auto it = by_post.find(post.id);
    if (it == by_post.end()) continue;
    boost::json::object row = it->second.Json();
    row["post"] = post.id;
    row["title"] = post.title_ka;
    row["title_en"] = post.title_en;
    row["unit"] = post.unit;
    row["holder"] = org.HolderOn(post.id, query.today);  // appointments follow the log
    own[post.unit].Add(it->second);
    all.Add(it->second);
    for (const auto& unit : units_of[post.id]) totals[unit].Add(it->second);
    if (drilled) row["cases"] = std::move(post_cases[post.id]);
    posts.push_back(std::move(row));
  }
  for (const auto& unit : org.units()) {
    auto it = totals.find(unit.id);
    if (it == totals.end()) continue;
    boost::json::object row = own[unit.id].Json();
    row["unit"] = unit.id;
    row["name"] = unit.name_ka;
    row["name_en"] = unit.name_en;
    row["parent"] = unit.parent;
    row["totals"] = it->second.Json();
    if (drilled) row["cases"] = std::move(unit_cases[unit.id]);
    units.push_back(std::move(row));
  }
  boost::json::object out{{"today", today},         {"week_ends", week_end}, {"year", query.year},
                          {"viewer", query.viewer}, {"totals", all.Json()},  {"units", units},
                          {"posts", posts}};
  if (drilled) out["drill"] = query.drill == Drill::kOverdue ? "overdue" : "due_soon";
  // The control report of the documents on control registered in the year, executed in scope.
  auto controlled = ControlList(
      engine, {query.year, std::nullopt, query.today,
               [&](const std::string& executor) { return by_post.count(executor) > 0; }});
  if (!controlled.ok()) return controlled.status();
  out["on_control"] = ControlFiguresJson(FiguresOf(controlled.value()));
  return out;
}

}  // namespace saqme::engine
