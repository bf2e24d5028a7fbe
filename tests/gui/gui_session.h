// One GUI test's world: a sandbox (workspace, HOME, TMPDIR), an Xvfb display, the app started
// on it with its UI map and screenshot folder, and a driver. Screenshots land in
// <build>/gui-screenshots/<name>/ so a person can look at them after the run.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "gui_driver.h"
#include "harness.h"
#include "vault/secret.h"

namespace gui {

struct Session {
  // The display is width × height pixels (the app's window as well, with --window-width/-height).
  explicit Session(const std::string& name, int width = 1280, int height = 800)
      : x(width, height), shots(fs::path(GOCUA_BINARY_DIR) / "gui-screenshots" / name) {
    fs::remove_all(shots);
    fs::create_directories(shots);
  }
  it::Sandbox sandbox;
  XServer x;
  fs::path shots;
  std::unique_ptr<Background> app;
  std::unique_ptr<Driver> driver;

  fs::path log() const { return sandbox.root / "gocua.log"; }

  // The staff passphrase of the sandbox's hub (root/hub), as a person would type it.
  static inline const std::string kHubPass = "mật khẩu cán bộ xã 2026";
  // gocua-hub --data root/hub args..., as the commune staff member.
  it::RunResult hub(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {GOCUA_HUB, "--data", (sandbox.root / "hub").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    it::Env env = sandbox.env;
    env.erase("GOCUA_PASSPHRASE");
    env["GOCUA_HUB_PASSPHRASE"] = kHubPass;
    return it::runProcess(argv, env, "", 120);
  }
  // Starts gocua on the sandbox workspace with extra arguments; waits for its window.
  bool start(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv{GOCUA_APP, "--workspace", sandbox.workspace.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return launch(argv);
  }
  // Starts any of the desktop programs (gocua, gocua-office) with its map and screenshots.
  bool launch(const std::vector<std::string>& argv) {
    it::Env env = sandbox.env;
    env.erase("GOCUA_PASSPHRASE");  // the app never reads it; the test types it like a person
    env["DISPLAY"] = x.display();
    env["GOCUA_UI_MAP"] = (sandbox.root / "ui-map.json").string();
    env["GOCUA_SCREENSHOT_DIR"] = shots.string();
    // A fresh key per run for the map's digest of typed text (ui_map.h).
    std::array<std::uint8_t, 32> key{};
    gocua::vault::randomBytes(key);
    env["GOCUA_UI_MAP_KEY"] = gocua::vault::toHex(key);
    env["LIBGL_ALWAYS_SOFTWARE"] = "1";
    app = std::make_unique<Background>(argv, env, log());
    driver = std::make_unique<Driver>(x.display(), sandbox.root / "ui-map.json", shots);
    driver->setDigestKey(env["GOCUA_UI_MAP_KEY"]);
    return driver->attach();
  }
};

}  // namespace gui
