// The projection's cheaper rendering (issue 18): the JSON writer gives boost::json's bytes, and a
// command writes only the state-derived entries it changed.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "projection/case_headline.h"
#include "projection/json_writer.h"
#include "projection/projection.h"
#include "projection/views.h"

namespace saqme::engine {
namespace {

using workflows::CaseState;

// Every byte value in one string: the control characters, '"', '\\', 0x7F, and bytes that are
// no valid UTF-8 on their own, besides Georgian text.
std::string EveryByte() {
  std::string text = "ქუთაისი \"quoted\" back\\slash/";
  for (int c = 0; c < 256; ++c) text.push_back(static_cast<char>(c));
  return text;
}

TEST(JsonWriterTest, WritesTheBytesBoostJsonSerialises) {
  const std::string text = EveryByte();
  boost::json::object expected;
  expected["text"] = text;
  expected[text] = "a key escaped as a value is";
  expected["empty"] = "";
  expected["small"] = std::numeric_limits<int64_t>::min();
  expected["large"] = std::numeric_limits<uint64_t>::max();
  expected["count"] = 0;
  expected["yes"] = true;
  expected["no"] = false;
  expected["list"] = boost::json::array{"a", text, ""};
  expected["none"] = boost::json::array();
  expected["nested"] = {{"inner", boost::json::object{{"n", -7}}}, {"after", 1u}};

  std::string written;
  JsonWriter w(written);
  w.BeginObject();
  w.Field("text", text);
  w.Field(text, "a key escaped as a value is");
  w.Field("empty", "");
  w.Field("small", std::numeric_limits<int64_t>::min());
  w.Field("large", std::numeric_limits<uint64_t>::max());
  w.Field("count", 0);
  w.Field("yes", true);
  w.Field("no", false);
  w.Strings("list", std::vector<std::string>{"a", text, ""});
  w.Strings("none", std::vector<std::string>{});
  w.Key("nested");
  w.BeginObject();
  w.Key("inner");
  w.BeginObject();
  w.Field("n", -7);
  w.EndObject();
  w.Field("after", 1u);
  w.EndObject();
  w.EndObject();
  EXPECT_EQ(written, boost::json::serialize(expected));
}

TEST(JsonWriterTest, EscapesAtEveryOffsetOfALongText) {
  // The writer skips clean text eight bytes at a time: an escape at any offset is still found.
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(at, 'a');
      text.push_back(special);
      text += std::string(19 - at, 'b') + "ბ";
      std::string written;
      JsonWriter(written).String(text);
      EXPECT_EQ(written, boost::json::serialize(boost::json::string(text))) << at;
    }
  }
}

TEST(JsonWriterTest, AppendsAfterWhatTheStringHolds) {
  std::string out = "prefix:";
  JsonWriter w(out);
  w.BeginArray();
  w.Number(1);
  w.String("two");
  w.BeginArray();
  w.EndArray();
  w.Bool(true);
  w.EndArray();
  EXPECT_EQ(out, "prefix:[1,\"two\",[],true]");
}

// Records what the projection writes.
class RecordingSink : public ViewSink {
 public:
  void Put(const char* family, const std::string& key, const std::string& value) override {
    writes.emplace_back(family, key + "=" + value);
  }
  void Delete(const char* family, const std::string& key) override {
    writes.emplace_back(family, key + " deleted");
  }
  uint32_t LastNumber(std::string_view, int) override { return 0; }
  std::optional<std::string> Get(const char*, const std::string&) override { return std::nullopt; }

  int Count(const char* family) const {
    int count = 0;
    for (const auto& [written, what] : writes) count += written == family;
    return count;
  }
  std::vector<std::pair<std::string, std::string>> writes;
};

// A letter in execution with an open deadline, on control.
CaseState LetterInExecution() {
  CaseState s;
  s.case_id = "c-1";
  s.kind = workflows::Kind::kCorrespondence;
  s.stage = workflows::Stage::kInExecution;
  s.version = 4;
  s.registration_number = "01/17";
  s.registered_on = "2023-03-01";
  s.received_on = "2023-03-01";
  s.opened_on = "2023-03-01";
  s.subject = "წერილი";
  s.correspondent = "შპს \"ალფა\"";
  s.due = "2023-03-31";
  s.lead_executor = "finance_head";
  s.on_control = true;
  s.participants = {"finance_head", "records_officer"};
  return s;
}

struct Projected {
  RecordingSink sink;
  ProjectionContext context;
  workflows::WatchPolicy policy;
  Projected() {
    context.org = &workflows::OrgChart::Ozurgeti();
    context.calendar =
        const_cast<workflows::HolidayCalendar*>(&workflows::HolidayCalendar::Default());
    context.policy = &policy;
  }
};

TEST(ProjectionTest, AReminderRewritesTheCaseViewButNotTheUnchangedDeadlineOrControlEntry) {
  const CaseState before = LetterInExecution();
  CaseState after = before;
  after.version = 5;
  after.watch.due = after.due;
  after.watch.approached = 3;  // a reminder: the open deadline and the stage are as they were

  Projected p;
  ProjectCaseState(&before, after, p.context, p.sink);
  EXPECT_EQ(p.sink.Count(kCasesView), 1);
  EXPECT_EQ(p.sink.Count(kDeadlinesView), 0);
  EXPECT_EQ(p.sink.Count(kJournalsView), 0);  // the control register's entry

  // A new case, or one whose stage moved, puts both.
  Projected fresh;
  ProjectCaseState(nullptr, after, fresh.context, fresh.sink);
  EXPECT_EQ(fresh.sink.Count(kDeadlinesView), 1);
  EXPECT_EQ(fresh.sink.Count(kJournalsView), 1);
  CaseState answered = after;
  answered.stage = workflows::Stage::kAnswerDrafted;
  Projected moved;
  ProjectCaseState(&after, answered, moved.context, moved.sink);
  EXPECT_EQ(moved.sink.Count(kDeadlinesView), 1);
  EXPECT_EQ(moved.sink.Count(kJournalsView), 1);
}

TEST(ProjectionTest, TheWatchEntryMovesOnlyWhenTheDeadlineOrTheWatchChanged) {
  const CaseState before = LetterInExecution();
  CaseState same = before;
  same.version = 5;
  same.subject = "სხვა";  // not what the watch date follows
  Projected p;
  MoveWatch(&before, same, p.context, p.sink);
  EXPECT_TRUE(p.sink.writes.empty());

  CaseState reminded = before;
  reminded.watch.due = before.due;
  reminded.watch.approached = 3;
  Projected moved;
  MoveWatch(&before, reminded, moved.context, moved.sink);
  ASSERT_EQ(moved.sink.Count(kWatchView), 2);  // the old date deleted, the next one put
  EXPECT_EQ(WatchDate(before, moved.context) == WatchDate(reminded, moved.context), false);

  Projected opened;
  MoveWatch(nullptr, before, opened.context, opened.sink);
  EXPECT_EQ(opened.sink.Count(kWatchView), 1);
}

TEST(ProjectionTest, TheCaseViewObjectIsTheStoredBytes) {
  CaseState s = LetterInExecution();
  s.receipts = {{"finance_head", "2023-03-02"}};
  s.endorsements = {"lawyer"};
  s.watch.due = s.due;
  std::string stored;
  WriteCaseView(s, stored);
  EXPECT_EQ(boost::json::serialize(CaseView(s)), stored);
  EXPECT_NE(stored.find("\"sender\":{\"name\":\"შპს \\\"ალფა\\\"\",\"kind\":\"\"}"),
            std::string::npos);
}

// The answer to an opening command repeats these case-view keys from the headline instead of
// reading the view back: each must be the view's value, or empty where the view omits the key.
TEST(ProjectionTest, TheHeadlineIsTheCaseViewsKeys) {
  CaseState with_everything = LetterInExecution();
  with_everything.due_explanation = "one month from registration";
  with_everything.due_explanation_ka = "ერთი თვე რეგისტრაციიდან";
  CaseState english_only = with_everything;  // events from before the Georgian explanations
  english_only.due_explanation_ka.clear();
  CaseState bare;  // nothing registered, no deadline
  bare.case_id = "c-2";
  bare.kind = workflows::Kind::kAssignment;
  bare.version = 1;
  for (const CaseState* s : {&with_everything, &english_only, &bare}) {
    const boost::json::object view = CaseView(*s);
    const CaseHeadline headline = HeadlineOf(*s);
    // Each key of the answer's list, as the view has it.
    for (const auto& [key, value] : CaseHeadline::FieldsOf(headline)) {
      const auto* in_view = view.if_contains(key);
      EXPECT_EQ(in_view ? std::string(in_view->as_string()) : std::string(), *value)
          << s->case_id << " " << key;
    }
  }
  EXPECT_EQ(HeadlineOf(english_only).due_explanation_ka, "one month from registration");
  EXPECT_TRUE(HeadlineOf(bare).due.empty());
}

}  // namespace
}  // namespace saqme::engine
