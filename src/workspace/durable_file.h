// Writing a file that must survive a pulled USB stick or a power cut.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace gocua::workspace {

// core::writeFileDurably with read-back: success means the bytes really are on the device.
// Errors: "sync.io" (cannot write: full disk, read-only stick), "sync.verify_failed".
Status writeFileDurably(const std::filesystem::path& path, std::string_view bytes);

}  // namespace gocua::workspace
