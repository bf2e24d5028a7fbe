#include "ui/fonts.h"
#include "ui/errors.h"

#include <cstdlib>

#include <imgui.h>

static_assert(sizeof(ImWchar) == 2, "glyph_ranges.h builds 16-bit ranges");

namespace gocua::ui {

namespace {
constexpr float kBodyPx = 20.0f, kHeadingPx = 28.0f, kLargePx = 34.0f, kPresentPx = 52.0f;
constexpr const char* kRegular = "NotoSans-Regular.ttf";
constexpr const char* kBold = "NotoSans-Bold.ttf";
}  // namespace

Fonts& fonts() {
  static Fonts current;
  return current;
}

Result<std::filesystem::path> findFontDir() {
  std::vector<std::filesystem::path> candidates;
  if (const char* dir = std::getenv("GOCUA_FONT_DIR"); dir && *dir) candidates.emplace_back(dir);
  candidates.emplace_back(GOCUA_INSTALL_FONTS);
  candidates.emplace_back(std::filesystem::path(GOCUA_SOURCE_ASSETS) / "fonts");
  candidates.emplace_back("/usr/share/fonts/truetype/noto");
  std::string tried;
  for (const auto& dir : candidates) {
    std::error_code ec;
    if (std::filesystem::exists(dir / kRegular, ec)) return dir;
    tried += (tried.empty() ? "" : ", ") + dir.string();
  }
  return Error::make(err::kUiFontMissing, "", tried);
}

Fonts buildFonts(const std::filesystem::path& dir, float scale, const std::vector<std::uint16_t>& ranges) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  const auto* glyphs = reinterpret_cast<const ImWchar*>(ranges.data());
  const std::string regular = (dir / kRegular).string();
  std::error_code ec;
  const std::string bold = std::filesystem::exists(dir / kBold, ec) ? (dir / kBold).string() : regular;
  Fonts f;
  f.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), kBodyPx * scale, &config, glyphs);
  f.heading = io.Fonts->AddFontFromFileTTF(bold.c_str(), kHeadingPx * scale, &config, glyphs);
  f.large = io.Fonts->AddFontFromFileTTF(regular.c_str(), kLargePx * scale, &config, glyphs);
  // Glyphs this large need no horizontal oversampling; without it the atlas stays a quarter smaller.
  ImFontConfig presentConfig = config;
  presentConfig.OversampleH = 1;
  f.present = io.Fonts->AddFontFromFileTTF(bold.c_str(), kPresentPx * scale, &presentConfig, glyphs);
  io.Fonts->Build();
  fonts() = f;
  return f;
}

}  // namespace gocua::ui
