// saqme generate --data DIR --profile lentekhi --year YYYY [--scale N] [--seed S] [--org ORG]
// [--late-share F]:
// a realistic year written through the engine (generate/year_generator.h), with a progress bar.
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "generate/late_share.h"
#include "generate/year_generator.h"
#include "storage/memory_budget.h"

namespace saqme::cli {
namespace {

// Parses a whole decimal number in [lo, hi]; nullopt otherwise.
std::optional<uint64_t> Number(const std::string& text, uint64_t lo, uint64_t hi) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < lo || value > hi) {
    return std::nullopt;
  }
  return value;
}

// One line redrawn in place on a terminal; a line per tenth of the year otherwise (logs).
class ProgressBar {
 public:
  ProgressBar() : terminal_(isatty(STDERR_FILENO)), started_(Clock::now()) {}

  void Show(const generate::GenerateProgress& p) {
    const int tenth = p.day * 10 / std::max(1, p.days);
    const auto now = Clock::now();
    const bool done = p.day == p.days;
    if (terminal_ ? (!done && now - drawn_ < std::chrono::milliseconds(200)) : tenth == tenth_) {
      return;
    }
    drawn_ = now;
    tenth_ = tenth;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    constexpr int kWidth = 30;
    const int filled = p.day * kWidth / std::max(1, p.days);
    std::fprintf(stderr, "%s[%s%s] %3d%%  %s  %llu commands  %llu events  %.0f events/s%s",
                 terminal_ ? "\r" : "", std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(kWidth - filled), ' ').c_str(),
                 p.day * 100 / std::max(1, p.days), p.date.c_str(),
                 static_cast<unsigned long long>(p.commands),
                 static_cast<unsigned long long>(p.events),
                 seconds > 0 ? static_cast<double>(p.events) / seconds : 0.0,
                 terminal_ && !done ? "" : "\n");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool terminal_;
  Clock::time_point started_, drawn_;
  int tenth_ = -1;
};

}  // namespace

int RunGenerate(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2,
                          {"data", "profile", "year", "scale", "seed", "org", "late-share",
                           "transfer-to-state-archive", "memory-budget-mb"},
                          {"quiet", "hand-to-archive"});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme generate --data DIR --profile lentekhi --year YYYY [--scale N]\n"
           "                      [--seed S] [--org ozurgeti|FILE] [--late-share F]\n"
           "                      [--hand-to-archive] [--transfer-to-state-archive N]\n"
           "                      [--memory-budget-mb N] [--quiet]\n\n"
           "Writes a realistic year of a body's proceedings into a new data directory, through\n"
           "the engine as clerks, heads and executors would: letters, applications, public-\n"
           "information requests and complaints from real-sounding senders, resolutions,\n"
           "answers (on time, some extended), letters on the body's own\n"
           "initiative, council acts and the chair's orders, assignments, the nomenclature.\n"
           "--profile lentekhi at --scale 1 gives the Lentekhi council apparatus's 2023 figures\n"
           "(135 incoming of which 16 public-information requests, 207 outgoing, 175 acts,\n"
           "29 nomenclature files); --scale N multiplies every count. The same seed (default 1)\n"
           "gives the same log, hash for hash. Check it with: saqme report --data DIR --year "
           "YYYY\n\n"
           "--late-share F  the share of letters and applications answered after their due\n"
           "                date: a fraction (0.2) or per mille (200‰ or 200permille); default\n"
           "                the profile's (lentekhi: 0, every letter on time as the seed says).\n"
           "                The deadline watch then reminds, records the misses and escalates.\n"
           "--hand-to-archive  after the year, on the next year's first working day, the\n"
           "                records office hands the year's files to the departmental archive\n"
           "                (inventory 1; a year's files are handed once it is closed).\n"
           "--transfer-to-state-archive N  implies --hand-to-archive; N years later (1 to 75),\n"
           "                on that year's first working day, the permanently kept files go on to\n"
           "                the State Archive by transfer act 1. N is yours to choose: no period\n"
           "                is set by the sources this tool follows.\n"
           "--memory-budget-mb N  the engine's memory (default 256, at least 16), as saqme\n"
           "                serve's; the same log whatever it is.\n";
    return 0;
  }
  generate::GenerateOptions options;
  const std::string profile = args->GetOr("profile", "lentekhi");
  options.profile = generate::YearProfile::Find(profile);
  if (!options.profile) {
    PrintError(Status::Error(Status::Code::kInvalidArgument,
                             "unknown --profile '" + profile + "' (known: lentekhi)",
                             "უცნობი პროფილი '" + profile + "' (ცნობილია: lentekhi)"));
    return 2;
  }
  auto year = Number(args->GetOr("year", ""), 1990, 2100);
  auto scale = Number(args->GetOr("scale", "1"), 1, generate::kMaxScale);
  auto seed = Number(args->GetOr("seed", "1"), 0, UINT64_MAX);
  if (!year || !scale || !seed) {
    PrintError(Status::Error(Status::Code::kInvalidArgument,
                             !year    ? "--year needs a year from 1990 to 2100, such as 2023"
                             : !scale ? "--scale needs a whole number from 1 to 10000"
                                      : "--seed needs a whole number",
                             !year ? "--year მოითხოვს წელს 1990-დან 2100-მდე, მაგ. 2023"
                             : !scale ? "--scale მოითხოვს მთელ რიცხვს 1-დან 10000-მდე"
                                      : "--seed მოითხოვს მთელ რიცხვს"));
    return 2;
  }
  options.year = static_cast<int>(*year);
  options.scale = static_cast<int>(*scale);
  options.seed = *seed;
  if (args->Has("late-share")) {
    auto late = generate::ParseLateShare(args->GetOr("late-share", ""));
    if (!late.ok()) {
      PrintError(late.status());
      return 2;
    }
    options.late_per_mille = late.value();
  }
  auto memory_budget =
      args->GetInt("memory-budget-mb", int{storage::MemoryBudget::kDefaultMegabytes},
                   int{storage::MemoryBudget::kMinimumMegabytes}, 1 << 20);
  if (!memory_budget.ok()) {
    PrintError(args->Explain("memory-budget-mb", memory_budget.status()));
    return 2;
  }
  options.memory_budget_mb = static_cast<size_t>(memory_budget.value());
  options.hand_to_archive = args->Has("hand-to-archive");
  if (args->Has("transfer-to-state-archive")) {
    auto years =
        Number(args->GetOr("transfer-to-state-archive", ""), 1, generate::kMaxTransferYears);
    if (!years) {
      PrintError(Status::Error(
          Status::Code::kInvalidArgument,
          "--transfer-to-state-archive needs the years after the handing over, 1 to 75",
          "--transfer-to-state-archive მოითხოვს წლების რაოდენობას ჩაბარებიდან, 1-დან 75-მდე"));
      return 2;
    }
    options.transfer_after_years = static_cast<int>(*years);
  }
  auto org = LoadOrg(args->GetOr("org", "ozurgeti"));
  if (!org.ok()) {
    PrintError(org.status());
    return 2;
  }
  options.org = &org.value();
  const std::string dir = args->GetOr("data", DefaultDataDir());
  ProgressBar bar;
  const bool quiet = args->Has("quiet");
  const auto started = std::chrono::steady_clock::now();
  auto summary = generate::GenerateYear(dir, options, [&](const generate::GenerateProgress& p) {
    if (!quiet) bar.Show(p);
  });
  if (!summary.ok()) {
    PrintError(summary.status());
    return 2;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "generated " << profile << " " << options.year << " at scale " << options.scale
            << " (seed " << options.seed << ") into " << dir << ": " << summary->proceedings
            << " proceedings, " << summary->commands << " commands, " << summary->events
            << " events (last seq " << summary->last_seq << ") over " << summary->working_days
            << " working days in " << summary->groups << " fsync'd groups, "
            << static_cast<uint64_t>(seconds) << " s\n"
            << "report: saqme report --data " << dir << " --year " << options.year << "\n";
  return 0;
}

}  // namespace saqme::cli
