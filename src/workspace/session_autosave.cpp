// Session: autosaved drafts (schema v3) and reading one application back. A draft is sealed like
// a record body, under the data key, but with the slot name in the associated data instead of
// (record id, revision): the AD is always longer than a record's 24 bytes, so a draft blob can be
// opened neither under another slot nor as a record. Plaintext buffers are wiped after sealing
// and after parsing.
#include <algorithm>
#include <string>

#include "core/errors.h"
#include "vault/secret.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using nlohmann::json;

using namespace detail;

// [SECTION] Session: autosave

namespace {

constexpr std::string_view kAutosaveAdPrefix = "gocua.workspace.autosave.v1:";  // 28 bytes

bool validSlot(std::string_view slot) {
  if (slot.empty() || slot.size() > 64) return false;
  return std::all_of(slot.begin(), slot.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

std::string autosaveAd(std::string_view slot) {
  std::string ad(kAutosaveAdPrefix);
  ad += slot;
  return ad;
}

}  // namespace

Status Session::saveAutosave(std::string_view slot, const json& value) {
  if (!validSlot(slot)) return Error::make(err::kAutosaveSlot, "slot");
  if (!cipher_) return Error::make(err::kAutosaveLocked);
  std::string text = value.dump();
  const std::string ad = autosaveAd(slot);
  auto sealed = cipher_->seal(text, vault::bytesOf(ad));
  vault::wipe(text);
  return ws_->repo().putAutosave(slot, nowIso(), sealed);
}

Result<std::optional<vault::PlainJson>> Session::loadAutosave(std::string_view slot) {
  if (!validSlot(slot)) return Error::make(err::kAutosaveSlot, "slot");
  if (!cipher_) return Error::make(err::kAutosaveLocked);
  auto row = ws_->repo().autosave(slot);
  if (!row) return row.error();
  if (!*row) return std::optional<vault::PlainJson>();
  const std::string ad = autosaveAd(slot);
  auto text = cipher_->open((*row)->sealed, vault::bytesOf(ad));
  if (!text) return Error::make(err::kAutosaveDamaged, "slot");
  vault::PlainJson value(json::parse(*text, nullptr, false));
  vault::wipe(*text);
  if (value.get().is_discarded()) return Error::make(err::kAutosaveDamaged, "slot");
  return std::optional<vault::PlainJson>(std::move(value));
}

Status Session::clearAutosave(std::string_view slot) {
  if (!validSlot(slot)) return Error::make(err::kAutosaveSlot, "slot");
  return ws_->repo().deleteAutosave(slot);
}

// [SECTION] Session: one application back

Result<vault::PlainJson> Session::getApplication(std::string_view idText) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make(err::kRecordBadId, "id");
  return openBody(span(*id), "application");
}

}  // namespace gocua::workspace
