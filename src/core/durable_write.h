// The one way GoCua replaces a file so that a crash, a power cut or a pulled USB stick leaves the
// old file or the whole new one, never half: a hidden temp file beside it (mode 0600), write,
// fsync, rename over, fsync the directory; optionally the page cache is dropped and the file read
// back, so "safe to unplug" is said only about bytes that really are there. Modules map the
// failure to their own error codes (workspace: sync.io / sync.verify_failed; hub: hub.io).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

namespace gocua::core {

enum class WriteFailure { Create, Write, Sync, Rename, ReadBack };

struct DurableWrite {
  bool readBack = false;
  // Called at each step ("before_temp_open", "after_temp_open", "after_temp_write", "after_fsync",
  // "after_close", "before_rename", "after_rename", "after_dir_fsync"): the hub's crash points.
  std::function<void(std::string_view step)> at;
};

// nullopt when the whole file is in place. On failure the temp file is gone and path untouched.
[[nodiscard]] std::optional<WriteFailure> writeFileDurably(const std::filesystem::path& path, std::string_view bytes,
                                                           const DurableWrite& how = {});

// For a file a library writes itself (a spreadsheet): the hidden temp path to write it to, then
// commitFileDurably makes it 0600, fsyncs it, renames it over path and fsyncs the directory. On
// failure the temp file is gone and path untouched.
[[nodiscard]] std::filesystem::path tempPathBeside(const std::filesystem::path& path);
[[nodiscard]] std::optional<WriteFailure> commitFileDurably(const std::filesystem::path& temp,
                                                            const std::filesystem::path& path);

}  // namespace gocua::core
