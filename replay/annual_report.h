// The annual report the apparatus publishes (docs/domain.md §2, the Lentekhi council apparatus
// report for 2023, the Lentekhi report): what the body registered, answered and adopted in one
// calendar year, the public-information statistics GAC art. 49 asks for, and the log's head as an
// anchor, so that the printed report pins the log it was computed from (replay/anchor.h).
//
// Computed from the log alone, one pass, every case evolved by the workflows' own Evolve: a
// report is a projection like any view and never disagrees with the history it summarises.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <boost/json/object.hpp>

#include "model/status.h"
#include "storage/event_log.h"
#include "workflows/control_register.h"

namespace saqme::replay {

// Proceedings of one group (all incoming documents, or public-information requests alone) that
// were registered in the year, as they stand at the end of the log.
struct ProceedingFigures {
  int registered = 0;
  int answered_on_time = 0;  // answered no later than the deadline running when it was answered
  int answered_late = 0;
  int redirected = 0;                // sent to the competent body (GAC art. 79)
  int noted = 0;                     // taken note of: closed without an answer
  int open = 0;                      // neither answered nor redirected yet
  int64_t days_to_answer_total = 0;  // calendar days, registration to answer, over the answered
  int longest_days_to_answer = 0;
  std::string longest_case;
  int extensions = 0;  // deadline extensions recorded (statutory or of a resolution's due)

  double AverageDaysToAnswer() const;  // 0 when none was answered
};

// The "Idea to the Mayor" e-petitions submitted in the year, as they stand at the end of the log
// (Zugdidi statute art. 38.18; docs/reports.md).
struct PetitionFigures {
  int submitted = 0;
  int returned_for_defects = 0;  // screened with defects at least once
  int rejected = 0;              // inadmissible at screening (art. 38.19)
  int closed_unfixed = 0;        // defects not fixed within 15 days
  int to_vote = 0;               // accepted to the public vote
  int supported = 0;             // 1000 votes or more
  int not_supported = 0;
  int continued = 0;  // the mayor decided to continue: the feasibility study
  int refused = 0;    // the mayor refused
  int concluded = 0;  // the feasibility study's results recorded
  int open = 0;       // screening, fixing, voting, awaiting the decision or the study
};

// Acts issued orally in urgency in the year (Zugdidi statute art. 39.3), as they stand.
struct OralActFigures {
  int issued = 0;
  int put_in_writing = 0;
  int put_in_writing_late = 0;  // of those, after the 3 days
  int open = 0;                 // not yet in writing
};

// Periodic reports owed for periods ending in the year (Zugdidi statute art. 32; data/
// periodic_reports.tsv), as they stand at the end of the year (or the log's last event).
struct PeriodicReportFigures {
  int required = 0;
  int on_time = 0;  // submitted by the due date
  int late = 0;     // submitted after it
  int missing = 0;  // not submitted, the due date passed
  int open = 0;     // not submitted, not yet due
};

struct AnnualReport {
  int year = 0;
  int incoming = 0;         // registered in the incoming journal that year
  int voided = 0;           // of those, declared void (not in incoming)
  int registered_late = 0;  // of `incoming`, registered after the day they were received
  std::map<std::string, int> incoming_by_kind;     // correspondence, application, …
  std::map<std::string, int> incoming_by_channel;  // post, email, hand, …
  int outgoing = 0;                                // numbered in the outgoing journal that year
  int acts = 0;                                    // numbered in the acts journals of that year
  std::map<std::string, int> acts_by_type;         // order, ordinance, resolution
  // Acts that lost their validity in the year: declared void (declare_void), annulled or
  // amended by the decision on a complaint (docs/workflows.md, "Legal acts").
  int acts_declared_void = 0, acts_annulled_on_complaint = 0, acts_amended_on_complaint = 0;
  ProceedingFigures proceedings;         // every incoming document of the year
  ProceedingFigures public_information;  // the requests alone (GAC art. 49)
  int information_released = 0, information_partly = 0, information_refused = 0;
  // GAC art. 49: the refusals by their legal ground (RefuseInformation's `ground`: personal_data,
  // state_secret, …; `not_recorded` for refusals recorded before the ground was).
  std::map<std::string, int> information_refused_by_ground;
  int reminders = 0, missed = 0, escalations = 0;  // deadline-watch alerts dated in the year
  int nomenclature_cases = 0;  // files of the year's nomenclature, as last approved
  // Sessions held (with a quorum; a postponed one is not counted) whose date is in the year, by
  // body and kind: the Lentekhi report's five figures.
  struct Sessions {
    int council_regular = 0, council_extraordinary = 0, bureau = 0, commission = 0, faction = 0;
    int postponed = 0;  // convened for the year, not held for want of a quorum
    // The commissions' and factions' sittings held, per body: keyed by (kind, code); the code
    // is "" for sittings recorded before it was (they count under their kind only).
    struct BodySittings {
      std::string name;  // the body's name as the sitting recorded it
      int held = 0;
    };
    std::map<std::pair<std::string, std::string>, BodySittings> by_body;
  } sessions;
  // The registers (workflows/registers/): certificates entered in the year's register, by what
  // they certify (residence, goods_origin); business trips in the year's journal; the internal
  // correspondence of the year's internal journal — assignments issued and memos submitted.
  int certificates = 0;
  std::map<std::string, int> certificates_by_kind;
  int business_trips = 0;
  // The archive (workflows/nomenclature.cc): files handed to the departmental archive in the
  // year (with an inventory or by archive_file), the inventories drawn up, and files transferred
  // to the State Archive in the year.
  int archive_files_handed = 0, archive_inventories = 0, archive_files_transferred = 0;
  int internal_assignments = 0, internal_memos = 0;
  // The documents on control registered in the year, as they stand at the end of the year (or
  // at the log's last event, when that is earlier): docs/workflows.md "Documents on control".
  workflows::ControlFigures on_control;
  PetitionFigures petitions;
  OralActFigures oral_acts;
  PeriodicReportFigures periodic_reports;
  // The log the report was computed from: its intact chain up to `head_seq`.
  bool log_intact = false;
  uint64_t head_seq = 0;
  std::string head_hash, anchor;
};

// Reads `log` once (and walks its chain for the head). Requires 1900 ≤ year ≤ 9999 (kInvalid
// Argument otherwise). Read errors as EventLog::ReadFrom.
Result<AnnualReport> BuildAnnualReport(const storage::EventLog& log, int year);

// GET /v1/reports/annual and `saqme report --format json`.
boost::json::object AnnualReportJson(const AnnualReport& report);

// The report as text, in the manner of the seed's report: Georgian, or English with
// `english`.
std::string AnnualReportText(const AnnualReport& report, bool english);

}  // namespace saqme::replay
