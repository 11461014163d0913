// Helpers shared by the kinds' rules (internal to workflows/).
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "model/field_rules.h"
#include "workflows/proceeding.h"

namespace saqme::workflows::rules {

Refusal Refuse(std::string en, std::string ka);  // for the command's data
// A refusal for the case's state: not now, whatever the data (RefusalCategory::kNotNow).
Refusal RefuseNow(std::string en, std::string ka);
// "assign_resolution is not possible while the case is 'filed'".
Refusal NotNow(const CaseState& state, schema::Command::Reader command);
// "ბრძანება „რეზოლუციის დადება“": the command named in Georgian, for Georgian sentences.
std::string CommandLabelKa(schema::Command::Reader command);
// "„მიღების თარიღი“": a command field (by its API name) named in Georgian by its schema label.
std::string FieldNameKa(const char* field);

// A decision of exactly one event.
std::vector<storage::EventDraft> Events(storage::EventDraft draft);

// A new event by the context's actor at the context's time, acting for `acting_for` (or own).
storage::EventDraft NewEvent(const Context& context, const std::string& acting_for);

// The post in whose name the actor acts: `acting_for` (what Need or MustBe returned) when it
// acts for another post, else its own post. Guarantees a non-empty post for a context with one.
std::string ActsAs(const Context& context, const std::string& acting_for);

// The actor may use `power` (as `as_post` when given); the result is the post acted for ("" when
// own), or the refusal naming the missing power — also when the power is the actor's own but
// someone acts for its post today (OrgChart::AbsentRefusal).
std::variant<std::string, Refusal> Need(const Context& context, Power power,
                                        std::string_view as_post = {});
// The actor is `post` or acts for it today; `role` says who that is for the refusal. While
// someone acts for `post`, `post` itself is refused.
std::variant<std::string, Refusal> MustBe(const Context& context, const std::string& post,
                                          const std::string& role_en, const std::string& role_ka);

// An endorsement (ვიზა) of the current draft by a post with the endorse power, once per post.
// Requires the caller to have checked the stage.
Decision Endorse(const CaseState& state, schema::TextOnly::Reader command, const Context& context);

// The visa the organisation requires on this kind of answer (its org file's endorsement rules)
// and the current draft lacks, as the refusal of the signature; nullopt when none is missing.
std::optional<Refusal> MissingVisa(const CaseState& state, const Context& context);

// The decision on an application or a complaint (an individual act): `outcome` must be one of
// `allowed`; the actor needs `power` as `as_post`; the decision is signed as it is, so it waits
// for the visas the answer needs (MissingVisa). Requires the caller to have checked the stage.
Decision DecideOutcome(const CaseState& state, schema::Decide::Reader command, const Context& context,
                       std::initializer_list<schema::Outcome> allowed, const char* allowed_en,
                       const char* allowed_ka, Power power, const std::string& as_post);

// Who signs for `addressee`: the addressee when it holds the power to sign, otherwise the
// nearest post above it that does (a division head resolves, the head of the apparatus signs).
std::string Signatory(const Context& context, const std::string& addressee);

// A "YYYY-MM-DD" field; a refusal naming the field when it is not a date.
std::variant<Date, Refusal> DateField(std::string_view text, const char* field);
// The Tbilisi date ("YYYY-MM-DD") of an instant in ms.
std::string TbilisiDateOf(int64_t millis);
// The post whose authority an event used: the post acted for, or the actor's own.
std::string ActedAs(schema::Event::Reader event);
// "granted", "partly", "upheld", ...
std::string OutcomeName(schema::Outcome outcome);
// "citizen", "organisation", "agency".
std::string SenderKindName(schema::SenderKind kind);

// The legal source the body cites for deadline rule `key`: its org file's own (org-format.md
// "sources"), else the deadline table's national one. Requires a key of the deadline table.
LegalSource SourceOf(const Context& context, std::string_view key);
// The statutory deadline `key` counted from `start`, citing SourceOf(context, key).
Deadline StatutoryDeadline(const Context& context, std::string_view key, const Date& start);

// Sets a payload's `due`, `dueExplanation` and `dueExplanationKa` from `deadline` (any payload
// struct with those three fields: the petition's steps, the oral act).
template <typename Builder>
void SetDeadline(Builder payload, const Deadline& deadline);
// The reverse, in evolve: the state's `due` and its explanations from such a payload.
template <typename Reader>
void TakeDeadline(CaseState& state, Reader payload) {
  state.due = payload.getDue();
  state.due_explanation = payload.getDueExplanation();
  state.due_explanation_ka = payload.getDueExplanationKa();
}

// A refusal when `value` is not one of the `$choices` of field `field` of command struct S,
// naming it as `path` (the API's name of the field; `field` itself when empty).
template <typename S>
std::optional<Refusal> OffTheList(const char* field, std::string_view value,
                                  std::string_view path = {}) {
  auto problem =
      storage::NotAChoice(storage::FieldOf<S>(field), value, path.empty() ? field : path);
  if (!problem) return std::nullopt;
  return Refuse(problem->en, problem->ka);
}

// A post id that must exist in the org chart.
std::optional<Refusal> KnownPost(const Context& context, std::string_view post, const char* field);

std::string JoinLines(const std::vector<std::string>& lines);  // one line each, '\n' between

template <typename Builder>
void SetDeadline(Builder payload, const Deadline& deadline) {
  payload.setDue(deadline.due.ToString());
  payload.setDueExplanation(JoinLines(deadline.Explanation()));
  payload.setDueExplanationKa(JoinLines(deadline.ExplanationKa()));
}

}  // namespace saqme::workflows::rules
