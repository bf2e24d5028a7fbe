// Everything the desk window draws from: the Desk (office model and screens' view-models) and
// the few window-side values. One instance lives in main(); draw functions (screens.h) take it.
#pragma once

#include <functional>

#include "office/model/desk.h"

namespace gocua::office::window {

// The desk's screens draw with the shared widgets (src/ui).
using namespace gocua::ui;

struct OfficeApp : Desk {
  using Desk::Desk;
  std::function<void()> wake;  // wakes the event loop from a worker thread
  double now = 0;              // seconds, the platform clock at the start of this frame
  bool looksChanged = false;   // text size or contrast changed: rebuild before the next frame
};

// One draw function per screen (one file each): widgets mapped to the view-model's fields and
// commands. No SQL, no crypto, no decisions about residents' data here.
void drawNoHub(OfficeApp& app);
void drawSetup(OfficeApp& app);
void drawUnlock(OfficeApp& app);
void drawInbox(OfficeApp& app);
void drawQueue(OfficeApp& app);
void drawRecord(OfficeApp& app);
void drawDashboard(OfficeApp& app);
void drawExport(OfficeApp& app);
void drawLaptops(OfficeApp& app);
void drawDuplicates(OfficeApp& app);
void drawSettings(OfficeApp& app);

// The whole window for one frame: the top bar, the current screen, the notice line.
void drawFrame(OfficeApp& app);

}  // namespace gocua::office::window
