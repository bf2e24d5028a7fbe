// The settings screen: a draft of the settings the volunteer edits, applied in one go so a
// half-moved slider never rebuilds the fonts on every frame.
#pragma once

#include "app/model/app_model.h"

namespace gocua::app {

class SettingsModel {
 public:
  void open(AppModel& app) { draft = app.settings(); }
  Settings draft;
  // Writes the draft to the app (and the settings file). True when the font scale or contrast
  // changed, so the window rebuilds the font atlas and the theme.
  bool apply(AppModel& app);
  // The one key (F2): Vietnamese typing off, or back on with the method last used (Telex at
  // first). Saved at once, like Save settings; the open settings screen shows it too.
  void toggleTyping(AppModel& app);
  // Ctrl + / Ctrl − / Ctrl 0: the text size one step (50 %) larger, smaller, or back to 100 %,
  // within 100–250 %, saved at once. True when it changed (the window rebuilds its fonts).
  static constexpr int kTextSizeStep = 50;
  // How long the "Cỡ chữ: 250 %" notice stays: long enough to read, and gone before it costs
  // a small screen at large text the room it needs.
  static constexpr double kTextSizeNoticeSeconds = 6.0;
  bool stepTextSize(AppModel& app, int steps);
  bool resetTextSize(AppModel& app);
  bool holdsPlaintext() const { return false; }  // settings hold no resident data
  void reset() {
    draft = Settings{};
    confirmingTrainingReset = false;
  }

  // Training workspaces: the trainer's one-click reset, asked once more before it happens.
  static constexpr int kTrainingResidents = 2000;
  bool confirmingTrainingReset = false;
  // Deletes every practice record and draft and makes kTrainingResidents synthetic residents
  // afresh (the notice says how it went). False when nothing was reset.
  bool resetTraining(AppModel& app);

 private:
  core::TypingMethod lastTyping_ = core::TypingMethod::Telex;  // what F2 turns back on
};

}  // namespace gocua::app
