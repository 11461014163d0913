// saqme backup --data DIR --to DIR [--keep N] | --list --to DIR, and
// saqme restore --from DIR --data DIR [--backup-id N]: docs/backup.md.
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "storage/backup.h"

namespace saqme::cli {
namespace {

std::string Utc(int64_t seconds) {
  const std::time_t t = seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string Anchor(const storage::BackupSummary& backup) {
  return backup.head_hash.empty() ? "(incomplete)"
                                  : std::to_string(backup.head_seq) + ":" + backup.head_hash;
}

// Seconds since `start`, with three decimals.
std::string Since(std::chrono::steady_clock::time_point start) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3)
      << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out.str();
}

Status Required(const Args& args, const char* name) {
  if (args.Has(name)) return Status::Ok();
  return Status::Error(Status::Code::kInvalidArgument, std::string("--") + name + " is required",
                       std::string("--") + name + " აუცილებელია");
}

}  // namespace

int RunBackup(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "to", "keep"}, {"list"});
  if (!args.ok()) return Fail(args.status());
  if (args->Has("help")) {
    std::cout
        << "usage: saqme backup --data DIR --to BACKUP-DIR [--keep N]\n"
           "       saqme backup --list --to BACKUP-DIR\n\n"
           "Backs up the log of DIR into BACKUP-DIR with RocksDB's BackupEngine while the\n"
           "server keeps running: incremental (table files already backed up are shared),\n"
           "checksummed. The backup holds every command acknowledged before it began; it is\n"
           "restored once into a scratch directory and its hash chain walked before it counts.\n"
           "tokens.txt, users.txt, access-log.jsonl and simulated-clock are stored with it.\n"
           "Prints the backup id, the head sequence and the head hash (the anchor SEQ:HASH).\n"
           "--keep N then deletes all but the newest N backups. --list shows the backups.\n"
           "Exit 2 on any error. docs/backup.md.\n";
    return 0;
  }
  if (Status to = Required(args.value(), "to"); !to.ok()) return Fail(to);
  const std::string to = *args->Get("to");
  if (args->Has("list")) {
    auto backups = storage::ListBackups(to);
    if (!backups.ok()) return Fail(backups.status());
    std::cout << "id\tcreated (UTC)\tbytes\tfiles\tanchor (head SEQ:HASH)\n";
    for (const auto& backup : backups.value()) {
      std::cout << backup.id << "\t" << Utc(backup.created_at) << "\t" << backup.bytes << "\t"
                << backup.files << "\t" << Anchor(backup) << "\n";
    }
    return 0;
  }
  auto keep = args->GetInt("keep", 0, 1, 100000);
  if (!keep.ok()) return Fail(keep.status());
  const auto start = std::chrono::steady_clock::now();
  auto backup = storage::CreateBackup(args->GetOr("data", DefaultDataDir()), to, keep.value());
  if (!backup.ok()) return Fail(backup.status());
  std::cout << "backup " << backup->id << " in " << to << " (" << Since(start) << " s, "
            << backup->bytes << " bytes in " << backup->files << " files)\n"
            << "head sequence " << backup->head_seq << "\n"
            << "head hash " << backup->head_hash << "\n"
            << "anchor " << Anchor(backup.value()) << "\n"
            << "სარეზერვო ასლი " << backup->id << " შეიქმნა და შემოწმდა: მოვლენები 1–"
            << backup->head_seq << "\n";
  return 0;
}

int RunRestore(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"from", "data", "backup-id"}, {});
  if (!args.ok()) return Fail(args.status());
  if (args->Has("help")) {
    std::cout
        << "usage: saqme restore --from BACKUP-DIR --data DIR [--backup-id N]\n\n"
           "Restores backup N (default: the newest) of BACKUP-DIR into DIR, which must be\n"
           "absent or empty (exit 2 otherwise). The log is restored beside DIR, its hash chain\n"
           "walked and compared with the head recorded when the backup was taken, the files\n"
           "kept beside the log copied (0600), and only then moved into place: DIR appears\n"
           "whole or not at all. Prints the restored head. Exit 2 on any error.\n";
    return 0;
  }
  for (const char* name : {"from", "data"}) {
    if (Status given = Required(args.value(), name); !given.ok()) return Fail(given);
  }
  auto id = args->GetInt("backup-id", 0, 1, 2147483647);
  if (!id.ok()) return Fail(id.status());
  const auto start = std::chrono::steady_clock::now();
  auto restored = storage::RestoreBackup(*args->Get("from"), static_cast<uint32_t>(id.value()),
                                         *args->Get("data"));
  if (!restored.ok()) return Fail(restored.status());
  std::cout << "restored backup " << restored->id << " into " << *args->Get("data") << " ("
            << Since(start) << " s)\n"
            << "ok: chain intact through sequence " << restored->head_seq << "\n"
            << "head hash " << restored->head_hash << "\n"
            << "anchor " << Anchor(restored.value()) << "\n"
            << "აღდგენილია სარეზერვო ასლი " << restored->id << ": ჯაჭვი ხელუხლებელია მოვლენამდე "
            << restored->head_seq << "\n";
  return 0;
}

}  // namespace saqme::cli
