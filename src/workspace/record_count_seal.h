// The number of records the workspace last committed, kept next to gocua.db (not inside it: a
// lost or torn -wal would take a count stored in the database with it) and sealed with the data
// key. verify compares it with what the database holds, so a lost last import is not silent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/result.h"
#include "vault/record_cipher.h"

namespace gocua::workspace::detail {

inline constexpr const char* kRecordCountFile = "gocua.db.count";

// What the file holds: the count, and the records found missing at an unlock (kept until the
// workspace is restored, so a write after the loss cannot hide it by sealing the smaller count).
struct RecordCount {
  std::int64_t count = 0;
  std::int64_t lost = 0;
  bool operator==(const RecordCount&) const = default;
};

// nullopt when the file is missing (a workspace from before the file; the next record write
// creates it). Errors: "workspace.damaged" (changed, or sealed under another key).
Result<std::optional<RecordCount>> readRecordCount(const std::filesystem::path& dir, const vault::RecordCipher& cipher);
// Durably replaces the file. Errors: "sync.io", "sync.verify_failed".
Status writeRecordCount(const std::filesystem::path& dir, const vault::RecordCipher& cipher, RecordCount count);

}  // namespace gocua::workspace::detail
