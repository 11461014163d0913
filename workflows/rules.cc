#include "workflows/rules.h"

#include <algorithm>

#include <capnp/schema.h>

#include "model/event_json.h"
#include "model/schema_labels.h"
#include "model/tbilisi_time.h"
#include "workflows/command_labels.h"

namespace saqme::workflows::rules {

Refusal Refuse(std::string en, std::string ka) { return Refusal{std::move(en), std::move(ka), {}}; }

Refusal RefuseNow(std::string en, std::string ka) {
  return Refusal{std::move(en), std::move(ka), {}, RefusalCategory::kNotNow};
}

std::string CommandLabelKa(schema::Command::Reader command) {
  const std::string name = CommandName(command);
  const CommandLabel* label = LabelOf(name);
  return std::string("ბრძანება „") + (label ? label->label_ka : "უცნობი") + "“";
}

Refusal NotNow(const CaseState& state, schema::Command::Reader command) {
  const std::string name = CommandName(command);
  return RefuseNow(name + " is not possible while the " + KindName(state.kind) + " is '" +
                       StageName(state.stage) + "'",
                   CommandLabelKa(command) + " ამ ეტაპზე დაუშვებელია: " + KindNameKa(state.kind) +
                       " არის სტადიაზე „" + StageNameKa(state.stage) + "“");
}

std::string FieldNameKa(const char* field) {
  const std::string label = storage::CommandFieldLabelKa(field);
  return label.empty() ? std::string("თარიღი") : "„" + label + "“";
}

std::vector<storage::EventDraft> Events(storage::EventDraft draft) {
  std::vector<storage::EventDraft> events;
  events.push_back(std::move(draft));
  return events;
}

storage::EventDraft NewEvent(const Context& context, const std::string& acting_for) {
  storage::EventDraft draft;
  auto event = draft.event();
  event.setOccurredAt(context.now_ms);
  event.getActor().setPost(context.actor_post);
  event.getActor().setPerson(context.actor_person);
  event.setActingFor(acting_for);
  return draft;
}

std::string ActsAs(const Context& context, const std::string& acting_for) {
  return acting_for.empty() ? context.actor_post : acting_for;
}

std::variant<std::string, Refusal> Need(const Context& context, Power power,
                                        std::string_view as_post) {
  auto result = context.org->Authorize(context.actor_post, power, context.today, as_post);
  if (auto* refusal = std::get_if<Refusal>(&result)) return *refusal;
  const std::string acting_for = std::get<Authority>(result).acting_for;
  // While someone acts for the actor's post, its own powers are the acting post's.
  if (acting_for.empty()) {
    if (auto absent =
            context.org->AbsentRefusal(context.actor_post, context.today, PowerName(power))) {
      return *absent;
    }
  }
  return acting_for;
}

std::variant<std::string, Refusal> MustBe(const Context& context, const std::string& post,
                                          const std::string& role_en, const std::string& role_ka) {
  if (context.actor_post == post) {
    if (auto absent = context.org->AbsentRefusal(post, context.today, "execute")) return *absent;
    return std::string();
  }
  auto acting = context.org->ActingFor(post, context.today);
  if (acting && acting->acting_post == context.actor_post) return post;
  return Refusal{
      "only the " + role_en + " (" + post + ") or whoever acts for them may do this",
      "ამის გაკეთება შეუძლია მხოლოდ " + role_ka + " (" + post + ") ან მისი მოვალეობის შემსრულებელს",
      "execute"};
}

std::variant<Date, Refusal> DateField(std::string_view text, const char* field) {
  if (auto problem = Date::ProblemWith(text, field, FieldNameKa(field))) {
    return Refuse(problem->en, problem->ka);
  }
  return *Date::Parse(text);
}

std::optional<Refusal> KnownPost(const Context& context, std::string_view post, const char* field) {
  if (context.org->FindPost(post)) return std::nullopt;
  return Refuse(std::string(field) + ": there is no post '" + std::string(post) + "'",
                FieldNameKa(field) + ": თანამდებობა '" + std::string(post) + "' არ არსებობს");
}

Decision Endorse(const CaseState& state, schema::TextOnly::Reader command, const Context& context) {
  auto authority = Need(context, Power::kEndorse);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  const std::string by = ActsAs(context, acting_for);
  for (const auto& post : state.endorsements) {
    if (post == by)
      return RefuseNow(by + " has already endorsed this draft", by + "-მა ეს პროექტი უკვე დაავიზა");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initEndorsed();
  r.setBy(by);
  r.setRemark(command.getText());
  return Events(std::move(draft));
}

std::optional<Refusal> MissingVisa(const CaseState& state, const Context& context) {
  const VisaRule* rule = context.org->endorsement_rules().Missing(
      KindName(state.kind), state.endorsements, state.lead_executor, *context.org);
  if (rule) return EndorsementRules::RefusalFor(*rule);
  return std::nullopt;
}

Decision DecideOutcome(const CaseState& state, schema::Decide::Reader command,
                       const Context& context, std::initializer_list<schema::Outcome> allowed,
                       const char* allowed_en, const char* allowed_ka, Power power,
                       const std::string& as_post) {
  auto authority = Need(context, power, as_post);  // authority before data (refusal.h)
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = MissingVisa(state, context)) return *refusal;
  if (std::find(allowed.begin(), allowed.end(), command.getOutcome()) == allowed.end()) {
    return Refuse(allowed_en, allowed_ka);
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initDecided();
  r.setOutcome(command.getOutcome());
  r.setText(command.getText());
  r.setBy(as_post);
  return Events(std::move(draft));
}

LegalSource SourceOf(const Context& context, std::string_view key) {
  return context.deadlines->SourceOf(key, &context.org->legal_sources());
}

Deadline StatutoryDeadline(const Context& context, std::string_view key, const Date& start) {
  return context.deadlines->Compute(key, start, *context.calendar, &context.org->legal_sources());
}

std::string Signatory(const Context& context, const std::string& addressee) {
  return context.org->SignatoryFor(addressee);
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string TbilisiDateOf(int64_t millis) { return TbilisiDate(millis); }

std::string ActedAs(schema::Event::Reader event) {
  return event.getActingFor().size() > 0 ? event.getActingFor().cStr()
                                         : event.getActor().getPost().cStr();
}

namespace {

// The snake_case name of an enumerant of the schema ("partly_released"), "unknown" for one newer
// than this build.
template <typename E>
std::string EnumerantName(E value) {
  auto enumerants = capnp::Schema::from<E>().getEnumerants();
  const auto index = static_cast<unsigned>(value);
  return index < enumerants.size() ? storage::SnakeCase(enumerants[index].getProto().getName())
                                   : "unknown";
}

}  // namespace

std::string OutcomeName(schema::Outcome outcome) { return EnumerantName(outcome); }

std::string SenderKindName(schema::SenderKind kind) { return EnumerantName(kind); }

}  // namespace saqme::workflows::rules
