#include "workflows/case_state.h"

#include <algorithm>

#include "workflows/calendar/date.h"

namespace saqme::workflows {

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNone:
      return "none";
    case Kind::kCorrespondence:
      return "correspondence";
    case Kind::kApplication:
      return "application";
    case Kind::kPublicInformation:
      return "public_information";
    case Kind::kComplaint:
      return "complaint";
    case Kind::kLegalAct:
      return "legal_act";
    case Kind::kAssignment:
      return "assignment";
    case Kind::kNomenclature:
      return "nomenclature";
    case Kind::kCalendar:
      return "calendar";
    case Kind::kOutgoingLetter:
      return "outgoing_letter";
    case Kind::kOrganisation:
      return "organisation";
    case Kind::kSession:
      return "session";
    case Kind::kPetition:
      return "petition";
    case Kind::kOralAct:
      return "oral_act";
    case Kind::kCertificate:
      return "certificate";
    case Kind::kBusinessTrip:
      return "business_trip";
    case Kind::kMemo:
      return "memo";
    case Kind::kPeriodicReport:
      return "periodic_report";
  }
  return "unknown";
}

const char* StageName(Stage stage) {
  switch (stage) {
    case Stage::kNew:
      return "new";
    case Stage::kRegistered:
      return "registered";
    case Stage::kResolved:
      return "resolved";
    case Stage::kInExecution:
      return "in_execution";
    case Stage::kAnswerDrafted:
      return "answer_drafted";
    case Stage::kSigned:
      return "signed";
    case Stage::kDecided:
      return "decided";
    case Stage::kInfoRefused:
      return "information_refused";
    case Stage::kAnswered:
      return "answered";
    case Stage::kRedirectedOut:
      return "redirected_out";
    case Stage::kNoted:
      return "noted";
    case Stage::kVoid:
      return "void";
    case Stage::kFiled:
      return "filed";
    case Stage::kDrafted:
      return "drafted";
    case Stage::kAdopted:
      return "adopted";
    case Stage::kActRegistered:
      return "registered_act";
    case Stage::kPublished:
      return "published";
    case Stage::kInForce:
      return "in_force";
    case Stage::kRepealed:
      return "repealed";
    case Stage::kDeclaredVoid:
      return "declared_void";
    case Stage::kIssued:
      return "issued";
    case Stage::kAccepted:
      return "accepted";
    case Stage::kCompleted:
      return "completed";
    case Stage::kReviewed:
      return "reviewed";
    case Stage::kRefusedByAssignee:
      return "refused_by_assignee";
    case Stage::kKept:
      return "kept";
    case Stage::kApproved:
      return "approved";
    case Stage::kConvened:
      return "convened";
    case Stage::kHeld:
      return "held";
    case Stage::kPostponed:
      return "postponed";
    case Stage::kMinuted:
      return "minuted";
    case Stage::kScreening:
      return "screening";
    case Stage::kDefective:
      return "defective";
    case Stage::kVoting:
      return "voting";
    case Stage::kAwaitingDecision:
      return "awaiting_decision";
    case Stage::kFeasibility:
      return "feasibility_study";
    case Stage::kPetitionRejected:
      return "rejected";
    case Stage::kUnfixed:
      return "closed_unfixed";
    case Stage::kNotSupported:
      return "not_supported";
    case Stage::kPetitionRefused:
      return "refused";
    case Stage::kConcluded:
      return "concluded";
    case Stage::kOralIssued:
      return "issued_orally";
    case Stage::kPutInWriting:
      return "put_in_writing";
    case Stage::kEntered:
      return "entered";
    case Stage::kSubmitted:
      return "submitted";
    case Stage::kReportOwed:
      return "report_owed";
    case Stage::kReportSubmitted:
      return "report_submitted";
    case Stage::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

const char* KindNameKa(Kind kind) {
  switch (kind) {
    case Kind::kNone:
      return "საქმე";
    case Kind::kCorrespondence:
      return "კორესპონდენცია";
    case Kind::kApplication:
      return "განცხადება";
    case Kind::kPublicInformation:
      return "საჯარო ინფორმაციის მოთხოვნა";
    case Kind::kComplaint:
      return "ადმინისტრაციული საჩივარი";
    case Kind::kLegalAct:
      return "სამართლებრივი აქტი";
    case Kind::kAssignment:
      return "დავალება";
    case Kind::kNomenclature:
      return "საქმეთა ნომენკლატურა";
    case Kind::kCalendar:
      return "კალენდარი";
    case Kind::kOutgoingLetter:
      return "გასული წერილი";
    case Kind::kOrganisation:
      return "ორგანიზაციული სტრუქტურა";
    case Kind::kSession:
      return "სხდომა";
    case Kind::kPetition:
      return "ელექტრონული პეტიცია „იდეა მერს“";
    case Kind::kOralAct:
      return "ზეპირად გამოცემული აქტი";
    case Kind::kCertificate:
      return "ცნობა";
    case Kind::kBusinessTrip:
      return "მივლინება";
    case Kind::kMemo:
      return "მოხსენებითი ბარათი";
    case Kind::kPeriodicReport:
      return "პერიოდული ანგარიში";
  }
  return "საქმე";
}

const char* StageNameKa(Stage stage) {
  switch (stage) {
    case Stage::kNew:
      return "ახალი";
    case Stage::kRegistered:
      return "რეგისტრირებული";
    case Stage::kResolved:
      return "რეზოლუციით";
    case Stage::kInExecution:
      return "შესრულების პროცესში";
    case Stage::kAnswerDrafted:
      return "პასუხის პროექტი მზადაა";
    case Stage::kSigned:
      return "ხელმოწერილი";
    case Stage::kDecided:
      return "გადაწყვეტილი";
    case Stage::kInfoRefused:
      return "ინფორმაციის გაცემაზე უარი ეთქვა";
    case Stage::kAnswered:
      return "ნაპასუხები";
    case Stage::kRedirectedOut:
      return "გადაგზავნილი";
    case Stage::kNoted:
      return "ცნობად მიღებული";
    case Stage::kVoid:
      return "გაუქმებული რეგისტრაცია";
    case Stage::kFiled:
      return "საქმეში განთავსებული";
    case Stage::kDrafted:
      return "პროექტი";
    case Stage::kAdopted:
      return "მიღებული";
    case Stage::kActRegistered:
      return "რეგისტრირებული აქტი";
    case Stage::kPublished:
      return "გამოქვეყნებული";
    case Stage::kInForce:
      return "ძალაში შესული";
    case Stage::kRepealed:
      return "ძალადაკარგული";
    case Stage::kDeclaredVoid:
      return "ბათილად ცნობილი";
    case Stage::kIssued:
      return "გაცემული";
    case Stage::kAccepted:
      return "მიღებული შესასრულებლად";
    case Stage::kCompleted:
      return "შესრულებული";
    case Stage::kReviewed:
      return "შეფასებული";
    case Stage::kRefusedByAssignee:
      return "შემსრულებელმა უარი თქვა";
    case Stage::kKept:
      return "მიმდინარე";
    case Stage::kApproved:
      return "დამტკიცებული";
    case Stage::kConvened:
      return "მოწვეული";
    case Stage::kHeld:
      return "ჩატარებული";
    case Stage::kPostponed:
      return "გადადებული (კვორუმი არ შედგა)";
    case Stage::kMinuted:
      return "ოქმი შედგენილია";
    case Stage::kScreening:
      return "შემოწმების ეტაპზე";
    case Stage::kDefective:
      return "ხარვეზის გამოსწორების ეტაპზე";
    case Stage::kVoting:
      return "ხმის მიცემის ეტაპზე";
    case Stage::kAwaitingDecision:
      return "მერის გადაწყვეტილების მოლოდინში";
    case Stage::kFeasibility:
      return "განხორციელების შესაძლებლობის განხილვის ეტაპზე";
    case Stage::kPetitionRejected:
      return "დაუშვებლად ცნობილი";
    case Stage::kUnfixed:
      return "ხარვეზი არ გამოსწორდა";
    case Stage::kNotSupported:
      return "ვერ მოაგროვა საჭირო ხმები";
    case Stage::kPetitionRefused:
      return "დაკმაყოფილებაზე უარი ეთქვა";
    case Stage::kConcluded:
      return "განხილვა დასრულებული";
    case Stage::kOralIssued:
      return "ზეპირად გამოცემული";
    case Stage::kPutInWriting:
      return "წერილობით გაფორმებული";
    case Stage::kEntered:
      return "რეესტრში შეტანილი";
    case Stage::kSubmitted:
      return "წარდგენილი";
    case Stage::kReportOwed:
      return "ანგარიში მოსალოდნელია";
    case Stage::kReportSubmitted:
      return "ანგარიში წარდგენილია";
    case Stage::kCancelled:
      return "გაუქმებული";
  }
  return "უცნობი";
}

bool IsIncoming(Kind kind) {
  return kind == Kind::kCorrespondence || kind == Kind::kApplication ||
         kind == Kind::kPublicInformation || kind == Kind::kComplaint;
}

bool IsRecordsFlow(Kind kind) { return IsIncoming(kind) || kind == Kind::kOutgoingLetter; }

OpenDeadline OpenDeadlineOf(const CaseState& s) {
  // GAC art. 41: after a refusal only the rights explanation is owed, by its own date.
  if (s.stage == Stage::kInfoRefused) return {s.rights_due, s.lead_executor};
  if (IsIncoming(s.kind) && s.stage >= Stage::kRegistered && s.stage <= Stage::kDecided) {
    return {s.due, s.lead_executor.empty() ? s.addressee : s.lead_executor};
  }
  if (s.kind == Kind::kAssignment && (s.stage == Stage::kIssued || s.stage == Stage::kAccepted)) {
    return {s.due, s.assignee};
  }
  // Zugdidi statute art. 38.18: the records office screens, takes the fix and keeps the vote;
  // the mayor decides and has the feasibility studied.
  if (s.kind == Kind::kPetition) {
    switch (s.stage) {
      case Stage::kScreening:
      case Stage::kDefective:
      case Stage::kVoting:
        return {s.due, s.petition_office};
      case Stage::kAwaitingDecision:
      case Stage::kFeasibility:
        return {s.due, s.issuer};
      default:
        return {};
    }
  }
  // Zugdidi statute art. 39.3: the issuer puts its oral act in writing.
  if (s.kind == Kind::kOralAct && s.stage == Stage::kOralIssued) return {s.due, s.issuer};
  // Zugdidi statute art. 32.4: the obliged post answers for its report.
  if (s.kind == Kind::kPeriodicReport && s.stage == Stage::kReportOwed) {
    return {s.due, s.report_post};
  }
  return {};
}

bool HasReceived(const CaseState& s, const std::string& post) {
  for (const auto& [who, on] : s.receipts) {
    if (who == post) return true;
  }
  return false;
}

bool CoExecutionOpen(const CaseState& s) {
  return IsIncoming(s.kind) && (s.stage == Stage::kResolved || s.stage == Stage::kInExecution ||
                                s.stage == Stage::kAnswerDrafted || s.stage == Stage::kDecided);
}

int64_t DaysRegisteredLate(const CaseState& s) {
  const auto received = Date::Parse(s.received_on), registered = Date::Parse(s.registered_on);
  if (!received || !registered) return 0;
  return std::max<int64_t>(0, registered->DaysSinceEpoch() - received->DaysSinceEpoch());
}

const std::string& SubjectOf(const CaseState& s) {
  // A session is about its agenda: its first item says what the inbox and the search show.
  if (s.kind == Kind::kSession && !s.agenda.empty()) return s.agenda.front().question;
  return !s.subject.empty() ? s.subject : !s.title.empty() ? s.title : s.instruction;
}

}  // namespace saqme::workflows

namespace saqme::workflows {
namespace {

// Heap bytes of a string beyond the struct (none while it fits the small-string buffer).
size_t HeapBytes(const std::string& text) {
  return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
}
template <typename T>
size_t HeapBytes(const std::vector<T>& items);
size_t HeapBytes(const NomenclatureEntry& entry) {
  return HeapBytes(entry.code) + HeapBytes(entry.title) + HeapBytes(entry.retention) +
         HeapBytes(entry.transfer_act) + HeapBytes(entry.transfer_date);
}
size_t HeapBytes(const PartReport& part) {
  return HeapBytes(part.by) + HeapBytes(part.text) + HeapBytes(part.on);
}
size_t HeapBytes(const AlertRecord& alert) {
  return HeapBytes(alert.recipients) + HeapBytes(alert.acknowledged_by);
}
size_t HeapBytes(const AgendaEntry& entry) {
  return HeapBytes(entry.question) + HeapBytes(entry.draft_act);
}
size_t HeapBytes(const std::pair<std::string, std::string>& pair) {
  return HeapBytes(pair.first) + HeapBytes(pair.second);
}
template <typename T>
size_t HeapBytes(const std::vector<T>& items) {
  size_t bytes = items.capacity() * sizeof(T);
  for (const T& item : items) bytes += HeapBytes(item);
  return bytes;
}

}  // namespace

size_t ApproximateBytes(const CaseState& s) {
  size_t bytes = sizeof(CaseState);
  for (const std::string* text : {&s.case_id,
                                  &s.opened_on,
                                  &s.registration_number,
                                  &s.received_on,
                                  &s.registered_on,
                                  &s.addressee,
                                  &s.subject,
                                  &s.summary,
                                  &s.statutory_due,
                                  &s.due,
                                  &s.due_explanation,
                                  &s.due_explanation_ka,
                                  &s.deadline_setter,
                                  &s.lead_executor,
                                  &s.answer,
                                  &s.signed_by,
                                  &s.outcome,
                                  &s.decided_by,
                                  &s.outgoing_number,
                                  &s.answered_on,
                                  &s.rights_due,
                                  &s.filed_code,
                                  &s.correspondent,
                                  &s.related_case,
                                  &s.correspondent_kind,
                                  &s.channel,
                                  &s.void_reason,
                                  &s.decision_text,
                                  &s.contested_act,
                                  &s.day_off_move.from,
                                  &s.day_off_move.explanation,
                                  &s.day_off_move.to,
                                  &s.day_off_move.explanation_ka,
                                  &s.act_type,
                                  &s.issuer,
                                  &s.title,
                                  &s.text,
                                  &s.in_force_on_set,
                                  &s.act_number,
                                  &s.published_on,
                                  &s.notified_on,
                                  &s.in_force_on,
                                  &s.in_force_ground,
                                  &s.in_force_ground_ka,
                                  &s.repealed_by,
                                  &s.void_on,
                                  &s.voided_by,
                                  &s.annulled_on_complaint,
                                  &s.assignee,
                                  &s.instruction,
                                  &s.refusal_ground,
                                  &s.session_body,
                                  &s.session_kind,
                                  &s.session_date,
                                  &s.body_name,
                                  &s.convened_by,
                                  &s.requested_by,
                                  &s.body_code,
                                  &s.minutes_number,
                                  &s.petition_office,
                                  &s.submitted_on,
                                  &s.screening_outcome,
                                  &s.petition_reason,
                                  &s.vote_ends,
                                  &s.feasibility,
                                  &s.issued_on,
                                  &s.urgency,
                                  &s.written_act,
                                  &s.certifies,
                                  &s.issued_to,
                                  &s.retained_copy,
                                  &s.employee,
                                  &s.destination,
                                  &s.trip_from,
                                  &s.trip_to,
                                  &s.basis,
                                  &s.basis_number,
                                  &s.author,
                                  &s.report_post,
                                  &s.report,
                                  &s.period,
                                  &s.period_end,
                                  &s.recipient,
                                  &s.report_submitted_on,
                                  &s.watch.due}) {
    bytes += HeapBytes(*text);
  }
  bytes += HeapBytes(s.participants) + HeapBytes(s.co_executors) + HeapBytes(s.receipts) +
           HeapBytes(s.parts) + HeapBytes(s.endorsements) + HeapBytes(s.amended_by) +
           HeapBytes(s.progress) + HeapBytes(s.files) + HeapBytes(s.alerts) +
           HeapBytes(s.days_off) + HeapBytes(s.agenda) + HeapBytes(s.linked_acts);
  return bytes;
}

}  // namespace saqme::workflows
