// saqme verify --data DIR: walks the whole hash chain (docs/storage-format.md).
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "storage/event_log.h"

namespace saqme::cli {

int RunVerify(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme verify --data DIR\n\n"
           "Walks the log's hash chain from event 1: every event must be present, decode,\n"
           "carry its own sequence and the previous event's hash, and hash to the value it\n"
           "stores. Exit 0 with the count checked and the head hash; exit 1 naming the first\n"
           "sequence that does not match. The log is opened read-only, so verify can run\n"
           "beside a live server (it checks the log as of the moment it opened it).\n";
    return 0;
  }
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  auto report = log->Verify(
      [](uint64_t checked) { std::cerr << "\r" << checked << " events verified…" << std::flush; });
  if (report.checked >= 100000) std::cerr << "\n";
  if (!report.ok) {
    std::cout << "FAILED at sequence " << report.first_bad_seq << ": " << report.problem << "\n"
              << "ჯაჭვი დარღვეულია მოვლენაზე " << report.first_bad_seq << "; მოვლენები 1–"
              << report.verified_through << " ხელუხლებელია\n"
              << "intact through sequence " << report.verified_through << ", hash "
              << storage::HexOf(report.head_hash) << "\n";
    return 1;
  }
  std::cout << "ok: " << report.checked << " events verified, chain intact through sequence "
            << report.verified_through << "\n"
            << "head hash " << storage::HexOf(report.head_hash) << "\n"
            << "ჯაჭვი ხელუხლებელია: შემოწმდა " << report.checked << " მოვლენა\n";
  return 0;
}

}  // namespace saqme::cli
