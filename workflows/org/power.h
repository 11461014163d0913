// Power: what a post may do beyond executing what it is assigned (which any post may).
// The table of powers is docs/org-format.md.
#pragma once

#include <optional>
#include <string_view>

namespace saqme::workflows {

enum class Power {
  kRegister,
  kResolve,
  kEndorse,
  kSign,
  kDispatch,
  kFile,
  kDecideComplaints,
  kIssueOrders,
  kLegalExpertise,
  kAdoptActs,
  kPublish,
  kApproveNomenclature,
  kDeclareDaysOff,
  kIssueAssignments,
};
inline constexpr int kPowerCount = 14;

const char* PowerName(Power power);    // "decide_complaints"
const char* PowerNameKa(Power power);  // "საჩივრის გადაწყვეტა"
std::optional<Power> ParsePower(std::string_view name);

}  // namespace saqme::workflows
