// gocua: the volunteer's desktop app. Parses the few options, opens the window, and runs the
// event loop: it sleeps until input arrives (battery), redraws a few frames after each event,
// locks after the idle time, and rebuilds fonts when the text size changes.
#include <algorithm>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <CLI/CLI.hpp>

#include "app/ui/app.h"
#include "app/ui/screens.h"
#include "app/ui/shell.h"
#include "core/i18n.h"
#include "core/main_guard.h"
#include "ui/fonts.h"
#include "ui/model/glyph_ranges.h"
#include "ui/model/release_memory.h"
#include "ui/platform.h"
#include "ui/typing_input.h"
#include "ui/window_loop.h"
#include "ui/window_options.h"
#include "vault/secret.h"

namespace {

using namespace gocua;
using namespace gocua::app;
namespace ui = gocua::ui;  // the shared window library; the app's screens are app::ui

int run(int argc, char** argv) {
  ui::returnFreedMemoryPromptly();
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
  ui::WindowSize windowSize;
  ui::addWindowSizeOptions(cli, windowSize);
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
  app::ui::App app(options);
  app.model.start();
  auto platform = ui::Platform::create(i18n::tr("app.window_title"), windowSize.width, windowSize.height);
  if (!platform.ok()) {
    std::cerr << i18n::message(platform.error()) << "\n";
    return 1;
  }
  auto& window = **platform;
  app.wake = [] { ui::Platform::wake(); };
  app.setFullscreen = [&window](bool on) { return window.setFullscreen(on); };
  ui::enableUiMapFromEnvironment();
  ui::WindowLoop loop(window);

  auto texts = ui::displayTexts(app.model.forms());
  for (auto& text : app::presentationTexts(app.model)) texts.push_back(std::move(text));
  const auto ranges = ui::glyphRanges(texts);
  ui::applyLooks(app.model.settings(), *fontDir, ranges, nullptr);
  app.unlock.load(app.model);
  if (app.model.training() && !demoPassphrase.empty())
    app.unlock.hint = i18n::tr("app.unlock.demo_hint", {{"passphrase", demoPassphrase}});
  if (app.model.screen() == Screen::FirstRun) app.firstRun.open(app.model);

  app.model.noteActivity(window.now());
  std::unique_lock frameLock(app.gate.mutex());
  while (!window.shouldClose()) {
    if (app.looksChanged) {
      app.looksChanged = false;
      ui::applyLooks(app.model.settings(), *fontDir, ranges, &window);
      loop.changed();
    }
    // Sleep until something happens; wake for the idle lock or a screen's deadline (the wizard's
    // autosave) at the latest.
    double timeout = app.model.session() ? app.model.secondsToIdleLock(window.now()) : 60.0;
    if (const auto due = app.nextDeadline()) timeout = std::min(timeout, *due - window.now());
    if (const auto due = app.model.noticeDeadline()) timeout = std::min(timeout, *due - window.now());
    if (const auto next = app.autoSync.secondsToNextAttempt(); next >= 0)
      timeout = std::min(timeout, static_cast<double>(next));
    frameLock.unlock();  // automatic sync may use the Session while the window sleeps
    const bool input = loop.wait(timeout);
    frameLock.lock();
    app.now = window.now();
    if (input) app.model.noteActivity(app.now);
    if (app.model.tick(app.now)) app.unlock.load(app.model);
    app.tick(app.now);
    app.tickAutoSync();

    loop.frame(app::ui::screenName(app.model.screen()), [&] {
      // F2 turns the app's Vietnamese typing off and on again, on every screen.
      if (ImGui::IsKeyPressed(GLFW_KEY_F2, false)) app.settings.toggleTyping(app.model);
      // Ctrl + / Ctrl - / Ctrl 0: larger or smaller text at once, as in a web browser.
      if (ImGui::GetIO().KeyCtrl) {
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, false))
          app.looksChanged = app.settings.stepTextSize(app.model, 1) || app.looksChanged;
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, false))
          app.looksChanged = app.settings.stepTextSize(app.model, -1) || app.looksChanged;
        if (ImGui::IsKeyPressed(GLFW_KEY_0, false))
          app.looksChanged = app.settings.resetTextSize(app.model) || app.looksChanged;
      }
      ui::setTypingMethod(app.model.settings().typing);
      app::ui::drawFrame(app);
      return std::string(app::ui::screenName(app.model.screen()));
    });
  }
  app.model.lock();  // every screen saves its draft, then keys and plaintext are wiped
  return 0;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) {
  return gocua::core::runGuarded([&] { return run(argc, argv); });
}
