// Shared by the workspace suites (workspace, sync, autosave): a temp dir removed afterwards, the
// Argon2id floor so tests stay fast, and the passphrase they unlock with.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "../temp_dir.h"
#include "vault/keyslot.h"

namespace wstest {

using TempDir = gocua::test::TempDir;

inline const gocua::vault::KdfParams kKdf = gocua::vault::interactiveKdf();
inline constexpr const char* kPass = "mật khẩu thử nghiệm";

}  // namespace wstest
