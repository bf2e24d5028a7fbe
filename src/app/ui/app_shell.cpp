// The frame around every screen: the training banner, the top bar (who is working, where to go,
// lock) and the notice line, then the current screen's draw function.
#include <imgui.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "app/ui/screens.h"
#include "app/ui/shell.h"
#include "core/date.h"
#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/nav_bar.h"
#include "ui/page.h"
#include "ui/theme.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

// The draw function of each screen, in the order of kScreens (app/model/screen_registry.h).
struct ScreenDraw {
  Screen id;
  void (*draw)(App&);
};
constexpr ScreenDraw kDraw[] = {
    {Screen::FirstRun, drawFirstRun},
    {Screen::Unlock, drawUnlock},
    {Screen::Home, drawHome},
    {Screen::Resident, drawResident},
    {Screen::Application, drawApplication},
    {Screen::Sync, drawSync},
    {Screen::Join, drawJoin},
    {Screen::Settings, drawSettings},
    {Screen::Sessions, drawSessions},
    {Screen::Scenarios, drawScenarios},
    {Screen::Presentation, drawPresentation},
};
static_assert(std::size(kDraw) == kScreenCount, "every Screen needs its draw function in kDraw");
constexpr bool drawsInEnumOrder() {
  for (std::size_t i = 0; i < std::size(kDraw); ++i)
    if (kDraw[i].id != static_cast<Screen>(i)) return false;
  return true;
}
static_assert(drawsInEnumOrder(), "kDraw rows must follow the order of enum Screen");

}  // namespace

const char* screenName(Screen s) { return screenInfo(s).name; }

void App::tickAutoSync() {
  const Screen screen = model.screen();
  const bool leftJoin = lastScreen_ == Screen::Join && screen != Screen::Join;  // may have enrolled
  lastScreen_ = screen;
  if (!model.session()) {
    autoSyncOpened_ = false;
    return;
  }
  if (!autoSyncOpened_ || leftJoin) {
    autoSyncOpened_ = true;
    autoSync.open(model);
  }
  if (!autoSync.tick(model, sync.busy(), wake)) return;
  if (screen == Screen::Home) home.reread();  // records returned for documents show at once
  if (screen == Screen::Sync) sync.refresh(model);
}

void goHome(App& app) {
  app.home.open(app.model);
  app.model.go(Screen::Home);
}

void goSync(App& app) {
  app.sync.open(app.model);
  app.model.go(Screen::Sync);
}

void goSettings(App& app) {
  app.settings.open(app.model);
  app.model.go(Screen::Settings);
}

void goSessions(App& app) {
  std::vector<std::string> villages;  // the villages residents live in, as Home lists them
  for (const auto& v : app.home.villages()) villages.push_back(v.name);
  app.sessions.open(app.model, core::today(), std::move(villages));
  app.model.go(Screen::Sessions);
}

void goScenarios(App& app) {
  app.scenarios.open(app.model);
  app.model.go(Screen::Scenarios);
}

void goPresentation(App& app) {
  app.presentation.open(app.model);
  app.model.go(Screen::Presentation);
}

void showFullscreen(App& app, bool on) {
  if (!app.setFullscreen || app.fullscreen == on) return;
  app.fullscreen = app.setFullscreen(on);
}

void goTo(App& app, Screen s) {
  if (s == Screen::Presentation)
    goPresentation(app);
  else if (s == Screen::Sessions)
    goSessions(app);
  else if (s == Screen::Scenarios)
    goScenarios(app);
  else if (s == Screen::Sync)
    goSync(app);
  else if (s == Screen::Settings)
    goSettings(app);
  else
    goHome(app);
}

namespace {

// A header button: the resident editor with unsaved edits asks first (resident_screen.cpp).
void leaveTo(App& app, Screen to) {
  if (app.model.screen() == Screen::Resident && !app.resident.requestLeave(to)) return;
  goTo(app, to);
}

void topBar(App& app) {
  auto* session = app.model.session();
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted("GoCua");
  ImGui::PopFont();
  if (!session) return;
  const Screen screen = app.model.screen();
  // Right-aligned navigation: the four places a volunteer goes back to.
  struct Nav {
    const char* key;
    const char* id;
    Screen to;
  };
  constexpr Nav kNav[] = {{"app.nav.home", "nav.home", Screen::Home},
                          {"app.nav.sync", "nav.sync", Screen::Sync},
                          {"app.nav.settings", "nav.settings", Screen::Settings}};
  std::vector<NavItem> items;
  for (const auto& n : kNav) items.push_back({i18n::tr(n.key), n.id, screen == n.to});
  const std::string lock = i18n::tr("app.nav.lock");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float width = buttonWidthFor(lock);
  for (const auto& item : items) width += buttonWidthFor(item.label) + spacing;
  // Who is working, in full when it fits beside the buttons, else the name alone; when even that
  // does not fit (large text, small screen) the screens fold into one drop-down beside the name,
  // instead of rows of buttons under the title that leave the screen no room.
  const float navLeft = ImGui::GetWindowContentRegionMax().x - width;
  const float nameLeft = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
  std::string who = i18n::tr("app.bar.volunteer", {{"name", session->volunteer()}});
  if (nameLeft + ImGui::CalcTextSize(who.c_str()).x + 2 * spacing > navLeft) who = session->volunteer();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  mutedText(who);
  std::optional<std::size_t> chosen;
  if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing <= navLeft) {
    ImGui::SameLine(navLeft);
    chosen = navButtons(items);
  } else {
    // The screens reached from Home (a resident, an application, ...) count as Home in the menu.
    if (screen != Screen::Sync && screen != Screen::Settings) items.front().current = true;
    ImGui::SameLine();
    const float menuWidth = ImGui::GetContentRegionAvail().x - buttonWidthFor(lock) - spacing;
    chosen = navMenu(i18n::tr("app.nav.go"), items, std::min(menuWidth, ImGui::GetFontSize() * 14));
  }
  if (chosen) leaveTo(app, kNav[*chosen].to);
  sameLineIfFits(buttonWidthFor(lock));
  // Locking never asks: every screen seals its draft and the unlock returns here.
  if (button(lock, "nav.lock")) {
    app.model.lock();
    app.unlock.load(app.model);
  }
}

}  // namespace

void drawFrame(App& app) {
  beginPage("gocua");
  uiMap().beginFrame(screenName(app.model.screen()));
  // A guide on the projector fills the window: no bar, no banner, nothing but the page, and the
  // arrow keys turn pages instead of moving ImGui's keyboard focus (and its highlight frame).
  const bool presenting = app.model.screen() == Screen::Presentation && app.presentation.presenting();
  auto& io = ImGui::GetIO();
  if (presenting) {
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
  } else {
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    showFullscreen(app, false);  // the idle lock ended the presentation: the unlock screen is a window
  }
  if (presenting) {
    drawPresentation(app);
    endPage();
    uiMap().endFrame();
    return;
  }
  if (app.model.training()) trainingBanner();
  topBar(app);
  // A training workspace's orange banner already says it never syncs: no second line for it.
  if (const std::string status = app.autoSync.statusText(); !status.empty() && !app.model.training()) mutedText(status);
  ImGui::Separator();

  const auto& notice = app.model.notice();
  beginScreenArea(notice.text);
  const auto screen = static_cast<std::size_t>(app.model.screen());
  if (screen < kScreenCount) kDraw[screen].draw(app);
  endScreenArea();
  if (noticeLine(notice.text, notice.error, i18n::tr("app.notice.dismiss"), notice.brief)) app.model.clearNotice();
  endPage();
  uiMap().endFrame();
}

}  // namespace gocua::app::ui
