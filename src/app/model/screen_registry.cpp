#include "app/model/screen_registry.h"

namespace gocua::app {

void wipeScreens(ScreenModels& models) {
  for (const auto& screen : kScreens) screen.wipe(models);
}

void wipeScreensOnLock(AppModel& app, ScreenModels& models) {
  app.onLock([&app, &models] {
    models.returnPoint = returnPointOf(app, models);
    wipeScreens(models);
  });
}

}  // namespace gocua::app
