// ExpectOnlyAllowed: in the bench's state, every command of the catalogue but `allowed` is
// refused for the state's reason and each allowed one is offered (the e-petition's, the oral
// act's and the periodic report's tests).
#pragma once

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/allowed_actions.h"

namespace saqme::testing {

using Allowed = std::set<std::string>;

// Every command of the catalogue outside `allowed` is refused in the state, for the state's
// reason, whoever gives it; each allowed one is offered (AllowedActions) to some post and the
// inbox (ExpectedSteps) asks it of a post that may give it — but for `check_inbox` false: the
// inbox is a view of the state, not of the day, so after the 15 days to fix it still asks the
// office for the fix while the watch reports the miss.
inline void ExpectOnlyAllowed(WorkflowBench& bench, const Allowed& allowed,
                              bool check_inbox = true) {
  SCOPED_TRACE(std::string("in state ") + workflows::StageName(bench.state().stage));
  std::set<std::string> offered;
  for (const auto& post : bench.org().posts()) {
    for (const auto& type :
         workflows::AllowedActions(bench.state(), bench.Context(post.id, false))) {
      EXPECT_TRUE(allowed.count(type)) << type << " offered to " << post.id;
      offered.insert(type);
    }
  }
  for (const auto& type : allowed) EXPECT_TRUE(offered.count(type)) << type << " not offered";
  for (const auto& step : workflows::ExpectedSteps(bench.state(), bench.org())) {
    if (!check_inbox) break;
    EXPECT_TRUE(allowed.count(step.type)) << step.type;
    const auto actions = workflows::AllowedActions(bench.state(), bench.Context(step.post, false));
    EXPECT_NE(std::find(actions.begin(), actions.end(), step.type), actions.end())
        << "the inbox expects " << step.type << " of " << step.post;
  }
  for (const auto& [name, fill] : commands::Catalogue()) {
    if (allowed.count(name)) continue;
    for (const auto& post : bench.org().posts()) {
      workflows::Refusal refusal;
      const std::string message = bench.Try(post.id, fill, &refusal);
      ASSERT_FALSE(message.empty()) << name << " was accepted from " << post.id;
      EXPECT_EQ(refusal.category(), workflows::RefusalCategory::kNotNow) << name << ": " << message;
      EXPECT_TRUE(message.find("not possible while") != std::string::npos ||
                  message.find("does not apply") != std::string::npos)
          << name << " by " << post.id << ": " << message;
    }
  }
}

}  // namespace saqme::testing
