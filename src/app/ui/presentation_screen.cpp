// Trình chiếu: the guide chooser, then one page of a guide filling the window in white on black
// for a projector: its heading in yellow, its lines in the presentation font (made smaller only
// when a page would not fit), and a bar of large buttons; the arrow keys turn the pages.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

const ImVec4 kBackground(0, 0, 0, 1), kText(1, 1, 1, 1), kHeading(1, 0.86f, 0.2f, 1), kWarning(1, 0.6f, 0.45f, 1),
    kProgress(0.75f, 0.75f, 0.75f, 1);

void leave(App& app) {
  showFullscreen(app, false);
  app.presentation.stop();
}

bool pressed(int key) { return ImGui::IsKeyPressed(key, true); }

void keys(App& app) {
  auto& m = app.presentation;
  if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_DOWN) || pressed(GLFW_KEY_PAGE_DOWN) || pressed(GLFW_KEY_SPACE))
    m.next();
  if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_UP) || pressed(GLFW_KEY_PAGE_UP) || pressed(GLFW_KEY_BACKSPACE))
    m.previous();
  if (pressed(GLFW_KEY_HOME)) m.first();
  if (pressed(GLFW_KEY_END)) m.last();
  if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) showFullscreen(app, !app.fullscreen);
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) leave(app);
}

// The page's lines in the presentation font, shrunk just enough to fit height when they are long.
void pageLines(const PresentationPage& page, float height) {
  ImGui::PushFont(fonts().present);
  const float width = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  auto text = [&](std::size_t i) {
    return page.numbered ? std::to_string(i + 1) + ". " + page.lines[i] : page.lines[i];
  };
  // The height the lines take at the current window font scale, wrapped as they will be drawn:
  // each line, a small gap after it, and ImGui's spacing after both.
  auto heightNow = [&] {
    float total = 0;
    for (std::size_t i = 0; i < page.lines.size(); ++i)
      total +=
          ImGui::CalcTextSize(text(i).c_str(), nullptr, false, width).y + ImGui::GetFontSize() * 0.3f + 2 * spacing;
    return total;
  };
  float scale = 1.0f;
  ImGui::SetWindowFontScale(scale);
  while (scale > 0.4f && heightNow() > height) ImGui::SetWindowFontScale(scale *= 0.9f);
  ImGui::PushStyleColor(ImGuiCol_Text, page.warning ? kWarning : kText);
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text(i).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
  }
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
}

// The buttons and the keys line stay at most this size (pixels) at any text size: at 250 % they
// would otherwise take the room the page's own large text needs.
constexpr float kControlsPx = 28.0f;

struct ControlLabels {
  std::string previous, next, screen, leave, keys;
  explicit ControlLabels(const App& app)
      : previous(i18n::tr("app.present.previous")),
        next(i18n::tr("app.present.next")),
        screen(app.setFullscreen ? i18n::tr(app.fullscreen ? "app.present.window" : "app.present.fullscreen") : ""),
        leave(i18n::tr("app.present.leave")),
        keys(i18n::tr("app.present.keys")) {}
};

// The controls' height at the window's current font scale: the button rows as sameLineIfFits
// wraps them in width, then the keys line wrapped.
float controlsHeight(const ControlLabels& c, float width) {
  const auto& style = ImGui::GetStyle();
  float x = 0;
  int rows = 1;
  for (const auto* label : {&c.previous, &c.next, &c.screen, &c.leave}) {
    if (label->empty()) continue;
    const float w = buttonWidthFor(*label);
    if (x > 0 && x + style.ItemSpacing.x + w > width) {
      ++rows;
      x = w;
    } else {
      x += (x > 0 ? style.ItemSpacing.x : 0) + w;
    }
  }
  return static_cast<float>(rows) * (ImGui::GetFontSize() * 2.2f + style.ItemSpacing.y) +
         ImGui::CalcTextSize(c.keys.c_str(), nullptr, false, width).y + style.ItemSpacing.y;
}

void controls(App& app, const ControlLabels& c, float scale) {
  ImGui::SetWindowFontScale(scale);
  auto& m = app.presentation;
  const std::string &previous = c.previous, &next = c.next, &screen = c.screen, &leaveLabel = c.leave;
  ImGui::BeginDisabled(m.page() == 0);
  if (button(previous, "present.previous")) m.previous();
  ImGui::EndDisabled();
  sameLineIfFits(buttonWidthFor(next));
  ImGui::BeginDisabled(m.page() + 1 >= m.pageCount());
  if (button(next, "present.next", ButtonKind::Primary)) m.next();
  ImGui::EndDisabled();
  if (!screen.empty()) {
    sameLineIfFits(buttonWidthFor(screen));
    if (button(screen, "present.fullscreen")) showFullscreen(app, !app.fullscreen);
  }
  sameLineIfFits(buttonWidthFor(leaveLabel));
  if (button(leaveLabel, "present.leave")) leave(app);
  ImGui::PushTextWrapPos(0);
  mutedText(c.keys);
  ImGui::PopTextWrapPos();
  ImGui::SetWindowFontScale(1.0f);
}

void slide(App& app) {
  keys(app);
  auto& m = app.presentation;
  if (!m.presenting()) return;  // Esc was pressed
  // Black to the window's edges; no keyboard navigation, the arrow keys turn pages.
  const ImGuiViewport* view = ImGui::GetMainViewport();
  ImGui::GetBackgroundDrawList()->AddRectFilled(
      view->Pos, ImVec2(view->Pos.x + view->Size.x, view->Pos.y + view->Size.y), ImGui::GetColorU32(kBackground));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, kBackground);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
  ImGui::BeginChild("presentation", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav);
  const auto& page = m.current();
  const float pad = std::min(ImGui::GetFontSize(), 24.0f);
  ImGui::SetCursorPos(ImVec2(pad, pad));
  ImGui::BeginGroup();
  ImGui::PushFont(fonts().heading);
  ImGui::PushStyleColor(ImGuiCol_Text, kHeading);
  ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - pad);
  ImGui::TextUnformatted(page.heading.empty() ? " " : page.heading.c_str());  // the cover has none
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  mark("present.page." + std::to_string(m.page() + 1));  // which page shows, for the GUI test
  const std::string progress = m.progress();
  ImGui::SameLine(
      std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - pad - ImGui::CalcTextSize(progress.c_str()).x - pad));
  ImGui::PushStyleColor(ImGuiCol_Text, kProgress);
  ImGui::TextUnformatted(progress.c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();
  // The controls below, in their capped size, measured before the page takes the rest.
  const ControlLabels labels(app);
  const float controlsScale = std::min(1.0f, kControlsPx / ImGui::GetFontSize());
  ImGui::SetWindowFontScale(controlsScale);
  const float bar = controlsHeight(labels, ImGui::GetWindowWidth() - 2 * pad) + pad * 2;
  ImGui::SetWindowFontScale(1.0f);
  ImGui::BeginChild("page-lines",
                    ImVec2(ImGui::GetWindowWidth() - 2 * pad, ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - bar),
                    false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  pageLines(page, ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  ImGui::Spacing();
  controls(app, labels, controlsScale);
  ImGui::EndGroup();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void chooser(App& app) {
  auto& m = app.presentation;
  heading(i18n::tr("app.present.title"));
  ImGui::PushTextWrapPos(0);
  mutedText(i18n::tr("app.present.pick"));
  if (!m.loadProblems().empty()) {
    errorText(i18n::tr("app.present.problems"));
    for (const auto& p : m.loadProblems()) errorText(p);
  }
  ImGui::PopTextWrapPos();
  // Where the last leaflet went, above the list: the button pressed is in view, the folder may not be.
  if (!m.leafletMessage().empty()) (m.leafletError() ? errorText : okText)(m.leafletMessage());
  if (m.entries().empty()) largeText(i18n::tr("app.present.none"));
  // Each guide: present it (the wide button), or write its leaflet (the PDF button beside it).
  const std::string pdf = i18n::tr("app.present.leaflet");
  const float pdfWidth = buttonWidthFor(pdf);
  for (std::size_t i = 0; i < m.entries().size(); ++i) {
    const auto& e = m.entries()[i];
    // At large text a title that would be cut takes the whole line, its PDF button under it.
    const float wide = availableWidth() - pdfWidth - ImGui::GetStyle().ItemSpacing.x;
    const bool besideFits = buttonWidthFor(e.title) <= wide;
    if (button(e.title, "present.guide." + e.id, ButtonKind::Normal, besideFits ? wide : -1)) m.start(i);
    if (besideFits) ImGui::SameLine();
    if (button(pdf, "present.leaflet." + e.id)) m.writeLeaflet(i);
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("app.present.leaflet_where").c_str());
  panels::drawFolderPicker(m.leafletFolder, "present.leaflet.folder", app.now);
  ImGui::Spacing();
  if (button(i18n::tr("app.present.back"), "present.back")) goHome(app);
}

}  // namespace

void drawPresentation(App& app) {
  if (app.presentation.presenting())
    slide(app);
  else
    chooser(app);
}

}  // namespace gocua::app::ui
