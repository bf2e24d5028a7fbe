#include "ui/window_loop.h"

#include <algorithm>
#include <cstdlib>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_map.h"
#include "vault/secret.h"

namespace gocua::ui {

void enableUiMapFromEnvironment() {
  if (const char* map = std::getenv("GOCUA_UI_MAP"); map && *map) uiMap().enable(map);
  if (const char* key = std::getenv("GOCUA_UI_MAP_KEY"); key && *key)
    if (auto bytes = vault::fromHex(key); bytes && bytes->size() == 32) uiMap().setDigestKey(std::move(*bytes));
}

void applyLooks(const DisplaySettings& settings, const std::filesystem::path& fontDir,
                const std::vector<std::uint16_t>& ranges, Platform* platform) {
  const float scale = settings.fontScalePercent / 100.0f;
  buildFonts(fontDir, scale, ranges);
  applyTheme(settings.highContrast, scale);
  if (platform) platform->reloadFontTexture();
}

WindowLoop::WindowLoop(Platform& window) : window_(window), frames_(Platform::inputEvents(), Platform::wakes()) {
  if (const char* dir = std::getenv("GOCUA_SCREENSHOT_DIR"); dir && *dir) shotsDir_ = dir;
  // One line per frame, the milliseconds from input handling to the swap (scripts/bench.sh reads
  // it for median and p99 frame times). Timings only, nothing else.
  if (const char* path = std::getenv("GOCUA_FRAME_LOG"); path && *path) frameLog_ = std::fopen(path, "w");
}

WindowLoop::~WindowLoop() {
  if (frameLog_) std::fclose(frameLog_);
}

bool WindowLoop::wait(double timeoutSeconds) {
  window_.waitEvents(frames_.wantsFrame() ? 0.0 : std::clamp(timeoutSeconds, 0.05, 60.0));
  return frames_.observe(Platform::inputEvents(), Platform::wakes());
}

void WindowLoop::frame(const std::string& screenBefore, const std::function<std::string()>& draw) {
  const double start = window_.now();
  window_.beginFrame();
  const bool f12 = ImGui::IsKeyPressed(GLFW_KEY_F12, false);
  const std::string screen = draw();
  // A finished task may switch screens inside this frame; draw the new one without waiting for input.
  if (screen != screenBefore) frames_.changed();
  window_.endFrame();
  screenshot(screen, f12);
  window_.present();
  if (frameLog_) {
    std::fprintf(frameLog_, "%.3f\n", (window_.now() - start) * 1000.0);
    std::fflush(frameLog_);
  }
  frames_.frameDrawn();
}

void WindowLoop::screenshot(const std::string& screen, bool f12) {
  if (shotsDir_.empty()) return;
  if (screen != lastScreen_ || settleFrames_ < -1) {
    lastScreen_ = screen;
    settleFrames_ = 3;  // let layout and fonts settle before the shot
  }
  bool take = f12;
  if (settleFrames_ > 0 && --settleFrames_ == 0) take = true;
  if (!take) return;
  char name[96];
  std::snprintf(name, sizeof name, "%02d-%s.png", ++shotCounter_, screen.c_str());
  window_.savePng(shotsDir_ / name);
}

}  // namespace gocua::ui
