// YearProfile: what a body's year holds — how many documents of each kind, acts of each type,
// sessions, nomenclature files — and the words its documents are written in (senders,
// subjects, answers). The generator (year_generator.h) turns a profile into commands.
#pragma once

#include <string>
#include <vector>

namespace saqme::generate {

struct NomenclatureFileSpec {
  std::string code, title, retention;
};

struct YearProfile {
  std::string name;  // "lentekhi"
  std::string body_ka, body_en;

  // Figures of one year at scale 1 (the seed's report). Incoming documents by kind: the
  // public-information requests among them are counted apart because GAC art. 49 asks for them.
  int correspondence = 0, applications = 0, complaints = 0, public_information = 0;
  // Outgoing letters in the outgoing journal: the dispatched answers (every incoming document
  // but the public-information requests, which are released) plus letters on the body's own
  // initiative, which make up the rest.
  int outgoing = 0;
  int orders = 0, ordinances = 0, resolutions = 0;
  int regular_sessions = 0, extraordinary_sessions = 0;  // where ordinances and resolutions pass
  // The other sittings the apparatus serves: the bureau, the standing commissions, the factions.
  int bureau_sessions = 0, commission_sessions = 0, faction_sessions = 0;
  int assignments = 0;
  // Not among the seed's figures: "Idea to the Mayor" e-petitions (Zugdidi statute art. 38.18)
  // and acts issued orally in urgency, each put in writing as one of the year's orders (art.
  // 39.3), so that the acts counted stay the seed's.
  int petitions = 0, oral_acts = 0;
  // The registers (workflows/registers/): not in the seed's report — modest figures of ours.
  int certificates = 0, business_trips = 0, memos = 0;
  // Not in the seed either: orders declared void after they came into force (of the year's
  // orders: the acts counted stay the seed's).
  int void_acts = 0;
  // Complaints whose decision annuls the order they contest (of the year's complaints; the
  // contested order is one of the year's, issued by the head of the apparatus).
  int annulled_on_complaint = 0;
  std::vector<NomenclatureFileSpec> nomenclature;

  // Shares (per mille) of how proceedings end; the rest are answered on time without more.
  // Answered after the due date (correspondence, applications); GenerateOptions::late_per_mille
  // replaces it (saqme generate --late-share).
  int late_per_mille = 0;
  int extended_per_mille = 0;    // the deadline extended once, then answered within it
  int redirected_per_mille = 0;  // passed to another executor before the answer
  int information_partial_per_mille = 0, information_refused_per_mille = 0;

  // Words. Senders are (name, address); citizens are first name x surname x village.
  std::vector<std::pair<std::string, std::string>> agencies, organisations;
  std::vector<std::string> first_names, surnames, villages;
  std::vector<std::string> correspondence_subjects, application_subjects, complaint_subjects,
      information_subjects, letter_subjects, letter_recipients, order_titles, ordinance_titles,
      resolution_titles, assignment_instructions, trip_destinations, trip_purposes, memo_subjects;

  int incoming() const { return correspondence + applications + complaints + public_information; }
  int acts() const { return orders + ordinances + resolutions; }
  // Letters on the body's own initiative: outgoing minus the dispatched answers.
  int initiative_letters() const { return outgoing - (correspondence + applications + complaints); }

  // The Lentekhi municipal council apparatus, report for 2023 (the Lentekhi report, docs/domain.md
  // §2): 135 incoming of which 16 public-information requests, 207 outgoing, 175 acts (23
  // resolutions, 69 ordinances, 83 orders), 29 nomenclature files, 11 regular and 8 extraordinary
  // sessions, 11 of the bureau, 38 of the standing commissions, 11 of the faction.
  static const YearProfile& Lentekhi();
  // The profile called `name`, or null.
  static const YearProfile* Find(const std::string& name);
};

}  // namespace saqme::generate
