#include "replay/annual_report.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "model/event_codec.h"
#include "model/field_rules.h"
#include "model/tbilisi_time.h"
#include "projection/control_figures.h"
#include "replay/anchor.h"
#include "workflows/calendar/date.h"
#include "workflows/deadline_closing.h"
#include "workflows/petition.h"
#include "workflows/proceeding.h"
#include "workflows/state_names.h"

namespace saqme::replay {
namespace {

using workflows::CaseState;
using workflows::Kind;
using P = schema::Event::Payload;

using workflows::IsIncoming;

int YearOf(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

int64_t DaysBetween(const std::string& from, const std::string& to) {
  auto a = workflows::Date::Parse(from), b = workflows::Date::Parse(to);
  return a && b ? b->DaysSinceEpoch() - a->DaysSinceEpoch() : 0;
}

// What the report needs of one case beyond its final state.
struct CaseFacts {
  CaseState state;
  std::string answered_on, due_when_answered;
  int extensions = 0;
  char information = 0;  // 'f' released in full, 'p' partly, 'r' refused
  std::string ground;    // a refusal's legal ground (GAC art. 49 counts them)
  bool noted = false;    // taken note of (take_note)
  bool defects = false;  // a petition returned for defects
  bool late = false;     // an oral act put in writing after its due date
};

void CountPetition(const CaseFacts& c, PetitionFigures& f) {
  using workflows::Stage;
  const Stage stage = c.state.stage;
  ++f.submitted;
  f.returned_for_defects += c.defects;
  f.rejected += stage == Stage::kPetitionRejected;
  f.closed_unfixed += stage == Stage::kUnfixed;
  f.to_vote += c.state.screening_outcome == "accepted";
  f.supported += c.state.vote_recorded && c.state.votes >= workflows::petition::kVotesNeeded;
  f.not_supported += stage == Stage::kNotSupported;
  f.continued += c.state.outcome == "continue";
  f.refused += stage == Stage::kPetitionRefused;
  f.concluded += stage == Stage::kConcluded;
  f.open += !workflows::OpenDeadlineOf(c.state).due.empty();
}

void CountOralAct(const CaseFacts& c, OralActFigures& f) {
  ++f.issued;
  if (c.state.stage == workflows::Stage::kPutInWriting) {
    ++f.put_in_writing;
    f.put_in_writing_late += c.late;
  } else {
    ++f.open;
  }
}

// A report submitted after the as-of day is still owed at that day.
void CountPeriodicReport(const CaseFacts& c, const std::string& as_of, PeriodicReportFigures& f) {
  ++f.required;
  const std::string& submitted = c.state.report_submitted_on;
  if (!submitted.empty() && submitted <= as_of) {
    ++(workflows::InTime(submitted, c.state.due) ? f.on_time : f.late);
  } else {
    ++(workflows::InTime(as_of, c.state.due) ? f.open : f.missing);
  }
}

void Count(const CaseFacts& c, ProceedingFigures& figures) {
  ++figures.registered;
  figures.extensions += c.extensions;
  if (!c.answered_on.empty()) {
    const bool on_time = c.due_when_answered.empty() || c.answered_on <= c.due_when_answered;
    ++(on_time ? figures.answered_on_time : figures.answered_late);
    const int days = static_cast<int>(DaysBetween(c.state.registered_on, c.answered_on));
    figures.days_to_answer_total += days;
    if (days > figures.longest_days_to_answer || figures.longest_case.empty()) {
      figures.longest_days_to_answer = days;
      figures.longest_case = c.state.case_id;
    }
  } else if (c.state.stage == workflows::Stage::kRedirectedOut) {
    ++figures.redirected;
  } else if (c.noted) {
    ++figures.noted;  // closed without an answer (and maybe filed since)
  } else {
    ++figures.open;
  }
}

// Takes one off `key`'s count, dropping a count that reaches zero.
void Uncount(std::map<std::string, int>& counts, const std::string& key) {
  if (auto it = counts.find(key); it != counts.end() && --it->second <= 0) counts.erase(it);
}

// A session just held or postponed, counted by its body and kind.
void CountSession(const CaseState& s, AnnualReport::Sessions& sessions) {
  if (!workflows::Quorate(s)) {
    ++sessions.postponed;
  } else if (s.session_body == "council") {
    ++(s.session_kind == "extraordinary" ? sessions.council_extraordinary
                                         : sessions.council_regular);
  } else if (s.session_body == "bureau") {
    ++sessions.bureau;
  } else if (s.session_body == "commission" || s.session_body == "faction") {
    ++(s.session_body == "commission" ? sessions.commission : sessions.faction);
    auto& body = sessions.by_body[{s.session_body, s.body_code}];
    if (body.name.empty()) body.name = s.body_name;
    ++body.held;
  }
}

// The sittings per commission and faction: each with its kind, code (null for those recorded
// before the code was), name and how many were held.
boost::json::array BodySittingsJson(const AnnualReport::Sessions& sessions) {
  boost::json::array out;
  for (const auto& [key, body] : sessions.by_body) {
    boost::json::object entry{{"body", key.first}, {"held", body.held}};
    entry["body_code"] =
        key.second.empty() ? boost::json::value(nullptr) : boost::json::value(key.second);
    entry["body_name"] = body.name;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

double ProceedingFigures::AverageDaysToAnswer() const {
  const int answered = answered_on_time + answered_late;
  return answered == 0 ? 0.0 : static_cast<double>(days_to_answer_total) / answered;
}

Result<AnnualReport> BuildAnnualReport(const storage::EventLog& log, int year) {
  if (year < 1900 || year > 9999) {
    return Status::Error(Status::Code::kInvalidArgument, "the year must be between 1900 and 9999",
                         "წელი უნდა იყოს 1900-დან 9999-მდე");
  }
  AnnualReport report;
  report.year = year;
  std::unordered_map<std::string, CaseFacts> cases;
  std::string case_id;
  std::string last_date;  // of the log's last event
  Status read = log.ReadFrom(1, [&](uint64_t, const storage::EventView& view) {
    auto event = view.event();
    last_date = TbilisiDate(event.getOccurredAt());
    auto id = event.getCaseId();
    case_id.assign(id.begin(), id.size());
    CaseFacts& c = cases[case_id];
    const std::string answered_before = c.state.answered_on;
    const std::string kind_before = workflows::KindName(c.state.kind);
    const workflows::OpenDeadline before = workflows::OpenDeadlineOf(c.state);
    workflows::Evolve(c.state, event);
    const bool this_year = YearOf(TbilisiDate(event.getOccurredAt())) == year;
    auto payload = event.getPayload();
    switch (payload.which()) {
      case P::INCOMING_REGISTERED:
        if (YearOf(c.state.registered_on) == year) {
          ++report.incoming;
          ++report.incoming_by_kind[workflows::KindName(c.state.kind)];
          ++report.incoming_by_channel[payload.getIncomingRegistered().getChannel().cStr()];
        }
        break;
      case P::NOTED_FOR_INFORMATION:
        c.noted = true;
        break;
      case P::NOMENCLATURE_APPROVED:
        // An amended nomenclature replaces the plan, whichever case it was approved in: the
        // year has the files of its latest approval, counted once.
        if (payload.getNomenclatureApproved().getYear() == year) {
          report.nomenclature_cases = static_cast<int>(c.state.files.size());
        }
        break;
      case P::REGISTRATION_VOIDED:
        // A registration made in error is not an incoming document: its number stays in the
        // journal, but the report counts it apart.
        if (YearOf(c.state.registered_on) == year) {
          --report.incoming;
          Uncount(report.incoming_by_kind, kind_before);
          Uncount(report.incoming_by_channel, c.state.channel);
          ++report.voided;
        }
        break;
      case P::REGISTRATION_CORRECTED:
        if (YearOf(c.state.registered_on) == year &&
            kind_before != workflows::KindName(c.state.kind)) {
          Uncount(report.incoming_by_kind, kind_before);
          ++report.incoming_by_kind[workflows::KindName(c.state.kind)];
        }
        break;
      case P::REDIRECTED:
        // The forwarding letter and the notice are numbered in the outgoing journal.
        if (this_year) {
          report.outgoing += payload.getRedirected().getForwardingNumber().size() > 0;
          report.outgoing += payload.getRedirected().getNoticeNumber().size() > 0;
        }
        break;
      case P::DISPATCHED:
        if (this_year) ++report.outgoing;
        break;
      case P::ACT_REGISTERED:
        if (payload.getActRegistered().getYear() == year) {
          ++report.acts;
          ++report.acts_by_type[c.state.act_type];
        }
        break;
      case P::ACT_DECLARED_VOID:
        if (this_year) ++report.acts_declared_void;
        break;
      case P::COMPLAINT_DECISION_APPLIED:
        if (!this_year) break;
        if (payload.getComplaintDecisionApplied().getOutcome() == schema::Outcome::AMENDED) {
          ++report.acts_amended_on_complaint;
        } else {
          ++report.acts_annulled_on_complaint;
        }
        break;
      case P::SESSION_HELD:
      case P::SESSION_POSTPONED:
        if (YearOf(c.state.session_date) == year) CountSession(c.state, report.sessions);
        break;
      case P::DEADLINE_EXTENDED:
        ++c.extensions;
        break;
      case P::INFORMATION_RELEASED:
        c.information =
            payload.getInformationReleased().getScope() == schema::InformationScope::FULL ? 'f'
                                                                                          : 'p';
        break;
      case P::INFORMATION_REFUSED:
        c.information = 'r';
        c.ground = payload.getInformationRefused().getGround().cStr();
        if (c.ground.empty()) c.ground = "not_recorded";  // refused before grounds were kept
        break;
      case P::CERTIFICATE_REGISTERED:
        if (this_year) {
          ++report.certificates;
          ++report.certificates_by_kind[c.state.certifies];
        }
        break;
      case P::BUSINESS_TRIP_REGISTERED:
        if (this_year) ++report.business_trips;
        break;
      case P::FILE_ARCHIVED:
        if (this_year) ++report.archive_files_handed;
        break;
      case P::FILES_HANDED_TO_ARCHIVE:
        if (this_year) {
          ++report.archive_inventories;
          report.archive_files_handed +=
              static_cast<int>(payload.getFilesHandedToArchive().getCodes().size());
        }
        break;
      case P::FILES_TRANSFERRED_TO_STATE_ARCHIVE:
        if (this_year) {
          report.archive_files_transferred +=
              static_cast<int>(payload.getFilesTransferredToStateArchive().getCodes().size());
        }
        break;
      case P::ASSIGNMENT_ISSUED:
        if (this_year) ++report.internal_assignments;
        break;
      case P::MEMO_SUBMITTED:
        if (this_year) ++report.internal_memos;
        break;
      case P::DEADLINE_APPROACHING:
        if (this_year) ++report.reminders;
        break;
      case P::DEADLINE_MISSED:
        if (this_year) ++report.missed;
        break;
      case P::ESCALATED:
        if (this_year) ++report.escalations;
        break;
      case P::PETITION_SCREENED:
        c.defects |= c.state.screening_outcome == "defects";
        break;
      case P::ORAL_ACT_PUT_IN_WRITING:
        c.late = !workflows::InTime(TbilisiDate(event.getOccurredAt()), before.due);
        break;
      default:
        break;
    }
    if (answered_before.empty() && !c.state.answered_on.empty()) {
      c.answered_on = c.state.answered_on;
      c.due_when_answered = before.due;
    }
    return true;
  });
  if (!read.ok()) return read;

  const std::string year_end = std::to_string(year) + "-12-31";
  const auto as_of =
      workflows::Date::Parse(std::min(year_end, last_date.empty() ? year_end : last_date));
  for (const auto& [id, c] : cases) {
    if (IsIncoming(c.state.kind) && c.state.on_control && YearOf(c.state.registered_on) == year) {
      // Answered after the end of the year: still open at the year's end.
      const std::string answered =
          c.state.answered_on <= as_of->ToString() ? c.state.answered_on : "";
      report.on_control.Count(workflows::StandingOf(c.state.due, answered, *as_of));
    }
    if (c.state.kind == Kind::kPetition && YearOf(c.state.submitted_on) == year) {
      CountPetition(c, report.petitions);
    }
    if (c.state.kind == Kind::kOralAct && YearOf(c.state.issued_on) == year) {
      CountOralAct(c, report.oral_acts);
    }
    if (c.state.kind == Kind::kPeriodicReport && YearOf(c.state.period_end) == year) {
      CountPeriodicReport(c, as_of->ToString(), report.periodic_reports);
    }
    if (!IsIncoming(c.state.kind) || YearOf(c.state.registered_on) != year ||
        c.state.stage == workflows::Stage::kVoid) {
      continue;
    }
    Count(c, report.proceedings);
    report.registered_late += workflows::DaysRegisteredLate(c.state) > 0;
    if (c.state.kind != Kind::kPublicInformation) continue;
    Count(c, report.public_information);
    report.information_released += c.information == 'f';
    report.information_partly += c.information == 'p';
    report.information_refused += c.information == 'r';
    if (c.information == 'r') ++report.information_refused_by_ground[c.ground];
  }
  const auto chain = log.Verify();
  report.log_intact = chain.ok;
  report.head_seq = chain.verified_through;
  report.head_hash = storage::HexOf(chain.head_hash);
  report.anchor = AnchorOf(chain);
  return report;
}

namespace {

boost::json::object Counts(const std::map<std::string, int>& counts) {
  boost::json::object out;
  for (const auto& [key, n] : counts) out[key] = n;
  return out;
}

boost::json::object FiguresJson(const ProceedingFigures& f) {
  return {{"registered", f.registered},
          {"answered_on_time", f.answered_on_time},
          {"answered_late", f.answered_late},
          {"redirected", f.redirected},
          {"noted", f.noted},
          {"open", f.open},
          {"average_days_to_answer", f.AverageDaysToAnswer()},
          {"longest_days_to_answer", f.longest_days_to_answer},
          {"longest_case", f.longest_case},
          {"extensions", f.extensions}};
}

}  // namespace

boost::json::object AnnualReportJson(const AnnualReport& r) {
  boost::json::object pi = FiguresJson(r.public_information);
  pi["released"] = r.information_released;
  pi["partly"] = r.information_partly;
  pi["refused"] = r.information_refused;
  pi["refused_by_ground"] = Counts(r.information_refused_by_ground);
  boost::json::object json{
      {"year", r.year},
      {"incoming",
       {{"total", r.incoming},
        {"void", r.voided},
        {"registered_late", r.registered_late},
        {"by_kind", Counts(r.incoming_by_kind)},
        {"by_channel", Counts(r.incoming_by_channel)}}},
      {"outgoing", r.outgoing},
      {"acts",
       {{"total", r.acts},
        {"by_type", Counts(r.acts_by_type)},
        {"declared_void", r.acts_declared_void},
        {"annulled_on_complaint", r.acts_annulled_on_complaint},
        {"amended_on_complaint", r.acts_amended_on_complaint}}},
      {"proceedings", FiguresJson(r.proceedings)},
      {"public_information", pi},
      {"deadline_watch",
       {{"reminders", r.reminders}, {"missed", r.missed}, {"escalations", r.escalations}}},
      {"nomenclature_cases", r.nomenclature_cases},
      {"sessions",
       {{"council_regular", r.sessions.council_regular},
        {"council_extraordinary", r.sessions.council_extraordinary},
        {"bureau", r.sessions.bureau},
        {"commission", r.sessions.commission},
        {"faction", r.sessions.faction},
        {"postponed", r.sessions.postponed},
        {"by_body", BodySittingsJson(r.sessions)}}},
      {"on_control", engine::ControlFiguresJson(r.on_control)},
      {"petitions",
       {{"submitted", r.petitions.submitted},
        {"returned_for_defects", r.petitions.returned_for_defects},
        {"rejected", r.petitions.rejected},
        {"closed_unfixed", r.petitions.closed_unfixed},
        {"to_vote", r.petitions.to_vote},
        {"supported", r.petitions.supported},
        {"not_supported", r.petitions.not_supported},
        {"continued", r.petitions.continued},
        {"refused", r.petitions.refused},
        {"concluded", r.petitions.concluded},
        {"open", r.petitions.open}}},
      {"oral_acts",
       {{"issued", r.oral_acts.issued},
        {"put_in_writing", r.oral_acts.put_in_writing},
        {"put_in_writing_late", r.oral_acts.put_in_writing_late},
        {"open", r.oral_acts.open}}},
      {"periodic_reports",
       {{"required", r.periodic_reports.required},
        {"on_time", r.periodic_reports.on_time},
        {"late", r.periodic_reports.late},
        {"missing", r.periodic_reports.missing},
        {"open", r.periodic_reports.open}}},
      {"log",
       {{"intact", r.log_intact},
        {"verified_through_seq", r.head_seq},
        {"head_hash", r.head_hash},
        {"anchor", r.anchor}}}};
  // The registers (workflows/registers/) and the year's internal correspondence.
  json["certificates"] = {{"total", r.certificates}, {"by_kind", Counts(r.certificates_by_kind)}};
  json["business_trips"] = r.business_trips;
  json["archive"] = {{"files_handed", r.archive_files_handed},
                     {"inventories", r.archive_inventories},
                     {"files_transferred_to_state_archive", r.archive_files_transferred}};
  json["internal"] = {{"total", r.internal_assignments + r.internal_memos},
                      {"assignments", r.internal_assignments},
                      {"memos", r.internal_memos}};
  return json;
}

namespace {

// Georgian and English words of the text form.
struct Words {
  const char* ka;
  const char* en;
};

const std::map<std::string, Words, std::less<>> kNames = {
    {"correspondence", {"კორესპონდენცია", "correspondence"}},
    {"application", {"განცხადება", "applications"}},
    {"public_information", {"საჯარო ინფორმაციის მოთხოვნა", "public-information requests"}},
    {"complaint", {"საჩივარი", "complaints"}},
    {"order", {"ბრძანება", "orders"}},
    {"ordinance", {"განკარგულება", "ordinances"}},
    {"resolution", {"დადგენილება", "resolutions"}},
    {"residence", {"ფაქტობრივი ცხოვრების ფაქტი", "actual residence"}},
    {"goods_origin", {"საქონლის ადგილწარმოშობა", "origin of goods"}},
};

std::string Name(const std::string& key, bool english) {
  auto it = kNames.find(key);
  if (it == kNames.end()) return key;
  return english ? it->second.en : it->second.ka;
}

// A refusal's ground by the names the schema gives its choices (model/saqme.capnp).
std::string GroundName(const std::string& ground, bool english) {
  if (ground == "not_recorded")
    return english ? "ground not recorded" : "საფუძველი არ არის მითითებული";
  for (auto choice : storage::ChoicesOf(storage::FieldOf<schema::RefuseInformation>("ground"))) {
    if (choice.getValue() == ground) {
      return english ? choice.getLabel().getEn().cStr() : choice.getLabel().getKa().cStr();
    }
  }
  return ground;
}

void Breakdown(std::ostringstream& out, const std::map<std::string, int>& counts, bool english) {
  for (const auto& [key, n] : counts) out << "    " << Name(key, english) << ": " << n << "\n";
}

void Figures(std::ostringstream& out, const ProceedingFigures& f, bool english) {
  const auto line = [&](const char* ka, const char* en, auto value) {
    out << "    " << (english ? en : ka) << ": " << value << "\n";
  };
  line("რეგისტრირებული", "registered", f.registered);
  line("ვადაში პასუხგაცემული", "answered on time", f.answered_on_time);
  line("ვადის დარღვევით პასუხგაცემული", "answered late", f.answered_late);
  line("უფლებამოსილ ორგანოში გადაგზავნილი", "redirected to the competent body", f.redirected);
  line("ცნობად მიღებული", "taken note of", f.noted);
  line("განხილვის პროცესში", "still open", f.open);
  std::ostringstream average;
  average.precision(1);
  average << std::fixed << f.AverageDaysToAnswer();
  line("პასუხის საშუალო ვადა (დღე)", "average days to answer", average.str());
  if (!f.longest_case.empty()) {
    line("ყველაზე ხანგრძლივი (დღე)", "longest (days)",
         std::to_string(f.longest_days_to_answer) + " (" + f.longest_case + ")");
  }
  line("ვადის გაგრძელება", "extensions", f.extensions);
}

}  // namespace

// The paragraph of the seed's report (002), in its own words: nomenclature, acts by type,
// incoming with the public-information requests among them, how they were answered, outgoing.
std::string Summary(const AnnualReport& r, bool english) {
  const std::string y = std::to_string(r.year);
  const ProceedingFigures& p = r.proceedings;
  const int answered = p.answered_on_time + p.answered_late;
  std::ostringstream out;
  if (english) {
    out << "By the nomenclature, " << r.nomenclature_cases << " cases were kept in " << y << ". "
        << r.acts << " legal acts were adopted";
    for (const auto& [type, n] : r.acts_by_type) out << "; " << n << " " << Name(type, true);
    out << ". " << r.incoming << " letters came in, " << r.public_information.registered
        << " of them requests for public information; " << answered << " were answered, "
        << p.answered_on_time << " on time";
    if (p.open > 0) out << ", " << p.open << " are still being dealt with";
    out << ". " << r.outgoing << " letters went out.\n";
  } else {
    out << "ნომენკლატურის მიხედვით " << y << " წელს წარმოებული იყო " << r.nomenclature_cases
        << " საქმე. მიღებულია " << r.acts << " სამართლებრივი აქტი";
    for (const auto& [type, n] : r.acts_by_type) out << "; " << n << " " << Name(type, false);
    out << ". " << y << " წელს შემოსულია " << r.incoming << " წერილი, აქედან "
        << r.public_information.registered << " საჯარო ინფორმაციის გაცემაზე. ";
    if (answered == p.registered && p.answered_late == 0 && p.registered > 0) {
      out << "ყველა წერილზე დროულად მოხდა რეაგირება და პასუხების გაცემა. ";
    } else {
      out << "პასუხი გაეცა " << answered << " წერილს, აქედან ვადაში — " << p.answered_on_time
          << "; განხილვის პროცესშია " << p.open << ". ";
    }
    out << "გასულია " << r.outgoing << " წერილი.\n";
  }
  return out.str();
}

std::string AnnualReportText(const AnnualReport& r, bool english) {
  std::ostringstream out;
  const std::string y = std::to_string(r.year);
  out << (english ? "Annual report of the apparatus for " + y
                  : "აპარატის " + y + " წლის საქმიანობის ანგარიში")
      << "\n\n"
      << Summary(r, english) << "\n";
  out << (english ? "Incoming letters registered: " : "რეგისტრირებული შემოსული წერილები: ")
      << r.incoming << "\n";
  Breakdown(out, r.incoming_by_kind, english);
  out << (english ? "  by channel:\n" : "  არხების მიხედვით:\n");
  Breakdown(out, r.incoming_by_channel, english);
  out << (english ? "Outgoing letters: " : "გასული წერილები: ") << r.outgoing << "\n";
  out << (english ? "Legal acts: " : "სამართლებრივი აქტები: ") << r.acts << "\n";
  Breakdown(out, r.acts_by_type, english);
  out << (english ? "  declared void: " : "  ბათილად ცნობილი: ") << r.acts_declared_void
      << (english ? ", annulled on a complaint: " : ", საჩივრით ბათილად ცნობილი: ")
      << r.acts_annulled_on_complaint
      << (english ? ", amended on a complaint: " : ", საჩივრით შეცვლილი: ")
      << r.acts_amended_on_complaint << "\n";
  out << "\n"
      << (english ? "Proceedings (incoming of the year):\n" : "წარმოება (წლის შემოსული):\n");
  Figures(out, r.proceedings, english);
  out << "\n"
      << (english ? "Public information (GAC art. 49):\n"
                  : "საჯარო ინფორმაცია (სზაკ-ის 49-ე მუხლი):\n");
  Figures(out, r.public_information, english);
  out << "    " << (english ? "released in full" : "სრულად გაცემული") << ": "
      << r.information_released << "\n"
      << "    " << (english ? "released in part" : "ნაწილობრივ გაცემული") << ": "
      << r.information_partly << "\n"
      << "    " << (english ? "refused" : "უარი") << ": " << r.information_refused << "\n";
  for (const auto& [ground, n] : r.information_refused_by_ground) {
    out << "      " << GroundName(ground, english) << ": " << n << "\n";
  }
  out << "\n"
      << (english ? "Deadline watch: " : "ვადების კონტროლი: ")
      << (english ? "reminders " : "შეხსენება ") << r.reminders
      << (english ? ", misses " : ", ვადის დარღვევა ") << r.missed
      << (english ? ", escalations " : ", ესკალაცია ") << r.escalations << "\n";
  const workflows::ControlFigures& c = r.on_control;
  out << (english ? "On control: " : "კონტროლზე აყვანილი: ") << c.controlled
      << (english ? ", answered on time " : ", შესრულდა ვადაში ") << c.answered_on_time
      << (english ? ", late " : ", ვადის დარღვევით ") << c.answered_late
      << (english ? ", open " : ", შესრულების პროცესშია ") << c.open
      << (english ? " (overdue " : " (ვადაგადაცილებული ") << c.open_overdue << ")\n";
  out << (english ? "Registered later than received: " : "რეგისტრირებულია მიღების დღის შემდეგ: ")
      << r.registered_late << "\n";
  out << (english ? "Nomenclature cases: " : "ნომენკლატურის საქმეები: ") << r.nomenclature_cases
      << "\n";
  // The sittings the apparatus served, as the seed's report lists them.
  const AnnualReport::Sessions& s = r.sessions;
  out << (english ? "Sessions held: council regular " : "ჩატარებული სხდომები: საკრებულოს მორიგი ")
      << s.council_regular << (english ? ", council extraordinary " : ", საკრებულოს რიგგარეშე ")
      << s.council_extraordinary << (english ? ", bureau " : ", ბიუროს ") << s.bureau
      << (english ? ", standing commissions " : ", მუდმივმოქმედი კომისიების ") << s.commission
      << (english ? ", factions " : ", ფრაქციების ") << s.faction
      << (english ? "; postponed (no quorum) " : "; გადადებული (კვორუმის გარეშე) ") << s.postponed
      << "\n";
  // Then each commission's and faction's sittings: its code and its name as recorded.
  for (const auto& [key, body] : s.by_body) {
    out << "  " << (key.second.empty() ? (english ? "(no code)" : "(კოდის გარეშე)") : key.second)
        << " — " << body.name << ": " << body.held << "\n";
  }
  out << "\n";
  const PetitionFigures& p = r.petitions;
  out << (english ? "\"Idea to the Mayor\" e-petitions: submitted " : "„იდეა მერს“: წარდგენილი ")
      << p.submitted << (english ? ", to the vote " : ", ხმის მიცემაზე გავიდა ") << p.to_vote
      << (english ? ", supported " : ", მხარდაჭერილი ") << p.supported
      << (english ? ", continued by the mayor " : ", მერმა განხილვა გააგრძელა ") << p.continued
      << (english ? ", refused " : ", უარი ") << p.refused << (english ? ", open " : ", მიმდინარე ")
      << p.open << "\n";
  out << (english ? "Acts issued orally: " : "ზეპირად გამოცემული აქტები: ") << r.oral_acts.issued
      << (english ? ", put in writing " : ", წერილობით გაფორმდა ") << r.oral_acts.put_in_writing
      << (english ? " (late " : " (ვადის დარღვევით ") << r.oral_acts.put_in_writing_late << ")\n";
  const PeriodicReportFigures& pr = r.periodic_reports;
  out << (english ? "Periodic reports owed: " : "პერიოდული ანგარიშები: ") << pr.required
      << (english ? ", on time " : ", დროულად ") << pr.on_time
      << (english ? ", late " : ", დაგვიანებით ") << pr.late
      << (english ? ", missing " : ", წარუდგენელი ") << pr.missing
      << (english ? ", not yet due " : ", ვადა ჯერ არ გასულა ") << pr.open << "\n\n";
  out << (english ? "Internal correspondence: " : "შიდა კორესპონდენცია: ")
      << r.internal_assignments + r.internal_memos << (english ? " (assignments " : " (დავალება ")
      << r.internal_assignments << (english ? ", memos " : ", მოხსენებითი ბარათი ")
      << r.internal_memos << ")\n";
  out << (english ? "Certificates issued: " : "გაცემული ცნობები: ") << r.certificates << "\n";
  Breakdown(out, r.certificates_by_kind, english);
  out << (english ? "Business trips: " : "მივლინებები: ") << r.business_trips << "\n";
  out << (english ? "Files handed to the departmental archive: "
                  : "საუწყებო არქივს გადაცემული საქმეები: ")
      << r.archive_files_handed << (english ? " (inventories " : " (ანაწერი ")
      << r.archive_inventories
      << (english ? "), transferred to the State Archive " : "), სახელმწიფო არქივს გადაეცა ")
      << r.archive_files_transferred << "\n\n";
  if (r.log_intact) {
    out << (english ? "The log, verified through event " : "ჟურნალი შემოწმებულია მოვლენამდე ")
        << r.head_seq << "; " << (english ? "anchor" : "ანკერი") << ": " << r.anchor << "\n";
  } else {
    out << (english ? "WARNING: the log's hash chain breaks after event "
                    : "გაფრთხილება: ჟურნალის ჰეშ-ჯაჭვი წყდება მოვლენის შემდეგ ")
        << r.head_seq << "\n";
  }
  return out.str();
}

}  // namespace saqme::replay
