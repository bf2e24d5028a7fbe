// Internal to the workspace: each record row's kind and sync state are plaintext columns the code
// acts on (search by kind, export by state). Their row_tag (schema v6) binds them, with the id and
// revision, to the data key, so a value changed with sqlite3 is damage rather than an instruction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/repository.h"
#include "vault/record_cipher.h"

namespace gocua::workspace::detail {

// The tag of a row: the keyed BLAKE2b-256 of its facts (RecordCipher::factsTag), kRowTagBytes long.
// Tags written before (40 bytes: an AEAD seal of nothing with the facts as associated data) still
// match; a row gets the new kind whenever it is next written.
constexpr std::size_t kRowTagBytes = 32;
store::Bytes rowTag(const vault::RecordCipher& cipher, const store::RowFacts& facts);
bool rowTagMatches(const vault::RecordCipher& cipher, const store::RowFacts& facts, std::span<const std::uint8_t> tag);

// meta "integrity.rows": written (sealed) when every row of the workspace carries a tag, at
// create or at the first unlock after an upgrade. Without it the workspace predates tags.
Status writeRowsMarker(store::Repository& repo, const vault::RecordCipher& cipher);
// true: the marker is there and opens; false: absent; "workspace.damaged": there and does not open.
Result<bool> rowsMarker(store::Repository& repo, const vault::RecordCipher& cipher);

// At unlock, inside the caller's transaction: a workspace that predates tags has every row tagged
// as it stands and gets the marker. legacyAllowed false (the device seeds already say "bound", so
// this workspace had tags) leaves a missing marker as damage for verify to report.
Status tagLegacyRows(store::Repository& repo, const vault::RecordCipher& cipher, bool legacyAllowed);

// Rows whose tag is missing or does not match, as "record <id>" places (at most `limit`), and how
// many in all.
struct RowTagDamage {
  std::vector<std::string> places;
  std::int64_t count = 0;
};
Result<RowTagDamage> findRowTagDamage(store::Repository& repo, const vault::RecordCipher& cipher,
                                      std::size_t limit = 10, bool purgedOnly = false);
// "workspace.damaged" naming the first bad row (or a missing/forged marker); what export requires.
// purgedOnly: the other rows are known sound (Session::rowTagsChecked), so only the purged stubs
// are read.
Status checkRowTags(store::Repository& repo, const vault::RecordCipher& cipher, bool purgedOnly = false);

}  // namespace gocua::workspace::detail
