// The org case's rules (workflows/org/org_changes.h): acting officers and appointments as
// commands, and the absent holder's powers while someone acts for the post.
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "tests/workflow_harness.h"
#include "workflows/org/org_changes.h"

namespace saqme::testing {
namespace {

using namespace saqme::testing::commands;
using workflows::Refusal;

Fill SetActing(const char* absent, const char* acting, const char* from, const char* to,
               const char* basis = "საკრებულოს თავმჯდომარის განკარგულება №12") {
  return [=](C c) {
    auto r = c.initSetActing();
    r.setAbsentPost(absent);
    r.setActingPost(acting);
    r.setFrom(from);
    r.setTo(to);
    r.setBasis(basis);
  };
}

Fill EndActing(const char* absent, const char* last_day = "") {
  return [=](C c) {
    auto r = c.initEndActing();
    r.setAbsentPost(absent);
    r.setLastDay(last_day);
    r.setReason("returned from leave");
  };
}

Fill Appoint(const char* post, const char* person, const char* from) {
  return [=](C c) {
    auto r = c.initAppoint();
    r.setPost(post);
    r.setPerson(person);
    r.setFrom(from);
    r.setBasis("ბრძანება №7-კ");
  };
}

// The org case on a bench whose chart follows its events, as the engine's does.
class OrgBench {
 public:
  explicit OrgBench(const workflows::OrgChart& org = workflows::OrgChart::Ozurgeti())
      : bench_(org) {
    bench_.SetToday("2026-11-16");
  }
  WorkflowBench& bench() { return bench_; }
  std::string Try(const std::string& post, const Fill& fill, Refusal* refusal = nullptr) {
    const size_t before = bench_.events().size();
    std::string refused = bench_.Try(post, fill, refusal);
    for (size_t i = before; i < bench_.events().size(); ++i) {
      kj::ArrayPtr<const capnp::word> words(bench_.events()[i].data(), bench_.events()[i].size());
      capnp::FlatArrayMessageReader reader(words);
      EXPECT_TRUE(workflows::org::EvolveChart(bench_.org(), reader.getRoot<schema::Event>()).ok());
    }
    return refused;
  }
  void Do(const std::string& post, const Fill& fill) { ASSERT_EQ(Try(post, fill), ""); }

 private:
  WorkflowBench bench_;
};

// A letter to info-head, registered on 2026-11-16, waiting for its resolution.
WorkflowBench LetterOn(const workflows::OrgChart& org, const char* today) {
  WorkflowBench letter(org);
  letter.SetToday("2026-11-16");
  letter.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "info-head"));
  letter.SetToday(today);
  return letter;
}

TEST(OrgChangesTest, TheChairNamesAnActingOfficerAndTheAbsentHolderMayNotResolveThatDay) {
  OrgBench org;
  org.Do("chair", SetActing("info-head", "info-analytics", "2026-11-18", "2026-11-20"));
  const auto& event = org.bench().last_event();
  EXPECT_EQ(event.at("type").as_string(), "acting_set");
  EXPECT_EQ(org.bench().state().kind, workflows::Kind::kOrganisation);
  ASSERT_TRUE(org.bench().org().ActingFor("info-head", *Date::Parse("2026-11-19")));

  // On the same day: the acting post resolves, the absent holder is refused naming who acts.
  WorkflowBench absent = LetterOn(org.bench().org(), "2026-11-19");
  Refusal refusal;
  const std::string refused = absent.Try("info-head", Resolve("info-press"), &refusal);
  EXPECT_NE(refused.find("info-analytics"), std::string::npos) << refused;
  EXPECT_NE(refused.find("№12"), std::string::npos) << refused;  // the basis
  EXPECT_NE(refusal.message_ka.find("info-analytics"), std::string::npos);
  EXPECT_TRUE(refusal.forbidden());
  WorkflowBench acting = LetterOn(org.bench().org(), "2026-11-19");
  acting.Do("info-analytics", Resolve("info-press"));
  EXPECT_EQ(acting.last_event().at("acting_for").as_string(), "info-head");

  // Before the assignment starts, the holder resolves as ever, and the acting post may not.
  WorkflowBench before = LetterOn(org.bench().org(), "2026-11-17");
  EXPECT_NE(before.Try("info-analytics", Resolve("info-press")), "");
  before.Do("info-head", Resolve("info-press"));
}

TEST(OrgChangesTest, EndingAnAssignmentGivesThePostBackToItsHolder) {
  OrgBench org;
  org.Do("chair", SetActing("info-head", "info-analytics", "2026-11-16", "2026-11-30"));
  org.bench().SetToday("2026-11-18");
  EXPECT_NE(org.Try("chair", EndActing("info-head", "2026-11-16")).find("past"),
            std::string::npos);                           // earlier than yesterday
  org.Do("chair", EndActing("info-head", "2026-11-17"));  // back today
  EXPECT_EQ(org.bench().last_event().at("data").at("acting_post").as_string(), "info-analytics");
  EXPECT_FALSE(org.bench().org().ActingFor("info-head", *Date::Parse("2026-11-18")));
  EXPECT_TRUE(org.bench().org().ActingFor("info-head", *Date::Parse("2026-11-17")));
  // Nothing runs any more: nothing to end.
  EXPECT_NE(org.Try("chair", EndActing("info-head")).find("nothing to end"), std::string::npos);
  EXPECT_NE(org.Try("chair", EndActing("info-head", "2026-11-17")).find("nothing to end"),
            std::string::npos);

  WorkflowBench back = LetterOn(org.bench().org(), "2026-11-18");
  back.Do("info-head", Resolve("info-press"));
  EXPECT_EQ(back.last_event().at("acting_for").as_string(), "");
}

TEST(OrgChangesTest, RefusedWhenTheDataOrTheAuthorityIsWrong) {
  OrgBench org;
  Refusal refusal;
  EXPECT_NE(org.Try("apparatus-head",
                    SetActing("info-head", "info-analytics", "2026-11-18", "2026-11-20"), &refusal),
            "");
  EXPECT_EQ(refusal.missing_power, "appoint");
  EXPECT_NE(org.Try("chair", SetActing("nobody", "info-analytics", "2026-11-18", "2026-11-20"))
                .find("nobody"),
            std::string::npos);
  EXPECT_NE(org.Try("chair", SetActing("info-head", "info-head", "2026-11-18", "2026-11-20"))
                .find("itself"),
            std::string::npos);
  EXPECT_NE(org.Try("chair", SetActing("info-head", "info-analytics", "2026-11-20", "2026-11-18"))
                .find("before from"),
            std::string::npos);
  EXPECT_NE(org.Try("chair", SetActing("info-head", "info-analytics", "2026-11-13", "2026-11-20"))
                .find("past"),
            std::string::npos);
  EXPECT_NE(
      org.Try("chair", SetActing("info-head", "info-analytics", "2026-11-18", "2026-11-20", ""))
          .find("basis"),
      std::string::npos);
  org.Do("chair", SetActing("info-head", "info-analytics", "2026-11-18", "2026-11-20"));
  EXPECT_NE(org.Try("chair", SetActing("info-head", "info-press", "2026-11-20", "2026-11-25"))
                .find("already acts"),
            std::string::npos);
  // The acting officer named for someone else while away themselves.
  EXPECT_NE(org.Try("chair", SetActing("info-public", "info-head", "2026-11-19", "2026-11-19"))
                .find("absent"),
            std::string::npos);
  // While the chair is away, the post acting for it names acting officers (its power).
  org.Do("chair", SetActing("chair", "apparatus-head", "2026-11-16", "2026-11-17"));
  EXPECT_NE(org.Try("chair", SetActing("info-public", "info-press", "2026-11-23", "2026-11-24"),
                    &refusal),
            "");
  EXPECT_NE(refusal.message_en.find("apparatus-head"), std::string::npos);
  org.Do("apparatus-head", SetActing("info-public", "info-press", "2026-11-23", "2026-11-24"));
  EXPECT_EQ(org.bench().last_event().at("acting_for").as_string(), "chair");
}

TEST(OrgChangesTest, AnAppointmentChangesTheHolderFromItsDate) {
  OrgBench org;
  const std::string before = org.bench().org().FindPost("info-head")->holder;
  EXPECT_NE(org.Try("chair", Appoint("info-head", "ნინო კაპანაძე", "2026-11-15")).find("past"),
            std::string::npos);
  EXPECT_NE(org.Try("chair", Appoint("info-head", before.c_str(), "2026-11-20")).find("already"),
            std::string::npos);
  org.Do("chair", Appoint("info-head", "ნინო კაპანაძე", "2026-11-20"));
  EXPECT_EQ(org.bench().last_event().at("type").as_string(), "post_appointed");
  EXPECT_EQ(org.bench().org().HolderOn("info-head", *Date::Parse("2026-11-19")), before);
  EXPECT_EQ(org.bench().org().HolderOn("info-head", *Date::Parse("2026-11-20")), "ნინო კაპანაძე");
  org.Do("chair", Appoint("info-head", "", "2026-12-01"));  // the post falls vacant
  EXPECT_EQ(org.bench().org().HolderOn("info-head", *Date::Parse("2026-12-02")), "");
  EXPECT_NE(org.Try("info-head", Appoint("info-press", "ვინმე", "2026-11-20")), "");
}

TEST(OrgChangesTest, TheMayorAppointsInZugdidiAndTheAdoptedChartReplacesTheBase) {
  OrgBench org(workflows::OrgChart::Zugdidi());
  org.Do("mayor", SetActing("mayor", "first-deputy-mayor", "2026-11-16", "2026-11-20",
                            "მერის ბრძანება №45"));
  EXPECT_EQ(org.bench().org().ExercisedBy("mayor", *Date::Parse("2026-11-18")),
            "first-deputy-mayor");

  // An adoption event replaces whatever chart there was with the recorded one.
  workflows::OrgChart chart = workflows::OrgChart::Ozurgeti();
  auto draft =
      workflows::org::Adoption(workflows::OrgChart::Zugdidi(), "built-in Zugdidi", "system", 0);
  ASSERT_TRUE(workflows::org::EvolveChart(chart, draft.event().asReader()).ok());
  EXPECT_EQ(chart.head_post(), "mayor");
  EXPECT_EQ(chart.source_json(), workflows::OrgChart::Zugdidi().source_json());
}

}  // namespace
}  // namespace saqme::testing
