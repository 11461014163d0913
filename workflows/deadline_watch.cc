#include "workflows/deadline_watch.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows {
namespace {

using rules::Refuse;

struct Step {
  enum class Type { kApproach, kMissed, kEscalate };
  Type type;
  int n;  // working days before (approach) or level (escalate)
  Date date;
};

// Every step not yet taken for the open deadline due on `due`, in date order: reminders (each
// applicable number of working days before), the miss (the day after), the escalations (after
// each grace period, while the line goes up).
std::vector<Step> PendingSteps(const CaseState& state, const OpenDeadline& open, const Date& due,
                               const OrgChart& org, const HolidayCalendar& calendar,
                               const WatchPolicy& policy) {
  // Steps taken for another date (before an extension) do not count.
  const DeadlineWatchState watch =
      state.watch.due == open.due ? state.watch : DeadlineWatchState{open.due};
  std::vector<Step> steps;
  if (!watch.missed) {
    for (int days : policy.approach_working_days) {
      if (watch.approached != 0 && watch.approached <= days) continue;
      steps.push_back({Step::Type::kApproach, days, calendar.AddWorkingDays(due, -days)});
    }
    steps.push_back({Step::Type::kMissed, 0, due.AddDays(1)});
  }
  const int top = static_cast<int>(AlertLine(org, open.responsible).size()) - 1;
  for (int level = watch.level + 1; level <= top; ++level) {
    steps.push_back({Step::Type::kEscalate, level,
                     calendar.AddWorkingDays(due, level * policy.escalate_every_working_days)});
  }
  return steps;
}

int WorkingDaysBetween(const Date& after, const Date& through, const HolidayCalendar& calendar) {
  int count = 0;
  for (Date at = after.AddDays(1); at <= through; at = at.AddDays(1)) {
    if (calendar.IsWorkingDay(at)) ++count;
  }
  return count;
}

struct Recipient {
  std::string post, role;
};

std::string DaysText(int n) {
  return std::to_string(n) + (n == 1 ? " working day" : " working days");
}

}  // namespace

Result<WatchPolicy> WatchPolicy::Parse(std::string_view text) {
  WatchPolicy policy;
  auto bad = [&](const std::string& why) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "bad watch policy '" + std::string(text) + "': " + why +
                             " (expected e.g. approach=3,1;escalate=3)",
                         "ვადების კონტროლის წესი არასწორია: " + std::string(text));
  };
  auto number = [](std::string_view s, int* out) {
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return error == std::errc() && end == s.data() + s.size() && *out >= 1 && *out <= 60;
  };
  while (!text.empty()) {
    const size_t semi = text.find(';');
    std::string_view part = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos) return bad("a part without '='");
    const std::string_view key = part.substr(0, eq);
    std::string_view value = part.substr(eq + 1);
    if (key == "approach") {
      policy.approach_working_days.clear();
      while (!value.empty()) {
        const size_t comma = value.find(',');
        int days = 0;
        if (!number(value.substr(0, comma), &days)) return bad("approach days must be 1..60");
        policy.approach_working_days.push_back(days);
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
      }
      std::sort(policy.approach_working_days.rbegin(), policy.approach_working_days.rend());
      policy.approach_working_days.erase(
          std::unique(policy.approach_working_days.begin(), policy.approach_working_days.end()),
          policy.approach_working_days.end());
    } else if (key == "escalate") {
      if (!number(value, &policy.escalate_every_working_days)) {
        return bad("escalate must be 1..60 working days");
      }
    } else {
      return bad("unknown part '" + std::string(key) + "'");
    }
  }
  return policy;
}

std::string WatchPolicy::ToString() const {
  std::string out = "approach=";
  for (size_t i = 0; i < approach_working_days.size(); ++i) {
    out += (i ? "," : "") + std::to_string(approach_working_days[i]);
  }
  return out + ";escalate=" + std::to_string(escalate_every_working_days);
}

std::vector<std::string> AlertLine(const OrgChart& org, const std::string& responsible) {
  std::vector<std::string> line;
  const Post* post = org.FindPost(responsible);
  if (!post) return line;
  std::set<std::string> seen = {responsible};
  // Level 0: the head of the responsible post's unit, unless that is the post itself.
  const Unit* unit = org.FindUnit(post->unit);
  std::string at = unit && !unit->head_post.empty() && unit->head_post != responsible
                       ? unit->head_post
                       : std::string();
  if (at.empty())
    at = !post->delegated_supervisor.empty() ? post->delegated_supervisor : post->supervisor;
  while (!at.empty() && seen.insert(at).second) {
    line.push_back(at);
    const Post* above = org.FindPost(at);
    if (!above) break;
    // The delegated line first (on the head's instruction), then the reporting line.
    at = !above->delegated_supervisor.empty() && !seen.count(above->delegated_supervisor)
             ? above->delegated_supervisor
             : above->supervisor;
  }
  return line;
}

std::optional<Date> NextWatchDate(const CaseState& state, const OrgChart& org,
                                  const HolidayCalendar& calendar, const WatchPolicy& policy) {
  const OpenDeadline open = OpenDeadlineOf(state);
  const auto due = Date::Parse(open.due);
  if (!due) return std::nullopt;
  auto steps = PendingSteps(state, open, *due, org, calendar, policy);
  if (steps.empty()) return std::nullopt;
  return steps.front().date;
}

namespace {

// Who answers for the deadline: the responsible post (the lead executor), and the co-executors
// of the resolution while they work on it.
std::vector<Recipient> Executors(const CaseState& state, const OpenDeadline& open) {
  std::vector<Recipient> executors{{open.responsible, "executor"}};
  if (CoExecutionOpen(state)) {
    for (const auto& post : state.co_executors) executors.push_back({post, "co_executor"});
  }
  return executors;
}

}  // namespace

std::vector<storage::EventDraft> WatchDeadline(const CaseState& state, const Context& context,
                                               const WatchPolicy& policy) {
  std::vector<storage::EventDraft> events;
  const OpenDeadline open = OpenDeadlineOf(state);
  const auto due = Date::Parse(open.due);
  if (!due) return events;
  const Date today = context.today;
  const auto steps = PendingSteps(state, open, *due, *context.org, *context.calendar, policy);
  const auto line = AlertLine(*context.org, open.responsible);

  auto add = [&](schema::Event::Payload::Which which, const Step& step,
                 std::vector<Recipient> recipients, const std::string& rule,
                 const std::string& rule_ka) {
    auto draft = rules::NewEvent(context, "");
    auto payload = draft.event().initPayload();
    schema::DeadlineAlertV1::Builder alert =
        which == schema::Event::Payload::DEADLINE_APPROACHING ? payload.initDeadlineApproaching()
        : which == schema::Event::Payload::DEADLINE_MISSED    ? payload.initDeadlineMissed()
                                                              : payload.initEscalated();
    alert.setDue(open.due);
    alert.setDueExplanation(state.stage == Stage::kInfoRefused ? "" : state.due_explanation);
    alert.setRule(rule);
    alert.setRuleKa(rule_ka);
    alert.setDueExplanationKa(state.stage == Stage::kInfoRefused ? "" : state.due_explanation_ka);
    alert.setStepDate(step.date.ToString());
    alert.setResponsible(open.responsible);
    if (step.type == Step::Type::kApproach) alert.setWorkingDaysBefore(step.n);
    if (step.type == Step::Type::kEscalate) alert.setLevel(step.n);
    if (today > *due)
      alert.setWorkingDaysOverdue(WorkingDaysBetween(*due, today, *context.calendar));
    // The alert goes to whoever exercises each post today (an acting officer for an absent
    // one, docs/domain.md §7), once per post.
    std::vector<std::pair<Recipient, std::string>> to;  // recipient, acting for
    std::set<std::string> seen;
    for (auto& r : recipients) {
      const std::string exercised = context.org->ExercisedBy(r.post, today);
      if (!seen.insert(exercised).second) continue;
      to.push_back({Recipient{exercised, r.role}, exercised == r.post ? "" : r.post});
    }
    auto list = alert.initRecipients(to.size());
    for (size_t i = 0; i < to.size(); ++i) {
      list[i].setPost(to[i].first.post);
      const Post* post = context.org->FindPost(to[i].first.post);
      list[i].setPerson(post ? post->holder : "");
      list[i].setActingFor(to[i].second);
      list[i].setRole(to[i].first.role);
    }
    events.push_back(std::move(draft));
  };

  if (today <= *due) {
    // Before the due date: the nearest reminder whose day has come (an earlier one is moot).
    const Step* nearest = nullptr;
    for (const auto& step : steps) {
      if (step.type == Step::Type::kApproach && step.date <= today) nearest = &step;
    }
    if (nearest) {
      // The reminder reaches every executor the resolution was placed on: the co-executors
      // answer to the lead for their parts by the same date.
      std::vector<Recipient> executors = Executors(state, open);
      add(schema::Event::Payload::DEADLINE_APPROACHING, *nearest, std::move(executors),
          "reminder " + DaysText(nearest->n) + " before the due date " + open.due +
              " (watch policy " + policy.ToString() + ", docs/domain.md §7)",
          "შეხსენება: ვადამდე (" + open.due + ") დარჩა " + std::to_string(nearest->n) +
              " სამუშაო დღე (ვადების კონტროლის წესი)");
    }
    return events;
  }
  for (const auto& step : steps) {
    if (step.date > today) break;
    if (step.type == Step::Type::kMissed) {
      // docs/domain.md §7: the executors themselves, their unit head and whoever set the
      // deadline learn of the miss; for a controlled document also the records office, which
      // keeps the control list.
      std::vector<Recipient> recipients = Executors(state, open);
      if (!line.empty()) recipients.push_back({line.front(), "unit_head"});
      if (!state.deadline_setter.empty() && state.deadline_setter != open.responsible) {
        recipients.push_back({state.deadline_setter, "deadline_setter"});
      }
      if (state.on_control) {
        for (const auto& post : context.org->posts()) {
          if (post.powers.count(Power::kRegister))
            recipients.push_back({post.id, "records_office"});
        }
      }
      add(schema::Event::Payload::DEADLINE_MISSED, step, std::move(recipients),
          "the due date " + open.due +
              " passed with the proceeding still open; the executors, their unit head and "
              "whoever set the deadline are alerted" +
              std::string(state.on_control ? ", and the records office: the document is on "
                                             "control"
                                           : "") +
              " (docs/domain.md §7)",
          "ვადა " + open.due +
              " გავიდა, წარმოება კი არ დასრულებულა; ეცნობა შემსრულებლებს, მათი სტრუქტურული "
              "ერთეულის ხელმძღვანელს და ვადის დამდგენს" +
              std::string(state.on_control ? ", ასევე საქმისწარმოების სამსახურს: დოკუმენტი "
                                             "კონტროლზეა"
                                           : ""));
    } else if (step.type == Step::Type::kEscalate) {
      add(schema::Event::Payload::ESCALATED, step, {{line[step.n], "supervisor"}},
          "still open " + DaysText(step.n * policy.escalate_every_working_days) +
              " after the due date " + open.due + ": escalated to level " + std::to_string(step.n) +
              " of the supervision line (one level every " +
              DaysText(policy.escalate_every_working_days) +
              ", up to the head of the body; docs/domain.md §7)",
          "ვადის (" + open.due + ") გასვლიდან " +
              std::to_string(step.n * policy.escalate_every_working_days) +
              " სამუშაო დღის შემდეგაც წარმოება ღიაა: ეცნობა ზედამხედველობის ხაზის " +
              std::to_string(step.n) + " დონეს (თითო დონე ყოველ " +
              std::to_string(policy.escalate_every_working_days) +
              " სამუშაო დღეში, ორგანოს ხელმძღვანელამდე)");
    }
  }
  return events;
}

namespace {

// The days from `after` (exclusive) up to `moved` that are not working days, and the new due
// date: "; D is not a working day: why ... New due date: M."
std::string RollText(const Date& after, const Date& moved, const HolidayCalendar& calendar) {
  std::ostringstream why;
  for (Date at = after.AddDays(1); at < moved; at = at.AddDays(1)) {
    why << "; " << at.ToString() << " is not a working day: " << calendar.WhyNotWorking(at);
  }
  why << ". New due date: " << moved.ToString() << ".";
  return why.str();
}

// RollText in Georgian.
std::string RollTextKa(const Date& after, const Date& moved, const HolidayCalendar& calendar) {
  std::string why;
  for (Date at = after.AddDays(1); at < moved; at = at.AddDays(1)) {
    why += "; " + at.ToString() + " არასამუშაო დღეა: " + calendar.WhyNotWorkingKa(at);
  }
  return why + ". ახალი ვადა: " + moved.ToString() + ".";
}

// The Georgian of the case's explanation; its English for a case whose events predate it.
const std::string& KaOf(const CaseState& state) {
  return state.due_explanation_ka.empty() ? state.due_explanation : state.due_explanation_ka;
}

// One DeadlineRecomputed event moving `state`'s open deadline to `moved`.
storage::EventDraft Recomputed(const CaseState& state, const Context& context, const Date& moved,
                               const std::string& reason, const std::string& explanation,
                               const std::string& explanation_ka, const Date& day_off,
                               const std::string& by) {
  auto draft = rules::NewEvent(context, "");
  auto r = draft.event().initPayload().initDeadlineRecomputed();
  r.setPreviousDue(OpenDeadlineOf(state).due);
  r.setNewDue(moved.ToString());
  r.setReason(reason);
  r.setExplanation(explanation);
  r.setExplanationKa(explanation_ka);
  r.setDayOff(day_off.ToString());
  r.setDeclaredBy(by);
  return draft;
}

// What a command of the calendar case needs first: the power declare_days_off, then its date,
// today or later (`verb_en`, `verb_ka`: what is done to the day, for the refusal). The post
// acted for ("" when own) and the date, or the refusal.
std::variant<std::pair<std::string, Date>, Refusal> CalendarDay(const Context& context,
                                                                std::string_view text,
                                                                const std::string& verb_en,
                                                                const std::string& verb_ka) {
  auto acting_for = rules::Need(context, Power::kDeclareDaysOff);
  if (auto* refusal = std::get_if<Refusal>(&acting_for)) return *refusal;
  auto date = rules::DateField(text, "date");
  if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
  const Date day = std::get<Date>(date);
  if (day < context.today) {
    return Refuse(
        "a day off cannot be " + verb_en + " for a past date (" + day.ToString() + ")",
        "დასვენების დღის " + verb_ka + " წარსული თარიღისთვის (" + day.ToString() + ") შეუძლებელია");
  }
  return std::pair{std::get<std::string>(acting_for), day};
}

}  // namespace

std::vector<storage::EventDraft> RecomputeForDayOff(const CaseState& state, const Context& context,
                                                    const Date& day_off, const std::string& name,
                                                    const std::string& declared_by) {
  std::vector<storage::EventDraft> events;
  const OpenDeadline open = OpenDeadlineOf(state);
  if (open.due != day_off.ToString()) return events;
  const Date moved = context.calendar->NextWorkingDay(day_off);
  const std::string why = open.due + " became a day off (" + name +
                          "); a period that ends on a day off ends on the next working day "
                          "(Civil Code of Georgia, rules on periods)" +
                          RollText(day_off, moved, *context.calendar);
  const std::string why_ka = open.due + " გამოცხადდა დასვენების დღედ (" + name +
                             "); დასვენების დღეს დამთავრებული ვადა მთავრდება მომდევნო სამუშაო "
                             "დღეს (საქართველოს სამოქალაქო კოდექსი, ვადების წესები)" +
                             RollTextKa(day_off, moved, *context.calendar);
  const bool fresh = state.stage == Stage::kInfoRefused || state.due_explanation.empty();
  const std::string explanation = fresh ? why : state.due_explanation + "\n" + why;
  const std::string explanation_ka = fresh ? why_ka : KaOf(state) + "\n" + why_ka;
  events.push_back(Recomputed(state, context, moved, "government-declared day off: " + name,
                              explanation, explanation_ka, day_off, declared_by));
  return events;
}

std::vector<storage::EventDraft> RecomputeForWithdrawal(const CaseState& state,
                                                        const Context& context, const Date& day,
                                                        const std::string& reason,
                                                        const std::string& withdrawn_by) {
  std::vector<storage::EventDraft> events;
  const OpenDeadline open = OpenDeadlineOf(state);
  const auto& move = state.day_off_move;
  const std::string date = day.ToString();
  const std::string why =
      date + " is a working day again (the day off was withdrawn: " + reason + ")";
  const std::string why_ka =
      date + " კვლავ სამუშაო დღეა (დასვენების დღე გაუქმდა: " + std::string(reason) + ")";
  if (open.due.empty()) return events;
  // Counted over `day` at registration from the deadline table, and unchanged since (its
  // explanation is still that count's, which skipped the day): counted again.
  if (move.from.empty() && IsIncoming(state.kind) && state.stage != Stage::kInfoRefused &&
      state.due == state.statutory_due && state.statutory_extensions == 0 &&
      state.due_explanation.find("skipped: " + date + " ") != std::string::npos) {
    auto registered = Date::Parse(state.registered_on);
    if (!registered) return events;
    const Deadline recounted =
        rules::StatutoryDeadline(context, incoming::RulesFor(state.kind).deadline_key, *registered);
    if (!(recounted.due < *Date::Parse(open.due))) return events;
    events.push_back(Recomputed(state, context, recounted.due, "day off withdrawn: " + reason,
                                incoming::Join(recounted.Explanation()) + "\n" + why + ".",
                                incoming::Join(recounted.ExplanationKa()) + "\n" + why_ka + ".",
                                day, withdrawn_by));
    return events;
  }
  // Moved by declared days off from `from` to the open deadline, over `day`.
  if (move.to != open.due || !(move.from <= date && date < move.to)) return events;
  const Date from = *Date::Parse(move.from);
  const Date back = context.calendar->NextWorkingDay(from);
  if (back.ToString() == open.due) return events;
  const std::string back_text =
      why + (back == from ? "; the due date is back to " + move.from + "."
                          : "; " + move.from + " is still not a working day: " +
                                context.calendar->WhyNotWorking(from) +
                                RollText(from, back, *context.calendar));
  const std::string back_text_ka =
      why_ka + (back == from ? "; ვადა კვლავ " + move.from + " არის."
                             : "; " + move.from + " კვლავ არასამუშაო დღეა: " +
                                   context.calendar->WhyNotWorkingKa(from) +
                                   RollTextKa(from, back, *context.calendar));
  const std::string explanation =
      move.explanation.empty() ? back_text : move.explanation + "\n" + back_text;
  const std::string& base_ka = move.explanation_ka.empty() ? move.explanation : move.explanation_ka;
  const std::string explanation_ka = base_ka.empty() ? back_text_ka : base_ka + "\n" + back_text_ka;
  events.push_back(Recomputed(state, context, back, "day off withdrawn: " + reason, explanation,
                              explanation_ka, day, withdrawn_by));
  return events;
}

bool ChangesCalendar(schema::Event::Reader event) {
  const auto which = event.getPayload().which();
  return which == schema::Event::Payload::DAY_OFF_DECLARED ||
         which == schema::Event::Payload::DAY_OFF_WITHDRAWN;
}

bool ApplyToCalendar(HolidayCalendar& calendar, schema::Event::Reader event) {
  auto payload = event.getPayload();
  if (payload.which() == schema::Event::Payload::DAY_OFF_DECLARED) {
    auto declared = payload.getDayOffDeclared();
    auto date = Date::Parse(declared.getDate().cStr());
    return date && calendar
                       .AddDeclaredDayOff(Holiday{*date, declared.getName(), declared.getName(),
                                                  kDeclaredDayOffSource})
                       .ok();
  }
  if (payload.which() == schema::Event::Payload::DAY_OFF_WITHDRAWN) {
    auto date = Date::Parse(payload.getDayOffWithdrawn().getDate().cStr());
    return date && calendar.RemoveDeclaredDayOff(*date).ok();
  }
  return false;
}

Decision Acknowledge(const CaseState& state, schema::AcknowledgeAlert::Reader command,
                     const Context& context) {
  const uint64_t seq = command.getAlertSeq();
  auto alert = std::find_if(state.alerts.begin(), state.alerts.end(),
                            [&](const AlertRecord& a) { return a.seq == seq; });
  if (alert == state.alerts.end()) {
    return Refuse("there is no alert " + std::to_string(seq) + " on this case",
                  "ამ საქმეზე შეტყობინება " + std::to_string(seq) + " არ არსებობს");
  }
  const auto& to = alert->recipients;
  if (std::find(to.begin(), to.end(), context.actor_post) == to.end()) {
    return Refuse("alert " + std::to_string(seq) + " was not sent to " + context.actor_post +
                      "; only its recipients acknowledge it",
                  "შეტყობინება " + std::to_string(seq) + " " + context.actor_post +
                      "-ს არ გაეგზავნა; მისი დადასტურება მხოლოდ ადრესატს შეუძლია");
  }
  const auto& by = alert->acknowledged_by;
  if (std::find(by.begin(), by.end(), context.actor_post) != by.end()) {
    return Refuse("alert " + std::to_string(seq) + " is already acknowledged",
                  "შეტყობინება " + std::to_string(seq) + " უკვე დადასტურებულია");
  }
  auto draft = rules::NewEvent(context, "");
  auto r = draft.event().initPayload().initAlertAcknowledged();
  r.setAlertSeq(seq);
  r.setBy(context.actor_post);
  return rules::Events(std::move(draft));
}

Decision WithdrawDayOff(const CaseState& state, schema::WithdrawDayOff::Reader command,
                        const Context& context) {
  auto checked = CalendarDay(context, command.getDate().cStr(), "withdrawn", "გაუქმება");
  if (auto* refusal = std::get_if<Refusal>(&checked)) return *refusal;
  const auto& [acting_for, day] = std::get<std::pair<std::string, Date>>(checked);
  const std::string day_text = day.ToString();  // clang 14 cannot capture a structured binding
  const bool declared = std::any_of(state.days_off.begin(), state.days_off.end(),
                                    [&](const auto& d) { return d.first == day_text; });
  if (!declared) {
    return Refuse(day.ToString() + " is not a day off declared in this calendar",
                  day.ToString() + " ამ კალენდარში დასვენების დღედ გამოცხადებული არ არის");
  }
  if (command.getReason().size() == 0) {
    return Refuse("reason is required: what withdraws the day off (e.g. the Government decree)",
                  "მიუთითეთ გაუქმების საფუძველი (მაგ. მთავრობის დადგენილება)");
  }
  auto draft = rules::NewEvent(context, acting_for);
  auto r = draft.event().initPayload().initDayOffWithdrawn();
  r.setDate(day.ToString());
  r.setReason(command.getReason());
  return rules::Events(std::move(draft));
}

Decision DeclareDayOff(const CaseState& state, schema::DeclareDayOff::Reader command,
                       const Context& context) {
  (void)state;
  auto checked = CalendarDay(context, command.getDate().cStr(), "declared", "გამოცხადება");
  if (auto* refusal = std::get_if<Refusal>(&checked)) return *refusal;
  const auto& [acting_for, day] = std::get<std::pair<std::string, Date>>(checked);
  if (!context.calendar->IsWorkingDay(day)) {
    return Refuse(
        day.ToString() + " is already not a working day: " + context.calendar->WhyNotWorking(day),
        day.ToString() + " ისედაც არასამუშაო დღეა");
  }
  if (command.getName().size() == 0) {
    return Refuse("name is required: what declares the day off (e.g. the Government decree)",
                  "მიუთითეთ დასვენების დღის საფუძველი (მაგ. მთავრობის დადგენილება)");
  }
  auto draft = rules::NewEvent(context, acting_for);
  auto r = draft.event().initPayload().initDayOffDeclared();
  r.setDate(day.ToString());
  r.setName(command.getName());
  return rules::Events(std::move(draft));
}

bool EvolveWatch(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  auto record_alert = [&](schema::DeadlineAlertV1::Reader alert) {
    if (state.watch.due != alert.getDue().cStr()) state.watch = DeadlineWatchState{alert.getDue()};
    AlertRecord record;
    record.seq = event.getSeq();
    for (auto r : alert.getRecipients()) record.recipients.push_back(r.getPost());
    state.alerts.push_back(std::move(record));
  };
  switch (payload.which()) {
    case P::DEADLINE_APPROACHING: {
      auto alert = payload.getDeadlineApproaching();
      record_alert(alert);
      state.watch.approached = alert.getWorkingDaysBefore();
      return true;
    }
    case P::DEADLINE_MISSED:
      record_alert(payload.getDeadlineMissed());
      state.watch.missed = true;
      return true;
    case P::ESCALATED: {
      auto alert = payload.getEscalated();
      record_alert(alert);
      state.watch.missed = true;
      state.watch.level = std::max(state.watch.level, static_cast<int>(alert.getLevel()));
      return true;
    }
    case P::DEADLINE_RECOMPUTED: {
      auto r = payload.getDeadlineRecomputed();
      const std::string previous = r.getPreviousDue();
      // Where the open deadline stood before days off moved it, for a withdrawal to go back to.
      auto& move = state.day_off_move;
      if (OpenDeadlineOf(state).due == previous) {
        if (move.from.empty() || move.to != previous) {
          const bool refused = state.stage == Stage::kInfoRefused;
          move = {previous, refused ? "" : state.due_explanation, "",
                  refused ? "" : state.due_explanation_ka};
        }
        move.to = r.getNewDue();
        if (move.to == move.from) move = {};
      }
      if (state.due == previous) {
        state.due = r.getNewDue();
        state.due_explanation = r.getExplanation();
        state.due_explanation_ka = r.getExplanationKa();
      }
      if (state.statutory_due == previous) state.statutory_due = r.getNewDue();
      if (state.rights_due == previous) state.rights_due = r.getNewDue();
      return true;
    }
    case P::ALERT_ACKNOWLEDGED: {
      auto r = payload.getAlertAcknowledged();
      for (auto& alert : state.alerts) {
        if (alert.seq == r.getAlertSeq()) alert.acknowledged_by.push_back(r.getBy());
      }
      return true;
    }
    case P::DAY_OFF_DECLARED: {
      auto r = payload.getDayOffDeclared();
      state.kind = Kind::kCalendar;
      state.stage = Stage::kKept;
      state.days_off.emplace_back(r.getDate(), r.getName());
      return true;
    }
    case P::DAY_OFF_WITHDRAWN: {
      const std::string date = payload.getDayOffWithdrawn().getDate();
      std::erase_if(state.days_off, [&](const auto& d) { return d.first == date; });
      return true;
    }
    default:
      return false;
  }
}

}  // namespace saqme::workflows
