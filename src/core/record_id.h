// Record ids: 16 random bytes, shown as a canonical lowercase UUID (8-4-4-4-12 hex).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gocua::core {

using RecordId = std::array<std::uint8_t, 16>;

// Marks 16 random bytes as a version-4 UUID.
RecordId makeRecordId(const std::array<std::uint8_t, 16>& randomBytes);
std::string formatRecordId(const RecordId& id);
// Accepts the canonical form (either case); nullopt otherwise.
std::optional<RecordId> parseRecordId(std::string_view text);

}  // namespace gocua::core
