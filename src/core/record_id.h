// Record ids: 16 random bytes, shown as a canonical lowercase UUID (8-4-4-4-12 hex).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gocua::core {

using RecordId = std::array<std::uint8_t, 16>;

// A version-7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Time-ordered ids
// append at the end of SQLite's index instead of landing at random places in it, which keeps a
// 100,000-record import fast; creation time is already public metadata (created_at).
RecordId makeRecordId(std::uint64_t unixMillis, const std::array<std::uint8_t, 16>& randomBytes);
std::string formatRecordId(const RecordId& id);
// Accepts the canonical form (either case); nullopt otherwise.
std::optional<RecordId> parseRecordId(std::string_view text);
// Exactly the text formatRecordId writes for some id (lowercase only), without building it: a
// signed file allows one spelling, and a receipt checks 100,000 of them on both ends.
bool isCanonicalRecordIdText(std::string_view text);

}  // namespace gocua::core
