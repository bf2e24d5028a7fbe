// Shared by the workspace suites (workspace, sync, autosave): a temp dir removed afterwards, the
// Argon2id floor so tests stay fast, and the passphrase they unlock with.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "vault/keyslot.h"

namespace wstest {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("gocua-ws-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline const gocua::vault::KdfParams kKdf = gocua::vault::interactiveKdf();
inline constexpr const char* kPass = "mật khẩu thử nghiệm";

}  // namespace wstest
