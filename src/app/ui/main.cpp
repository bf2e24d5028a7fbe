// gocua: the volunteer's desktop app. Parses the few options, opens the window, and runs the
// event loop: it sleeps until input arrives (battery), redraws a few frames after each event,
// locks after the idle time, and rebuilds fonts when the text size changes.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <CLI/CLI.hpp>

#include "app/model/frame_budget.h"
#include "app/model/glyph_ranges.h"
#include "app/ui/app.h"
#include "app/ui/fonts.h"
#include "app/ui/platform.h"
#include "app/ui/screens.h"
#include "app/ui/shell.h"
#include "app/ui/theme.h"
#include "app/ui/typing_input.h"
#include "app/ui/ui_map.h"
#include "core/i18n.h"
#include "core/main_guard.h"
#include "vault/secret.h"

namespace {

using namespace gocua;
using namespace gocua::app;

// Screenshots for the GUI test and for looking at the app: GOCUA_SCREENSHOT_DIR=DIR writes
// NN-<screen>.png each time a new screen has settled, and whenever F12 is pressed.
struct Screenshots {
  std::filesystem::path dir;
  int counter = 0;
  Screen lastScreen = Screen::FirstRun;
  int settleFrames = -2;  // -2: the first screen has not been shot yet

  void frameDrawn(const ui::Platform& platform, Screen screen, bool f12) {
    if (dir.empty()) return;
    if (screen != lastScreen || settleFrames < -1) {
      lastScreen = screen;
      settleFrames = 3;  // let layout and fonts settle before the shot
    }
    bool take = f12;
    if (settleFrames > 0 && --settleFrames == 0) take = true;
    if (!take) return;
    char name[64];
    std::snprintf(name, sizeof name, "%02d-%s.png", ++counter, ui::screenName(screen));
    platform.savePng(dir / name);
  }
};

// GOCUA_FRAME_LOG=FILE: one line per frame, the milliseconds from input handling to the swap
// (scripts/bench.sh reads it for median and p99 frame times). Timings only, nothing else.
struct FrameLog {
  std::FILE* file = nullptr;
  FrameLog() {
    if (const char* path = std::getenv("GOCUA_FRAME_LOG"); path && *path) file = std::fopen(path, "w");
  }
  ~FrameLog() {
    if (file) std::fclose(file);
  }
  void add(double ms) {
    if (!file) return;
    std::fprintf(file, "%.3f\n", ms);
    std::fflush(file);
  }
};

void rebuildLooks(ui::App& app, const std::filesystem::path& fontDir, const std::vector<std::uint16_t>& ranges,
                  ui::Platform* platform) {
  const float scale = app.model.settings().fontScalePercent / 100.0f;
  ui::buildFonts(fontDir, scale, ranges);
  ui::applyTheme(app.model.settings().highContrast, scale);
  if (platform) platform->reloadFontTexture();
}

}  // namespace

namespace {

int run(int argc, char** argv) {
  i18n::setLang(i18n::langFromEnvironment());
  CLI::App cli{"gocua"};
  AppOptions options;
  std::string demoPassphrase;
  options.workspaceDir = workspace::defaultWorkspaceDir();
  options.formsDir = forms::defaultFormsDir();
  options.settingsFile = defaultSettingsFile();
  cli.add_option("--workspace", options.workspaceDir, i18n::tr("cli.opt.workspace"));
  cli.add_option("--forms", options.formsDir, i18n::tr("cli.opt.forms"));
  cli.add_option("--demo-passphrase", demoPassphrase, i18n::tr("app.opt.demo_passphrase"));
  int windowWidth = 1280, windowHeight = 800;  // a small laptop screen is 1024×600
  cli.add_option("--window-width", windowWidth, i18n::tr("app.opt.window_width"))->check(CLI::Range(640, 7680));
  cli.add_option("--window-height", windowHeight, i18n::tr("app.opt.window_height"))->check(CLI::Range(480, 4320));
  CLI11_PARSE(cli, argc, argv);

  if (auto st = vault::init(); !st.ok()) {
    std::cerr << i18n::message(st.error()) << "\n";
    return 1;
  }
  auto fontDir = ui::findFontDir();
  if (!fontDir.ok()) {
    std::cerr << i18n::message(fontDir.error()) << "\n";
    return 1;
  }
  ui::App app(options);
  app.model.start();
  auto platform = ui::Platform::create(i18n::tr("app.window_title"), windowWidth, windowHeight);
  if (!platform.ok()) {
    std::cerr << i18n::message(platform.error()) << "\n";
    return 1;
  }
  auto& window = **platform;
  app.wake = [] { ui::Platform::wake(); };
  if (const char* map = std::getenv("GOCUA_UI_MAP"); map && *map) ui::uiMap().enable(map);
  if (const char* key = std::getenv("GOCUA_UI_MAP_KEY"); key && *key)
    if (auto bytes = vault::fromHex(key); bytes && bytes->size() == 32) ui::uiMap().setDigestKey(std::move(*bytes));
  Screenshots shots;
  FrameLog frameLog;
  if (const char* dir = std::getenv("GOCUA_SCREENSHOT_DIR"); dir && *dir) shots.dir = dir;

  const auto ranges = glyphRanges(displayTexts(app.model.forms()));
  rebuildLooks(app, *fontDir, ranges, nullptr);
  app.unlock.load(app.model);
  if (app.model.training() && !demoPassphrase.empty())
    app.unlock.hint = i18n::tr("app.unlock.demo_hint", {{"passphrase", demoPassphrase}});
  if (app.model.screen() == Screen::FirstRun) app.firstRun.open(app.model);

  FrameBudget frames(ui::Platform::inputEvents(), ui::Platform::wakes());
  app.model.noteActivity(window.now());
  std::unique_lock frameLock(app.gate.mutex());
  while (!window.shouldClose()) {
    if (app.looksChanged) {
      app.looksChanged = false;
      rebuildLooks(app, *fontDir, ranges, &window);
      frames.changed();
    }
    // Sleep until something happens; wake for the idle lock or a screen's deadline (the wizard's
    // autosave) at the latest.
    double timeout = app.model.session() ? app.model.secondsToIdleLock(window.now()) : 60.0;
    if (const auto due = app.nextDeadline()) timeout = std::min(timeout, *due - window.now());
    if (const auto next = app.autoSync.secondsToNextAttempt(); next >= 0)
      timeout = std::min(timeout, static_cast<double>(next));
    frameLock.unlock();  // automatic sync may use the Session while the window sleeps
    window.waitEvents(frames.wantsFrame() ? 0.0 : std::clamp(timeout, 0.05, 60.0));
    frameLock.lock();
    app.now = window.now();
    if (frames.observe(ui::Platform::inputEvents(), ui::Platform::wakes())) app.model.noteActivity(app.now);
    if (app.model.tick(app.now)) app.unlock.load(app.model);
    app.tick(app.now);
    app.tickAutoSync();

    const double frameStart = window.now();
    window.beginFrame();
    const bool f12 = ImGui::IsKeyPressed(GLFW_KEY_F12, false);
    // F2 turns the app's Vietnamese typing off and on again, on every screen.
    if (ImGui::IsKeyPressed(GLFW_KEY_F2, false)) app.settings.toggleTyping(app.model);
    // Ctrl + / Ctrl − / Ctrl 0: larger or smaller text at once, as in a web browser.
    if (ImGui::GetIO().KeyCtrl) {
      if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, false))
        app.looksChanged = app.settings.stepTextSize(app.model, 1) || app.looksChanged;
      if (ImGui::IsKeyPressed(GLFW_KEY_MINUS, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, false))
        app.looksChanged = app.settings.stepTextSize(app.model, -1) || app.looksChanged;
      if (ImGui::IsKeyPressed(GLFW_KEY_0, false))
        app.looksChanged = app.settings.resetTextSize(app.model) || app.looksChanged;
    }
    ui::setTypingMethod(app.model.settings().typing);
    const Screen before = app.model.screen();
    ui::drawFrame(app);
    // A finished task may switch screens inside this frame; draw the new one without waiting for input.
    if (app.model.screen() != before) frames.changed();
    window.endFrame();
    shots.frameDrawn(window, app.model.screen(), f12);
    window.present();
    frameLog.add((window.now() - frameStart) * 1000.0);
    frames.frameDrawn();
  }
  app.model.lock();  // every screen saves its draft, then keys and plaintext are wiped
  return 0;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) {
  return gocua::core::runGuarded([&] { return run(argc, argv); });
}
