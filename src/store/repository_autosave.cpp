// Repository: autosaved drafts (schema v3). Only slot names, timestamps and sealed blobs pass
// through here.
#include "store/repository.h"

namespace gocua::store {

Status Repository::putAutosave(std::string_view slot, std::string_view updatedAt,
                               std::span<const std::uint8_t> sealed) {
  auto st = db_->cached(
      "INSERT INTO autosave(slot, updated_at, sealed) VALUES(?1, ?2, ?3) "
      "ON CONFLICT(slot) DO UPDATE SET updated_at=excluded.updated_at, sealed=excluded.sealed");
  if (!st) return st.error();
  return (*st)->bind(1, slot).bind(2, updatedAt).bind(3, sealed).run();
}

Result<std::optional<Repository::AutosaveRow>> Repository::autosave(std::string_view slot) {
  auto st = db_->cached("SELECT updated_at, sealed FROM autosave WHERE slot=?1");
  if (!st) return st.error();
  (*st)->bind(1, slot);
  auto row = (*st)->step();
  if (!row) {
    (*st)->reset();
    return row.error();
  }
  std::optional<AutosaveRow> out;
  if (*row) {
    auto blob = (*st)->columnBlob(1);
    out = AutosaveRow{(*st)->columnText(0), Bytes(blob.begin(), blob.end())};
  }
  (*st)->reset();
  return out;
}

Status Repository::deleteAutosave(std::string_view slot) {
  auto st = db_->cached("DELETE FROM autosave WHERE slot=?1");
  if (!st) return st.error();
  return (*st)->bind(1, slot).run();
}

}  // namespace gocua::store
