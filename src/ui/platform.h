// The one window: GLFW + OpenGL 3 + Dear ImGui's GLFW/OpenGL3 backends behind one small class
// (no static window globals, no exit()). Owns the GLFW window, the GL context and the ImGui
// context; destroying it tears them down in the right order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"

struct GLFWwindow;

namespace gocua::ui {

class Platform {
 public:
  // Errors: "ui.no_display" (no X server / Wayland), "ui.no_opengl" (no GL 3 context).
  static Result<std::unique_ptr<Platform>> create(const std::string& title, int width, int height);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  bool shouldClose() const;
  void cancelClose();
  // Sleeps until input arrives or timeout seconds pass: an idle app costs no CPU on battery.
  void waitEvents(double timeoutSeconds);
  // Thread-safe: makes waitEvents return (a background task finished or moved on).
  static void wake();
  // wake() calls so far: the loop then draws as many frames as after input (ui/model/frame_budget.h).
  static std::uint64_t wakes();
  // Input events seen so far (keys, text, mouse): the idle lock and the redraw logic watch it.
  static std::uint64_t inputEvents();
  void beginFrame();
  void endFrame();  // renders; savePng may read the frame before present() shows it
  void present();
  double now() const;
  // The last rendered frame as a PNG (read back from the GL back buffer before the swap).
  bool savePng(const std::filesystem::path& file) const;
  // Re-uploads the font atlas after it was rebuilt (font scale changed).
  void reloadFontTexture();
  GLFWwindow* window() const { return window_; }
  void setTitle(const std::string& title);
  // The whole primary monitor (a projector or TV) or back to the window as it was; returns
  // whether the window now fills the screen (false when there is no monitor to fill).
  bool setFullscreen(bool on);
  bool fullscreen() const;

 private:
  Platform() = default;
  GLFWwindow* window_ = nullptr;
  int windowedX_ = 0, windowedY_ = 0, windowedW_ = 0, windowedH_ = 0;  // restored after full screen
  bool glfwReady_ = false, imguiReady_ = false, glfwBackend_ = false, glBackend_ = false;
};

}  // namespace gocua::ui
