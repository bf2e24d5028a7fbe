// Shared by the workspace suites: a temp dir removed afterwards, the Argon2id floor so tests stay
// fast, the passphrase they unlock with, a workspace made and unlocked in one step, and the forms
// the project ships. A suite says `using namespace wstest;` and has the names it needs.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "../file_bytes.h"
#include "../temp_dir.h"
#include "forms/registry.h"
#include "vault/keyslot.h"
#include "workspace/workspace.h"

namespace wstest {

using namespace gocua;
using namespace gocua::workspace;
using nlohmann::json;
namespace fs = std::filesystem;
using TempDir = gocua::test::TempDir;
using gocua::test::readAll;

inline const vault::KdfParams kKdf = vault::interactiveKdf();
inline constexpr const char* kPass = "mật khẩu thử nghiệm";

// A workspace made at dir for volunteer "Lan" (kPass) and her unlocked session.
struct Unlocked {
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<Session> s;
};

inline Unlocked createUnlocked(const fs::path& dir, bool training = false) {
  auto ws = Workspace::create(dir, "Lan", kPass, training, kKdf);
  REQUIRE(ws.ok());
  auto s = (*ws)->unlock("Lan", kPass);
  REQUIRE(s.ok());
  return {std::move(*ws), std::move(*s)};
}

// The forms and lists in the source tree's forms/.
inline const forms::FormRegistry& shippedForms() {
  static const forms::FormRegistry registry = forms::FormRegistry::load(fs::path(GOCUA_SOURCE_DIR) / "forms");
  return registry;
}

}  // namespace wstest
