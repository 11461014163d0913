// The rules the projection asks of workflows/ (docs/architecture.md "Where the rules live"):
// how a closed deadline counts in the control view, and the registers' numbering.
#include <gtest/gtest.h>

#include "workflows/case_state.h"
#include "workflows/control_register.h"
#include "workflows/deadline_closing.h"
#include "workflows/journal_numbering.h"

namespace saqme::workflows {
namespace {

// A letter whose deadline was 2026-03-10, now at `stage`.
CaseState LetterAt(Stage stage) {
  CaseState s;
  s.case_id = "c-1";
  s.kind = Kind::kCorrespondence;
  s.stage = stage;
  s.due = "2026-03-10";
  s.lead_executor = "specialist";
  return s;
}

const OpenDeadline kRan{"2026-03-10", "specialist"};

TEST(DeadlineClosingTest, AnsweredOnTheDueDateIsOnTimeAndTheDayAfterLate) {
  const CaseState answered = LetterAt(Stage::kAnswered);
  EXPECT_EQ(ClosingOf(kRan, answered, "2026-03-09"), DeadlineClosing::kOnTime);
  EXPECT_EQ(ClosingOf(kRan, answered, "2026-03-10"), DeadlineClosing::kOnTime);
  EXPECT_EQ(ClosingOf(kRan, answered, "2026-03-11"), DeadlineClosing::kLate);
  EXPECT_STREQ(ClosingCountName(DeadlineClosing::kOnTime), "answered_on_time");
  EXPECT_STREQ(ClosingCountName(DeadlineClosing::kLate), "answered_late");
}

TEST(DeadlineClosingTest, InTimeIsOnOrBeforeTheDueDate) {
  EXPECT_TRUE(InTime("2026-03-10", "2026-03-10"));
  EXPECT_FALSE(InTime("2026-03-11", "2026-03-10"));
  EXPECT_TRUE(InTime("2026-12-31", ""));  // no due date: nothing to be late for
  // The control list's standing says the same of an answered document.
  const Date today = *Date::Parse("2026-04-01");
  EXPECT_EQ(StandingOf("2026-03-10", "2026-03-10", today), ControlStanding::kOnTime);
  EXPECT_EQ(StandingOf("2026-03-10", "2026-03-11", today), ControlStanding::kLate);
}

TEST(DeadlineClosingTest, NotedCountsApartAndAVoidRegistrationNotAtAll) {
  EXPECT_EQ(ClosingOf(kRan, LetterAt(Stage::kNoted), "2026-03-20"), DeadlineClosing::kNoted);
  EXPECT_STREQ(ClosingCountName(DeadlineClosing::kNoted), "noted");
  EXPECT_EQ(ClosingOf(kRan, LetterAt(Stage::kVoid), "2026-03-01"), DeadlineClosing::kNone);
}

TEST(DeadlineClosingTest, NothingWhenNoDeadlineRanOrOneStillRuns) {
  EXPECT_EQ(ClosingOf(OpenDeadline{}, LetterAt(Stage::kAnswered), "2026-03-01"),
            DeadlineClosing::kNone);
  // Still in execution: the deadline runs on, nothing closed.
  EXPECT_EQ(ClosingOf(kRan, LetterAt(Stage::kInExecution), "2026-03-01"), DeadlineClosing::kNone);
}

TEST(JournalNumberingTest, ActsJournalPerType) {
  EXPECT_EQ(journals::ActsJournal("order"), "acts-order");
  EXPECT_EQ(journals::ActsJournal("resolution"), "acts-resolution");
}

TEST(JournalNumberingTest, GivenNumberOnlyWhenTheWholeTextIsOne) {
  EXPECT_EQ(journals::GivenNumber("17"), 17u);
  EXPECT_EQ(journals::GivenNumber(""), 0u);
  EXPECT_EQ(journals::GivenNumber("17a"), 0u);
  EXPECT_EQ(journals::GivenNumber("incoming/2026/17"), 0u);
  EXPECT_EQ(journals::GivenNumber("-3"), 0u);
}

TEST(JournalNumberingTest, NextNumberStartsAtOneWithoutGaps) {
  EXPECT_EQ(journals::NextNumber(0), 1u);
  EXPECT_EQ(journals::NextNumber(41), 42u);
}

}  // namespace
}  // namespace saqme::workflows
