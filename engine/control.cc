#include "engine/control.h"

#include <map>
#include <set>

#include <boost/json/array.hpp>

namespace saqme::engine {
namespace {

struct Figures {
  int64_t open = 0, due_this_week = 0, overdue = 0, on_time = 0, late = 0;

  void Add(const Figures& other) {
    open += other.open;
    due_this_week += other.due_this_week;
    overdue += other.overdue;
    on_time += other.on_time;
    late += other.late;
  }
  boost::json::object Json() const {
    return {{"open", open},
            {"due_this_week", due_this_week},
            {"overdue", overdue},
            {"answered_on_time", on_time},
            {"answered_late", late}};
  }
};

// Whether `unit` is `root` or lies under it.
bool Within(const workflows::OrgChart& org, const std::string& unit, const std::string& root) {
  return org.UnitWithin(unit, root);
}

}  // namespace

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
  for (const auto& post : org.posts()) {
    if (in_scope(post)) by_post[post.id];
  }
  // The week ends on Sunday.
  const int to_sunday = 6 - static_cast<int>(query.today.weekday());
  const std::string today = query.today.ToString();
  const std::string week_end = query.today.AddDays(to_sunday < 0 ? 0 : to_sunday).ToString();
  auto open = engine.OpenDeadlines();
  if (!open.ok()) return open.status();
  for (const auto& value : open.value()) {
    const auto& entry = value.as_object();
    auto it = by_post.find(std::string(entry.at("responsible").as_string()));
    if (it == by_post.end()) continue;
    const std::string due(entry.at("due").as_string());
    ++it->second.open;
    if (due < today) ++it->second.overdue;
    if (due >= today && due <= week_end) ++it->second.due_this_week;
  }
  auto answered = engine.AnsweredInYear(query.year);
  if (!answered.ok()) return answered.status();
  for (const auto& value : answered.value()) {
    const auto& entry = value.as_object();
    auto it = by_post.find(std::string(entry.at("post").as_string()));
    if (it == by_post.end()) continue;
    it->second.on_time += entry.at("answered_on_time").to_number<int64_t>();
    it->second.late += entry.at("answered_late").to_number<int64_t>();
  }

  std::map<std::string, Figures> by_unit;
  boost::json::array posts, units;
  for (const auto& post : org.posts()) {  // in the org chart's order
    auto it = by_post.find(post.id);
    if (it == by_post.end()) continue;
    boost::json::object row = it->second.Json();
    row["post"] = post.id;
    row["title"] = post.title_ka;
    row["title_en"] = post.title_en;
    row["unit"] = post.unit;
    row["holder"] = post.holder;
    posts.push_back(std::move(row));
    by_unit[post.unit].Add(it->second);
  }
  for (const auto& unit : org.units()) {
    auto it = by_unit.find(unit.id);
    if (it == by_unit.end()) continue;
    boost::json::object row = it->second.Json();
    row["unit"] = unit.id;
    row["name"] = unit.name_ka;
    row["name_en"] = unit.name_en;
    units.push_back(std::move(row));
  }
  return boost::json::object{{"today", today},     {"week_ends", week_end},
                             {"year", query.year}, {"viewer", query.viewer},
                             {"units", units},     {"posts", posts}};
}

}  // namespace saqme::engine
