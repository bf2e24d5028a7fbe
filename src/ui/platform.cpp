#include "ui/platform.h"
#include "ui/errors.h"

#include <atomic>
#include <vector>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

namespace gocua::ui {

namespace {
std::atomic<std::uint64_t> g_inputEvents{0};
std::atomic<std::uint64_t> g_wakes{0};
void countKey(GLFWwindow*, int, int, int, int) { ++g_inputEvents; }
void countChar(GLFWwindow*, unsigned int) { ++g_inputEvents; }
void countButton(GLFWwindow*, int, int, int) { ++g_inputEvents; }
void countScroll(GLFWwindow*, double, double) { ++g_inputEvents; }
void countCursor(GLFWwindow*, double, double) { ++g_inputEvents; }
void countSize(GLFWwindow*, int, int) { ++g_inputEvents; }
}  // namespace

std::uint64_t Platform::inputEvents() { return g_inputEvents.load(); }

Result<std::unique_ptr<Platform>> Platform::create(const std::string& title, int width, int height) {
  std::unique_ptr<Platform> p(new Platform());
  if (!glfwInit()) return Error::make(err::kUiNoDisplay);
  p->glfwReady_ = true;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  p->window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!p->window_) return Error::make(err::kUiNoOpengl);
  glfwMakeContextCurrent(p->window_);
  glfwSwapInterval(1);

  // Installed before ImGui's backend, which chains to them.
  glfwSetKeyCallback(p->window_, countKey);
  glfwSetCharCallback(p->window_, countChar);
  glfwSetMouseButtonCallback(p->window_, countButton);
  glfwSetScrollCallback(p->window_, countScroll);
  glfwSetCursorPosCallback(p->window_, countCursor);
  glfwSetFramebufferSizeCallback(p->window_, countSize);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  p->imguiReady_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // window layout is fixed; nothing to remember on disk
  if (!ImGui_ImplGlfw_InitForOpenGL(p->window_, true)) return Error::make(err::kUiNoOpengl);
  p->glfwBackend_ = true;
  if (!ImGui_ImplOpenGL3_Init("#version 130")) return Error::make(err::kUiNoOpengl);
  p->glBackend_ = true;
  return p;
}

Platform::~Platform() {
  if (glBackend_) ImGui_ImplOpenGL3_Shutdown();
  if (glfwBackend_) ImGui_ImplGlfw_Shutdown();
  if (imguiReady_) ImGui::DestroyContext();
  if (window_) glfwDestroyWindow(window_);
  if (glfwReady_) glfwTerminate();
}

bool Platform::shouldClose() const { return glfwWindowShouldClose(window_); }
void Platform::cancelClose() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
void Platform::waitEvents(double timeoutSeconds) {
  if (timeoutSeconds <= 0)
    glfwPollEvents();
  else
    glfwWaitEventsTimeout(timeoutSeconds);
}
void Platform::wake() {
  ++g_wakes;  // before the event: the woken loop must see the count that woke it
  glfwPostEmptyEvent();
}
std::uint64_t Platform::wakes() { return g_wakes.load(); }
double Platform::now() const { return glfwGetTime(); }
void Platform::setTitle(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

bool Platform::fullscreen() const { return glfwGetWindowMonitor(window_) != nullptr; }

bool Platform::setFullscreen(bool on) {
  if (on == fullscreen()) return on;
  if (!on) {
    glfwSetWindowMonitor(window_, nullptr, windowedX_, windowedY_, windowedW_, windowedH_, 0);
    return fullscreen();
  }
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (!mode) return false;  // no monitor to fill (a headless display): stay a window
  glfwGetWindowPos(window_, &windowedX_, &windowedY_);
  glfwGetWindowSize(window_, &windowedW_, &windowedH_);
  glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  return fullscreen();
}

void Platform::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void Platform::endFrame() {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  // The page colour comes from the clear, not from a full-window rectangle: on software GL every
  // full-screen layer costs about a millisecond a frame.
  const ImVec4 page = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(page.x, page.y, page.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // The font atlas is on the GPU (the first NewFrame uploaded it): its pixels in main memory, an
  // 8-bit and a 32-bit copy, only weigh on the resident set. A text-size change builds them anew.
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32) atlas.ClearTexData();
}

void Platform::present() { glfwSwapBuffers(window_); }

bool Platform::savePng(const std::filesystem::path& file) const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  if (w <= 0 || h <= 0) return false;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL rows run bottom-up; PNG rows top-down.
  const int stride = w * 4;
  return stbi_write_png(file.c_str(), w, h, 4, pixels.data() + static_cast<std::size_t>(h - 1) * stride, -stride) != 0;
}

void Platform::reloadFontTexture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace gocua::ui
