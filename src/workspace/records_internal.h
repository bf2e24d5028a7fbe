// Helpers shared by the workspace's source files (not part of the module's interface): record
// ids, the associated data that binds a sealed body to its record and revision, timestamps,
// and keyslot rows.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/record_id.h"
#include "core/result.h"
#include "store/repository.h"
#include "vault/keyslot.h"

namespace gocua::workspace::detail {

inline constexpr const char* kDbFile = "gocua.db";

using core::nowIso;  // UTC, "2026-11-23T10:00:00Z"
core::RecordId newRecordId();
// The AD of a sealed body: vault::recordAd, for ids as rows hold them (any length; see the .cpp).
std::array<std::uint8_t, 24> associatedData(std::span<const std::uint8_t> id, std::int64_t revision);
std::span<const std::uint8_t> span(const core::RecordId& id);
store::KeyslotRow toRow(std::string_view volunteer, const vault::Keyslot& k);
vault::Keyslot fromRow(const store::KeyslotRow& row);
Result<std::string> volunteerName(std::string_view name);  // NFC, checked like a resident's name
std::optional<core::RecordId> toRecordId(std::span<const std::uint8_t> bytes);

}  // namespace gocua::workspace::detail
