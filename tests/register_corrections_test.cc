// Corrections of register entries (workflows/registers/corrections.cc): a certificate's or a
// business trip's entry corrected by the records office with the reason, each field before and
// after, under the same number; cancelled with its number kept; in each state every other
// command refused for the state's reason.
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "tests/workflow_states.h"

namespace saqme::workflows {
namespace {

using saqme::testing::ExpectOnlyAllowed;
using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;

// The change of `field` in the last event (entry_corrected), as "before -> after"; "" if none.
std::string ChangeOf(const WorkflowBench& bench, const char* field) {
  for (const auto& change : bench.last_event().at("data").at("changes").as_array()) {
    if (change.at("field") == field) {
      return std::string(change.at("before").as_string()) + " -> " +
             std::string(change.at("after").as_string());
    }
  }
  return "";
}

TEST(RegisterCorrectionsTest, ACertificateIsCorrectedUnderItsNumberThenCancelledKeepingIt) {
  WorkflowBench bench;
  bench.Do("org-records", Certificate("residence", "org-head", "ნინო ბერიძე", "2026-10-30"));
  const std::string number = bench.state().registration_number;

  // Who may: the records office (the power `register`), not the issuing post or an executor.
  Refusal refusal;
  bench.Try("org-head", CorrectCertificate("ნინო ბერიძე-კაპანაძე"), &refusal);
  EXPECT_TRUE(refusal.forbidden());
  bench.Try("info-analytics", CancelCertificate(), &refusal);
  EXPECT_TRUE(refusal.forbidden());
  // Bad data: nothing changed, no reason, a blank field, a date in the future or none.
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("ნინო ბერიძე")).find("nothing to correct"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("")).find("nothing to correct"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("ნინო ბერიძე-კაპანაძე", "", " "), &refusal)
                .find("needs its reason"),
            std::string::npos);
  EXPECT_EQ(refusal.message_ka, "მიუთითეთ შესწორების მიზეზი");
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("  ")).find("issued_to is required"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("", "2026-11-03")).find("future"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("", "30.10.2026")), "");
  EXPECT_NE(bench.Try("org-records", CancelCertificate("")).find("needs its reason"),
            std::string::npos);
  EXPECT_EQ(bench.state().issued_to, "ნინო ბერიძე");  // nothing was applied

  bench.Do("org-records", CorrectCertificate("ნინო ბერიძე-კაპანაძე", "2026-10-29", "გვარი", "",
                                             "ასლი საქმეში 01-16, ფურცელი 4"));
  EXPECT_EQ(bench.last_event().at("type"), "entry_corrected");
  EXPECT_EQ(ChangeOf(bench, "issued_to"), "ნინო ბერიძე -> ნინო ბერიძე-კაპანაძე");
  EXPECT_EQ(ChangeOf(bench, "issued_on"), "2026-10-30 -> 2026-10-29");
  EXPECT_EQ(ChangeOf(bench, "retained_copy"),
            "ასლი საქმეში 01-16, ფურცელი 3 -> ასლი საქმეში 01-16, ფურცელი 4");
  EXPECT_EQ(ChangeOf(bench, "content"), "");  // not given: unchanged
  EXPECT_EQ(bench.last_event().at("data").at("reason"), "გვარი");
  EXPECT_EQ(bench.state().issued_to, "ნინო ბერიძე-კაპანაძე");
  EXPECT_EQ(bench.state().issued_on, "2026-10-29");
  EXPECT_EQ(bench.state().registration_number, number);  // never renumbered
  EXPECT_EQ(bench.state().stage, Stage::kEntered);
  ExpectOnlyAllowed(bench, {"correct_certificate", "cancel_certificate"});
  // A trip's commands do not apply to a certificate.
  EXPECT_NE(bench.Try("org-records", CancelTrip()).find("does not apply to a certificate"),
            std::string::npos);

  bench.Do("org-records", CancelCertificate("ცნობა შეცდომით გაიცა სხვა პირზე"));
  EXPECT_EQ(bench.last_event().at("type"), "entry_cancelled");
  EXPECT_EQ(bench.last_event().at("data").at("number").as_string(), number);
  EXPECT_EQ(bench.state().stage, Stage::kCancelled);
  EXPECT_EQ(bench.state().void_reason, "ცნობა შეცდომით გაიცა სხვა პირზე");
  EXPECT_EQ(bench.state().void_on, "2026-11-02");
  EXPECT_EQ(bench.state().registration_number, number);
  ExpectOnlyAllowed(bench, {});
  EXPECT_NE(bench.Try("org-records", CorrectCertificate("სხვა"), &refusal)
                .find("not possible while the certificate is 'cancelled'"),
            std::string::npos);
  EXPECT_NE(refusal.message_ka.find("გაუქმებული"), std::string::npos);
}

TEST(RegisterCorrectionsTest, ATripsDatesAndDestinationAreCorrectedOrTheTripCancelled) {
  WorkflowBench bench;
  bench.Do("org-records", Trip("sec-legal", "2026-11-10", "2026-11-12"));
  const std::string number = bench.state().registration_number;
  Refusal refusal;
  bench.Try("sec-legal", CorrectTrip("2026-11-11", "2026-11-13"), &refusal);
  EXPECT_TRUE(refusal.forbidden());
  // The corrected trip must still end on or after its start, whichever date is given.
  EXPECT_NE(bench.Try("org-records", CorrectTrip("2026-11-13", "")).find("ends (to 2026-11-12)"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectTrip("", "2026-11-09")).find("before it starts"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectTrip("2026-11-10", "2026-11-12")).find("nothing"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectTrip("", "", "\t")).find("destination is required"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", CorrectTrip("", "13.11.2026")), "");
  EXPECT_NE(
      bench.Try("org-records", CorrectTrip("2026-11-11", "2026-11-13", "", "")).find("reason"),
      std::string::npos);
  EXPECT_EQ(bench.state().trip_from, "2026-11-10");

  bench.Do("org-records", CorrectTrip("2026-11-17", "2026-11-19", "ქუთაისი"));
  EXPECT_EQ(ChangeOf(bench, "from"), "2026-11-10 -> 2026-11-17");
  EXPECT_EQ(ChangeOf(bench, "to"), "2026-11-12 -> 2026-11-19");
  EXPECT_EQ(ChangeOf(bench, "destination"), "თბილისი -> ქუთაისი");
  EXPECT_EQ(bench.state().trip_from, "2026-11-17");
  EXPECT_EQ(bench.state().trip_to, "2026-11-19");
  EXPECT_EQ(bench.state().destination, "ქუთაისი");
  EXPECT_EQ(bench.state().registration_number, number);
  ExpectOnlyAllowed(bench, {"correct_business_trip", "cancel_business_trip"});
  EXPECT_NE(bench.Try("org-records", CancelCertificate()).find("does not apply to a business_trip"),
            std::string::npos);

  bench.Do("org-records", CancelTrip());
  EXPECT_EQ(bench.state().stage, Stage::kCancelled);
  EXPECT_EQ(bench.state().void_reason, "მივლინება არ შედგა");
  ExpectOnlyAllowed(bench, {});
  EXPECT_NE(bench.Try("org-records", CancelTrip()).find("not possible while the business_trip"),
            std::string::npos);
}

}  // namespace
}  // namespace saqme::workflows
