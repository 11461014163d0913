// Every text a person reads exists in Georgian and English: refusals carry no English state codes,
// command names or field names inside their Georgian sentences; deadline explanations are computed
// in both languages; a body cites its own statute (org file "sources"), never another body's.
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "tests/workflow_commands.h"
#include "workflows/calendar/deadline.h"
#include "workflows/deadline_table.h"
#include "workflows/deadline_watch.h"
#include "workflows/org/legal_sources.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using Fill = WorkflowBench::Fill;
using C = schema::Command::Builder;
using namespace saqme::testing::commands;

// The Latin words of `text` that are not data: post ids of the chart and the command's own data
// (case ids, codes) are data; anything else (a state code, a command or field name) is English.
std::set<std::string> LatinWords(const std::string& text, const OrgChart& org,
                                 const std::set<std::string>& data) {
  std::set<std::string> out;
  static const std::regex word("[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    const std::string w = it->str();
    if (org.FindPost(w) || data.count(w)) continue;
    out.insert(w);
  }
  return out;
}

// Tries every command of the catalogue as each of `posts` and checks every refusal's Georgian.
int ExpectGeorgianRefusals(WorkflowBench& bench, const std::vector<std::string>& posts,
                           const std::set<std::string>& data = {}) {
  int refusals = 0;
  for (const auto& [type, fill] : Catalogue()) {
    for (const auto& post : posts) {
      WorkflowBench copy = bench;  // refusals write nothing, but an accepted command would
      Refusal refusal;
      if (copy.Try(post, fill, &refusal).empty()) continue;
      ++refusals;
      EXPECT_TRUE(LatinWords(refusal.message_ka, bench.org(), data).empty())
          << type << " as " << post << ": " << refusal.message_ka;
    }
  }
  return refusals;
}

TEST(LanguageTest, RefusalsOfEveryCommandInEveryStageAreGeorgianInGeorgian) {
  const std::vector<std::string> posts = {"chair", "org-records", "info-analytics", "info-press"};
  const std::set<std::string> data = {"act-2"};  // the catalogue's by_act
  int refusals = 0;
  WorkflowBench bench;
  refusals += ExpectGeorgianRefusals(bench, posts, data);  // a case that does not exist yet
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  refusals += ExpectGeorgianRefusals(bench, posts, data);
  bench.Do("chair", Resolve("info-analytics"));
  refusals += ExpectGeorgianRefusals(bench, posts, data);
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", DraftAnswer());
  refusals += ExpectGeorgianRefusals(bench, posts, data);

  WorkflowBench info;
  info.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "chair"));
  info.Do("chair", Resolve("info-analytics"));
  info.Do("info-analytics", kReceipt);
  refusals += ExpectGeorgianRefusals(info, posts, data);

  WorkflowBench act;
  act.Do("apparatus-head", DraftAct(schema::ActType::ORDER, "chair"));
  refusals += ExpectGeorgianRefusals(act, posts, data);

  WorkflowBench assignment;
  assignment.Do("chair", Issue("info-analytics", "2026-11-20"));
  refusals += ExpectGeorgianRefusals(assignment, posts, data);
  EXPECT_GT(refusals, 100);
}

TEST(LanguageTest, BadDataIsRefusedWithTheFieldAndTheChoicesNamedInGeorgian) {
  WorkflowBench bench;
  Refusal refusal;
  EXPECT_NE(bench.Try(
                "org-records",
                [](C c) {
                  Register(schema::IncomingKind::CORRESPONDENCE, "chair")(c);
                  c.getRegisterIncoming().setReceivedOn("2 November");
                },
                &refusal),
            "");
  EXPECT_NE(refusal.message_ka.find("„მიღების თარიღი“"), std::string::npos) << refusal.message_ka;
  EXPECT_NE(
      bench.Try("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "nobody"), &refusal),
      "");
  EXPECT_NE(refusal.message_ka.find("„ადრესატი“"), std::string::npos) << refusal.message_ka;
  EXPECT_TRUE(LatinWords(refusal.message_ka, bench.org(), {"nobody"}).empty())
      << refusal.message_ka;

  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  bench.Do("chair", Resolve("info-analytics"));
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", DraftAnswer());
  bench.Do("chair", kSign);
  EXPECT_NE(bench.Try("org-records", Dispatch("pigeon"), &refusal), "");
  EXPECT_NE(refusal.message_ka.find("ფოსტა, ელექტრონული ფოსტა"), std::string::npos)
      << refusal.message_ka;
  EXPECT_TRUE(LatinWords(refusal.message_ka, bench.org(), {"pigeon"}).empty())
      << refusal.message_ka;

  // The state refusal names the command and the stage in Georgian.
  EXPECT_NE(bench.Try("chair", Resolve("info-analytics"), &refusal), "");
  EXPECT_NE(refusal.message_ka.find("„რეზოლუციის დადება“"), std::string::npos);
  EXPECT_NE(refusal.message_ka.find("„ხელმოწერილი“"), std::string::npos) << refusal.message_ka;
  EXPECT_NE(refusal.message_en.find("'signed'"), std::string::npos) << refusal.message_en;
}

TEST(LanguageTest, TheDeadlineExplanationIsComputedInBothLanguagesLineForLine) {
  // From Wednesday 2026-12-02: one month ends Saturday 2027-01-02, moved past the holidays.
  const Deadline deadline = ComputeDeadline(
      *Date::Parse("2026-12-02"), *PeriodRule::Parse("months:1"), HolidayCalendar::Default(),
      "General Administrative Code of Georgia", "საქართველოს ზოგადი ადმინისტრაციული კოდექსი");
  const auto en = deadline.Explanation(), ka = deadline.ExplanationKa();
  ASSERT_EQ(en.size(), ka.size());
  std::string all_ka;
  for (const auto& line : ka) all_ka += line + "\n";
  EXPECT_NE(all_ka.find("ახალი წელი"), std::string::npos) << all_ka;
  EXPECT_NE(all_ka.find("შაბათი"), std::string::npos) << all_ka;
  EXPECT_NE(all_ka.find("საქართველოს ზოგადი ადმინისტრაციული კოდექსი"), std::string::npos);
  EXPECT_NE(all_ka.find("სამოქალაქო კოდექსი"), std::string::npos);
  EXPECT_TRUE(LatinWords(all_ka, OrgChart::Ozurgeti(), {}).empty()) << all_ka;
  EXPECT_NE(en.back().find(deadline.due.ToString()), std::string::npos);
  EXPECT_NE(ka.back().find(deadline.due.ToString()), std::string::npos);
}

TEST(LegalSourcesTest, EachBodyCitesItsOwnStatute) {
  WorkflowBench ozurgeti;
  ozurgeti.Do("org-records", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  EXPECT_EQ(ozurgeti.state().due_explanation.find("Zugdidi"), std::string::npos);
  EXPECT_EQ(ozurgeti.state().due_explanation_ka.find("ზუგდიდ"), std::string::npos);
  EXPECT_NE(ozurgeti.state().due_explanation.find("Ozurgeti"), std::string::npos);

  WorkflowBench zugdidi(OrgChart::Zugdidi());
  zugdidi.Do("records-clerk", Register(schema::IncomingKind::APPLICATION, "mayor"));
  EXPECT_NE(zugdidi.state().due_explanation.find("Zugdidi statute art. 28.1"), std::string::npos)
      << zugdidi.state().due_explanation;
  EXPECT_NE(zugdidi.state().due_explanation_ka.find("ზუგდიდის მუნიციპალიტეტის მერიის დებულება, "
                                                    "მუხლი 28.1"),
            std::string::npos)
      << zugdidi.state().due_explanation_ka;
  // The recorded event carries both.
  EXPECT_NE(zugdidi.last_event().at("data").at("due_explanation_ka").as_string().find("28.1"),
            std::string::npos);

  // A complaint cites the national code only for Ozurgeti, and art. 40.2 for Zugdidi.
  WorkflowBench complaint;
  complaint.Do("org-records", Register(schema::IncomingKind::COMPLAINT, "chair"));
  EXPECT_NE(complaint.state().due_explanation.find("art. 183(1)"), std::string::npos);
  EXPECT_EQ(complaint.state().due_explanation.find("Zugdidi"), std::string::npos);
}

TEST(LanguageTest, TheRightsExplanationADayOffAndAnActsGroundAreRecordedInGeorgianToo) {
  WorkflowBench info;
  info.Do("org-records", Register(schema::IncomingKind::PUBLIC_INFORMATION, "chair"));
  info.Do("chair", Resolve("info-analytics"));
  info.Do("info-analytics", kReceipt);
  info.Do("info-analytics", RefuseInfo());
  const auto& refused = info.last_event().at("data");
  EXPECT_NE(refused.at("explain_by_explanation_ka").as_string().find("მუხლი 41"), std::string::npos)
      << refused;

  // A declared day off moves a due date on it: the recomputation explains itself in Georgian.
  WorkflowBench letter;
  letter.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  HolidayCalendar calendar = HolidayCalendar::Default();
  ASSERT_TRUE(
      calendar
          .AddDeclaredDayOff({*Date::Parse("2026-12-02"), "დასვენების დღე", "Day off", "decree"})
          .ok());
  Context context = letter.Context("chair");
  context.calendar = &calendar;
  auto moved = RecomputeForDayOff(letter.state(), context, *Date::Parse("2026-12-02"),
                                  "დასვენების დღე", "c-1");
  ASSERT_EQ(moved.size(), 1u);
  CaseState state = letter.state();
  Evolve(state, moved[0].event().asReader());
  EXPECT_EQ(state.due, "2026-12-03");
  EXPECT_NE(state.due_explanation_ka.find("გამოცხადდა დასვენების დღედ"), std::string::npos);
  EXPECT_NE(state.due_explanation_ka.find("ახალი ვადა: 2026-12-03"), std::string::npos);
  EXPECT_TRUE(LatinWords(state.due_explanation_ka, letter.org(), {}).empty())
      << state.due_explanation_ka;

  // An act's ground of entry into force: Zugdidi's cites its statute, Ozurgeti's none.
  for (const OrgChart* org : {&OrgChart::Zugdidi(), &OrgChart::Ozurgeti()}) {
    const bool zugdidi = org == &OrgChart::Zugdidi();
    WorkflowBench act(*org);
    const char* issuer = zugdidi ? "mayor" : "apparatus-head";
    act.Do(zugdidi ? "adm-legal-head" : "sec-legal", DraftAct(schema::ActType::ORDER, issuer));
    act.Do(zugdidi ? "adm-legal-head" : "sec-juridical", Expertise());
    act.Do(issuer, Adopt());
    act.Do(zugdidi ? "records-clerk" : "org-records", kRegisterAct);
    act.Do(zugdidi ? "mayor" : "info-web", Publish("website", "2026-11-02"));
    act.Do(zugdidi ? "records-clerk" : "org-records", Notify("2026-11-02"));
    EXPECT_NE(act.state().in_force_ground_ka.find("ინდივიდუალური აქტი ძალაში შედის"),
              std::string::npos);
    EXPECT_EQ(act.state().in_force_ground_ka.find("მუხლი 39.4") != std::string::npos, zugdidi)
        << act.state().in_force_ground_ka;
    EXPECT_EQ(act.state().in_force_ground.find("Zugdidi statute art. 39.4") != std::string::npos,
              zugdidi)
        << act.state().in_force_ground;
  }
}

TEST(LegalSourcesTest, TheOrgFileSourcesAreCheckedAtLoad) {
  auto parse = [](const char* sources) {
    boost::json::object org{{"sources", boost::json::parse(sources)}};
    return LegalSources::FromOrgJson(org);
  };
  auto good = parse(R"({"application": {"en": "Statute art. 1", "ka": "დებულება, მუხლი 1"}})");
  ASSERT_TRUE(good.ok()) << good.status().message();
  ASSERT_NE(good.value().Find("application"), nullptr);
  EXPECT_EQ(good.value().Find("application")->ka, "დებულება, მუხლი 1");
  EXPECT_EQ(good.value().Find("complaint"), nullptr);
  auto no_ka = parse(R"({"application": {"en": "Statute art. 1"}})");
  ASSERT_FALSE(no_ka.ok());
  EXPECT_NE(no_ka.status().message().find("org.sources.application.ka"), std::string::npos);
  EXPECT_FALSE(parse(R"({"Bad Key": {"en": "a", "ka": "ბ"}})").ok());
  EXPECT_FALSE(parse(R"(["application"])").ok());
  EXPECT_TRUE(LegalSources::FromOrgJson(boost::json::object{}).ok());  // sources are optional
}

}  // namespace
}  // namespace saqme::workflows
