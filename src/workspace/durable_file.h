// Writing a file that must survive a pulled USB stick or a power cut.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace gocua::workspace {

// Temp file beside path (mode 0600), fsync, rename, fsync the directory, then the page cache is
// dropped and the file read back and compared: success means the bytes really are there.
// Errors: "sync.io" (cannot write: full disk, read-only stick), "sync.verify_failed".
Status writeFileDurably(const std::filesystem::path& path, std::string_view bytes);

}  // namespace gocua::workspace
