// The frame around every screen of the desk: the top bar (the program, who is at the desk, where
// to go, lock), the current screen, and the notice line.
#include <imgui.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/fonts.h"
#include "ui/model/row_wrap.h"
#include "ui/nav_bar.h"
#include "ui/page.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

// The draw function of each screen, in the order of kScreens (office/model/desk.h).
struct ScreenDraw {
  Screen id;
  void (*draw)(OfficeApp&);
};
constexpr ScreenDraw kDraw[] = {
    {Screen::NoHub, drawNoHub},           {Screen::Setup, drawSetup},       {Screen::Unlock, drawUnlock},
    {Screen::Inbox, drawInbox},           {Screen::Queue, drawQueue},       {Screen::Record, drawRecord},
    {Screen::Dashboard, drawDashboard},   {Screen::Export, drawExport},     {Screen::Laptops, drawLaptops},
    {Screen::Duplicates, drawDuplicates}, {Screen::Settings, drawSettings},
};
static_assert(std::size(kDraw) == kScreenCount, "every Screen needs its draw function in kDraw");
constexpr bool drawsInEnumOrder() {
  for (std::size_t i = 0; i < std::size(kDraw); ++i)
    if (kDraw[i].id != static_cast<Screen>(i)) return false;
  return true;
}
static_assert(drawsInEnumOrder(), "kDraw rows must follow the order of enum Screen");

void topBar(OfficeApp& app) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(i18n::tr("office.title").c_str());
  ImGui::PopFont();
  if (!app.model.session() || app.model.screen() == Screen::Setup) return;  // first run ends by its own button
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  std::string who = i18n::tr("office.bar.staff", {{"name", app.model.staffName()}});
  if (app.receive.running()) who += " · " + i18n::tr("office.bar.receiving");  // the switch, seen from any screen
  mutedText(who);
  const float staffEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;  // window coordinates
  const Screen screen = app.model.screen();
  struct Nav {
    const char* key;
    const char* id;
    Screen to;
  };
  constexpr Nav kNav[] = {{"office.nav.queue", "nav.queue", Screen::Queue},
                          {"office.nav.inbox", "nav.inbox", Screen::Inbox},
                          {"office.nav.export", "nav.export", Screen::Export},
                          {"office.nav.dashboard", "nav.dashboard", Screen::Dashboard},
                          {"office.nav.laptops", "nav.laptops", Screen::Laptops},
                          {"office.nav.duplicates", "nav.duplicates", Screen::Duplicates},
                          {"office.nav.settings", "nav.settings", Screen::Settings}};
  std::vector<NavItem> items;
  for (const auto& n : kNav)
    items.push_back({i18n::tr(n.key), n.id, screen == n.to || (n.to == Screen::Queue && screen == Screen::Record)});
  const std::string lock = i18n::tr("office.nav.lock");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  std::vector<float> widths;
  for (const auto& item : items) widths.push_back(buttonWidthFor(item.label));
  widths.push_back(buttonWidthFor(lock));
  float width = 0;
  for (const float w : widths) width += w + spacing;
  // Right-aligned when the line has room; under the title at a large text size.
  const float right = ImGui::GetWindowContentRegionMax().x - width + spacing;
  if (right > staffEnd + spacing) ImGui::SameLine(right);
  // While an import runs on the session, the desk stays on the inbox.
  ImGui::BeginDisabled(app.model.busy());
  // More than two rows of buttons, or rows that would take over a fifth of the window (large
  // text, small screen), leave the screen no room: one drop-down of the screens instead.
  const int rows = wrappedRows(widths, ImGui::GetContentRegionAvail().x, spacing);
  const bool fold =
      rows > 2 || static_cast<float>(rows) * ImGui::GetFrameHeightWithSpacing() > ImGui::GetIO().DisplaySize.y / 5;
  const auto chosen = fold ? navMenu(i18n::tr("office.nav.go"), items,
                                     ImGui::GetContentRegionAvail().x - buttonWidthFor(lock) - spacing)
                           : navButtons(items);
  if (chosen) app.goTo(kNav[*chosen].to);
  sameLineIfFits(buttonWidthFor(lock));
  if (button(lock, "nav.lock")) app.lock();
  ImGui::EndDisabled();
}

}  // namespace

void drawFrame(OfficeApp& app) {
  beginPage("gocua-office");
  uiMap().beginFrame(screenName(app.model.screen()));
  topBar(app);
  if (app.model.busy()) mutedText(i18n::tr("office.nav.busy"));
  ImGui::Separator();
  const auto& notice = app.model.notice();
  beginScreenArea(notice.text);
  const auto screen = static_cast<std::size_t>(app.model.screen());
  if (screen < kScreenCount) kDraw[screen].draw(app);
  endScreenArea();
  if (noticeLine(notice.text, notice.error, i18n::tr("office.notice.dismiss"))) app.model.clearNotice();
  endPage();
  uiMap().endFrame();
}

}  // namespace gocua::office::window
