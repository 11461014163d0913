// A test bench for the pure workflows: an org chart, the calendar, journal counters and a
// nomenclature, a clock the test sets, and one case whose events are evolved as they are decided.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "model/event_json.h"
#include "workflows/proceeding.h"

namespace saqme::testing {

using workflows::CaseState;
using workflows::Date;

class WorkflowBench {
 public:
  using Fill = std::function<void(schema::Command::Builder)>;

  explicit WorkflowBench(const workflows::OrgChart& org = workflows::OrgChart::Ozurgeti())
      : org_(org), today_(*Date::Parse("2026-11-02")) {
    state_.case_id = "case-under-test";
  }

  void SetToday(const char* date) { today_ = *Date::Parse(date); }
  // Starts another case, `case_id`, on this bench: the journals' counters, the nomenclature and
  // the acts stay (as two cases of one engine share its registers).
  void OpenAnotherCase(const std::string& case_id) {
    state_ = CaseState();
    state_.case_id = case_id;
  }
  const Date& today() const { return today_; }
  void AddNomenclatureFile(int year, const std::string& code, bool archived = false) {
    nomenclature_[{year, code}] = archived;
  }
  // A periodic report required before in case `case_id` (Context::required_report).
  void AddRequiredReport(const std::string& post, const std::string& report,
                         const std::string& period, const std::string& case_id) {
    required_reports_[post + "|" + report + "|" + period] = case_id;
  }
  // What the engine's views would say of legal act `case_id` (Context::legal_act).
  void AddLegalAct(const std::string& case_id, workflows::ActFacts facts) {
    acts_[case_id] = std::move(facts);
  }
  const CaseState& state() const { return state_; }
  workflows::OrgChart& org() { return org_; }
  // Every event decided and applied so far, as stored bytes would decode.
  const std::vector<std::vector<capnp::word>>& events() const { return events_; }

  // With `take_numbers` false, next_number answers the next number without taking it (for
  // asking what would be accepted).
  workflows::Context Context(const std::string& post, bool take_numbers = true) {
    workflows::Context context;
    context.actor_post = post;
    const auto* p = org_.FindPost(post);
    context.actor_person = p ? p->holder : "";
    context.today = today_;
    context.now_ms = (today_.DaysSinceEpoch() * 86400 + 10 * 3600) * 1000 - 4 * 3600 * 1000;
    context.org = &org_;
    context.calendar = &workflows::HolidayCalendar::Default();
    context.deadlines = &workflows::DeadlineTable::Default();
    context.next_number = [this, take_numbers](std::string_view journal, int year) {
      int& counter = counters_[std::string(journal) + std::to_string(year)];
      return std::string(journal) + "/" + std::to_string(year) + "/" +
             std::to_string(take_numbers ? ++counter : counter + 1);
    };
    context.in_nomenclature = [this](int year, std::string_view code) {
      auto it = nomenclature_.find({year, std::string(code)});
      if (it == nomenclature_.end()) return workflows::FileStatus::kAbsent;
      return it->second ? workflows::FileStatus::kArchived : workflows::FileStatus::kOpen;
    };
    context.legal_act = [this](std::string_view case_id) -> std::optional<workflows::ActFacts> {
      auto it = acts_.find(std::string(case_id));
      if (it == acts_.end()) return std::nullopt;
      return it->second;
    };
    context.required_report = [this](std::string_view post, std::string_view report,
                                     std::string_view period) -> std::optional<std::string> {
      auto it = required_reports_.find(std::string(post) + "|" + std::string(report) + "|" +
                                       std::string(period));
      if (it == required_reports_.end()) return std::nullopt;
      return it->second;
    };
    return context;
  }

  // Decides the command as `post`; on success applies the events and returns "" ; on refusal
  // returns its English message (and `*refusal` gets the whole refusal).
  std::string Try(const std::string& post, const Fill& fill,
                  workflows::Refusal* refusal = nullptr) {
    capnp::MallocMessageBuilder message;
    auto command = message.initRoot<schema::Command>();
    fill(command);
    auto decision = workflows::Decide(state_, command.asReader(), Context(post));
    if (auto* r = std::get_if<workflows::Refusal>(&decision)) {
      if (refusal) *refusal = *r;
      EXPECT_FALSE(r->message_en.empty());
      EXPECT_FALSE(r->message_ka.empty());
      return r->message_en.empty() ? "refused" : r->message_en;
    }
    auto& drafts = std::get<std::vector<storage::EventDraft>>(decision);
    EXPECT_FALSE(drafts.empty());
    for (auto& draft : drafts) {
      draft.event().setCaseId(state_.case_id);
      draft.event().setCaseVersion(state_.version + 1);
      auto words = capnp::messageToFlatArray(draft.message());
      events_.emplace_back(words.begin(), words.end());
      last_event_ = storage::EventToJson(draft.event().asReader());
      workflows::Evolve(state_, draft.event().asReader());
    }
    return "";
  }
  // Whether the command would be accepted now (nothing is applied).
  bool Accepts(const std::string& post, const Fill& fill) {
    capnp::MallocMessageBuilder message;
    auto command = message.initRoot<schema::Command>();
    fill(command);
    auto decision = workflows::Decide(state_, command.asReader(), Context(post, false));
    return std::holds_alternative<std::vector<storage::EventDraft>>(decision);
  }
  // Like Try, but the command must be accepted.
  void Do(const std::string& post, const Fill& fill) {
    const std::string refused = Try(post, fill);
    ASSERT_EQ(refused, "") << "refused for " << post;
  }
  // The JSON of the last event applied.
  const boost::json::object& last_event() const { return last_event_; }

 private:
  workflows::OrgChart org_;
  Date today_;
  CaseState state_;
  std::map<std::string, int> counters_;
  std::map<std::pair<int, std::string>, bool> nomenclature_;  // file -> archived
  std::map<std::string, workflows::ActFacts> acts_;
  std::map<std::string, std::string> required_reports_;  // post|report|period -> case id
  std::vector<std::vector<capnp::word>> events_;
  boost::json::object last_event_;
};

}  // namespace saqme::testing
