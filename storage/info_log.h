// InfoLog: RocksDB's diagnostic log ("LOG") written so that a failed write is dropped, not fatal.
//
// RocksDB's own info log goes through a WritableFileWriter, and Debian's build keeps its
// assertions: once one write to LOG failed (a full filesystem), the next one aborts the process
// (`sync_without_flush_called_`), before the open can even return its IOError. This logger
// writes each line with one write(2) and ignores failures: a diagnostic line lost on a full disk
// is the right trade for a clean exit 2 (docs/reliability.md).
#pragma once

#include <memory>
#include <string>

#include <rocksdb/env.h>

namespace saqme::storage {

// A logger appending to `path` (mode 0600; a previous file is kept as `path`.old, so at most two
// exist). Never fails: a file that cannot be opened or written loses the lines, nothing else.
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& path);

}  // namespace saqme::storage
