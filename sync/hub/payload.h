// The batch payload lines (sync/README.md): the manifest, and the per-record checks that reject a
// bad line alone with a reason code while the rest of the batch imports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/record_id.h"
#include "core/result.h"
#include "forms/registry.h"

namespace gocua::hub::detail {

inline constexpr std::size_t kMaxStringBytes = 4096;
inline constexpr int kMaxJsonDepth = 64;

struct Manifest {
  std::vector<std::string> volunteers;
  std::vector<std::uint8_t> recoverySlot;  // empty when absent
  int formPack = 0;                        // the laptop's form pack version (0: the built-in forms)
};

// "hub.bad_manifest" unless line is a format-1 manifest object; "hub.training_batch" when it says
// the batch was made in a training workspace (practice data never enters a commune's records).
Result<Manifest> parseManifest(std::string_view line);

struct RecordLine {
  core::RecordId id{};
  std::string idText;  // canonical, empty when the line has no usable id
  std::string kind;
  std::int64_t revision = 0;
  std::string procedure;  // application form id
  std::int64_t formVersion = 0;
  std::string reason;  // empty = acceptable; otherwise the reject reason code
};

// Checks one record line on its own, reading it into nlohmann's tree. idText/revision are filled
// whenever they can be read, so a rejected record can still be named in the receipt. The import
// reads with RecordLineReader (record_line_reader.h), which gives the same verdict faster.
RecordLine checkRecordLine(std::string_view line, const forms::FormRegistry& forms, const core::Date& today);

}  // namespace gocua::hub::detail
