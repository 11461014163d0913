#include "workflows/org/org_changes.h"

#include <variant>

#include "workflows/rules.h"

namespace saqme::workflows::org {
namespace {

using rules::Refuse;
using Which = schema::Command::Which;
using P = schema::Event::Payload;

// A date field that may not lie before `earliest`.
std::variant<Date, Refusal> NotBefore(std::string_view text, const char* field,
                                      const Date& earliest) {
  auto date = rules::DateField(text, field);
  if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
  const Date day = std::get<Date>(date);
  if (day < earliest) {
    return Refuse(std::string(field) + " " + day.ToString() +
                      " lies in the past: the org chart's history is not rewritten",
                  std::string(field) + ": " + day.ToString() +
                      " წარსული თარიღია; ორგანიზაციის სტრუქტურის ისტორია არ გადაიწერება");
  }
  return day;
}

std::optional<Refusal> NeedBasis(std::string_view basis) {
  if (!basis.empty()) return std::nullopt;
  return Refuse("basis is required: the decision or order with its number",
                "მიუთითეთ საფუძველი: გადაწყვეტილება ან ბრძანება ნომრით");
}

bool Overlaps(const ActingAssignment& a, const Date& from, const Date& to) {
  return !(to < a.from || a.to < from);
}

// set_acting: the head names who acts for an absent official (Ozurgeti: the chair names the
// acting officer in an official's absence — the chair's duties in the org file; Zugdidi statute
// art. 8.2, 14.1: the mayor appoints, the first deputy acts for the mayor).
Decision SetActing(schema::SetActing::Reader command, const Context& context) {
  auto authority = rules::Need(context, Power::kAppoint);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string absent = command.getAbsentPost(), acting = command.getActingPost();
  if (auto refusal = rules::KnownPost(context, absent, "absent_post")) return *refusal;
  if (auto refusal = rules::KnownPost(context, acting, "acting_post")) return *refusal;
  if (absent == acting) {
    return Refuse("a post cannot act for itself (" + absent + ")",
                  "თანამდებობა საკუთარ თავს ვერ შეცვლის (" + absent + ")");
  }
  auto from = NotBefore(command.getFrom().cStr(), "from", context.today);
  if (auto* refusal = std::get_if<Refusal>(&from)) return *refusal;
  auto to = NotBefore(command.getTo().cStr(), "to", context.today);
  if (auto* refusal = std::get_if<Refusal>(&to)) return *refusal;
  const Date first = std::get<Date>(from), last = std::get<Date>(to);
  if (last < first) {
    return Refuse(
        "to (" + last.ToString() + ") is before from (" + first.ToString() + ")",
        "ვადის დასასრული (" + last.ToString() + ") დაწყებამდეა (" + first.ToString() + ")");
  }
  if (auto refusal = NeedBasis(command.getBasis().cStr())) return *refusal;
  for (const auto& other : context.org->acting()) {
    if (!Overlaps(other, first, last)) continue;
    if (other.post == absent) {
      return Refuse(other.acting_post + " already acts for " + absent + " from " +
                        other.from.ToString() + " to " + other.to.ToString(),
                    absent + "-ის მოვალეობას " + other.from.ToString() + "-დან " +
                        other.to.ToString() + "-მდე უკვე ასრულებს " + other.acting_post);
    }
    if (other.post == acting) {  // the acting officer is away themselves then
      return Refuse(acting + " is absent from " + other.from.ToString() + " to " +
                        other.to.ToString() + " (" + other.acting_post + " acts for it)",
                    acting + " თავად არ იმყოფება " + other.from.ToString() + "-დან " +
                        other.to.ToString() + "-მდე (მის მოვალეობას ასრულებს " + other.acting_post +
                        ")");
    }
  }
  auto draft = rules::NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initActingSet();
  r.setAbsentPost(absent);
  r.setActingPost(acting);
  r.setFrom(first.ToString());
  r.setTo(last.ToString());
  r.setBasis(command.getBasis());
  return rules::Events(std::move(draft));
}

// end_acting: the holder came back; the assignment ends on `last_day` (today when empty). It may
// end yesterday (the holder is back today), not earlier: what was done in the post since stands.
Decision EndActing(schema::EndActing::Reader command, const Context& context) {
  auto authority = rules::Need(context, Power::kAppoint);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string absent = command.getAbsentPost();
  if (auto refusal = rules::KnownPost(context, absent, "absent_post")) return *refusal;
  const std::string text =
      command.getLastDay().size() ? command.getLastDay().cStr() : context.today.ToString();
  auto day = NotBefore(text, "last_day", context.today.AddDays(-1));
  if (auto* refusal = std::get_if<Refusal>(&day)) return *refusal;
  const Date last = std::get<Date>(day);
  auto running = context.org->ActingFor(absent, last);
  if (!running || running->to == last) {  // none, or it ends that day anyway
    return Refuse("nobody acts for " + absent + " after " + last.ToString() + ": nothing to end",
                  last.ToString() + "-ის შემდეგ " + absent +
                      "-ის მოვალეობას არავინ ასრულებს; დასასრულებელი არაფერია");
  }
  auto draft = rules::NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initActingEnded();
  r.setAbsentPost(absent);
  r.setActingPost(running->acting_post);
  r.setLastDay(last.ToString());
  r.setReason(command.getReason());
  return rules::Events(std::move(draft));
}

// appoint: who holds a post from when (Zugdidi statute art. 14.1: the mayor appoints; an empty
// person leaves the post vacant).
Decision Appoint(schema::Appoint::Reader command, const Context& context) {
  auto authority = rules::Need(context, Power::kAppoint);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string post = command.getPost(), person = command.getPerson();
  if (auto refusal = rules::KnownPost(context, post, "post")) return *refusal;
  auto from = NotBefore(command.getFrom().cStr(), "from", context.today);
  if (auto* refusal = std::get_if<Refusal>(&from)) return *refusal;
  if (auto refusal = NeedBasis(command.getBasis().cStr())) return *refusal;
  const Date first = std::get<Date>(from);
  if (context.org->HolderOn(post, first) == person) {
    return Refuse(person.empty() ? post + " is already vacant on " + first.ToString()
                                 : person + " already holds " + post + " on " + first.ToString(),
                  person.empty() ? post + " " + first.ToString() + "-ს უკვე ვაკანტურია"
                                 : post + "-ს " + first.ToString() + "-ს უკვე იკავებს " + person);
  }
  auto draft = rules::NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initPostAppointed();
  r.setPost(post);
  r.setPerson(person);
  r.setFrom(first.ToString());
  r.setBasis(command.getBasis());
  return rules::Events(std::move(draft));
}

}  // namespace

bool IsOrgCommand(Which which) {
  return which == Which::SET_ACTING || which == Which::END_ACTING || which == Which::APPOINT;
}

bool IsOrgCommand(std::string_view name) {
  return name == "set_acting" || name == "end_acting" || name == "appoint";
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (state.kind != Kind::kNone && state.kind != Kind::kOrganisation) {
    return rules::RefuseNow(
        CommandName(command) + " belongs to the org case '" + std::string(kOrgCaseId) +
            "': POST /v1/org/commands",
        "ეს ბრძანება ორგანიზაციის საქმეში ('" + std::string(kOrgCaseId) + "') გაიცემა");
  }
  switch (command.which()) {
    case Which::SET_ACTING:
      return SetActing(command.getSetActing(), context);
    case Which::END_ACTING:
      return EndActing(command.getEndActing(), context);
    case Which::APPOINT:
      return Appoint(command.getAppoint(), context);
    default:
      return rules::NotNow(state, command);
  }
}

storage::EventDraft Adoption(const OrgChart& chart, const std::string& source,
                             const std::string& post, int64_t now_ms) {
  storage::EventDraft draft;
  auto event = draft.event();
  event.setOccurredAt(now_ms);
  event.getActor().setPost(post);
  auto r = event.getPayload().initOrgChartAdopted();
  r.setChart(chart.source_json());
  r.setSource(source);
  return draft;
}

bool ChangesChart(schema::Event::Reader event) {
  switch (event.getPayload().which()) {
    case P::ORG_CHART_ADOPTED:
    case P::ACTING_SET:
    case P::ACTING_ENDED:
    case P::POST_APPOINTED:
      return true;
    default:
      return false;
  }
}

Status EvolveChart(OrgChart& chart, schema::Event::Reader event) {
  auto payload = event.getPayload();
  auto date = [](capnp::Text::Reader text) { return Date::Parse(text.cStr()); };
  auto bad = [&](const char* what) {
    return Status::Error(Status::Code::kCorruption,
                         std::string("event ") + std::to_string(event.getSeq()) + ": " + what,
                         "ორგანიზაციის მოვლენა დაზიანებულია");
  };
  switch (payload.which()) {
    case P::ORG_CHART_ADOPTED: {
      auto parsed = OrgChart::Parse(payload.getOrgChartAdopted().getChart().cStr());
      if (!parsed.ok()) return parsed.status();
      chart = std::move(parsed.value());
      return Status::Ok();
    }
    case P::ACTING_SET: {
      auto r = payload.getActingSet();
      auto from = date(r.getFrom()), to = date(r.getTo());
      if (!from || !to) return bad("acting dates are not dates");
      return chart.AddActing(
          ActingAssignment{r.getAbsentPost(), r.getActingPost(), *from, *to, r.getBasis()});
    }
    case P::ACTING_ENDED: {
      auto r = payload.getActingEnded();
      auto last = date(r.getLastDay());
      if (!last) return bad("last_day is not a date");
      return chart.EndActing(r.getAbsentPost().cStr(), *last);
    }
    case P::POST_APPOINTED: {
      auto r = payload.getPostAppointed();
      auto from = date(r.getFrom());
      if (!from) return bad("from is not a date");
      return chart.Appoint(Appointment{r.getPost(), r.getPerson(), *from, r.getBasis()});
    }
    default:
      return Status::Ok();
  }
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  if (!ChangesChart(event)) return false;
  state.kind = Kind::kOrganisation;
  state.stage = Stage::kKept;
  return true;
}

}  // namespace saqme::workflows::org
