#include "app/model/return_point.h"

#include "app/model/screen_registry.h"

namespace gocua::app {

ReturnPoint returnPointOf(AppModel& app, const ScreenModels& models) {
  ReturnPoint point;
  if (!app.session()) return point;
  point.volunteer = app.session()->volunteer();
  point.screen = app.screen();
  switch (point.screen) {
    case Screen::Resident:
      point.residentId = models.resident.residentId();
      point.offer = models.resident.draftOffered();
      if (!models.resident.isOpen()) point.screen = Screen::Home;
      break;
    case Screen::Application:
      point.residentId = models.wizard.residentId();
      // A saved application has nothing left to return to.
      if (point.residentId.empty() || models.wizard.step() == WizardStep::Saved ||
          models.wizard.step() == WizardStep::Appointments)
        point.screen = Screen::Home;
      break;
    case Screen::Sync:
    case Screen::Settings:
      break;
    default:
      point.screen = Screen::Home;
  }
  return point;
}

void returnAfterUnlock(AppModel& app, ScreenModels& models) {
  const ReturnPoint point = std::move(models.returnPoint);
  models.returnPoint = {};
  auto* session = app.session();
  const bool same = session && !point.volunteer.empty() && point.volunteer == session->volunteer();
  switch (same ? point.screen : Screen::Home) {
    case Screen::Resident:
      if (point.residentId.empty())
        models.resident.openNew(app);
      else
        models.resident.openExisting(app, point.residentId);
      if (!point.offer) models.resident.resumeDraft();
      app.go(Screen::Resident);
      return;
    case Screen::Application:
      models.wizard.start(app, point.residentId);
      models.wizard.resume();  // only when start found this resident's draft
      app.go(Screen::Application);
      return;
    case Screen::Sync:
      models.sync.open(app);
      app.go(Screen::Sync);
      return;
    case Screen::Settings:
      models.settings.open(app);
      app.go(Screen::Settings);
      return;
    default:
      models.home.open(app);
      app.go(Screen::Home);
  }
}

}  // namespace gocua::app
