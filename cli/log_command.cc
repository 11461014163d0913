// saqme log --data DIR [--case ID] [--from SEQ]: events as JSON lines.
#include <iostream>

#include <kj/exception.h>
#include <boost/json/serialize.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "model/event_json.h"
#include "storage/event_log.h"

namespace saqme::cli {

int RunLog(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "case", "from"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme log --data DIR [--case ID] [--from SEQ]\n\n"
                 "Prints events as JSON lines (UTF-8): the whole log in sequence order, or from\n"
                 "--from SEQ, or one case's events in version order with --case. Each line has\n"
                 "seq, case_id, version, type, occurred_at, recorded_at (Tbilisi time), actor,\n"
                 "acting_for, command_id, prev_hash, hash and data (the payload).\n";
    return 0;
  }
  uint64_t from = 1;
  if (auto text = args->Get("from")) {
    try {
      size_t used = 0;
      from = std::stoull(*text, &used);
      if (used != text->size()) throw std::invalid_argument(*text);
    } catch (const std::exception&) {
      PrintError(Status::Error(Status::Code::kInvalidArgument, "--from needs a sequence number",
                               "--from მოითხოვს მოვლენის ნომერს"));
      return 2;
    }
  }
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  Status damaged;
  auto print = [&damaged](uint64_t seq, const storage::EventView& view) {
    try {
      std::cout << boost::json::serialize(storage::EventToJson(view.event())) << "\n";
      return true;
    } catch (const kj::Exception& e) {  // a damaged event: stop and say where
      damaged = Status::Error(Status::Code::kCorruption,
                              "event " + std::to_string(seq) + " does not decode: " +
                                  e.getDescription().cStr() + " (run saqme verify)",
                              "მოვლენა " + std::to_string(seq) + " დაზიანებულია");
      return false;
    }
  };
  Status status =
      args->Has("case") ? log->ReadCase(*args->Get("case"), print) : log->ReadFrom(from, print);
  if (status.ok()) status = damaged;
  if (!status.ok()) {
    PrintError(status);
    return status.code() == Status::Code::kCorruption ? 1 : 2;
  }
  return 0;
}

}  // namespace saqme::cli
