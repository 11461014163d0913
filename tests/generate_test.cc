// The year generator: the Lentekhi 2023 figures through the engine and the report, the same
// seed giving the same log, journals without gaps, views equal to a rebuild, and the CLI's
// refusals.
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/outcome_json.h"
#include "engine/view_reader.h"
#include "generate/late_share.h"
#include "generate/year_generator.h"
#include "model/event_json.h"
#include "replay/annual_report.h"
#include "tests/rebuild_util.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using testing::TempDir;

generate::GenerateSummary Generate(const std::string& dir, uint64_t seed = 1, int scale = 1,
                                   int late_per_mille = -1) {
  generate::GenerateOptions options;
  options.year = 2023;
  options.seed = seed;
  options.scale = scale;
  options.late_per_mille = late_per_mille;
  int last_day = 0, days = 0;
  auto summary = generate::GenerateYear(dir, options, [&](const generate::GenerateProgress& p) {
    EXPECT_EQ(p.day, last_day + 1);  // every working day played, in order
    last_day = p.day;
    days = p.days;
  });
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(last_day, days);
  return summary.ok() ? summary.value() : generate::GenerateSummary{};
}

replay::AnnualReport ReportOf(const std::string& dir, int year = 2023) {
  auto log = storage::EventLog::Open(dir, storage::LogOptions{});
  EXPECT_TRUE(log.ok());
  auto report = replay::BuildAnnualReport(*log.value(), year);
  EXPECT_TRUE(report.ok());
  return report.ok() ? report.value() : replay::AnnualReport{};
}

TEST(GenerateTest, TheLentekhiYear2023ReproducesTheSeedsFigures) {
  TempDir dir;
  const auto summary = Generate(dir.path());
  EXPECT_EQ(summary.working_days, 249);  // 2023: 365 days, 104 weekend days, 12 holidays
  const auto report = ReportOf(dir.path());
  // The Lentekhi report: 135 incoming of which 16 public-information requests, 207 outgoing, 175
  // acts = 23 resolutions + 69 ordinances + 83 orders, 29 nomenclature cases.
  EXPECT_EQ(report.incoming, 135);
  EXPECT_EQ(report.incoming_by_kind.at("public_information"), 16);
  EXPECT_EQ(report.outgoing, 207);
  EXPECT_EQ(report.acts, 175);
  EXPECT_EQ(report.acts_by_type.at("resolution"), 23);
  EXPECT_EQ(report.acts_by_type.at("ordinance"), 69);
  EXPECT_EQ(report.acts_by_type.at("order"), 83);
  EXPECT_EQ(report.nomenclature_cases, 29);
  // The registers, beside the seed's figures (the profile's own): certificates, business trips,
  // and the internal correspondence — assignments and memos.
  EXPECT_EQ(report.certificates, 6);
  EXPECT_EQ(report.business_trips, 18);
  EXPECT_EQ(report.internal_assignments, 40);
  EXPECT_EQ(report.internal_memos, 24);
  // Every letter answered on time, as the seed says ("all letters were answered on time"),
  // some within an extension; so the deadline watch records no miss of an answer.
  EXPECT_EQ(report.public_information.answered_on_time, 16);
  EXPECT_EQ(report.proceedings.open, 0);
  EXPECT_EQ(report.proceedings.answered_late, 0);
  EXPECT_EQ(report.proceedings.answered_on_time, 135);
  EXPECT_GT(report.proceedings.extensions, 0);
  EXPECT_EQ(report.on_control.answered_late, 0);
  // Beyond the seed: two of the chair's orders declared void after they came into force; the
  // acts numbered stay 175.
  // And one complaint's decision annuls the order it contests, an order of the head of the
  // apparatus (the chair's own would go to court).
  EXPECT_EQ(report.acts_declared_void, 2);
  EXPECT_EQ(report.acts_annulled_on_complaint, 1);
  EXPECT_NE(
      replay::AnnualReportText(report, true).find("declared void: 2, annulled on a complaint: 1"),
      std::string::npos);
  // Beyond the seed: the profile's e-petitions, each path once per four, all ended in the
  // year; the oral acts each put in writing on time as one of the 83 orders.
  const auto json = replay::AnnualReportJson(report);
  EXPECT_EQ(json.at("petitions"),
            boost::json::parse(
                R"({"submitted": 8, "returned_for_defects": 0, "rejected": 2, "closed_unfixed": 0,
                                 "to_vote": 6, "supported": 4, "not_supported": 2,
                                 "continued": 2, "refused": 2, "concluded": 2, "open": 0})"));
  EXPECT_EQ(json.at("oral_acts"),
            boost::json::parse(
                R"({"issued": 4, "put_in_writing": 4, "put_in_writing_late": 0, "open": 0})"));
  // Every post of the apparatus but the chair reports quarterly: Q1–Q3 in the year, on time.
  EXPECT_EQ(
      json.at("periodic_reports"),
      boost::json::parse(R"({"required": 63, "on_time": 63, "late": 0, "missing": 0, "open": 0})"));
  EXPECT_TRUE(report.log_intact);
  EXPECT_EQ(report.head_seq, summary.last_seq);
  EXPECT_EQ(ReportOf(dir.path(), 2024).incoming, 0);  // nothing spills into the next year
}

TEST(GenerateTest, ALateShareGivesAboutThatShareOfLateAnswersAndTheWatchSeesThem) {
  TempDir dir;
  Generate(dir.path(), 1, 1, 200);
  const auto report = ReportOf(dir.path());
  // The share falls on the 96 letters and 20 applications; a late one registered in the last
  // weeks is answered by the year's end instead, so a little under a fifth.
  const double share = report.proceedings.answered_late / 116.0;
  EXPECT_GE(share, 0.14) << report.proceedings.answered_late;
  EXPECT_LE(share, 0.22) << report.proceedings.answered_late;
  EXPECT_EQ(report.proceedings.answered_on_time + report.proceedings.answered_late, 135);
  EXPECT_GE(report.missed, report.proceedings.answered_late);
  EXPECT_EQ(report.incoming, 135);  // the seed's figures stay
  EXPECT_EQ(report.acts, 175);
  // Out of range is refused before anything is written.
  generate::GenerateOptions options;
  options.late_per_mille = 1001;
  auto refused = generate::GenerateYear(dir.Sub("x"), options, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("x")));
}

TEST(GenerateTest, AProfileThatRefusesRequestsGivesTheirGroundToTheReport) {
  // The Lentekhi seed refuses no request; a profile that refuses a quarter of them shows the
  // refusals under their ground (GAC art. 49).
  generate::YearProfile profile = generate::YearProfile::Lentekhi();
  profile.information_refused_per_mille = 250;
  generate::GenerateOptions options;
  options.profile = &profile;
  TempDir dir;
  auto summary = generate::GenerateYear(dir.path(), options, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const auto report = ReportOf(dir.path());
  EXPECT_EQ(report.information_refused, 4);
  EXPECT_EQ(report.information_refused_by_ground,
            (std::map<std::string, int>{{"personal_data", 4}}));
  EXPECT_NE(replay::AnnualReportText(report, false).find("პერსონალური მონაცემები: 4"),
            std::string::npos);
}

TEST(GenerateTest, ASessionWithALongAgendaIsHeldThroughTheEngine) {
  // Scale 5, seed 3, 3 % late: a council session holds dozens of draft acts; its hold_session,
  // decoded with the engine's traversal limit, was refused as malformed when the workflow read
  // the votes list once per item.
  TempDir dir;
  Generate(dir.path(), 3, 5, 30);
  const auto report = ReportOf(dir.path());
  EXPECT_EQ(report.sessions.council_regular + report.sessions.council_extraordinary, 19);
  EXPECT_EQ(report.acts, 175 * 5);
}

TEST(GenerateTest, ALargeScaleSplitsADaysActsOverSessionsWithinTheEventLimit) {
  // Scale 20: some 180 acts per council day. Before the split, the first session's agenda
  // outgrew the event size limit and the generation stopped there.
  TempDir dir;
  Generate(dir.path(), 1, 20, 0);
  const auto report = ReportOf(dir.path());
  EXPECT_GT(report.sessions.council_regular + report.sessions.council_extraordinary, 19);
  EXPECT_EQ(report.acts, 175 * 20);
}

TEST(GenerateTest, HandToArchiveHandsTheClosedYearsFilesOnTheNextYearsFirstWorkingDay) {
  // Without the option nothing is handed; with it, every file of the year's nomenclature goes
  // to the departmental archive in one inventory, dated in the next year (the year must be
  // closed), through the CLI.
  TempDir dir;
  const std::string saqme = SAQME_BINARY;
  auto [code, out] = testing::RunCommand(saqme + " generate --data " + dir.Sub("plain") +
                                         " --profile lentekhi --year 2023 --quiet");
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) =
      testing::RunCommand(saqme + " generate --data " + dir.Sub("archived") +
                          " --profile lentekhi --year 2023 --hand-to-archive" + " --quiet");
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(ReportOf(dir.Sub("plain"), 2024).archive_files_handed, 0);
  const auto next_year = ReportOf(dir.Sub("archived"), 2024);
  EXPECT_EQ(next_year.archive_files_handed, 29);  // the Lentekhi nomenclature's files
  EXPECT_EQ(next_year.archive_inventories, 1);
  EXPECT_EQ(ReportOf(dir.Sub("archived"), 2023).archive_files_handed, 0);
  auto engine = engine::Engine::Open(dir.Sub("archived"), {});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const auto nomenclature = engine::ViewReader(engine.value()->log()).Nomenclature(2023);
  ASSERT_TRUE(nomenclature.ok());
  ASSERT_EQ(nomenclature.value().size(), 29u);
  for (const auto& file : nomenclature.value()) {
    EXPECT_EQ(file.at("archive"), "departmental") << file;
  }
}

TEST(GenerateTest, TransferToStateArchiveSendsThePermanentFilesOnYearsLaterByATransferAct) {
  // --transfer-to-state-archive 10 implies --hand-to-archive: the year's 29 files go to the
  // departmental archive in January 2024, and in January 2034 the 8 permanently kept ones go on
  // to the State Archive by transfer act 1, on that year's first working day (2034-01-03: the
  // 1st is a Sunday, the 2nd a holiday). Each year's report shows its step; `saqme check` is
  // equal; a bad value is refused in both languages with exit 2.
  TempDir dir;
  const std::string saqme = SAQME_BINARY;
  auto [code, out] = testing::RunCommand(saqme + " generate --data " + dir.Sub("data") +
                                         " --profile lentekhi --year 2023" +
                                         " --transfer-to-state-archive 10 --quiet");
  ASSERT_EQ(code, 0) << out;
  const auto handed = ReportOf(dir.Sub("data"), 2024);
  EXPECT_EQ(handed.archive_files_handed, 29);
  EXPECT_EQ(handed.archive_files_transferred, 0);
  const auto transferred = ReportOf(dir.Sub("data"), 2034);
  EXPECT_EQ(transferred.archive_files_transferred, 8);  // the Lentekhi plan's permanent files
  EXPECT_EQ(transferred.archive_files_handed, 0);
  EXPECT_EQ(ReportOf(dir.Sub("data"), 2033).archive_files_transferred, 0);
  std::tie(code, out) =
      testing::RunCommand(saqme + " report --data " + dir.Sub("data") + " --year 2034 --english");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("transferred to the State Archive 8"), std::string::npos) << out;
  std::tie(code, out) = testing::RunCommand(saqme + " check --data " + dir.Sub("data"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("view entries equal the projection"), std::string::npos) << out;
  {
    auto engine = engine::Engine::Open(dir.Sub("data"), {});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    const auto files = engine::ViewReader(engine.value()->log()).Nomenclature(2023);
    ASSERT_TRUE(files.ok());
    int in_state_archive = 0;
    for (const auto& file : files.value()) {
      const bool due = file.at("state_archive_due").as_bool();
      EXPECT_EQ(file.at("archive"), due ? "state" : "departmental") << file;
      if (!due) continue;
      ++in_state_archive;
      EXPECT_EQ(file.at("transfer_act"), "1");
      EXPECT_EQ(file.at("transfer_date"), "2034-01-03");
    }
    EXPECT_EQ(in_state_archive, 8);
  }
  for (const char* bad : {"0", "76", "ten"}) {
    std::tie(code, out) = testing::RunCommand(saqme + " generate --data " + dir.Sub(bad) +
                                              " --profile lentekhi --year 2023" +
                                              " --transfer-to-state-archive " + bad + " --quiet");
    EXPECT_EQ(code, 2) << bad << ": " << out;
    EXPECT_NE(out.find("years after the handing over"), std::string::npos) << out;
    EXPECT_NE(out.find("წლების რაოდენობას"), std::string::npos) << out;
  }
}

TEST(GenerateTest, TheLateShareIsAFractionOrPerMilleAndAnythingElseIsRefusedInBothLanguages) {
  EXPECT_EQ(generate::ParseLateShare("0.2").value(), 200);
  EXPECT_EQ(generate::ParseLateShare("0.035").value(), 35);
  EXPECT_EQ(generate::ParseLateShare("0").value(), 0);
  EXPECT_EQ(generate::ParseLateShare("1").value(), 1000);
  EXPECT_EQ(generate::ParseLateShare("1.0").value(), 1000);
  EXPECT_EQ(generate::ParseLateShare("200‰").value(), 200);
  EXPECT_EQ(generate::ParseLateShare("30permille").value(), 30);
  for (const char* bad :
       {"", "0.2.1", "1.5", "2", "-0.1", "0.0001", "20%", "1001‰", "‰", "x", ".2", "0."}) {
    SCOPED_TRACE(bad);
    auto parsed = generate::ParseLateShare(bad);
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.status().message().find("fraction from 0 to 1"), std::string::npos);
    EXPECT_NE(parsed.status().message_ka().find("პრომილე"), std::string::npos);
  }
  // The CLI: the option in --help, a bad value refused with exit 2 and nothing written.
  TempDir dir;
  const std::string saqme = SAQME_BINARY;
  auto [code, out] = testing::RunCommand(saqme + " generate --help");
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("--late-share"), std::string::npos) << out;
  std::tie(code, out) = testing::RunCommand(saqme + " generate --data " + dir.Sub("x") +
                                            " --year 2023 --late-share 1.5");
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("--late-share '1.5'"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("x")));
}

TEST(GenerateTest, TheLentekhiYearHoldsTheSeedsSessionsWithTheirMinutesAndActs) {
  TempDir dir;
  Generate(dir.path());
  const auto report = ReportOf(dir.path());
  // The Lentekhi report: 11 regular and 8 extraordinary council sessions, 11 of the bureau, 38
  // of the standing commissions, 11 of the faction.
  EXPECT_EQ(report.sessions.council_regular, 11);
  EXPECT_EQ(report.sessions.council_extraordinary, 8);
  EXPECT_EQ(report.sessions.bureau, 11);
  EXPECT_EQ(report.sessions.commission, 38);
  EXPECT_EQ(report.sessions.faction, 11);
  EXPECT_EQ(report.sessions.postponed, 0);
  // The commissions' and factions' sittings go round the council's bodies of the kind
  // (data/council_bodies.tsv: four commissions, two factions), each named by its code.
  std::map<std::string, int> by_body;
  for (const auto& [key, body] : report.sessions.by_body) {
    by_body[key.first + "-" + key.second] = body.held;
  }
  EXPECT_EQ(by_body, (std::map<std::string, int>{{"commission-budget", 10},
                                                 {"commission-economy", 10},
                                                 {"commission-infrastructure", 9},
                                                 {"commission-social", 9},
                                                 {"faction-majority", 6},
                                                 {"faction-minority", 5}}));
  // Every session has its minutes, numbered without gaps per body — one register for each
  // commission and faction, none left in the kinds' shared ones; the council's link the council
  // acts adopted at them (each ordinance and resolution, once).
  auto engine = engine::Engine::Open(dir.path(), engine::EngineOptions{});
  ASSERT_TRUE(engine.ok());
  const std::pair<const char*, size_t> expected[] = {{"minutes-council", 19},
                                                     {"minutes-bureau", 11},
                                                     {"minutes-commission-budget", 10},
                                                     {"minutes-commission-economy", 10},
                                                     {"minutes-commission-infrastructure", 9},
                                                     {"minutes-commission-social", 9},
                                                     {"minutes-commission", 0},
                                                     {"minutes-faction-majority", 6},
                                                     {"minutes-faction-minority", 5},
                                                     {"minutes-faction", 0}};
  size_t linked = 0;
  for (const auto& [journal, count] : expected) {
    SCOPED_TRACE(journal);
    auto entries = engine::ViewReader(engine.value()->log()).Journal(journal, 2023);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries.value().size(), count);
    for (size_t i = 0; i < count; ++i) {
      EXPECT_EQ(entries.value()[i].at("number").to_number<uint64_t>(), i + 1);
      linked += entries.value()[i].at("linked_acts").as_array().size();
    }
  }
  EXPECT_EQ(linked, 69u + 23u);
  EXPECT_EQ(testing::LiveViews(*engine.value()), testing::RebuiltViews(*engine.value()));
}

TEST(GenerateTest, TheSameSeedGivesTheSameLogHashForHashAndAnotherSeedAnother) {
  TempDir a, b, c;
  Generate(a.path(), 7);
  Generate(b.path(), 7);
  Generate(c.path(), 8);
  const auto ra = ReportOf(a.path()), rb = ReportOf(b.path()), rc = ReportOf(c.path());
  EXPECT_EQ(ra.head_seq, rb.head_seq);
  EXPECT_EQ(ra.head_hash, rb.head_hash);
  EXPECT_NE(ra.head_hash, rc.head_hash);
  // Another seed, another year of letters — with the same figures.
  EXPECT_EQ(rc.incoming, 135);
  EXPECT_EQ(rc.outgoing, 207);
  EXPECT_EQ(rc.acts, 175);
}

// A command's answer writes its events as text (api/outcome_json.h) instead of building their
// objects: for every event of a generated year, of every kind, the bytes are the object's.
TEST(GenerateTest, EveryEventWrittenAsTextIsItsObjectsBytes) {
  TempDir dir;
  Generate(dir.path());
  auto log = storage::EventLog::Open(dir.path(), storage::LogOptions{});
  ASSERT_TRUE(log.ok());
  std::map<std::string, int> kinds;
  uint64_t events = 0;
  std::string text;
  Status read = log.value()->ReadFrom(1, [&](uint64_t, const storage::EventView& view) {
    const boost::json::object object = storage::EventToJson(view.event());
    text.clear();
    engine::JsonWriter writer(text);
    api::WriteEventJson(view.event(), writer);
    EXPECT_EQ(text, boost::json::serialize(object)) << "event " << view.event().getSeq();
    ++kinds[std::string(object.at("type").as_string())];
    ++events;
    return !::testing::Test::HasFailure();
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(events, log.value()->LastSequence());
  EXPECT_GT(kinds.size(), 30u);  // payloads of every proceeding, with lists, enums and unions
}

TEST(GenerateTest, JournalsAreGaplessAndTheViewsEqualARebuild) {
  TempDir dir;
  Generate(dir.path(), 3, 2);
  auto engine = engine::Engine::Open(dir.path(), engine::EngineOptions{});
  ASSERT_TRUE(engine.ok());
  const std::pair<const char*, size_t> expected[] = {
      {"incoming", 270},
      {"outgoing", 414},
      {"public_information", 32},
      {"acts-order", 166},
      {"acts-ordinance", 138},
      {"acts-resolution", 46},
      {"postal", 0},
      {"delivery", 0},
      // The registers: the profile's modest figures, twice; the internal journal holds the
      // assignments and the memos, numbered together.
      {"certificates", 12},
      {"business_trips", 36},
      {"internal", 128}};
  for (const auto& [journal, count] : expected) {
    SCOPED_TRACE(journal);
    auto entries = engine::ViewReader(engine.value()->log()).Journal(journal, 2023);
    ASSERT_TRUE(entries.ok());
    const boost::json::array& list = entries.value();
    if (count > 0) {
      EXPECT_EQ(list.size(), count);
    }
    for (size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(list[i].at("number").to_number<uint64_t>(), i + 1);
    }
  }
  EXPECT_GT(engine::ViewReader(engine.value()->log()).Journal("postal", 2023).value().size(),
            0u);  // answers to citizens by post
  EXPECT_EQ(testing::LiveViews(*engine.value()), testing::RebuiltViews(*engine.value()));
}

TEST(GenerateTest, AGeneratedYearGoesOnlyIntoANewDirectoryAndTheCliSaysWhatIsWrong) {
  TempDir dir;
  Generate(dir.path());
  generate::GenerateOptions options;
  auto again = generate::GenerateYear(dir.path(), options, nullptr);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("already holds a log"), std::string::npos);
  // A chart without the profile's posts is refused before anything is written.
  options.org = &workflows::OrgChart::Zugdidi();
  auto elsewhere = generate::GenerateYear(dir.Sub("zugdidi"), options, nullptr);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_NE(elsewhere.status().message().find("the org chart has no post '"), std::string::npos)
      << elsewhere.status().message();
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("zugdidi")));

  const std::string saqme = SAQME_BINARY;
  auto [code, out] = testing::RunCommand(saqme + " generate --data " + dir.Sub("x") +
                                         " --profile tbilisi --year 2023");
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("unknown --profile 'tbilisi'"), std::string::npos) << out;
  std::tie(code, out) =
      testing::RunCommand(saqme + " generate --data " + dir.Sub("x") + " --year 2023 --scale 0");
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("--scale"), std::string::npos) << out;
  std::tie(code, out) = testing::RunCommand(saqme + " generate --data " + dir.Sub("y") +
                                            " --year 2023 --seed 5 --quiet");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("generated lentekhi 2023 at scale 1 (seed 5)"), std::string::npos) << out;
  std::tie(code, out) =
      testing::RunCommand(saqme + " report --data " + dir.Sub("y") + " --year 2023 --format json");
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("\"outgoing\":207"), std::string::npos) << out;
  // The newer kinds with another seed too: two orders void, one annulled on a complaint.
  EXPECT_NE(out.find("\"declared_void\":2,\"annulled_on_complaint\":1"), std::string::npos) << out;
}

}  // namespace
}  // namespace saqme
