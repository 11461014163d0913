// The org charts and powers: both shipped charts load and hold together; authorization follows
// powers and dated acting assignments; bad files are explained.
#include <gtest/gtest.h>

#include "tests/test_util.h"
#include "workflows/org/org_chart.h"

namespace saqme::workflows {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

const Authority* Allowed(const std::variant<Authority, Refusal>& result) {
  return std::get_if<Authority>(&result);
}

TEST(OzurgetiOrgTest, HasThePostsOfTheApiContract) {
  const auto& org = OrgChart::Ozurgeti();
  EXPECT_EQ(org.head_post(), "chair");
  for (const char* id :
       {"chair",          "apparatus-head", "apparatus-deputy", "org-head",       "org-protocol",
        "org-services",   "org-records",    "org-computer-1",   "org-computer-2", "sec-head",
        "sec-legal",      "sec-juridical",  "sec-hr",           "sec-junior-1",   "sec-junior-2",
        "sec-junior-3",   "info-head",      "info-public",      "info-analytics", "info-press",
        "info-technical", "info-web"}) {
    const Post* post = org.FindPost(id);
    ASSERT_NE(post, nullptr) << id;
    EXPECT_FALSE(post->title_ka.empty()) << id;
  }
  EXPECT_EQ(org.FindPost("apparatus-head")->supervisor, "chair");
  EXPECT_EQ(org.FindPost("apparatus-head")->acts_in_absence, "apparatus-deputy");
  EXPECT_EQ(org.FindPost("org-head")->delegated_supervisor, "apparatus-deputy");
}

TEST(OzurgetiOrgTest, DefaultPowers) {
  const auto& org = OrgChart::Ozurgeti();
  const Date day = D("2026-11-20");
  EXPECT_TRUE(Allowed(org.Authorize("org-records", Power::kRegister, day)));
  EXPECT_TRUE(Allowed(org.Authorize("org-records", Power::kDispatch, day)));
  EXPECT_TRUE(Allowed(org.Authorize("org-records", Power::kFile, day)));
  EXPECT_TRUE(Allowed(org.Authorize("chair", Power::kDecideComplaints, day)));
  EXPECT_TRUE(Allowed(org.Authorize("sec-legal", Power::kLegalExpertise, day)));
  EXPECT_TRUE(Allowed(org.Authorize("info-head", Power::kResolve, day)));

  auto refused = org.Authorize("sec-hr", Power::kSign, day);
  const Refusal* refusal = std::get_if<Refusal>(&refused);
  ASSERT_NE(refusal, nullptr);
  EXPECT_EQ(refusal->missing_power, "sign");
  EXPECT_NE(refusal->message_en.find("does not have the power 'sign'"), std::string::npos);
  EXPECT_NE(refusal->message_ka.find("ხელმოწერა"), std::string::npos);
}

TEST(OzurgetiOrgTest, ActingPowersStartAndEndOnTheRightDays) {
  // The file's demonstration assignment: the deputy acts for the head 2026-12-01..2026-12-14.
  const auto& org = OrgChart::Ozurgeti();
  auto sign_as_head = [&](const char* day) {
    return org.Authorize("apparatus-deputy", Power::kSign, D(day), "apparatus-head");
  };
  EXPECT_FALSE(Allowed(sign_as_head("2026-11-30")));
  ASSERT_TRUE(Allowed(sign_as_head("2026-12-01")));
  EXPECT_EQ(Allowed(sign_as_head("2026-12-01"))->acting_for, "apparatus-head");
  EXPECT_TRUE(Allowed(sign_as_head("2026-12-14")));
  EXPECT_FALSE(Allowed(sign_as_head("2026-12-15")));
  // Acting gives the absent post's powers without naming it, too.
  auto any = org.Authorize("apparatus-deputy", Power::kResolve, D("2026-12-05"));
  ASSERT_TRUE(Allowed(any));
  EXPECT_EQ(Allowed(any)->acting_for, "apparatus-head");
  EXPECT_EQ(org.ExercisedBy("apparatus-head", D("2026-12-05")), "apparatus-deputy");
  EXPECT_EQ(org.ExercisedBy("apparatus-head", D("2026-12-20")), "apparatus-head");
  // Its own powers stay its own, and nobody else gains the head's.
  EXPECT_EQ(
      Allowed(org.Authorize("apparatus-deputy", Power::kEndorse, D("2026-12-05")))->acting_for, "");
  EXPECT_FALSE(Allowed(org.Authorize("sec-hr", Power::kSign, D("2026-12-05"), "apparatus-head")));
}

TEST(OzurgetiOrgTest, SupervisionLines) {
  const auto& org = OrgChart::Ozurgeti();
  EXPECT_EQ(org.ReportingLine("org-records"),
            (std::vector<std::string>{"org-head", "apparatus-head", "chair"}));
  EXPECT_TRUE(org.Supervises("org-head", "org-records"));
  EXPECT_TRUE(org.Supervises("chair", "org-records"));
  // The delegated line: the deputy supervises the divisions and their staff.
  EXPECT_TRUE(org.Supervises("apparatus-deputy", "org-head"));
  EXPECT_TRUE(org.Supervises("apparatus-deputy", "info-public"));
  EXPECT_FALSE(org.Supervises("sec-head", "org-records"));
  EXPECT_FALSE(org.Supervises("org-records", "org-records"));
}

TEST(ZugdidiOrgTest, LoadsWithTheMayorsLine) {
  const auto& org = OrgChart::Zugdidi();
  EXPECT_EQ(org.head_post(), "mayor");
  ASSERT_NE(org.FindPost("first-deputy-mayor"), nullptr);
  EXPECT_EQ(org.FindPost("mayor")->acts_in_absence, "first-deputy-mayor");
  ASSERT_NE(org.FindPost("records-clerk"), nullptr);
  EXPECT_TRUE(Allowed(org.Authorize("records-clerk", Power::kRegister, D("2026-11-20"))));
  EXPECT_TRUE(Allowed(org.Authorize("mayor", Power::kDecideComplaints, D("2026-11-20"))));
  // Art. 8.2: the first deputy acts for the mayor during the file's demonstration absence.
  auto decide =
      org.Authorize("first-deputy-mayor", Power::kDecideComplaints, D("2026-12-09"), "mayor");
  ASSERT_TRUE(Allowed(decide));
  EXPECT_EQ(Allowed(decide)->acting_for, "mayor");
  EXPECT_FALSE(Allowed(
      org.Authorize("first-deputy-mayor", Power::kDecideComplaints, D("2026-12-12"), "mayor")));
  EXPECT_GE(org.units().size(), 10u);
  for (const auto& post : org.posts()) {
    if (post.id != "mayor") {
      EXPECT_EQ(org.ReportingLine(post.id).back(), "mayor") << post.id;
    }
  }
}

constexpr char kMinimal[] = R"({
  "format": "saqme-org-1",
  "body": {"id": "b", "name_ka": "ორგანო"},
  "head_post": "head",
  "units": [{"id": "u", "name_ka": "ერთეული"}],
  "posts": [
    {"id": "head", "title_ka": "ხელმძღვანელი", "unit": "u", "powers": ["sign"]},
    {"id": "clerk", "title_ka": "სპეციალისტი", "unit": "u", "supervisor": "head"}
  ]
})";

TEST(OrgParseTest, AMinimalChartLoads) {
  auto org = OrgChart::Parse(kMinimal);
  ASSERT_TRUE(org.ok()) << org.status().message();
  EXPECT_EQ(org->posts().size(), 2u);
}

TEST(OrgParseTest, AChartFromBeforeTheArchivePowerArchivesWithItsFilingPosts) {
  // Charts adopted before `archive` existed grant it to nobody: their `file` posts archive, as
  // they did then. A chart that grants `archive` to any post keeps it to the posts it names.
  auto chart = [](const std::string& head_powers, const std::string& clerk_powers) {
    return OrgChart::Parse(R"({"format": "saqme-org-1", "body": {"id": "b", "name_ka": "ორგანო"},
      "head_post": "head", "units": [{"id": "u", "name_ka": "ერთეული"}],
      "posts": [{"id": "head", "title_ka": "ხელმძღვანელი", "unit": "u", "powers": )" +
                           head_powers + R"(},
        {"id": "clerk", "title_ka": "სპეციალისტი", "unit": "u", "supervisor": "head",
         "powers": )" + clerk_powers +
                           "}]}");
  };
  auto old_chart = chart(R"(["sign"])", R"(["file"])");
  ASSERT_TRUE(old_chart.ok()) << old_chart.status().message();
  EXPECT_TRUE(old_chart->FindPost("clerk")->powers.count(Power::kArchive));
  EXPECT_FALSE(old_chart->FindPost("head")->powers.count(Power::kArchive));
  auto split = chart(R"(["sign", "archive"])", R"(["file"])");
  ASSERT_TRUE(split.ok()) << split.status().message();
  EXPECT_TRUE(split->FindPost("head")->powers.count(Power::kArchive));
  EXPECT_FALSE(split->FindPost("clerk")->powers.count(Power::kArchive));
}

TEST(OrgParseTest, BadFilesAreExplained) {
  auto expect_error = [](std::string json, const std::string& needle) {
    auto org = OrgChart::Parse(json);
    ASSERT_FALSE(org.ok()) << needle;
    EXPECT_NE(org.status().message().find(needle), std::string::npos) << org.status().message();
    EXPECT_FALSE(org.status().message_ka().empty());
  };
  auto replace = [](std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  const std::string base = kMinimal;
  expect_error("{not json", "not JSON");
  expect_error(replace(base, "saqme-org-1", "other"), "org.format");
  expect_error(replace(base, R"("supervisor": "head")", R"("supervisor": "nobody")"),
               "unknown post 'nobody'");
  expect_error(replace(base, R"("id": "clerk")", R"("id": "head")"), "duplicate post id");
  expect_error(replace(base, R"(["sign"])", R"(["fly"])"), "unknown power");
  expect_error(replace(base, R"("id": "clerk")", R"("id": "Clerk!")"), "must be 1-64 characters");
  expect_error(replace(base, R"("supervisor": "head")", R"("supervisor": "clerk")"), "has a cycle");
  expect_error(replace(base, R"("unit": "u", "supervisor")", R"("unit": "x", "supervisor")"),
               "unknown unit");
  expect_error(
      replace(
          base, R"("posts")",
          R"("acting": [{"post": "head", "acting_post": "clerk", "from": "2026-02-30", "to": "2026-03-01"}], "posts")"),
      "not a YYYY-MM-DD date");
}

TEST(OrgParseTest, EndorsementRulesAreDataAndNonsenseIsExplained) {
  auto with = [](const std::string& rules,
                 const char* powers = R"(["sign", "endorse", "legal_expertise"])") {
    std::string json = kMinimal;
    json.replace(json.find(R"(["sign"])"), 8, powers);
    json.replace(json.find(R"("posts")"), 7, R"("endorsements": )" + rules + R"(, "posts")");
    return OrgChart::Parse(json);
  };
  auto org = with(R"([{"kinds": ["application"], "power": "legal_expertise", "name_ka": "ვიზა",
                       "name_en": "the legal visa", "source": "statute art. 1"}])");
  ASSERT_TRUE(org.ok()) << org.status().message();
  ASSERT_EQ(org->endorsement_rules().rules().size(), 1u);
  const OrgChart& chart = org.value();
  const auto& rules = chart.endorsement_rules();
  // An application drafted by the clerk needs the head's visa (the head holds the power);
  // correspondence needs none; a draft by the head carries its own review.
  ASSERT_NE(rules.Missing("application", {}, "clerk", chart), nullptr);
  EXPECT_EQ(rules.Missing("application", {"head"}, "clerk", chart), nullptr);
  EXPECT_EQ(rules.Missing("application", {}, "head", chart), nullptr);
  EXPECT_EQ(rules.Missing("correspondence", {}, "clerk", chart), nullptr);
  const Refusal refusal =
      EndorsementRules::RefusalFor(*rules.Missing("application", {}, "clerk", chart));
  EXPECT_NE(refusal.message_en.find("the legal visa"), std::string::npos);
  EXPECT_NE(refusal.message_ka.find("ვიზა"), std::string::npos);
  EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow);

  auto expect_error = [&](Result<OrgChart> parsed, const std::string& needle) {
    ASSERT_FALSE(parsed.ok()) << needle;
    EXPECT_NE(parsed.status().message().find(needle), std::string::npos)
        << parsed.status().message();
  };
  expect_error(with(R"({"kinds": []})"), "endorsements: expected an array");
  expect_error(
      with(
          R"([{"kinds": ["letters"], "power": "legal_expertise", "name_ka": "ვ", "name_en": "v"}])"),
      "'letters' is not correspondence");
  expect_error(
      with(R"([{"kinds": ["application"], "power": "fly", "name_ka": "ვ", "name_en": "v"}])"),
      "unknown power 'fly'");
  expect_error(with(R"([{"kinds": ["application"], "power": "legal_expertise", "name_en": "v"}])"),
               "name_ka: missing");
  // No post may give the visa: nothing of that kind could ever be signed.
  expect_error(
      with(
          R"([{"kinds": ["complaint"], "power": "legal_expertise", "name_ka": "ვ", "name_en": "v"}])",
          R"(["sign", "legal_expertise"])"),
      "no post holds both legal_expertise and endorse");
}

TEST(OzurgetiOrgTest, AnswersToApplicationsAndComplaintsNeedTheLegalServicesVisa) {
  for (const OrgChart* org : {&OrgChart::Ozurgeti(), &OrgChart::Zugdidi()}) {
    const auto& rules = org->endorsement_rules();
    EXPECT_NE(rules.Missing("application", {}, "no-author", *org), nullptr) << org->body_id();
    EXPECT_NE(rules.Missing("complaint", {}, "no-author", *org), nullptr) << org->body_id();
    EXPECT_EQ(rules.Missing("correspondence", {}, "no-author", *org), nullptr) << org->body_id();
    EXPECT_EQ(rules.Missing("public_information", {}, "no-author", *org), nullptr);
  }
  const OrgChart& ozurgeti = OrgChart::Ozurgeti();
  EXPECT_EQ(ozurgeti.endorsement_rules().Missing("application", {"sec-juridical"}, "x", ozurgeti),
            nullptr);
  EXPECT_NE(ozurgeti.endorsement_rules().Missing("application", {"sec-head"}, "x", ozurgeti),
            nullptr);  // a unit head's visa is not the legal service's
  const OrgChart& zugdidi = OrgChart::Zugdidi();
  EXPECT_EQ(zugdidi.endorsement_rules().Missing("complaint", {"adm-legal-head"}, "x", zugdidi),
            nullptr);
}

TEST(OrgParseTest, APostWithoutSupervisorAfterItsSubordinateIsExplainedNotACrash) {
  auto org = OrgChart::Parse(R"({
    "format": "saqme-org-1", "body": {"id": "b", "name_ka": "ო"}, "head_post": "head",
    "units": [{"id": "u", "name_ka": "ე"}],
    "posts": [
      {"id": "head", "title_ka": "ხ", "unit": "u"},
      {"id": "clerk", "title_ka": "ს", "unit": "u", "supervisor": "boss"},
      {"id": "boss", "title_ka": "უ", "unit": "u"}
    ]})");
  ASSERT_FALSE(org.ok());
  EXPECT_NE(org.status().message().find("post boss: only the head"), std::string::npos)
      << org.status().message();
}

TEST(OrgParseTest, OverlappingActingAssignmentsAreRefused) {
  auto org = OrgChart::Parse(kMinimal);
  ASSERT_TRUE(org.ok());
  ASSERT_TRUE(org->AddActing({"head", "clerk", D("2026-12-01"), D("2026-12-10"), "leave"}).ok());
  EXPECT_FALSE(org->AddActing({"head", "clerk", D("2026-12-10"), D("2026-12-20"), "leave"}).ok());
  EXPECT_FALSE(org->AddActing({"head", "head", D("2027-01-01"), D("2027-01-02"), "x"}).ok());
  EXPECT_FALSE(org->AddActing({"head", "clerk", D("2027-01-05"), D("2027-01-02"), "x"}).ok());
  EXPECT_TRUE(org->AddActing({"head", "clerk", D("2026-12-11"), D("2026-12-20"), "leave"}).ok());
  auto sign = org->Authorize("clerk", Power::kSign, D("2026-12-11"), "head");
  EXPECT_TRUE(Allowed(sign));
}

TEST(OrgCommandTest, ShowsTheChartWithWhoActsOnTheDay) {
  auto [code, out] =
      saqme::testing::RunCommand(std::string(SAQME_BINARY) + " org --org ozurgeti --on 2026-12-05");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("22 posts"), std::string::npos) << out;
  EXPECT_NE(out.find("[acting on 2026-12-05: apparatus-deputy]"), std::string::npos) << out;
}

TEST(OrgCommandTest, AnInvalidFileIsExplained) {
  saqme::testing::TempDir dir;
  const std::string file = dir.Sub("org.json");
  {
    std::unique_ptr<FILE, int (*)(FILE*)> out(fopen(file.c_str(), "w"), fclose);
    fputs(kMinimal, out.get());
  }
  auto [ok_code, ok_out] =
      saqme::testing::RunCommand(std::string(SAQME_BINARY) + " org --org " + file);
  EXPECT_EQ(ok_code, 0) << ok_out;
  {
    std::unique_ptr<FILE, int (*)(FILE*)> out(fopen(file.c_str(), "w"), fclose);
    fputs(R"({"format": "saqme-org-1", "body": {"id": "b", "name_ka": "ო"}})", out.get());
  }
  auto [code, out] = saqme::testing::RunCommand(std::string(SAQME_BINARY) + " org --org " + file);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("org.head_post: missing"), std::string::npos) << out;
}

}  // namespace
}  // namespace saqme::workflows
