// Every proceeding kind as a state machine: the allowed transitions, the commands each state
// refuses, deadlines and extension limits, powers and acting, and replay determinism.
#include <algorithm>
#include <cstring>
#include <deque>
#include <random>

#include <capnp/schema.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/allowed_actions.h"
#include "workflows/command_labels.h"
#include "workflows/control_register.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using Fill = WorkflowBench::Fill;
using C = schema::Command::Builder;

using namespace saqme::testing::commands;

// Valid samples of `type` for the bench's case today (the catalogue's, and ones fitted to the
// state: an extension by a day, dates of today, a complaint's outcome).
std::vector<Fill> Samples(WorkflowBench& bench, const std::string& type) {
  std::vector<Fill> samples;
  for (const auto& [name, fill] : Catalogue()) {
    if (name == type) samples.push_back(fill);
  }
  const std::string today = bench.today().ToString();
  static std::deque<std::string> dates;  // keeps the fills' strings alive (never moved)
  dates.push_back(today);
  const char* on = dates.back().c_str();
  if (type == "extend_deadline" && !bench.state().due.empty()) {
    dates.push_back(Date::Parse(bench.state().due)->AddDays(1).ToString());
    samples.push_back(Extend(dates.back().c_str()));
  }
  if (type == "decide") samples.push_back(DecideAs(schema::Outcome::UPHELD));
  if (type == "adopt") samples.push_back(Adopt(on, 10, 2));
  if (type == "publish") {
    samples.push_back(Publish("website", on));
    samples.push_back(Publish("legislative_herald", on));
  }
  if (type == "notify") samples.push_back(Notify(on));
  return samples;
}

// workflows::AllowedActions agrees with Decide for every post of the chart: each allowed action
// is accepted with a valid sample, every other command of the catalogue is refused, nothing
// outside `allowed` (the state's commands) is offered, and each step the inbox expects
// (ExpectedSteps) is among its post's allowed actions.
void ExpectAllowedActionsAgree(WorkflowBench& bench, const std::set<std::string>& allowed) {
  for (const auto& post : bench.org().posts()) {
    const auto actions = AllowedActions(bench.state(), bench.Context(post.id, false));
    const std::set<std::string> offered(actions.begin(), actions.end());
    for (const auto& type : actions) {
      EXPECT_TRUE(allowed.count(type) || type == "approve_nomenclature")
          << type << " offered to " << post.id;
      bool accepted = false;
      for (const auto& fill : Samples(bench, type))
        accepted = accepted || bench.Accepts(post.id, fill);
      EXPECT_TRUE(accepted) << type << " offered to " << post.id << " but no sample is accepted";
    }
    for (const auto& [name, fill] : Catalogue()) {
      if (offered.count(name)) continue;
      EXPECT_FALSE(bench.Accepts(post.id, fill))
          << name << " accepted from " << post.id << " but not among its allowed actions";
    }
  }
  for (const auto& step : ExpectedSteps(bench.state(), bench.org())) {
    const auto actions = AllowedActions(bench.state(), bench.Context(step.post, false));
    EXPECT_NE(std::find(actions.begin(), actions.end(), step.type), actions.end())
        << "the inbox expects " << step.type << " of " << step.post;
  }
}

// Every command not in `allowed` is refused in the current state, for the state's reason.
void ExpectOnlyAllowed(WorkflowBench& bench, std::set<std::string> allowed) {
  SCOPED_TRACE(std::string("in state ") + StageName(bench.state().stage));
  ExpectAllowedActionsAgree(bench, allowed);
  for (const auto& [name, fill] : Catalogue()) {
    if (allowed.count(name)) continue;
    for (const char* actor : {"chair", "org-records", "info-analytics", "apparatus-head"}) {
      Refusal refusal;
      const std::string message = bench.Try(actor, fill, &refusal);
      ASSERT_FALSE(message.empty()) << name << " was accepted from " << actor;
      const bool state_reason = message.find("not possible while") != std::string::npos ||
                                message.find("does not apply") != std::string::npos ||
                                message.find("does not exist yet") != std::string::npos ||
                                message.find("cannot be extended") != std::string::npos;
      EXPECT_TRUE(state_reason) << name << " by " << actor << ": " << message;
    }
  }
}

// ---- command labels ------------------------------------------------------------------------

TEST(CommandLabelTest, EveryCommandTypeOfTheSchemaHasAGeorgianAndAnEnglishLabelInItsOrder) {
  int count = 0;
  const CommandLabel* labels = AllCommandLabels(&count);
  const auto fields = capnp::Schema::from<schema::Command>().getUnionFields();
  ASSERT_EQ(static_cast<size_t>(count), fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string type = storage::SnakeCase(fields[i].getProto().getName());
    EXPECT_EQ(labels[i].type, type);
    const CommandLabel* label = LabelOf(type);
    ASSERT_NE(label, nullptr) << type;
    EXPECT_EQ(label, &labels[i]);
    EXPECT_GT(std::strlen(label->label_ka), 0u) << type;
    EXPECT_GT(std::strlen(label->label_en), 0u) << type;
  }
  EXPECT_EQ(LabelOf("no_such_command"), nullptr);
}

// ---- incoming correspondence ---------------------------------------------------------------

TEST(CorrespondenceTest, FromRegistrationToFilingWithEveryStateRefusingTheRest) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2026, "01-07");
  ExpectOnlyAllowed(bench, {});  // nothing but an opening command on a new case
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  EXPECT_EQ(bench.state().stage, Stage::kRegistered);
  EXPECT_EQ(bench.state().registration_number, "incoming/2026/1");
  EXPECT_EQ(bench.state().due, "2026-12-02");  // one month from registration, a Wednesday
  EXPECT_NE(bench.state().due_explanation.find("decree No 414"), std::string::npos);
  ExpectOnlyAllowed(bench, {"assign_resolution", "extend_deadline", "redirect", "take_note",
                            "void_registration", "correct_registration"});

  bench.Do("chair", Resolve("info-analytics", "2026-11-20", {"org-protocol"}));
  EXPECT_EQ(bench.state().stage, Stage::kResolved);
  EXPECT_EQ(bench.state().due, "2026-11-20");
  EXPECT_EQ(bench.state().deadline_setter, "chair");
  ExpectOnlyAllowed(bench, {"confirm_receipt", "report_part", "redirect", "extend_deadline",
                            "take_note", "correct_registration"});

  // The co-executor confirms their own receipt; only the lead's starts the execution.
  EXPECT_NE(bench.Try("org-protocol", ReportPart()).find("not confirmed receipt"),
            std::string::npos);
  bench.Do("org-protocol", kReceipt);
  EXPECT_EQ(bench.state().stage, Stage::kResolved);
  EXPECT_EQ(bench.last_event().at("data").at("executor").as_string(), "org-protocol");
  EXPECT_NE(bench.Try("org-protocol", kReceipt).find("already confirmed"), std::string::npos);
  bench.Do("info-analytics", kReceipt);
  EXPECT_EQ(bench.state().stage, Stage::kInExecution);
  ExpectOnlyAllowed(bench, {"redirect", "extend_deadline", "draft_answer", "report_part",
                            "take_note", "correct_registration"});

  // The co-executor reports their part to the lead executor; nobody else may.
  Refusal not_co;
  EXPECT_NE(bench.Try("info-press", ReportPart(), &not_co), "");
  EXPECT_TRUE(not_co.forbidden());
  EXPECT_NE(bench.Try("info-analytics", ReportPart()), "");  // the lead answers, not reports
  EXPECT_NE(bench.Try("org-protocol", ReportPart("")).find("no text"), std::string::npos);
  bench.Do("org-protocol", ReportPart("სხდომის ოქმის ასლი მომზადდა"));
  ASSERT_EQ(bench.state().parts.size(), 1u);
  EXPECT_EQ(bench.state().parts[0].by, "org-protocol");
  EXPECT_EQ(bench.state().parts[0].text, "სხდომის ოქმის ასლი მომზადდა");
  EXPECT_EQ(bench.state().receipts,
            (std::vector<std::pair<std::string, std::string>>{{"org-protocol", "2026-11-02"},
                                                              {"info-analytics", "2026-11-02"}}));

  bench.Do("info-analytics", DraftAnswer());
  ExpectOnlyAllowed(bench, {"draft_answer", "endorse", "sign", "extend_deadline", "report_part",
                            "correct_registration"});
  bench.Do("info-head", Endorse());
  EXPECT_NE(bench.Try("info-head", Endorse()), "");  // one visa per post
  bench.Do("sec-legal", Endorse("სამართლებრივი შენიშვნა არ არის"));
  EXPECT_EQ(bench.state().endorsements, (std::vector<std::string>{"info-head", "sec-legal"}));

  Refusal refusal;
  EXPECT_NE(bench.Try("info-head", kSign, &refusal), "");  // the addressee signs
  EXPECT_EQ(refusal.missing_power, "sign");
  bench.Do("chair", kSign);
  ExpectOnlyAllowed(bench, {"dispatch", "extend_deadline", "correct_registration"});

  EXPECT_NE(bench.Try("org-records", Dispatch("pigeon")), "");
  bench.Do("org-records", Dispatch("post"));
  EXPECT_EQ(bench.state().stage, Stage::kAnswered);
  EXPECT_EQ(bench.state().outgoing_number, "outgoing/2026/1");
  EXPECT_EQ(bench.last_event().at("data").at("postal_number").as_string(), "postal/2026/1");
  ExpectOnlyAllowed(bench, {"file", "correct_registration"});

  EXPECT_NE(bench.Try("org-records", FileInto("99-99")).find("nomenclature of 2026"),
            std::string::npos);
  bench.Do("org-records", FileInto("01-07"));
  EXPECT_EQ(bench.state().stage, Stage::kFiled);
  ExpectOnlyAllowed(bench, {});
}

// ---- a letter on the body's own initiative ---------------------------------------------------

TEST(OutgoingLetterTest, DraftedEndorsedSignedByTheAuthorsSignatoryDispatchedAndFiled) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2026, "01-07");
  EXPECT_NE(bench.Try("info-press", DraftLetter("")).find("recipient"), std::string::npos);
  EXPECT_NE(bench.Try("info-press", DraftLetter("ადრესატი", "")).find("text"), std::string::npos);
  bench.Do("info-press", DraftLetter());
  EXPECT_EQ(bench.state().kind, Kind::kOutgoingLetter);
  EXPECT_EQ(bench.state().stage, Stage::kAnswerDrafted);
  EXPECT_EQ(bench.state().lead_executor, "info-press");
  EXPECT_EQ(bench.state().registration_number, "");  // not an incoming document
  EXPECT_EQ(OpenDeadlineOf(bench.state()).due, "");  // and no deadline runs
  EXPECT_NE(bench.Try("info-head", Extend("2026-12-01")).find("no deadline"), std::string::npos);
  ExpectOnlyAllowed(bench, {"draft_answer", "endorse", "sign"});

  EXPECT_NE(bench.Try("info-analytics", DraftAnswer()), "");  // only its author redrafts it
  bench.Do("info-press", DraftAnswer("შესწორებული ტექსტი"));
  EXPECT_EQ(bench.state().answer, "შესწორებული ტექსტი");
  bench.Do("info-head", Endorse());
  // info-press and its head do not sign; the head of the apparatus signs for the division.
  Refusal refusal;
  EXPECT_NE(bench.Try("info-head", kSign, &refusal), "");
  EXPECT_EQ(refusal.missing_power, "sign");
  EXPECT_NE(bench.Try("chair", kSign), "");
  bench.Do("apparatus-head", kSign);
  EXPECT_EQ(bench.state().signed_by, "apparatus-head");
  ExpectOnlyAllowed(bench, {"dispatch"});

  bench.Do("org-records", Dispatch("email"));
  EXPECT_EQ(bench.state().stage, Stage::kAnswered);
  EXPECT_EQ(bench.state().outgoing_number, "outgoing/2026/1");
  EXPECT_EQ(bench.last_event().at("data").at("postal_number").as_string(), "");
  ExpectOnlyAllowed(bench, {"file"});
  bench.Do("org-records", FileInto("01-07"));
  EXPECT_EQ(bench.state().stage, Stage::kFiled);
  ExpectOnlyAllowed(bench, {});
}

TEST(OutgoingLetterTest, TheChairSignsWhatTheChairDrafts) {
  WorkflowBench bench;
  bench.Do("chair", DraftLetter());
  EXPECT_NE(bench.Try("apparatus-head", kSign), "");
  bench.Do("chair", kSign);
  EXPECT_EQ(bench.state().signed_by, "chair");
}

TEST(CorrespondenceTest, StatedDueAndTheResolutionDeadline) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2026-11-16"));
  EXPECT_EQ(bench.state().due, "2026-11-16");
  EXPECT_NE(bench.state().due_explanation.find("stated in the document"), std::string::npos);
  EXPECT_NE(bench.Try("chair", Resolve("info-analytics", "2026-10-30")), "");  // past
}

TEST(CorrespondenceTest, OnlyWhoSetTheDeadlineOrTheirSuperiorMayChangeIt) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("org-records", "2026-11-20"));
  Refusal refusal;
  EXPECT_NE(bench.Try("org-head", Extend("2026-11-27"), &refusal), "");
  EXPECT_FALSE(refusal.missing_power.empty());
  EXPECT_NE(bench.Try("apparatus-head", Extend("2026-11-19")), "");      // not later
  EXPECT_NE(bench.Try("apparatus-head", Extend("2026-11-27", "")), "");  // no reason
  bench.Do("chair", Extend("2026-11-27"));                               // the setter's superior
  EXPECT_EQ(bench.state().due, "2026-11-27");
  EXPECT_EQ(bench.state().deadline_setter, "chair");
  // Now the chair set it: the head of the apparatus is below, and may not change it.
  EXPECT_NE(bench.Try("apparatus-head", Extend("2026-12-04")), "");
}

TEST(CorrespondenceTest, RedirectInsideOrToTheCompetentBody) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2026, "01-01");
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  bench.Do("chair", Resolve("info-analytics"));
  bench.Do("chair", Redirect("info-press", "", false));
  EXPECT_EQ(bench.state().lead_executor, "info-press");
  EXPECT_EQ(bench.state().stage, Stage::kResolved);
  EXPECT_NE(bench.Try("info-analytics", kReceipt), "");
  bench.Do("info-press", kReceipt);
  EXPECT_NE(bench.Try("chair", Redirect("", "საქართველოს ფინანსთა სამინისტრო", false)), "");
  EXPECT_NE(bench.Try("chair", Redirect("info-web", "სამინისტრო", true)), "");  // not both
  bench.Do("chair", Redirect("", "საქართველოს ფინანსთა სამინისტრო", true));
  EXPECT_EQ(bench.state().stage, Stage::kRedirectedOut);
  bench.Do("org-records", FileInto("01-01"));
}

TEST(IncomingTest, RegistrationRefusals) {
  WorkflowBench bench;
  Refusal refusal;
  EXPECT_NE(
      bench.Try("info-press", Register(schema::IncomingKind::CORRESPONDENCE, "chair"), &refusal),
      "");
  EXPECT_EQ(refusal.missing_power, "register");
  EXPECT_NE(bench.Try("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "nobody")), "");
  EXPECT_NE(bench.Try("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "info-press")),
            "");
  EXPECT_NE(
      bench.Try("org-records", Register(schema::IncomingKind::APPLICATION, "chair", "2026-11-20")),
      "");
  bench.SetToday("2026-11-01");  // received_on 2026-11-02 is tomorrow
  EXPECT_NE(bench.Try("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair")), "");
  EXPECT_EQ(bench.state().version, 0u);
}

// Commands sent as Cap'n Proto skip the JSON parser's checks: the workflow refuses the same.
TEST(IncomingTest, BlankNamesChannelsOffTheListAndDatesThatDoNotExistAreRefused) {
  WorkflowBench bench;
  auto with = [](std::function<void(schema::RegisterIncoming::Builder)> change) {
    return [change](C c) {
      Register(schema::IncomingKind::CORRESPONDENCE, "chair")(c);
      change(c.getRegisterIncoming());
    };
  };
  Refusal refusal;
  EXPECT_NE(
      bench.Try("org-records", with([](auto r) { r.getSender().setName(" \t\xC2\xA0"); }), &refusal)
          .find("sender's name"),
      std::string::npos);
  EXPECT_NE(refusal.message_ka.find("გამგზავნის სახელი"), std::string::npos);
  EXPECT_NE(bench.Try("org-records", with([](auto r) { r.setSubject("   "); })), "");
  const std::string channel =
      bench.Try("org-records", with([](auto r) { r.setChannel("fax"); }), &refusal);
  EXPECT_NE(channel.find("'fax' is not one of: post (Post), email (Email)"), std::string::npos);
  EXPECT_NE(refusal.message_ka.find("ელექტრონული ფოსტა"), std::string::npos);
  for (const char* channel :
       {"post", "email", "website", "reception", "phone", "courier", "exchange"}) {
    WorkflowBench fresh;
    EXPECT_EQ(fresh.Try("org-records", with([&](auto r) { r.setChannel(channel); })), "")
        << channel;
  }
  EXPECT_NE(bench.Try("org-records", with([](auto r) { r.setReceivedOn("2026-02-30"); }))
                .find("2026-02-30 is a date that does not exist"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", with([](auto r) { r.setReceivedOn("2.11.2026"); }))
                .find("written YYYY-MM-DD"),
            std::string::npos);
  EXPECT_EQ(bench.state().version, 0u);
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  bench.Do("chair", Resolve("info-analytics"));
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", DraftAnswer());
  bench.Do("chair", kSign);
  EXPECT_NE(bench.Try("org-records", Dispatch("pigeon")).find("'pigeon' is not one of"),
            std::string::npos);
  bench.Do("org-records", Dispatch("hand"));
}

// Civil Code of Georgia, rules on periods: a last day that is not a working day moves to the
// next working day — for the day a head writes in a resolution and the day a letter states.
TEST(CorrespondenceTest, ADueDateOnANonWorkingDayRollsToTheNextWorkingDay) {
  WorkflowBench bench;
  bench.Do("org-records",
           Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2026-11-29"));  // Sunday
  EXPECT_EQ(bench.state().due, "2026-11-30");
  EXPECT_NE(bench.state().due_explanation.find("2026-11-29 (Sunday) is not a working day"),
            std::string::npos);
  EXPECT_NE(bench.state().due_explanation.find("Civil Code of Georgia"), std::string::npos);

  WorkflowBench resolved;
  resolved.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  // Saturday, then Sunday, then Monday 23 November, St George's Day (a public holiday).
  resolved.Do("chair", Resolve("info-analytics", "2026-11-21"));
  EXPECT_EQ(resolved.state().due, "2026-11-24");
  EXPECT_EQ(resolved.last_event().at("data").at("due").as_string(), "2026-11-24");
  const std::string explanation(resolved.last_event().at("data").at("due_explanation").as_string());
  EXPECT_NE(explanation.find("set in the resolution by chair"), std::string::npos);
  EXPECT_NE(explanation.find("2026-11-21 — Saturday"), std::string::npos);
  EXPECT_NE(explanation.find("2026-11-22 — Sunday"), std::string::npos);
  EXPECT_NE(explanation.find("2026-11-23 — "), std::string::npos);
  EXPECT_NE(explanation.find("due 2026-11-24 (Tuesday)"), std::string::npos) << explanation;

  WorkflowBench working;  // a working day stays, with no note
  working.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  working.Do("chair", Resolve("info-analytics", "2026-11-20"));
  EXPECT_EQ(working.state().due, "2026-11-20");
  EXPECT_EQ(working.state().due_explanation.find("not a working day"), std::string::npos);
}

// Zugdidi statute art. 28.1, GAC: one month from registration, extended by at most one month —
// counted from the month's own end, not from the working day it rolled to — and not once the
// answer is signed.
TEST(ApplicationTest, TheExtensionCeilingCountsFromRegistrationAndEndsAtSigning) {
  WorkflowBench bench;
  bench.SetToday("2026-11-05");  // Thursday; a month later is Saturday 5 December
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  EXPECT_EQ(bench.state().due, "2026-12-07");  // rolled to Monday
  bench.Do("apparatus-head", Resolve("sec-legal"));
  bench.Do("sec-legal", kReceipt);
  // From the rolled due the ceiling would be 8 January (7 January is a holiday); from
  // registration it is 5 January 2027, a Tuesday.
  EXPECT_NE(bench.Try("apparatus-head", Extend("2027-01-06"))
                .find("latest possible due date is 2027-01-05"),
            std::string::npos);
  bench.Do("sec-legal", DraftAnswer());
  bench.Do("apparatus-head", DecideAs(schema::Outcome::GRANTED));
  bench.Do("apparatus-head", kSign);
  Refusal refusal;
  EXPECT_NE(bench.Try("apparatus-head", Extend("2027-01-05"), &refusal).find("already signed"),
            std::string::npos);
  EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow);
  EXPECT_EQ(bench.state().statutory_extensions, 0);

  WorkflowBench before;  // the ceiling itself is accepted before signing
  before.SetToday("2026-11-05");
  before.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  before.Do("apparatus-head", Resolve("sec-legal"));
  before.Do("apparatus-head", Extend("2027-01-05"));
  EXPECT_EQ(before.state().due, "2027-01-05");
}

// ---- citizen's application -----------------------------------------------------------------

TEST(ApplicationTest, DecisionThenSignatureAndOneExtensionOfAtMostAMonth) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2026, "02-01");
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  EXPECT_EQ(bench.state().due, "2026-12-02");
  // An Ozurgeti case cites the council's own regulations (its org file), never Zugdidi's statute.
  EXPECT_NE(bench.state().due_explanation.find("Regulations of the Ozurgeti Municipal Council"),
            std::string::npos);
  EXPECT_EQ(bench.state().due_explanation.find("Zugdidi"), std::string::npos);
  EXPECT_NE(
      bench.state().due_explanation_ka.find("ოზურგეთის მუნიციპალიტეტის საკრებულოს რეგლამენტი"),
      std::string::npos);
  EXPECT_EQ(bench.state().due_explanation_ka.find("ზუგდიდ"), std::string::npos);
  // The resolution may shorten the statutory deadline, not extend it.
  EXPECT_NE(bench.Try("apparatus-head", Resolve("sec-legal", "2026-12-10")), "");
  bench.Do("apparatus-head", Resolve("sec-legal"));
  EXPECT_EQ(bench.state().due, "2026-12-02");
  bench.Do("sec-legal", kReceipt);

  // One extension, by at most one month from the statutory due, with a reason.
  EXPECT_NE(bench.Try("apparatus-head", Extend("2027-01-05"))
                .find("latest possible due date is 2027-01-04"),
            std::string::npos);  // 2 Jan is a holiday; the month ends Monday 4 January
  EXPECT_NE(bench.Try("apparatus-head", Extend("2026-12-20", "")), "");
  EXPECT_NE(bench.Try("sec-legal", Extend("2026-12-20")), "");
  bench.Do("apparatus-head", Extend("2027-01-04"));
  EXPECT_EQ(bench.state().due, "2027-01-04");
  EXPECT_EQ(bench.state().statutory_extensions, 1);
  EXPECT_NE(bench.Try("apparatus-head", Extend("2027-01-10")).find("extended once"),
            std::string::npos);

  bench.Do("sec-legal", DraftAnswer("დამოწმებული ასლი გაიცეს"));
  ExpectOnlyAllowed(
      bench, {"draft_answer", "endorse", "decide", "extend_deadline", "correct_registration"});
  EXPECT_NE(bench.Try("apparatus-head", DecideAs(schema::Outcome::UPHELD)), "");  // not an outcome
  EXPECT_NE(bench.Try("sec-legal", DecideAs(schema::Outcome::GRANTED)), "");  // not the addressee
  bench.Do("apparatus-head", DecideAs(schema::Outcome::PARTLY));
  EXPECT_EQ(bench.state().outcome, "partly");
  ExpectOnlyAllowed(bench, {"sign", "extend_deadline", "correct_registration"});
  bench.Do("apparatus-head", kSign);
  bench.Do("org-records", Dispatch("hand"));
  bench.Do("org-records", FileInto("02-01"));
  EXPECT_EQ(bench.state().stage, Stage::kFiled);
}

TEST(ApplicationTest, TheDecisionAndTheSignatureWaitForTheLegalServicesVisa) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("info-analytics"));
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", DraftAnswer("ცნობა გაიცეს"));
  bench.Do("info-head", Endorse());  // the unit head's visa is not the one the org file asks
  // Refused, naming the visa, in both languages; the inbox asks the legal service for it.
  Refusal refusal;
  EXPECT_NE(bench.Try("apparatus-head", DecideAs(schema::Outcome::GRANTED), &refusal)
                .find("the legal service's visa"),
            std::string::npos);
  EXPECT_NE(refusal.message_ka.find("იურიდიული სამსახურის ვიზა"), std::string::npos);
  EXPECT_EQ(ExpectedSteps(bench.state(), bench.org()),
            (std::vector<ExpectedStep>{{"sec-legal", "endorse"}, {"sec-juridical", "endorse"}}));
  // Nobody is offered decide or sign until then; the inbox's steps are among the allowed.
  ExpectAllowedActionsAgree(bench,
                            {"draft_answer", "endorse", "extend_deadline", "correct_registration"});
  bench.Do("sec-juridical", Endorse());
  EXPECT_EQ(ExpectedSteps(bench.state(), bench.org()),
            (std::vector<ExpectedStep>{{"apparatus-head", "decide"}}));
  bench.Do("apparatus-head", DecideAs(schema::Outcome::GRANTED));
  bench.Do("apparatus-head", kSign);
  EXPECT_EQ(bench.state().stage, Stage::kSigned);
}

TEST(ComplaintTest, ANewDraftNeedsTheVisaAgain) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.Do("records-clerk", Register(schema::IncomingKind::COMPLAINT, "mayor"));
  bench.Do("mayor", Resolve("adm-records-officer"));
  bench.Do("adm-records-officer", kReceipt);
  bench.Do("adm-records-officer", DraftAnswer("საჩივარი არ დაკმაყოფილდეს"));
  bench.Do("adm-legal-head", Endorse());
  bench.Do("adm-records-officer", DraftAnswer("საჩივარი ნაწილობრივ დაკმაყოფილდეს"));
  EXPECT_NE(bench.Try("mayor", DecideAs(schema::Outcome::UPHELD)).find("the Legal Division's visa"),
            std::string::npos);
  bench.Do("adm-legal-head", Endorse());
  bench.Do("mayor", DecideAs(schema::Outcome::UPHELD));
  EXPECT_EQ(bench.state().stage, Stage::kDecided);
}

// ---- documents on control ------------------------------------------------------------------

TEST(ControlRegisterTest, AnsweredByTheDueDateIsOnTimeAndAnOpenOneIsOverdueTheDayAfter) {
  const Date today = *Date::Parse("2026-11-10");
  EXPECT_EQ(StandingOf("2026-11-10", "2026-11-10", today), ControlStanding::kOnTime);
  EXPECT_EQ(StandingOf("2026-11-09", "2026-11-10", today), ControlStanding::kLate);
  EXPECT_EQ(StandingOf("2026-11-10", "", today), ControlStanding::kOpen);  // its last day
  EXPECT_EQ(StandingOf("2026-11-09", "", today), ControlStanding::kOverdue);
  EXPECT_STREQ(StandingName(ControlStanding::kOverdue), "overdue");
  EXPECT_STREQ(StandingNameKa(ControlStanding::kLate), "შესრულდა ვადის დარღვევით");
  ControlFigures figures;
  for (auto standing : {ControlStanding::kOnTime, ControlStanding::kLate, ControlStanding::kOpen,
                        ControlStanding::kOverdue, ControlStanding::kOverdue}) {
    figures.Count(standing);
  }
  // The overdue are open too.
  EXPECT_EQ(figures, (ControlFigures{5, 1, 1, 3, 2}));
}

// ---- public information --------------------------------------------------------------------

TEST(PublicInformationTest, TenDaysAndARefusalOwesTheRightsWithinThreeDays) {
  WorkflowBench bench;
  bench.SetToday("2026-11-13");
  bench.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head"));
  EXPECT_EQ(bench.state().due, "2026-11-24");  // 10 days end on Giorgoba (Mon 23 Nov)
  EXPECT_NE(bench.state().due_explanation.find("art. 40"), std::string::npos);
  bench.Do("apparatus-head", Resolve("info-public"));
  EXPECT_NE(bench.Try("apparatus-head", Extend("2026-11-30")).find("cannot be extended"),
            std::string::npos);
  ExpectOnlyAllowed(bench, {"confirm_receipt", "redirect", "correct_registration"});
  bench.Do("info-public", kReceipt);
  EXPECT_NE(bench.Try("info-public", RefuseInfo("")), "");
  EXPECT_NE(bench.Try("info-press", RefuseInfo()), "");
  bench.SetToday("2026-11-19");  // Thursday
  bench.Do("info-public", RefuseInfo());
  EXPECT_EQ(bench.state().stage, Stage::kInfoRefused);
  EXPECT_EQ(bench.state().rights_due, "2026-11-24");  // 3 days: Sun 22 -> Mon 23 holiday -> Tue
  ExpectOnlyAllowed(bench, {"explain_rights", "correct_registration"});
  bench.Do("info-public", Explain());
  EXPECT_EQ(bench.state().stage, Stage::kAnswered);
}

TEST(PublicInformationTest, ARefusalNamesItsLegalGroundFromTheList) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("info-public"));
  bench.Do("info-public", kReceipt);
  // GAC art. 10.1 / art. 49: no ground, or one off the list, is refused in both languages.
  Refusal refusal;
  EXPECT_NE(bench.Try("info-public", RefuseInfo("საიდუმლოა", ""), &refusal).find("legal ground"),
            std::string::npos);
  EXPECT_NE(refusal.message_ka.find("სამართლებრივი საფუძველი"), std::string::npos);
  EXPECT_NE(bench.Try("info-public", RefuseInfo("საიდუმლოა", "secret")), "");
  EXPECT_EQ(bench.state().stage, Stage::kInExecution);
  bench.Do("info-public", RefuseInfo("კომერციული საიდუმლოება", "commercial_secret"));
  EXPECT_EQ(bench.state().stage, Stage::kInfoRefused);
  EXPECT_EQ(bench.last_event().at("data").at("ground"), "commercial_secret");
}

TEST(PublicInformationTest, ReleasedPartly) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("info-public"));
  bench.Do("info-public", kReceipt);
  bench.Do("info-public", Release(schema::InformationScope::PARTIAL));
  EXPECT_EQ(bench.state().outcome, "partly_released");
  EXPECT_EQ(bench.state().stage, Stage::kAnswered);
}

// ---- complaint -----------------------------------------------------------------------------

TEST(ComplaintTest, DecidedByTheChairOrWhoeverActsForThem) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::COMPLAINT, "chair"));
  EXPECT_NE(bench.state().due_explanation.find("art. 183"), std::string::npos);
  bench.Do("chair", Resolve("sec-juridical"));
  bench.Do("sec-juridical", kReceipt);
  bench.Do("sec-juridical", DraftAnswer("საჩივარი საფუძვლიანია"));
  Refusal refusal;
  EXPECT_NE(bench.Try("apparatus-head", DecideAs(schema::Outcome::ANNULLED), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "decide_complaints");
  EXPECT_NE(bench.Try("chair", DecideAs(schema::Outcome::GRANTED)), "");
  // The chair names an acting officer during an absence.
  ASSERT_TRUE(bench.org()
                  .AddActing({"chair", "apparatus-head", *Date::Parse("2026-11-02"),
                              *Date::Parse("2026-11-06"), "chair's decision"})
                  .ok());
  bench.Do("apparatus-head", DecideAs(schema::Outcome::ANNULLED));
  EXPECT_EQ(bench.last_event().at("acting_for").as_string(), "chair");
  EXPECT_EQ(bench.state().outcome, "annulled");
}

// ---- legal acts ----------------------------------------------------------------------------

TEST(LegalActTest, AnOrderFromDraftToForceOnNotification) {
  WorkflowBench bench;
  EXPECT_NE(bench.Try("sec-legal", DraftAct(schema::ActType::ORDER, "info-press")),
            "");  // no issuer power
  bench.Do("sec-legal", DraftAct(schema::ActType::ORDER, "apparatus-head"));
  ExpectOnlyAllowed(bench, {"give_expertise", "endorse", "adopt"});
  EXPECT_NE(bench.Try("apparatus-head", Adopt()).find("legal expertise"), std::string::npos);
  EXPECT_NE(bench.Try("info-press", Expertise()), "");
  bench.Do("sec-juridical", Expertise());
  bench.Do("org-head", Endorse());
  EXPECT_NE(bench.Try("chair", Adopt()), "");  // signed by its issuer
  bench.Do("apparatus-head", Adopt());
  ExpectOnlyAllowed(bench, {"register_act"});
  bench.Do("org-records", kRegisterAct);
  EXPECT_EQ(bench.state().act_number, "acts-order/2026/1");
  ExpectOnlyAllowed(bench, {"publish"});
  EXPECT_NE(bench.Try("info-web", Publish("newspaper", "2026-11-02"))
                .find("'newspaper' is not one of: website (Website), legislative_herald"),
            std::string::npos);
  bench.Do("info-web", Publish("website", "2026-11-02"));
  EXPECT_EQ(bench.state().stage, Stage::kPublished);  // an individual act: not yet in force
  EXPECT_EQ(bench.state().in_force_on, "");
  bench.Do("org-records", Notify("2026-11-02"));
  EXPECT_EQ(bench.state().stage, Stage::kInForce);
  EXPECT_EQ(bench.state().in_force_on, "2026-11-02");
  EXPECT_NE(bench.state().in_force_ground.find("notification"), std::string::npos);
  // The amending and repealing acts must be legal acts in force, other than this one.
  EXPECT_NE(bench.Try("org-records", Amend("act-7")).find("there is no legal act"),
            std::string::npos);
  bench.AddLegalAct("act-6", {"published", "", "order", "acts-order/2026/6", ""});
  EXPECT_NE(bench.Try("org-records", Amend("act-6")).find("not in force"), std::string::npos);
  bench.AddLegalAct("act-5", {"repealed", "2026-10-01", "order", "acts-order/2026/5", ""});
  EXPECT_NE(bench.Try("org-records", Repeal("act-5")).find("not in force"), std::string::npos);
  EXPECT_NE(bench.Try("org-records", Amend("case-under-test")), "");
  bench.AddLegalAct("act-7", {"in_force", "2026-11-01", "order", "acts-order/2026/7", ""});
  EXPECT_NE(bench
                .Try("org-records",
                     [](C c) {
                       auto r = c.initAmend();
                       r.setByAct("act-7");
                       r.setByActNumber("acts-order/2026/8");
                     })
                .find("registered as number acts-order/2026/7"),
            std::string::npos);
  bench.Do("org-records", Amend("act-7"));
  EXPECT_EQ(bench.state().amended_by, (std::vector<std::string>{"act-7"}));
  EXPECT_EQ(bench.last_event().at("data").at("by_act_number").as_string(), "acts-order/2026/7");
  // Published with an in-force date that has come: in force.
  bench.AddLegalAct("act-9", {"published", "2026-11-02", "order", "acts-order/2026/9", ""});
  EXPECT_EQ(bench.state().text, "აქტის ტექსტი");  // the published text never changes
  bench.Do("org-records", Repeal("act-9"));
  EXPECT_EQ(bench.state().stage, Stage::kRepealed);
  ExpectOnlyAllowed(bench, {});
}

TEST(LegalActTest, ACouncilResolutionIsVotedAndInForceOnPublicationInTheHerald) {
  WorkflowBench bench;
  bench.Do("sec-legal", DraftAct(schema::ActType::RESOLUTION, "chair"));
  bench.Do("sec-legal", Expertise());
  EXPECT_NE(bench.Try("chair", Adopt("", 10, 2)), "");  // no session date
  EXPECT_NE(bench.Try("chair", Adopt("2026-11-02", 5, 5)).find("did not carry"), std::string::npos);
  bench.Do("chair", Adopt("2026-11-02", 12, 3));
  bench.Do("org-records", kRegisterAct);
  EXPECT_EQ(bench.state().act_number, "acts-resolution/2026/1");
  EXPECT_NE(bench.Try("info-web", Publish("website", "2026-11-02")).find("Legislative Herald"),
            std::string::npos);
  bench.Do("info-web", Publish("legislative_herald", "2026-11-02"));
  EXPECT_EQ(bench.state().stage, Stage::kInForce);
  EXPECT_EQ(bench.state().in_force_on, "2026-11-02");
}

TEST(LegalActTest, InForceOnTheDateTheActSetsOrOnPublicationAfterAPublicProceeding) {
  WorkflowBench dated;
  dated.Do("sec-legal", DraftAct(schema::ActType::ORDINANCE, "chair", false, "2027-01-01"));
  dated.Do("sec-legal", Expertise());
  dated.Do("chair", Adopt("2026-11-02", 9, 0));
  dated.Do("org-records", kRegisterAct);
  dated.Do("info-web", Publish("website", "2026-11-02"));
  EXPECT_EQ(dated.state().in_force_on, "2027-01-01");
  EXPECT_EQ(dated.state().stage, Stage::kPublished);  // not in force before its own date

  WorkflowBench backdated;
  backdated.Do("sec-legal", DraftAct(schema::ActType::ORDINANCE, "chair", false, "2026-10-01"));
  backdated.Do("sec-legal", Expertise());
  backdated.Do("chair", Adopt("2026-11-02", 9, 0));
  backdated.Do("org-records", kRegisterAct);
  EXPECT_NE(
      backdated.Try("info-web", Publish("website", "2026-11-02")).find("before its publication"),
      std::string::npos);

  WorkflowBench public_proceeding;
  public_proceeding.Do("sec-legal", DraftAct(schema::ActType::ORDER, "chair", true));
  public_proceeding.Do("sec-legal", Expertise());
  public_proceeding.Do("chair", Adopt());
  public_proceeding.Do("org-records", kRegisterAct);
  EXPECT_NE(public_proceeding.Try("info-web", Publish("website", "2026-11-03")), "");  // tomorrow
  public_proceeding.SetToday("2026-11-03");
  public_proceeding.Do("info-web", Publish("website", "2026-11-03"));
  EXPECT_EQ(public_proceeding.state().in_force_on, "2026-11-03");
  EXPECT_NE(public_proceeding.state().in_force_ground.find("public proceeding"), std::string::npos);
}

// ---- assignments ---------------------------------------------------------------------------

TEST(AssignmentTest, IssuedAcceptedReportedCompletedReviewed) {
  WorkflowBench bench;
  EXPECT_NE(bench.Try("apparatus-head", Issue("org-records", "2026-10-01")), "");  // past
  EXPECT_NE(bench.Try("org-head", Issue("sec-hr", "2026-11-20")), "");  // not under org-head
  bench.Do("org-head", Issue("org-records", "2026-11-20"));
  ExpectOnlyAllowed(bench,
                    {"accept", "raise_legality_doubt", "refuse_assignment", "extend_deadline"});
  EXPECT_NE(bench.Try("org-protocol", kAccept), "");
  bench.Do("org-records", kAccept);
  bench.Do("org-records", Progress());
  bench.Do("org-records", Complete());
  ExpectOnlyAllowed(bench, {"review"});
  EXPECT_NE(bench.Try("org-records", Review(true)), "");  // the issuer reviews
  bench.Do("org-head", Review(false));                    // back for more work
  EXPECT_EQ(bench.state().stage, Stage::kAccepted);
  bench.Do("org-records", Complete("შესწორებულია"));
  bench.Do("org-head", Review(true));
  EXPECT_EQ(bench.state().stage, Stage::kReviewed);
  EXPECT_EQ(bench.state().progress.size(), 1u);
}

TEST(AssignmentTest, ALegalityDoubtReachesTheIssuerAndTheirSuperiorAndARefusalIsRecorded) {
  WorkflowBench bench;
  bench.Do("apparatus-deputy", Issue("info-public", "2026-11-20"));  // the delegated line
  bench.Do("info-public", Doubt());
  const auto& notified = bench.last_event().at("data").at("notified").as_array();
  ASSERT_EQ(notified.size(), 2u);
  EXPECT_EQ(notified[0].as_string(), "apparatus-deputy");
  EXPECT_EQ(notified[1].as_string(), "apparatus-head");
  bench.Do("info-public", RefuseAssignment(schema::RefusalGround::OUTSIDE_JOB_DESCRIPTION));
  EXPECT_EQ(bench.state().stage, Stage::kRefusedByAssignee);
  EXPECT_EQ(bench.state().refusal_ground, "outside_job_description");
  ExpectOnlyAllowed(bench, {});
}

// ---- nomenclature --------------------------------------------------------------------------

TEST(NomenclatureTest, ApprovedPerYearAndClosedFilesGoToTheArchive) {
  WorkflowBench bench;
  bench.SetToday("2026-01-12");
  EXPECT_NE(bench.Try("org-records", Approve(2026, {{"01-01", "ბრძანებები"}})), "");   // power
  EXPECT_NE(bench.Try("chair", Approve(2026, {{"01-01", "ა"}, {"01-01", "ბ"}})), "");  // duplicate
  bench.Do("chair", Approve(2026, {{"01-01", "თავმჯდომარის ბრძანებები"}, {"01-07", "მიმოწერა"}}));
  EXPECT_EQ(bench.state().files.size(), 2u);
  EXPECT_NE(bench.Try("org-records", ArchiveFile("01-01")).find("after their year"),
            std::string::npos);
  bench.SetToday("2027-01-15");
  EXPECT_NE(bench.Try("org-records", ArchiveFile("09-09")), "");
  bench.Do("org-records", ArchiveFile("01-01"));
  EXPECT_TRUE(bench.state().files[0].archived);
  EXPECT_NE(bench.Try("org-records", ArchiveFile("01-01")), "");
}

// ---- acting powers -------------------------------------------------------------------------

TEST(ActingTest, TheDeputySignsForTheHeadOnlyDuringTheAssignment) {
  for (const char* day : {"2026-11-30", "2026-12-01", "2026-12-14", "2026-12-15"}) {
    SCOPED_TRACE(day);
    WorkflowBench bench;
    bench.SetToday("2026-11-26");
    bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "apparatus-head"));
    bench.Do("apparatus-head", Resolve("org-services"));
    bench.Do("org-services", kReceipt);
    bench.Do("org-services", DraftAnswer());
    bench.SetToday(day);
    const bool inside = std::string(day) >= "2026-12-01" && std::string(day) <= "2026-12-14";
    Refusal refusal;
    if (!inside) {  // the deputy may not; the head signs as ever
      EXPECT_NE(bench.Try("apparatus-deputy", kSign, &refusal), "");
      EXPECT_EQ(refusal.missing_power, "sign");
      EXPECT_EQ(bench.Try("apparatus-head", kSign), "");
      continue;
    }
    // The same day both ways: the absent head is refused, naming who acts and on what basis;
    // the deputy signs for the head.
    const std::string own = bench.Try("apparatus-head", kSign, &refusal);
    EXPECT_NE(own.find("apparatus-deputy"), std::string::npos) << own;
    EXPECT_NE(own.find("demonstration: leave"), std::string::npos) << own;
    EXPECT_EQ(refusal.missing_power, "sign");
    EXPECT_EQ(bench.Try("apparatus-deputy", kSign), "");
    EXPECT_EQ(bench.last_event().at("acting_for").as_string(), "apparatus-head");
    EXPECT_EQ(bench.last_event().at("actor").at("post").as_string(), "apparatus-deputy");
  }
}

// ---- rules found in review ---------------------------------------------------------------

TEST(IncomingTest, ADivisionHeadResolvesAndTheHeadOfTheApparatusSigns) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "info-head"));
  bench.Do("info-head", Resolve("info-press"));
  bench.Do("info-press", kReceipt);
  bench.Do("info-press", DraftAnswer());
  Refusal refusal;
  EXPECT_NE(bench.Try("info-head", kSign, &refusal), "");
  EXPECT_EQ(refusal.missing_power, "sign");
  bench.Do("apparatus-head", kSign);
  EXPECT_EQ(bench.state().signed_by, "apparatus-head");
}

TEST(ComplaintTest, TheDecisionIsSignedByWhoDecidedIt) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::COMPLAINT, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("sec-juridical"));
  bench.Do("sec-juridical", kReceipt);
  bench.Do("sec-juridical", DraftAnswer());
  bench.Do("chair", DecideAs(schema::Outcome::UPHELD));
  EXPECT_NE(bench.Try("apparatus-head", kSign), "");
  bench.Do("chair", kSign);
  EXPECT_EQ(bench.state().signed_by, "chair");
}

TEST(CorrespondenceTest, AResolutionMayNotLengthenTheLettersDeadline) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2026-11-16"));
  EXPECT_NE(bench.Try("chair", Resolve("info-analytics", "2030-01-01")).find("not extend"),
            std::string::npos);
  bench.Do("chair", Resolve("info-analytics", "2026-11-10"));
}

TEST(IncomingTest, FilingNeedsAYearFromRegistrationToNow) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2019, "01-07");
  bench.AddNomenclatureFile(2026, "01-07");
  bench.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head"));
  bench.Do("apparatus-head", Resolve("info-public"));
  bench.Do("info-public", kReceipt);
  EXPECT_NE(bench.Try("info-public", DraftAnswer()).find("release_information"), std::string::npos);
  bench.Do("info-public", Release(schema::InformationScope::FULL));
  EXPECT_NE(bench.Try("org-records",
                      [](C c) {
                        c.initFile().setNomenclatureCode("01-07");
                        c.getFile().setYear(2019);
                      }),
            "");
  bench.Do("org-records", FileInto("01-07"));
}

TEST(ApplicationTest, APassedDeadlineIsNotExtendedAndTheSuperiorMayExtend) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "info-head"));
  bench.Do("info-head", Resolve("info-analytics"));
  bench.Do("apparatus-head", Extend("2026-12-20"));  // the addressee's superior
  EXPECT_EQ(bench.state().due, "2026-12-20");

  WorkflowBench late;
  late.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  late.SetToday("2026-12-03");  // the due date 2026-12-02 has passed
  // That day the deputy acts for the head of the apparatus (the org file's demonstration leave).
  EXPECT_NE(late.Try("apparatus-deputy", Extend("2026-12-20")).find("already passed"),
            std::string::npos);
}

TEST(AssignmentTest, TheIssuerOrTheirSuperiorChangesTheDueDateAndADoubtIsRaisedOnce) {
  WorkflowBench bench;
  bench.Do("org-head", Issue("org-records", "2026-11-20"));
  EXPECT_NE(bench.Try("org-records", Extend("2026-11-27")), "");
  EXPECT_NE(bench.Try("org-head", Extend("2026-11-27", "")), "");
  bench.Do("apparatus-head", Extend("2026-11-27"));
  EXPECT_EQ(bench.state().due, "2026-11-27");
  bench.Do("org-records", Doubt());
  EXPECT_NE(bench.Try("org-records", Doubt()).find("already raised"), std::string::npos);
}

TEST(ZugdidiWorkflowTest, TheFirstDeputyDecidesAComplaintForTheAbsentMayor) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.SetToday("2026-12-07");
  bench.Do("records-clerk", Register(schema::IncomingKind::COMPLAINT, "mayor"));
  bench.Do("first-deputy-mayor", Resolve("adm-legal-head"));
  EXPECT_EQ(bench.last_event().at("acting_for").as_string(), "mayor");
  bench.Do("adm-legal-head", kReceipt);
  bench.Do("adm-legal-head", DraftAnswer());
  bench.Do("first-deputy-mayor", DecideAs(schema::Outcome::AMENDED));
  bench.Do("first-deputy-mayor", kSign);
  bench.SetToday("2026-12-14");  // the mayor is back
  bench.Do("records-clerk", Dispatch("email"));
  EXPECT_EQ(bench.state().signed_by, "mayor");
}

TEST(DeadlineTableTest, AMissingRuleIsRefusedAtLoad) {
  auto table = DeadlineTable::Parse("application\tmonths:1\tGAC\tზაკ\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("is missing"), std::string::npos);
}

// ---- replay determinism --------------------------------------------------------------------

CaseState Replay(const std::vector<std::vector<capnp::word>>& events) {
  CaseState state;
  for (const auto& words : events) {
    capnp::FlatArrayMessageReader reader(kj::arrayPtr(words.data(), words.size()));
    Evolve(state, reader.getRoot<schema::Event>());
  }
  return state;
}

TEST(ReplayTest, RandomValidCommandSequencesReplayToTheSameState) {
  const std::vector<std::pair<std::string, Fill>> openings = {
      {"org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair")},
      {"org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head")},
      {"org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head")},
      {"org-records", Register(schema::IncomingKind::COMPLAINT, "chair")},
      {"sec-legal", DraftAct(schema::ActType::ORDER, "apparatus-head")},
      {"sec-legal", DraftAct(schema::ActType::ORDINANCE, "chair")},
      {"org-head", Issue("org-records", "2026-12-20")},
      {"chair", Approve(2026, {{"01-07", "მიმოწერა"}})},
      {"info-analytics", DraftLetter()},
  };
  const std::vector<std::string> actors = {"org-records",      "chair",          "apparatus-head",
                                           "apparatus-deputy", "info-analytics", "info-head",
                                           "info-public",      "info-web",       "sec-legal",
                                           "sec-juridical",    "org-head",       "org-services"};
  auto catalogue = Catalogue();
  catalogue.push_back({"decide", DecideAs(schema::Outcome::REFUSED)});
  catalogue.push_back({"decide", DecideAs(schema::Outcome::UPHELD)});
  catalogue.push_back({"resolve", Resolve("org-services")});
  catalogue.push_back({"review", Review(false)});
  std::mt19937 random(20261122);
  int steps_total = 0;
  for (int round = 0; round < 60; ++round) {
    WorkflowBench bench;
    bench.AddNomenclatureFile(2026, "01-07");
    const auto& [opener, open] = openings[round % openings.size()];
    bench.Do(opener, open);
    for (int step = 0; step < 25; ++step) {
      std::vector<std::pair<std::string, const Fill*>> possible;
      for (const auto& actor : actors) {
        for (const auto& [name, fill] : catalogue) {
          if (bench.Accepts(actor, fill)) possible.push_back({actor, &fill});
        }
      }
      if (possible.empty()) break;
      const auto& [actor, fill] = possible[random() % possible.size()];
      bench.Do(actor, *fill);
      bench.SetToday(bench.today().AddDays(random() % 3).ToString().c_str());
      ++steps_total;
    }
    const CaseState replayed = Replay(bench.events());
    EXPECT_EQ(replayed, bench.state()) << "round " << round;
    EXPECT_EQ(Replay(bench.events()), replayed);  // and again: the same
  }
  EXPECT_GT(steps_total, 200);
}

// ---- registers: certificates, business trips, memos ---------------------------------------

namespace registers_test {

// The message of the refusal of `fill` by `post`, "" when accepted (then applied).
std::string RefusalOf(WorkflowBench& bench, const char* post, const Fill& fill) {
  return bench.Try(post, fill);
}

TEST(CertificateRegisterTest, EnteredByTheRecordsOfficeFinalAndRefusingBadData) {
  WorkflowBench bench;
  ExpectOnlyAllowed(bench, {});
  // Zugdidi art. 7.2: the register is kept by the authorised person — the records office.
  Refusal refusal;
  bench.Try("info-analytics", Certificate(), &refusal);
  EXPECT_TRUE(refusal.forbidden());
  EXPECT_NE(RefusalOf(bench, "org-records", Certificate("birth")).find("certifies"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Certificate("residence", "no-such-post"))
                .find("no post 'no-such-post'"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Certificate("residence", "org-records", "  "))
                .find("issued_to is required"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records",
                      Certificate("residence", "org-records", "ნინო ბერიძე", "", ""))
                .find("retained_copy is required"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records",
                      Certificate("residence", "org-records", "ნინო ბერიძე", "2026-11-03"))
                .find("future"),
            std::string::npos);
  EXPECT_EQ(bench.state().kind, Kind::kNone);  // nothing was applied

  bench.Do("org-records",
           Certificate("goods_origin", "org-head", "შპს „ლეჩხუმის თაფლი“", "2026-10-30"));
  EXPECT_EQ(bench.state().kind, Kind::kCertificate);
  EXPECT_EQ(bench.state().stage, Stage::kEntered);
  EXPECT_EQ(bench.state().registration_number, "certificates/2026/1");
  EXPECT_EQ(bench.state().certifies, "goods_origin");
  EXPECT_EQ(bench.state().issued_to, "შპს „ლეჩხუმის თაფლი“");
  EXPECT_EQ(bench.state().issuer, "org-head");
  EXPECT_EQ(bench.state().issued_on, "2026-10-30");
  EXPECT_EQ(bench.state().retained_copy, "ასლი საქმეში 01-16, ფურცელი 3");
  // The issuing post takes part in the case (it reads it).
  EXPECT_TRUE(std::binary_search(bench.state().participants.begin(),
                                 bench.state().participants.end(), std::string("org-head")));
  // An entry of the register is only corrected or cancelled (register_corrections_test.cc).
  ExpectOnlyAllowed(bench, {"correct_certificate", "cancel_certificate"});
  EXPECT_NE(RefusalOf(bench, "org-records", TakeNote()).find("does not apply to a certificate"),
            std::string::npos);
}

TEST(BusinessTripJournalTest, EnteredWithItsDatesAndTheOrderThatSendsIt) {
  WorkflowBench bench;
  bench.AddLegalAct("act-order", ActFacts{"in_force", "2026-10-20", "order", "17", ""});
  bench.AddLegalAct("act-ordinance", ActFacts{"in_force", "2026-10-20", "ordinance", "4", ""});
  Refusal refusal;
  bench.Try("sec-hr", Trip("sec-legal", "2026-11-10", "2026-11-12"), &refusal);
  EXPECT_TRUE(refusal.forbidden());
  EXPECT_NE(RefusalOf(bench, "org-records", Trip("sec-legal", "2026-11-12", "2026-11-10"))
                .find("ends (to) before it starts (from)"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Trip("nobody", "2026-11-10", "2026-11-12"))
                .find("no post 'nobody'"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Trip("sec-legal", "2026-11-10", "2026-11-12", "", " "))
                .find("destination is required"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Trip("sec-legal", "2026-11-10", "12.11.2026")), "");
  EXPECT_NE(RefusalOf(bench, "org-records",
                      Trip("sec-legal", "2026-11-10", "2026-11-12", "act-ordinance"))
                .find("no order 'act-ordinance'"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "org-records", Trip("sec-legal", "2026-11-10", "2026-11-12", "x"))
                .find("no order 'x'"),
            std::string::npos);
  EXPECT_EQ(bench.state().kind, Kind::kNone);

  // A one-day trip (to == from) is a trip.
  bench.Do("org-records", Trip("sec-legal", "2026-11-10", "2026-11-10", "act-order"));
  EXPECT_EQ(bench.state().kind, Kind::kBusinessTrip);
  EXPECT_EQ(bench.state().stage, Stage::kEntered);
  EXPECT_EQ(bench.state().registration_number, "business_trips/2026/1");
  EXPECT_EQ(bench.state().employee, "sec-legal");
  EXPECT_EQ(bench.state().trip_from, "2026-11-10");
  EXPECT_EQ(bench.state().trip_to, "2026-11-10");
  EXPECT_EQ(bench.state().basis, "act-order");
  EXPECT_EQ(bench.state().basis_number, "17");
  ExpectOnlyAllowed(bench, {"correct_business_trip", "cancel_business_trip"});
}

TEST(MemoTest, SubmittedToAHeadAboveNumberedInTheInternalJournalAndTakenNoteOf) {
  WorkflowBench bench;
  // Zugdidi art. 17.2(d): to the superior official — not sideways, not down, not unknown.
  EXPECT_NE(RefusalOf(bench, "sec-legal", Memo("info-head")).find("is not above sec-legal"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "sec-head", Memo("sec-legal")).find("is not above"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "sec-legal", Memo("nobody")).find("no post 'nobody'"),
            std::string::npos);
  EXPECT_NE(RefusalOf(bench, "sec-legal", Memo("sec-head", "")).find("subject is required"),
            std::string::npos);
  EXPECT_NE(
      RefusalOf(bench, "sec-legal", Memo("sec-head", "საკითხი", "\t")).find("text is required"),
      std::string::npos);
  EXPECT_EQ(bench.state().kind, Kind::kNone);

  bench.Do("sec-legal", Memo("sec-head"));
  EXPECT_EQ(bench.state().kind, Kind::kMemo);
  EXPECT_EQ(bench.state().stage, Stage::kSubmitted);
  EXPECT_EQ(bench.state().registration_number, "internal/2026/1");
  EXPECT_EQ(bench.state().author, "sec-legal");
  EXPECT_EQ(bench.state().addressee, "sec-head");
  // The addressee's inbox asks it to take note; nothing else applies to a memo.
  EXPECT_EQ(ExpectedSteps(bench.state(), bench.org()),
            (std::vector<ExpectedStep>{{"sec-head", "take_note"}}));
  ExpectOnlyAllowed(bench, {"take_note"});
  EXPECT_NE(RefusalOf(bench, "sec-legal", TakeNote()).find("only the addressee (sec-head)"),
            std::string::npos);
  bench.Do("sec-head", TakeNote("გასაგებია"));
  EXPECT_EQ(bench.state().stage, Stage::kNoted);
  ExpectOnlyAllowed(bench, {});
  EXPECT_NE(RefusalOf(bench, "sec-head", TakeNote()).find("not possible while the memo is 'noted'"),
            std::string::npos);
}

// A memo to a head two levels up (the head of the apparatus) is a memo to a superior too.
TEST(MemoTest, GoesUpTheWholeSupervisionLine) {
  WorkflowBench bench;
  bench.Do("sec-junior-1", Memo("apparatus-head"));
  EXPECT_EQ(bench.state().addressee, "apparatus-head");
}

}  // namespace registers_test

}  // namespace
}  // namespace saqme::workflows
