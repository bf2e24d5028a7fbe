// Shared fixture of the desktop app's view-model tests: a temp dir, a real workspace (SQLite
// file, Argon2id at the interactive floor), the shipped forms, and an AppModel unlocked on it.
#pragma once

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "../file_bytes.h"
#include "../temp_dir.h"
#include "app/model/app_model.h"
#include "app/model/unlock_model.h"
#include "vault/keyslot.h"
#include "workspace/workspace.h"

namespace apptest {

namespace fs = std::filesystem;
using namespace gocua;

using gocua::test::readAll;
using gocua::test::writeAll;

inline const char* kPassphrase = "mật khẩu thử 2026";

using TempDir = gocua::test::TempDir;

inline app::AppOptions optionsIn(const fs::path& dir) {
  return app::AppOptions{dir / "workspace", fs::path(GOCUA_SOURCE_DIR) / "forms", dir / "settings.json"};
}

// A workspace with one volunteer ("Lan") on disk; training workspaces get demo residents.
inline void makeWorkspace(const fs::path& dir, bool training = false, int demoResidents = 0) {
  auto ws = workspace::Workspace::create(dir / "workspace", "Lan", kPassphrase, training, vault::interactiveKdf());
  REQUIRE(ws.ok());
  if (demoResidents > 0) {
    auto s = (*ws)->unlock("Lan", kPassphrase);
    REQUIRE(s.ok());
    REQUIRE((*s)->addDemoData(demoResidents, 7).ok());
  }
}

// Unlocks the app's workspace through the unlock view-model, as the unlock screen does.
inline void unlockAs(app::AppModel& model, int volunteer = 0, const char* passphrase = kPassphrase) {
  app::UnlockModel unlock;
  unlock.load(model);
  unlock.selected = volunteer;
  unlock.passphrase = passphrase;
  unlock.submit(model);
  unlock.finish(model, 0.0);
  REQUIRE(model.session() != nullptr);
}

// An AppModel started on dir's workspace and unlocked through the unlock view-model.
struct UnlockedApp {
  TempDir tmp;
  app::AppModel model;
  explicit UnlockedApp(bool training = false, int demoResidents = 0)
      : model((makeWorkspace(tmp.path, training, demoResidents), optionsIn(tmp.path))) {
    model.start();
    unlockAs(model);
  }
  workspace::Session& session() { return *model.session(); }
};

// A second app on the same workspace, as after a crash: nothing of the first one's memory.
struct Reopened {
  app::AppModel model;
  explicit Reopened(const fs::path& dir) : model(optionsIn(dir)) {
    model.start();
    unlockAs(model);
  }
};

}  // namespace apptest
