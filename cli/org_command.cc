// saqme org [--org FILE|ozurgeti|zugdidi] [--on YYYY-MM-DD]: checks an org file and shows it.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "workflows/org/org_chart.h"

namespace saqme::cli {
namespace {

using workflows::OrgChart;

void PrintPost(const OrgChart& org, const workflows::Post& post, const workflows::Date& on,
               int depth) {
  std::cout << std::string(2 * depth, ' ') << post.id << " — " << post.title_ka;
  if (!post.holder.empty()) std::cout << " — " << post.holder;
  if (auto acting = org.ActingFor(post.id, on)) {
    std::cout << "  [acting on " << on.ToString() << ": " << acting->acting_post << "]";
  }
  if (!post.powers.empty()) {
    std::cout << "  (";
    const char* separator = "";
    for (auto power : post.powers) {
      std::cout << separator << workflows::PowerName(power);
      separator = ", ";
    }
    std::cout << ")";
  }
  std::cout << "\n";
  for (const auto& other : org.posts()) {
    if (other.supervisor == post.id) PrintPost(org, other, on, depth + 1);
  }
}

}  // namespace

int RunOrg(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"org", "on"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme org [--org FILE|ozurgeti|zugdidi] [--on YYYY-MM-DD]\n\n"
                 "Checks an organisation file (docs/org-format.md) and prints its reporting line\n"
                 "as a tree: each post with its holder, its powers, and who acts for it on the\n"
                 "day given by --on. Without --org, the built-in Ozurgeti council apparatus.\n"
                 "Exit 2 with the first problem when the file is not valid.\n";
    return 0;
  }
  const std::string which = args->GetOr("org", "ozurgeti");
  auto org = LoadOrg(which);
  if (!org.ok()) {
    PrintError(org.status());
    return 2;
  }
  auto on = workflows::Date::Parse(args->GetOr("on", "2026-01-01"));
  if (!on) {
    PrintError(Status::Error(Status::Code::kInvalidArgument, "--on needs a date as YYYY-MM-DD",
                             "--on მოითხოვს თარიღს ფორმატით YYYY-MM-DD"));
    return 2;
  }
  std::cout << org->body_name_ka() << " / " << org->body_name_en() << "\n"
            << org->units().size() << " units, " << org->posts().size() << " posts, "
            << org->acting().size() << " acting assignments\n\n";
  PrintPost(org.value(), *org->FindPost(org->head_post()), *on, 0);
  return 0;
}

}  // namespace saqme::cli
