// OrgChart: an administrative body's units, posts, holders, supervision lines, powers and
// acting assignments — loaded from a data file (docs/org-format.md), never written in code.
//
// Authorization is answered here as a pure function of the chart and the date: a post may use a
// power it holds, and, during an acting assignment, the powers of the post it acts for.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/status.h"
#include "workflows/calendar/date.h"
#include "workflows/org/endorsement_rules.h"
#include "workflows/org/legal_sources.h"
#include "workflows/org/power.h"
#include "workflows/refusal.h"

namespace saqme::workflows {

struct Unit {
  std::string id, name_ka, name_en, parent, head_post;
};

struct Post {
  std::string id, title_ka, title_en, unit, rank, holder;
  std::string supervisor;            // reporting line; empty for the head of the body
  std::string delegated_supervisor;  // second supervision line on the head's instruction
  std::string acts_in_absence;       // who acts for this post by statute, when it is absent
  std::set<Power> powers;
  std::vector<std::string> duties;
  std::string source;
};

// `acting_post` exercises `post` (its powers, its alerts) from `from` to `to`, both inclusive.
struct ActingAssignment {
  std::string post, acting_post;
  Date from, to;
  std::string basis;

  bool Covers(const Date& date) const { return from <= date && date <= to; }
};

// `person` holds `post` from `from` on (a vacancy when empty); recorded by the appoint command.
struct Appointment {
  std::string post, person;
  Date from;
  std::string basis;
};

// The outcome of an authorization check.
struct Authority {
  std::string acting_for;  // the absent post whose power is used; empty when it is the actor's
};

class OrgChart {
 public:
  // Parses and validates an org file; errors say what is wrong and where.
  static Result<OrgChart> Parse(std::string_view json);
  // The embedded demo charts.
  static const OrgChart& Ozurgeti();
  static const OrgChart& Zugdidi();

  const std::string& body_id() const { return body_id_; }
  const std::string& body_name_ka() const { return body_name_ka_; }
  const std::string& body_name_en() const { return body_name_en_; }
  const std::string& head_post() const { return head_post_; }
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<Post>& posts() const { return posts_; }
  const std::vector<ActingAssignment>& acting() const { return acting_; }
  // The visas each kind of answer needs before signing (the org file's "endorsements").
  const EndorsementRules& endorsement_rules() const { return endorsement_rules_; }
  const std::vector<Appointment>& appointments() const { return appointments_; }
  // The org file's text this chart was parsed from, verbatim (recorded as orgChartAdopted).
  const std::string& source_json() const { return source_json_; }
  // The statutes the body cites for its deadlines (the org file's "sources").
  const LegalSources& legal_sources() const { return legal_sources_; }

  const Post* FindPost(std::string_view id) const;
  const Unit* FindUnit(std::string_view id) const;
  // Whether `unit` is `root` or lies under it (false for an unknown unit).
  bool UnitWithin(std::string_view unit, std::string_view root) const;

  // Adds a dated acting assignment (kInvalidArgument: unknown posts, from > to, a post acting
  // for itself, or an overlap with another assignment for the same post).
  Status AddActing(ActingAssignment assignment);

  // Ends the assignment for `post` that covers `last_day` on that day (kInvalidArgument when
  // none covers it).
  Status EndActing(std::string_view post, const Date& last_day);

  // Records that `person` holds `post` from `from` (kInvalidArgument for an unknown post).
  // Appointments are kept in the order given; the latest one in force wins.
  Status Appoint(Appointment appointment);
  // Who holds `post` on `date`: the latest appointment from that date or earlier, else the org
  // file's holder ("" for a vacancy or an unknown post).
  std::string HolderOn(std::string_view post, const Date& date) const;

  // When someone acts for `post` on `date`, the refusal for `post` itself using its powers that
  // day, naming the acting post and the basis (its missing_power is `power`, so it answers as a
  // missing authority does); nullopt otherwise.
  std::optional<Refusal> AbsentRefusal(std::string_view post, const Date& date,
                                       std::string_view power) const;

  // Who acts for `post` on `date`, if anyone.
  std::optional<ActingAssignment> ActingFor(std::string_view post, const Date& date) const;
  // The post that exercises `post`'s functions on `date`: its acting post, or itself.
  std::string ExercisedBy(std::string_view post, const Date& date) const;

  // May `actor` use `power` on `date`? With `as_post`, the power must be used as that post (e.g.
  // signing what is addressed to the chair): the actor is that post, or acts for it that day.
  // Without, any post the actor holds or acts for will do. Refuses naming the missing power.
  std::variant<Authority, Refusal> Authorize(std::string_view actor, Power power, const Date& date,
                                             std::string_view as_post = {}) const;

  // Who signs for `addressee`: the addressee when it holds the power to sign, otherwise the
  // nearest post above it that does (a division head resolves, the head of the apparatus signs).
  std::string SignatoryFor(std::string_view addressee) const;

  // The reporting line above `post`, nearest first, ending at the head of the body.
  std::vector<std::string> ReportingLine(std::string_view post) const;
  // True when `supervisor` is above `post` on the reporting line, or is (or is above) the
  // delegated supervisor of `post` or of any post above it.
  bool Supervises(std::string_view supervisor, std::string_view post) const;

 private:
  std::string body_id_, body_name_ka_, body_name_en_, head_post_;
  std::vector<Unit> units_;
  std::vector<Post> posts_;
  std::map<std::string, size_t, std::less<>> post_index_, unit_index_;
  std::vector<ActingAssignment> acting_;
  EndorsementRules endorsement_rules_;
  std::vector<Appointment> appointments_;
  std::string source_json_;
  LegalSources legal_sources_;
};

}  // namespace saqme::workflows
