// The search index, the applications list and the household count, sealed next to gocua.db
// between sessions ("gocua.db.index"), so an unlock opens one file instead of decrypting and
// parsing every record.
//
// The copy holds the fingerprint of the record rows it was made from: a hash over each loaded
// row's seq, id, revision, kind, sync state, row tag and sealed body
// (store::Repository::forEachRowFingerprint). An unlock uses the copy only when the rows still
// give that fingerprint, byte for byte, so an insert, delete, edit, state change, purge or a
// flipped bit since, by GoCua or with sqlite3, a restored backup or a lost -wal all mean a full
// load, which then reports what it finds as before. Reading the fingerprint is one pass over
// the rows (about 0.1 s for 100,000 on the bench machine), done while other threads open the copy.
//
// A copy is written only from a session whose memory matched the rows: loaded in full with every
// row's tag checked and nothing damaged, or from a copy of the same rows, plus the session's own
// writes. So rows that still match a copy are rows whose tags were checked, and an export after
// such an unlock reads only the purged stubs, as after a full one (Session::rowTagsChecked).
//
// The file: the stream key sealed under the data key, a secretstream header, then chunks of the
// zstd-compressed plaintext, the last one tagged final. Read chunk by chunk, so the unlock holds
// no whole copy of the plaintext (on the bench machine every megabyte touched costs ~3 ms).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/repository.h"
#include "vault/record_cipher.h"
#include "workspace/search_index.h"
#include "workspace/workspace.h"

namespace gocua::workspace::detail {

inline constexpr const char* kIndexSnapshotFile = "gocua.db.index";

using RowsFingerprint = std::array<std::uint8_t, 32>;

// The fingerprint of the rows an unlock would load. On the connection's thread.
Result<RowsFingerprint> rowsFingerprint(store::Repository& repo);

struct IndexSnapshot {
  RowsFingerprint rows{};
  SearchIndex index;
  std::vector<ApplicationInfo> applications;
  std::size_t households = 0;
};

// The copy, opened and parsed; nullopt when there is none or it does not open whole (changed,
// cut short, sealed under another key). Reads only the file, so any thread may call it.
std::optional<IndexSnapshot> readIndexSnapshot(const std::filesystem::path& dir, const vault::RecordCipher& cipher);

// Seals the copy and writes it durably. Errors: "sync.io" (full disk: the caller goes on without).
Status writeIndexSnapshot(const std::filesystem::path& dir, const vault::RecordCipher& cipher,
                          const RowsFingerprint& rows, const SearchIndex& index,
                          const std::vector<ApplicationInfo>& applications, std::size_t households);

}  // namespace gocua::workspace::detail
