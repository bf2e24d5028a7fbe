#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace gocua::ui {

namespace {
Palette g_palette;

void set(float (&dst)[4], float r, float g, float b, float a = 1.0f) { dst[0] = r, dst[1] = g, dst[2] = b, dst[3] = a; }
}  // namespace

const Palette& palette() { return g_palette; }

void applyTheme(bool highContrast, float scale) {
  ImGuiStyle style;
  if (highContrast) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1);
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, 1);
    // White text on dark buttons; the primary button is yellow with black text (widgets.cpp).
    c[ImGuiCol_Button] = ImVec4(0.16f, 0.16f, 0.16f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.32f, 0.32f, 0.32f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.45f, 0.45f, 0.45f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(1.0f, 0.85f, 0.0f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(1.0f, 0.85f, 0.0f, 1);
    c[ImGuiCol_Header] = ImVec4(0.25f, 0.25f, 0.25f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.4f, 0.4f, 0.4f, 1);
    style.FrameBorderSize = 2.0f;
    set(g_palette.error, 1.0f, 0.45f, 0.45f);
    set(g_palette.warning, 1.0f, 0.85f, 0.0f);
    set(g_palette.ok, 0.4f, 1.0f, 0.4f);
    set(g_palette.muted, 0.85f, 0.85f, 0.85f);
    set(g_palette.banner, 1.0f, 0.85f, 0.0f);
    set(g_palette.bannerText, 0, 0, 0);
    set(g_palette.primary, 1.0f, 0.85f, 0.0f);
    set(g_palette.primaryText, 0, 0, 0);
  } else {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.72f, 0.74f, 0.78f, 1);
    c[ImGuiCol_Button] = ImVec4(0.87f, 0.90f, 0.94f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.78f, 0.84f, 0.92f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.77f, 0.90f, 1);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.91f, 0.98f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.86f, 0.97f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.80f, 0.95f, 1);
    style.FrameBorderSize = 1.0f;
    set(g_palette.error, 0.75f, 0.10f, 0.10f);
    set(g_palette.warning, 0.62f, 0.38f, 0.0f);
    set(g_palette.ok, 0.10f, 0.50f, 0.20f);
    set(g_palette.muted, 0.38f, 0.40f, 0.44f);
    set(g_palette.banner, 0.85f, 0.33f, 0.05f);
    set(g_palette.bannerText, 1, 1, 1);
    set(g_palette.primary, 0.76f, 0.11f, 0.16f);  // the red of public-service signs
    set(g_palette.primaryText, 1, 1, 1);
  }
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(12, 9);
  style.ItemSpacing = ImVec2(12, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 20;
  style.FrameRounding = 6;
  style.GrabRounding = 6;
  style.ChildRounding = 8;
  style.WindowRounding = 0;
  style.ScaleAllSizes(scale);
  // The margin round the page grows with the text only a little: at 250 % on a 600 px screen
  // a full-scale margin took 80 px from the screen the text needs.
  const float margin = std::min(scale, 1.25f);
  style.WindowPadding = ImVec2(std::floor(20 * margin), std::floor(16 * margin));
  ImGui::GetStyle() = style;
}

}  // namespace gocua::ui
