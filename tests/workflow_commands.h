// Command builders for the workflow tests: one plausible command of each type, and the
// catalogue of every command that acts on an existing case.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tests/workflow_harness.h"

namespace saqme::testing::commands {

using Fill = WorkflowBench::Fill;
using C = schema::Command::Builder;

// ---- command builders --------------------------------------------------------------------

inline Fill Register(schema::IncomingKind kind, const char* addressee,
                     const char* stated_due = "") {
  return [=](C c) {
    auto r = c.initRegisterIncoming();
    r.setKind(kind);
    r.setChannel("post");
    r.initSender().setName("ნინო ბერიძე");
    r.getSender().setKind(schema::SenderKind::CITIZEN);
    r.setSubject("განცხადება");
    r.setSummary("მოქალაქე ითხოვს ინფორმაციას");
    r.setPages(2);
    r.setReceivedOn("2026-11-02");
    r.setAddressee(addressee);
    r.setStatedDue(stated_due);
  };
}
inline Fill Resolve(const char* lead, const char* due = "", std::vector<const char*> co = {}) {
  return [=](C c) {
    auto r = c.initAssignResolution();
    r.setLeadExecutor(lead);
    auto list = r.initCoExecutors(co.size());
    for (size_t i = 0; i < co.size(); ++i) list.set(i, co[i]);
    r.setInstruction("მოამზადეთ პასუხი");
    r.setDue(due);
    r.setOnControl(true);
  };
}
inline const Fill kReceipt = [](C c) { c.setConfirmReceipt(); };
inline Fill ReportPart(const char* text = "the co-executor's part") {
  return [=](C c) { c.initReportPart().setText(text); };
}
inline const Fill kSign = [](C c) { c.setSign(); };
inline const Fill kRegisterAct = [](C c) { c.setRegisterAct(); };
inline const Fill kAccept = [](C c) { c.setAccept(); };
inline Fill DraftLetter(const char* recipient = "სახელმწიფო რწმუნებულის ადმინისტრაცია",
                        const char* text = "გიგზავნით საკრებულოს დადგენილებას") {
  return [=](C c) {
    auto r = c.initDraftLetter();
    r.initRecipient().setName(recipient);
    r.getRecipient().setKind(schema::SenderKind::AGENCY);
    r.setSubject("სამართლებრივი აქტის გაგზავნა");
    r.setText(text);
  };
}
inline Fill DraftAnswer(const char* text = "პასუხის ტექსტი") {
  return [=](C c) { c.initDraftAnswer().setText(text); };
}
inline Fill Endorse(const char* remark = "") {
  return [=](C c) { c.initEndorse().setText(remark); };
}
inline Fill Dispatch(const char* channel = "post") {
  return [=](C c) { c.initDispatch().setChannel(channel); };
}
inline Fill FileInto(const char* code) {
  return [=](C c) { c.initFile().setNomenclatureCode(code); };
}
inline Fill Extend(const char* date, const char* reason = "საქმე განსაკუთრებით რთულია") {
  return [=](C c) {
    auto r = c.initExtendDeadline();
    r.setNewDue(date);
    r.setReason(reason);
  };
}
inline Fill Redirect(const char* to_executor, const char* to_body, bool notified) {
  return [=](C c) {
    auto r = c.initRedirect();
    r.setToExecutor(to_executor);
    r.setToBody(to_body);
    r.setReason("კომპეტენციის ფარგლებს გარეთაა");
    r.setApplicantNotified(notified);
  };
}
inline Fill Release(schema::InformationScope scope) {
  return [=](C c) {
    auto r = c.initReleaseInformation();
    r.setScope(scope);
  };
}
inline Fill RefuseInfo(const char* reason = "ინფორმაცია პერსონალურ მონაცემებს შეიცავს",
                       const char* ground = "personal_data") {
  return [=](C c) {
    auto r = c.initRefuseInformation();
    r.setText(reason);
    r.setGround(ground);
  };
}
inline Fill Explain(const char* text = "უარი შეგიძლიათ გაასაჩივროთ ერთი თვის ვადაში") {
  return [=](C c) { c.initExplainRights().setText(text); };
}
inline Fill DecideAs(schema::Outcome outcome) {
  return [=](C c) {
    auto r = c.initDecide();
    r.setOutcome(outcome);
    r.setText("გადაწყვეტილება");
  };
}
inline Fill DraftAct(schema::ActType type, const char* issuer, bool public_proceeding = false,
                     const char* in_force_on = "") {
  return [=](C c) {
    auto r = c.initDraftAct();
    r.setActType(type);
    r.setIssuer(issuer);
    r.setTitle("აქტის სათაური");
    r.setText("აქტის ტექსტი");
    r.setPublicProceeding(public_proceeding);
    r.setInForceOn(in_force_on);
  };
}
inline Fill Expertise(const char* opinion = "კანონს შეესაბამება") {
  return [=](C c) { c.initGiveExpertise().setText(opinion); };
}
inline Fill Adopt(const char* session = "", uint32_t yes = 0, uint32_t no = 0) {
  return [=](C c) {
    auto r = c.initAdopt();
    r.setSessionDate(session);
    r.setVotesFor(yes);
    r.setVotesAgainst(no);
  };
}
inline Fill Publish(const char* channel, const char* on) {
  return [=](C c) {
    auto r = c.initPublish();
    r.setChannel(channel);
    r.setPublishedOn(on);
  };
}
inline Fill Notify(const char* on) {
  return [=](C c) { c.initNotify().setNotifiedOn(on); };
}
inline Fill Repeal(const char* by) {
  return [=](C c) { c.initRepeal().setByAct(by); };
}
inline Fill Amend(const char* by) {
  return [=](C c) { c.initAmend().setByAct(by); };
}
inline Fill DeclareVoid(const char* reason = "აქტი ეწინააღმდეგება კანონს") {
  return [=](C c) { c.initDeclareVoid().setReason(reason); };
}
inline Fill DecideContesting(schema::Outcome outcome, const char* act) {
  return [=](C c) {
    auto r = c.initDecide();
    r.setOutcome(outcome);
    r.setText("გასაჩივრებული ბრძანება ბათილად იქნას ცნობილი");
    r.setContestedAct(act);
  };
}
inline Fill Issue(const char* assignee, const char* due) {
  return [=](C c) {
    auto r = c.initIssueAssignment();
    r.setAssignee(assignee);
    r.setInstruction("მოამზადეთ ანგარიში");
    r.setDue(due);
  };
}
inline Fill Progress(const char* text = "შესრულებულია ნახევარი") {
  return [=](C c) { c.initReportProgress().setText(text); };
}
inline Fill Complete(const char* text = "შესრულდა") {
  return [=](C c) { c.initComplete().setText(text); };
}
inline Fill Review(bool accepted) {
  return [=](C c) { c.initReview().setAccepted(accepted); };
}
inline Fill Doubt(const char* text = "დავალება კანონს ეწინააღმდეგება") {
  return [=](C c) { c.initRaiseLegalityDoubt().setText(text); };
}
inline Fill RefuseAssignment(schema::RefusalGround ground) {
  return [=](C c) {
    auto r = c.initRefuseAssignment();
    r.setGround(ground);
    r.setReason("სამუშაო აღწერილობის ფარგლებს გარეთაა");
  };
}
inline Fill Approve(int year, std::vector<std::pair<const char*, const char*>> files) {
  return [=](C c) {
    auto r = c.initApproveNomenclature();
    r.setYear(static_cast<uint16_t>(year));
    auto list = r.initFiles(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      list[i].setCode(files[i].first);
      list[i].setTitle(files[i].second);
      list[i].setRetention("permanent");
    }
  };
}
inline Fill ArchiveFile(const char* code) {
  return [=](C c) { c.initArchiveFile().setNomenclatureCode(code); };
}
// The year's nomenclature with each file's retention: {code, title, retention}.
inline Fill ApproveWithRetention(int year, std::vector<std::vector<const char*>> files) {
  return [=](C c) {
    auto r = c.initApproveNomenclature();
    r.setYear(static_cast<uint16_t>(year));
    auto list = r.initFiles(static_cast<unsigned>(files.size()));
    for (size_t i = 0; i < files.size(); ++i) {
      list[i].setCode(files[i][0]);
      list[i].setTitle(files[i][1]);
      list[i].setRetention(files[i][2]);
    }
  };
}
inline Fill HandToArchive(std::vector<const char*> codes) {
  return [=](C c) {
    auto list = c.initHandToArchive().initCodes(static_cast<unsigned>(codes.size()));
    for (size_t i = 0; i < codes.size(); ++i) list.set(i, codes[i]);
  };
}
inline Fill TransferToStateArchive(const char* act, const char* date,
                                   std::vector<const char*> codes) {
  return [=](C c) {
    auto r = c.initTransferToStateArchive();
    r.setActNumber(act);
    r.setActDate(date);
    auto list = r.initCodes(static_cast<unsigned>(codes.size()));
    for (size_t i = 0; i < codes.size(); ++i) list.set(i, codes[i]);
  };
}

// Every later command once, with plausible data, for the refusal tables.
inline Fill TakeNote(const char* remark = "ინფორმაციისთვის") {
  return [=](C c) { c.initTakeNote().setRemark(remark); };
}
inline Fill VoidRegistration(const char* reason = "შეცდომით ორჯერ დარეგისტრირდა") {
  return [=](C c) { c.initVoidRegistration().setReason(reason); };
}
// correct_registration of the fields given (empty: unchanged).
inline Fill Correct(const char* subject, const char* reason = "საკითხი შეცდომით ჩაიწერა",
                    const char* kind = "", const char* addressee = "", uint32_t pages = 0,
                    const char* sender = "") {
  return [=](C c) {
    auto r = c.initCorrectRegistration();
    r.setSubject(subject);
    r.setKind(kind);
    r.setAddressee(addressee);
    r.setPages(pages);
    if (*sender) {
      r.initSender().setName(sender);
      r.getSender().setKind(schema::SenderKind::ORGANISATION);
    }
    r.setReason(reason);
  };
}
inline Fill WithdrawDayOff(const char* date, const char* reason = "მთავრობის დადგენილება N 2") {
  return [=](C c) {
    auto r = c.initWithdrawDayOff();
    r.setDate(date);
    r.setReason(reason);
  };
}

// The "Idea to the Mayor" e-petition and the oral act (workflows/petition.cc, oral_act.cc).
inline Fill SubmitPetition(const char* author = "გიორგი ჯანაშია", const char* submitted_on = "",
                           schema::SenderKind kind = schema::SenderKind::CITIZEN) {
  return [=](C c) {
    auto r = c.initSubmitPetition();
    r.initAuthor().setName(author);
    r.getAuthor().setKind(kind);
    r.setTitle("ველობილიკი ცენტრალურ პარკში");
    r.setText("ცენტრალურ პარკში ველობილიკის მოწყობა");
    r.setSubmittedOn(submitted_on);
  };
}
inline Fill ScreenPetition(const char* outcome = "accepted", const char* reason = "") {
  return [=](C c) {
    auto r = c.initScreenPetition();
    r.setOutcome(outcome);
    r.setReason(reason);
  };
}
inline Fill FixPetition(const char* text = "გასწორებული აღწერა") {
  return [=](C c) { c.initFixPetition().setText(text); };
}
inline Fill ClosePetition(const char* remark = "") {
  return [=](C c) { c.initClosePetition().setText(remark); };
}
inline Fill RecordVotes(uint32_t votes) {
  return [=](C c) { c.initRecordVotes().setVotes(votes); };
}
inline Fill DecidePetition(const char* outcome = "continue",
                           const char* text = "იდეა მნიშვნელოვანია") {
  return [=](C c) {
    auto r = c.initDecidePetition();
    r.setOutcome(outcome);
    r.setText(text);
  };
}
inline Fill RecordFeasibility(const char* text = "განხორციელება შესაძლებელია 2027 წლის ბიუჯეტით") {
  return [=](C c) { c.initRecordFeasibility().setText(text); };
}
inline Fill IssueOralAct(const char* issued_on = "2026-11-02",
                         const char* urgency = "material_damage",
                         const char* ordered = "შენობის ევაკუაცია") {
  return [=](C c) {
    auto r = c.initIssueOralAct();
    r.setOrdered(ordered);
    r.setIssuedOn(issued_on);
    r.setUrgency(urgency);
  };
}
inline Fill PutInWriting(const char* act = "act-written") {
  return [=](C c) { c.initPutInWriting().setWrittenAct(act); };
}
// The registers (workflows/registers/): each opens a case of its own.
inline Fill Certificate(const char* certifies = "residence", const char* issued_by = "org-records",
                        const char* issued_to = "ნინო ბერიძე", const char* issued_on = "",
                        const char* retained_copy = "ასლი საქმეში 01-16, ფურცელი 3") {
  return [=](C c) {
    auto r = c.initRegisterCertificate();
    r.setCertifies(certifies);
    r.setIssuedTo(issued_to);
    r.setContent("ცხოვრობს სოფ. ჩოლურში");
    r.setIssuedBy(issued_by);
    r.setIssuedOn(issued_on);
    r.setRetainedCopy(retained_copy);
  };
}
inline Fill Trip(const char* employee, const char* from, const char* to, const char* basis = "",
                 const char* destination = "თბილისი") {
  return [=](C c) {
    auto r = c.initRegisterBusinessTrip();
    r.setEmployee(employee);
    r.setDestination(destination);
    r.setPurpose("ტრენინგი საქმისწარმოებაში");
    r.setFrom(from);
    r.setTo(to);
    r.setBasis(basis);
  };
}
inline Fill Memo(const char* addressee, const char* subject = "კომპიუტერის შეკეთების საჭიროება",
                 const char* text = "გთხოვთ, გამოყოთ ტექნიკური დახმარება") {
  return [=](C c) {
    auto r = c.initSubmitMemo();
    r.setAddressee(addressee);
    r.setSubject(subject);
    r.setText(text);
  };
}

// Corrections of register entries (workflows/registers/corrections.cc).
inline Fill CorrectCertificate(const char* issued_to, const char* issued_on = "",
                               const char* reason = "გვარი შეცდომით ჩაიწერა",
                               const char* content = "", const char* retained_copy = "") {
  return [=](C c) {
    auto r = c.initCorrectCertificate();
    r.setIssuedTo(issued_to);
    r.setIssuedOn(issued_on);
    r.setContent(content);
    r.setRetainedCopy(retained_copy);
    r.setReason(reason);
  };
}
inline Fill CorrectTrip(const char* from, const char* to, const char* destination = "",
                        const char* reason = "მივლინება გადაიდო ბრძანების ცვლილებით") {
  return [=](C c) {
    auto r = c.initCorrectBusinessTrip();
    r.setFrom(from);
    r.setTo(to);
    r.setDestination(destination);
    r.setReason(reason);
  };
}
inline Fill CancelCertificate(const char* reason = "ცნობა შეცდომით გაიცა") {
  return [=](C c) { c.initCancelCertificate().setReason(reason); };
}
inline Fill CancelTrip(const char* reason = "მივლინება არ შედგა") {
  return [=](C c) { c.initCancelBusinessTrip().setReason(reason); };
}

// Periodic reports (workflows/periodic_report.cc): require_report opens the case.
inline Fill RequireReport(const char* post, const char* report, const char* period) {
  return [=](C c) {
    auto r = c.initRequireReport();
    r.setPost(post);
    r.setReport(report);
    r.setPeriod(period);
  };
}
inline Fill SubmitReport(const char* text = "ნოემბერში შესრულებული სამუშაოს ანგარიში") {
  return [=](C c) { c.initSubmitReport().setText(text); };
}

inline std::vector<std::pair<std::string, Fill>> Catalogue() {
  return {{"assign_resolution", Resolve("info-analytics")},
          {"confirm_receipt", kReceipt},
          {"report_part", ReportPart()},
          {"redirect", Redirect("info-press", "", false)},
          {"redirect", Redirect("", "საქართველოს ფინანსთა სამინისტრო", true)},
          {"take_note", TakeNote()},
          {"void_registration", VoidRegistration()},
          {"correct_registration", Correct("შესწორებული საკითხი")},
          {"extend_deadline", Extend("2027-01-20")},
          {"draft_answer", DraftAnswer()},
          {"endorse", Endorse()},
          {"sign", kSign},
          {"dispatch", Dispatch()},
          {"file", FileInto("01-07")},
          {"release_information", Release(schema::InformationScope::FULL)},
          {"refuse_information", RefuseInfo()},
          {"explain_rights", Explain()},
          {"decide", DecideAs(schema::Outcome::GRANTED)},
          {"give_expertise", Expertise()},
          {"adopt", Adopt("2026-11-02", 10, 2)},
          {"register_act", kRegisterAct},
          {"publish", Publish("website", "2026-11-02")},
          {"notify", Notify("2026-11-02")},
          {"amend", Amend("act-2")},
          {"repeal", Repeal("act-2")},
          {"declare_void", DeclareVoid()},
          {"accept", kAccept},
          {"report_progress", Progress()},
          {"complete", Complete()},
          {"review", Review(true)},
          {"raise_legality_doubt", Doubt()},
          {"refuse_assignment", RefuseAssignment(schema::RefusalGround::UNLAWFUL)},
          {"archive_file", ArchiveFile("01-07")},
          {"hand_to_archive", HandToArchive({"01-07"})},
          {"transfer_to_state_archive", TransferToStateArchive("1", "2026-11-02", {"01-07"})},
          {"screen_petition", ScreenPetition()},
          {"fix_petition", FixPetition()},
          {"close_petition", ClosePetition()},
          {"record_votes", RecordVotes(1000)},
          {"decide_petition", DecidePetition()},
          {"record_feasibility", RecordFeasibility()},
          {"put_in_writing", PutInWriting()},
          {"submit_report", SubmitReport()},
          {"correct_certificate", CorrectCertificate("ნინო ბერიძე-კაპანაძე")},
          {"cancel_certificate", CancelCertificate()},
          {"correct_business_trip", CorrectTrip("2026-11-11", "2026-11-13")},
          {"cancel_business_trip", CancelTrip()}};
}

}  // namespace saqme::testing::commands
