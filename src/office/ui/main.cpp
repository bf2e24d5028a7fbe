// gocua-office ("GoCua — Bộ phận một cửa"): the commune desk's window over the hub data dir.
// Parses the options, opens the window, and runs the event loop: it sleeps until input arrives,
// redraws a few frames after each event, locks after the idle time (never in the middle of an
// import), and rebuilds fonts when the text size changes.
#include <algorithm>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <CLI/CLI.hpp>

#include "core/i18n.h"
#include "core/main_guard.h"
#include "forms/registry.h"
#include "office/ui/office_app.h"
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
using namespace gocua::office;

int run(int argc, char** argv) {
  ui::returnFreedMemoryPromptly();
  i18n::setLang(i18n::langFromEnvironment());
  CLI::App cli{"gocua-office"};
  OfficeOptions options;
  options.dataDir = hub::defaultHubDir();
  options.settingsFile = defaultOfficeSettingsFile();
  if (const char* staff = std::getenv("GOCUA_STAFF")) options.staff = staff;
  cli.add_option("--data", options.dataDir, i18n::tr("office.opt.data"));
  cli.add_option("--staff", options.staff, i18n::tr("office.opt.staff"));
  options.listen = "auto";
  cli.add_option("--listen", options.listen, i18n::tr("office.opt.listen"));
  bool noNetwork = false;
  cli.add_flag("--no-network", noNetwork, i18n::tr("office.opt.no_network"));
  ui::WindowSize windowSize;
  ui::addWindowSizeOptions(cli, windowSize);
  CLI11_PARSE(cli, argc, argv);
  if (noNetwork) options.listen.clear();

  if (auto st = vault::init(); !st.ok()) {
    std::cerr << i18n::message(st.error()) << "\n";
    return 1;
  }
  auto fontDir = ui::findFontDir();
  if (!fontDir.ok()) {
    std::cerr << i18n::message(fontDir.error()) << "\n";
    return 1;
  }
  window::OfficeApp app(options);
  app.start();
  auto platform = ui::Platform::create(i18n::tr("office.window_title"), windowSize.width, windowSize.height);
  if (!platform.ok()) {
    std::cerr << i18n::message(platform.error()) << "\n";
    return 1;
  }
  auto& window = **platform;
  app.wake = [] { ui::Platform::wake(); };
  app.receive.setWake(app.wake);
  ui::enableUiMapFromEnvironment();
  ui::WindowLoop loop(window);

  // Glyphs: the catalogs and the installed forms (labels and choices the record screen shows).
  const auto ranges = ui::glyphRanges(ui::displayTexts(forms::FormRegistry::load(forms::defaultFormsDir())));
  ui::applyLooks(app.model.settings(), *fontDir, ranges, nullptr);

  app.model.noteActivity(window.now());
  while (!window.shouldClose()) {
    if (app.looksChanged) {
      app.looksChanged = false;
      ui::applyLooks(app.model.settings(), *fontDir, ranges, &window);
      loop.changed();
    }
    const double timeout = app.model.session() ? app.model.secondsToIdleLock(window.now()) : 60.0;
    const bool input = loop.wait(timeout);
    app.now = window.now();
    if (input) app.model.noteActivity(app.now);
    if (app.model.tick(app.now)) app.unlock.load(app.model);

    loop.frame(screenName(app.model.screen()), [&] {
      // F2 turns the Vietnamese typing off and on again, on every screen.
      if (ImGui::IsKeyPressed(GLFW_KEY_F2, false)) {
        static core::TypingMethod lastOn = core::TypingMethod::Telex;  // what F2 turns back on
        auto& typing = app.model.settings().typing;
        if (typing != core::TypingMethod::Off) lastOn = typing;
        typing = typing == core::TypingMethod::Off ? lastOn : core::TypingMethod::Off;
        app.model.commitSettings();
      }
      ui::setTypingMethod(app.model.settings().typing);
      window::drawFrame(app);
      return std::string(screenName(app.model.screen()));
    });
  }
  app.lock();  // an import still running stops between batches; then keys and plaintext are wiped
  return 0;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) {
  return gocua::core::runGuarded([&] { return run(argc, argv); });
}
