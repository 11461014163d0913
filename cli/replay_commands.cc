// The auditor's subcommands: replay (a case step by step, as it stood at any moment), rebuild
// and check (the views against the log), export and verify-export (a case's history with its
// hashes, re-verifiable offline). See docs/audit.md.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <boost/json/serialize.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "model/event_json.h"
#include "model/tbilisi_time.h"
#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "replay/audit_export.h"
#include "replay/case_replay.h"
#include "replay/view_rebuild.h"
#include "workflows/proceeding.h"

namespace saqme::cli {
namespace {

Status Usage(const std::string& en, const std::string& ka) {
  return Status::Error(Status::Code::kInvalidArgument, en, ka);
}

// The org chart and watch policy the views were built with (the server's --org and
// --watch-policy; the same defaults).
struct Setup {
  workflows::OrgChart org;
  replay::ViewSetup views;
};
Result<std::unique_ptr<Setup>> SetupFrom(const Args& args) {
  auto org = LoadOrg(args.GetOr("org", "ozurgeti"));
  if (!org.ok()) return org.status();
  auto policy = workflows::WatchPolicy::Parse(args.GetOr("watch-policy", ""));
  if (!policy.ok()) return policy.status();
  auto setup = std::make_unique<Setup>(Setup{std::move(org.value()), {}});
  setup->views.org = &setup->org;
  setup->views.policy = policy.value();
  return setup;
}

// A progress bar on stderr: "[#####-----]  52%  5 242 880 / 10 000 000 events  1.21 M/s".
class ProgressBar {
 public:
  explicit ProgressBar(const char* unit) : unit_(unit), start_(std::chrono::steady_clock::now()) {}
  void operator()(uint64_t done, uint64_t total) {
    if (!isatty(STDERR_FILENO) && done != total) return;  // logs get the last line only
    const double seconds = Seconds();
    const int width = 30;
    const int filled = total ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r[%s%s] %3d%%  %llu / %llu %s  %.2f M/s",
                 std::string(filled, '#').c_str(), std::string(width - filled, '-').c_str(),
                 total ? static_cast<int>(100 * done / total) : 100,
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
                 unit_, seconds > 0 ? done / seconds / 1e6 : 0.0);
    if (done == total) std::fprintf(stderr, "\n");
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  const char* unit_;
  std::chrono::steady_clock::time_point start_;
};

// At most `limit` bytes of `text`, cut on a UTF-8 character boundary.
std::string Shorten(const std::string& text, size_t limit = 240) {
  if (text.size() <= limit) return text;
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return text.substr(0, limit) + "…";
}

// A view value for reading: a case's entry (its state snapshot, binary) as the case view of the
// state it holds, anything else (JSON) as it is; shortened.
std::string ReadableValue(const std::string& family, const std::optional<std::string>& value) {
  if (!value) return "(missing)";
  if (family != engine::kCasesView) return Shorten(*value);
  workflows::CaseState state;
  if (!engine::DecodeCaseSnapshot(*value, &state)) {
    return Shorten(*value);  // the JSON of views from before snapshots, or damage
  }
  return Shorten(boost::json::serialize(engine::CaseView(state)));
}

// A view key for reading: binary parts (years, numbers, separators) shown as '.'.
std::string Printable(const std::string& key) {
  std::string out = key;
  for (char& c : out) {
    if (c < 0x20 || c > 0x7e) c = '.';
  }
  return out;
}

// The state and open deadlines after an event, for a person reading the replay.
void PrintState(const workflows::CaseState& state) {
  std::cout << "    → " << workflows::StageName(state.stage);
  const auto deadline = workflows::OpenDeadlineOf(state);
  if (!deadline.due.empty()) {
    std::cout << " · open deadline " << deadline.due << " (" << deadline.responsible << ")";
    if (!state.due_explanation.empty() && state.due == deadline.due) {
      std::cout << "\n      " << state.due_explanation;
    }
  } else {
    std::cout << " · no open deadline";
  }
  if (!state.rights_due.empty()) std::cout << "\n      rights explained by " << state.rights_due;
  if (!state.watch.due.empty() && (state.watch.missed || state.watch.approached)) {
    std::cout << "\n      watch: ";
    if (state.watch.missed) {
      std::cout << "missed, escalation level " << state.watch.level;
    } else {
      std::cout << "reminded " << state.watch.approached << " working days before";
    }
  }
  std::cout << "\n";
}

}  // namespace

int RunReplay(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "case", "as-of", "version"}, {"step", "json"});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme replay --data DIR --case ID [--as-of TIME | --version N] [--step]\n"
           "                    [--json]\n\n"
           "Replays one proceeding from its own events and shows, for each event, its type,\n"
           "the actor (post and person) and whom they acted for, business and recorded time,\n"
           "the data, and the state and open deadline after it. --as-of stops at what the log\n"
           "held at TIME (2026-04-14 = the end of that Tbilisi day, or 2026-04-14T10:30,\n"
           "…T10:30:00+04:00, …Z); --version N after the case's N-th event. --step waits for\n"
           "Enter after each event (q and Enter stops). --json prints the case view at the end\n"
           "as GET /v1/cases/{id}?as_of= serves it. Reads the log only; safe beside a server.\n";
    return 0;
  }
  if (!args->Has("case")) {
    PrintError(Usage("--case ID is required", "მიუთითეთ საქმე: --case ID"));
    return 2;
  }
  replay::ReplayPoint point;
  if (auto text = args->Get("as-of")) {
    point.recorded_by = ParseInstant(*text);
    if (!point.recorded_by) {
      PrintError(Usage("--as-of must be a date or time such as 2026-04-14 or 2026-04-14T10:30",
                       "--as-of უნდა იყოს თარიღი ან დრო, მაგ. 2026-04-14 ან 2026-04-14T10:30"));
      return 2;
    }
  }
  if (auto text = args->Get("version")) {
    char* end = nullptr;
    const unsigned long version = std::strtoul(text->c_str(), &end, 10);
    if (text->empty() || *end || version == 0 || version > UINT32_MAX || point.recorded_by) {
      PrintError(Usage("--version needs a version number, 1 or more, and no --as-of",
                       "--version მოითხოვს ვერსიის ნომერს (1 ან მეტი) --as-of-ის გარეშე"));
      return 2;
    }
    point.version = static_cast<uint32_t>(version);
  }
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  const std::string case_id = *args->Get("case");
  const bool step = args->Has("step"), json = args->Has("json");
  bool stepping = step, stopped = false;
  std::cout << "case " << case_id;
  if (point.recorded_by) std::cout << " as of " << FormatTbilisiTime(*point.recorded_by);
  if (point.version) std::cout << " at version " << *point.version;
  std::cout << "\n";
  auto state = replay::ReplayCase(
      *log, case_id, point,
      [&](uint64_t seq, const storage::EventView& view, const workflows::CaseState& after) {
        if (stopped) return;
        auto event = storage::EventToJson(view.event());
        std::cout << "\n#" << event["version"].as_uint64() << "  event " << seq << "  "
                  << event["type"].as_string().c_str() << "\n"
                  << "    by " << event["actor"].at("post").as_string().c_str();
        const auto& person = event["actor"].at("person").as_string();
        if (!person.empty()) std::cout << " (" << person.c_str() << ")";
        const auto& acting_for = event["acting_for"].as_string();
        if (!acting_for.empty()) std::cout << " acting for " << acting_for.c_str();
        std::cout << "\n    occurred " << event["occurred_at"].as_string().c_str() << "  recorded "
                  << event["recorded_at"].as_string().c_str() << "\n"
                  << "    data " << Shorten(boost::json::serialize(event["data"])) << "\n";
        PrintState(after);
        if (stepping) {
          std::cout << "  [Enter: next event, q: stop] " << std::flush;
          std::string line;
          if (!std::getline(std::cin, line)) {
            stepping = false;  // no more input: show the rest
          } else if (line == "q" || line == "Q") {
            stopped = true;
          }
        }
      });
  if (!state.ok()) {
    PrintError(state.status());
    return state.status().code() == Status::Code::kCorruption ? 1 : 2;
  }
  if (stopped) {
    std::cout << "\nstopped.\n";
    return 0;
  }
  std::cout << "\n"
            << state->version << " events; state " << workflows::StageName(state->stage) << "\n";
  if (json) std::cout << boost::json::serialize(engine::CaseView(state.value())) << "\n";
  return 0;
}

int RunRebuild(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "org", "watch-policy"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme rebuild --data DIR [--org FILE] [--watch-policy POLICY]\n\n"
           "Rebuilds every view (cases, journals, inboxes, deadline and watch indexes, alerts,\n"
           "control, nomenclature) from the log alone, with a progress bar, into a new\n"
           "generation of the view families, then switches to it in one synced write and\n"
           "drops the old one. The live views are never rewritten in place: interrupted at any\n"
           "point, the rebuild leaves them as they were. Needs the directory to itself (stop\n"
           "the server first); --org and --watch-policy must be what the server runs with\n"
           "(defaults as saqme serve's).\n";
    return 0;
  }
  auto setup = SetupFrom(args.value());
  if (!setup.ok()) {
    PrintError(setup.status());
    return 2;
  }
  storage::LogOptions options;
  options.create_if_missing = false;
  options.extra_column_families = engine::ViewFamilies();
  auto log = storage::EventLog::Open(args->GetOr("data", DefaultDataDir()), options);
  if (!log.ok()) {
    PrintError(log.status());
    return 2;
  }
  ProgressBar reading("events");
  // Projected straight into the next generation, which is then switched to (docs/views.md,
  // "Rebuild").
  auto rebuilt = replay::RebuildAndInstall(*log.value(), setup.value()->views, std::ref(reading));
  if (!rebuilt.ok()) {
    PrintError(rebuilt.status());
    return rebuilt.status().code() == Status::Code::kCorruption ? 1 : 2;
  }
  const double seconds = reading.Seconds();
  const uint64_t events = rebuilt->events;
  std::printf(
      "rebuilt about %llu view entries from %llu events in %.1f s (%.0f events/s); view "
      "generation %llu is live\n"
      "ხედები თავიდან აიგო: %llu მოვლენიდან დაახლოებით %llu ჩანაწერი\n",
      static_cast<unsigned long long>(rebuilt->entries), static_cast<unsigned long long>(events),
      seconds, seconds > 0 ? events / seconds : 0.0,
      static_cast<unsigned long long>(log.value()->view_generation()),
      static_cast<unsigned long long>(events), static_cast<unsigned long long>(rebuilt->entries));
  return 0;
}

int RunCheck(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "org", "watch-policy", "show"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme check --data DIR [--org FILE] [--watch-policy POLICY] [--show N]\n\n"
           "Rebuilds every view from the log into a scratch database in TMPDIR (removed after;\n"
           "nothing in DIR is written) and compares it with the live views key by key. Prints\n"
           "each difference — the family, the key, the live and the rebuilt value (the first N\n"
           "in full, default 50; then a count) — and exits 1 if there is any, 0 when the views\n"
           "are exactly the log's projection. Also walks the hash chain (as saqme verify) and\n"
           "fails when it breaks. Opens the directory read-only: it can run beside a live\n"
           "server.\n";
    return 0;
  }
  auto setup = SetupFrom(args.value());
  if (!setup.ok()) {
    PrintError(setup.status());
    return 2;
  }
  const uint64_t show = std::strtoull(args->GetOr("show", "50").c_str(), nullptr, 10);
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  // The chain is walked on the second core while the views are rebuilt on the first.
  storage::VerifyReport chain;
  std::thread verifier([&] { chain = log->Verify(); });
  ProgressBar bar("events");
  auto rebuilt = replay::Rebuild(*log, setup.value()->views, std::ref(bar));
  verifier.join();
  if (!chain.ok) {
    std::cout << "FAILED: the hash chain breaks at event " << chain.first_bad_seq << ": "
              << chain.problem << "\n"
              << "ჟურნალის ჯაჭვი დარღვეულია მოვლენაზე " << chain.first_bad_seq << "\n";
  }
  if (!rebuilt.ok()) {
    PrintError(rebuilt.status());
    return 1;
  }
  std::map<std::string, uint64_t> per_family;
  uint64_t shown = 0, entries = 0;
  auto differences = replay::CompareWithLive(
      *log, *rebuilt.value(),
      [&](const replay::ViewDifference& d) {
        ++per_family[d.family];
        if (shown++ < show) {
          std::cout << "DIFF " << d.family << " " << storage::HexOf(d.key) << " ("
                    << Printable(d.key) << ")\n"
                    << "  live:    " << ReadableValue(d.family, d.live) << "\n"
                    << "  rebuilt: " << ReadableValue(d.family, d.rebuilt) << "\n";
        }
      },
      &entries);
  if (!differences.ok()) {
    PrintError(differences.status());
    return 2;
  }
  if (differences.value() > 0) {
    std::cout << "FAILED: " << differences.value() << " differences between the live views and "
              << "the log's projection (" << rebuilt.value()->events() << " events)\n";
    for (const auto& [family, count] : per_family)
      std::cout << "  " << family << ": " << count << "\n";
    std::cout << "ხედები არ ემთხვევა ჟურნალს: " << differences.value() << " განსხვავება\n";
    return 1;
  }
  if (!chain.ok) return 1;
  std::cout << "ok: " << entries << " view entries equal the projection of "
            << rebuilt.value()->events() << " events; chain intact, head hash "
            << storage::HexOf(chain.head_hash) << "\n"
            << "ხედები ემთხვევა ჟურნალს\n";
  return 0;
}

int RunExport(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "case", "format", "out"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme export --data DIR --case ID [--format json|csv] [--out FILE]\n\n"
           "Writes the audit export of one case: every event with its readable fields, its\n"
           "hash, the previous event's hash and `canonical` — the exact bytes the hash covers —\n"
           "so a copy can be re-verified offline (saqme verify-export, or sha256sum / a few\n"
           "lines of Python: docs/audit.md). To standard output unless --out is given.\n";
    return 0;
  }
  const std::string format = args->GetOr("format", "json");
  if (!args->Has("case") || (format != "json" && format != "csv")) {
    PrintError(Usage("--case ID is required and --format is json or csv",
                     "საჭიროა --case ID; --format არის json ან csv"));
    return 2;
  }
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  const std::string case_id = *args->Get("case");
  auto events = replay::ExportCase(*log, case_id);
  if (!events.ok()) {
    PrintError(events.status());
    return events.status().code() == Status::Code::kCorruption ? 1 : 2;
  }
  const std::string text = format == "csv" ? replay::ExportCsv(events.value())
                                           : replay::ExportJson(case_id, events.value()) + "\n";
  if (auto out = args->Get("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << text;
    if (!file.flush()) {
      PrintError(Status::Error(Status::Code::kIOError, "cannot write " + *out,
                               "ფაილის " + *out + " ჩაწერა ვერ მოხერხდა"));
      return 2;
    }
    std::cerr << events->size() << " events of " << case_id << " written to " << *out << "\n";
  } else {
    std::cout << text;
  }
  return 0;
}

int RunVerifyExport(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"file"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help") || !args->Has("file")) {
    std::cout
        << "usage: saqme verify-export --file FILE\n\n"
           "Re-verifies an audit export (JSON or CSV) without the log: each event's hash is\n"
           "SHA-256(prev_hash || canonical); every readable field is what canonical says;\n"
           "consecutive events chain; versions run 1, 2, … without a gap. Exit 0 when intact,\n"
           "1 naming the first event that is not. To anchor the hashes to the log itself,\n"
           "compare them with saqme verify / GET /v1/audit/verify on the live data.\n";
    return args->Has("help") ? 0 : 2;
  }
  std::ifstream in(*args->Get("file"), std::ios::binary);
  if (!in) {
    PrintError(Status::Error(Status::Code::kNotFound, "cannot read " + *args->Get("file"),
                             "ფაილი " + *args->Get("file") + " ვერ წაიკითხა"));
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto check = replay::VerifyExport(text.str());
  if (!check.ok) {
    std::cout << "FAILED: " << check.problem << "\n"
              << "ექსპორტი შეცვლილია ან დაზიანებულია"
              << (check.first_bad_seq ? " (მოვლენა " + std::to_string(check.first_bad_seq) + ")"
                                      : std::string())
              << "\n";
    return 1;
  }
  std::cout << "ok: " << check.events << " events re-verified\n"
            << "ექსპორტი ხელუხლებელია: შემოწმდა " << check.events << " მოვლენა\n";
  return 0;
}

}  // namespace saqme::cli
