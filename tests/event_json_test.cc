// The JSON form of events: snake_case keys, Georgian text intact, payload rendered from schema.
#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include "model/event_json.h"
#include "model/tbilisi_time.h"
#include "storage/appender.h"
#include "storage/event_log.h"
#include "tests/test_util.h"

namespace saqme::storage {
namespace {

TEST(EventJsonTest, RendersEnvelopeAndPayload) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto appender = Appender::Start(log.value().get(), [] { return int64_t{1793530800123}; });
  ASSERT_TRUE(appender.ok());
  AppendRequest request;
  request.case_id = "2026-in-7";
  request.command_id = "cmd-7";
  EventDraft draft;
  auto event = draft.event();
  event.setOccurredAt(1793476800000);
  event.getActor().setPost("apparatus-deputy");
  event.getActor().setPerson("მარიამ სურმანიძე");
  event.setActingFor("apparatus-head");
  auto r = event.getPayload().initIncomingRegistered();
  r.setKind(schema::IncomingKind::PUBLIC_INFORMATION);
  r.initSender().setName("ეკატერინე ბერიძე");
  r.setPages(3);
  request.events.push_back(std::move(draft));
  ASSERT_TRUE(appender.value()->Append(std::move(request)).ok());

  boost::json::object json;
  ASSERT_TRUE(log.value()
                  ->ReadCase("2026-in-7",
                             [&](uint64_t, const EventView& view) {
                               json = EventToJson(view.event());
                               return true;
                             })
                  .ok());
  EXPECT_EQ(json["seq"].as_uint64(), 1u);
  EXPECT_EQ(json["case_id"].as_string(), "2026-in-7");
  EXPECT_EQ(json["version"].as_uint64(), 1u);
  EXPECT_EQ(json["type"].as_string(), "incoming_registered");
  EXPECT_EQ(json["occurred_at"].as_string(), "2026-11-01T00:00:00.000+04:00");
  EXPECT_EQ(json["recorded_at"].as_string(), "2026-11-01T15:00:00.123+04:00");
  EXPECT_EQ(json["actor"].at("person").as_string(), "მარიამ სურმანიძე");
  EXPECT_EQ(json["acting_for"].as_string(), "apparatus-head");
  EXPECT_EQ(json["command_id"].as_string(), "cmd-7");
  EXPECT_EQ(json["prev_hash"].as_string(), std::string(64, '0'));
  EXPECT_EQ(json["hash"].as_string().size(), 64u);
  const auto& data = json["data"].as_object();
  EXPECT_EQ(data.at("kind").as_string(), "public_information");
  EXPECT_EQ(data.at("sender").at("name").as_string(), "ეკატერინე ბერიძე");
  EXPECT_EQ(data.at("sender").at("kind").as_string(), "citizen");
  EXPECT_EQ(data.at("pages").as_uint64(), 3u);
  // Serialized, the Georgian stays UTF-8 (not \u escapes).
  EXPECT_NE(boost::json::serialize(json).find("ეკატერინე"), std::string::npos);
}

TEST(EventJsonTest, SnakeCase) {
  EXPECT_EQ(SnakeCase("incomingRegistered"), "incoming_registered");
  EXPECT_EQ(SnakeCase("coExecutors"), "co_executors");
  EXPECT_EQ(SnakeCase("seq"), "seq");
}

TEST(TbilisiTimeTest, FormatsInUtcPlusFour) {
  EXPECT_EQ(FormatTbilisiTime(0), "1970-01-01T04:00:00.000+04:00");
  EXPECT_EQ(FormatTbilisiTime(-4 * 3600 * 1000 - 1), "1969-12-31T23:59:59.999+04:00");
  EXPECT_EQ(FormatTbilisiTime(1709208000000), "2024-02-29T16:00:00.000+04:00");  // leap day
  EXPECT_EQ(TbilisiDate(1793476799999), "2026-10-31");
  EXPECT_EQ(TbilisiDate(1793476800000), "2026-11-01");
}

}  // namespace
}  // namespace saqme::storage
