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
  kAudit,            // reads every case and register, and the access log (workflows/access.h)
  kAppoint,          // names acting officers and appoints to posts (workflows/org/org_changes.h)
  kConveneSessions,  // convenes the council's and the bureau's sessions (the chair)
  kRecordSessions,   // the sessions' protocol service: attendance, votes, minutes
  kArchive,          // hands closed years' files to the archive and on to the State Archive
};
inline constexpr int kPowerCount = 19;

const char* PowerName(Power power);    // "decide_complaints"
const char* PowerNameKa(Power power);  // "საჩივრის გადაწყვეტა"
std::optional<Power> ParsePower(std::string_view name);

}  // namespace saqme::workflows
