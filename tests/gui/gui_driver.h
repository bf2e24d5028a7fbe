// Drives the real desktop app under Xvfb the way a person would: real X input events through
// xdotool (XTEST), aimed at widgets by the names the app publishes in its GOCUA_UI_MAP file
// (ui_map.h: widget name → rectangle, nothing of what fields hold). Screenshots come from the app
// itself (F12 → GOCUA_SCREENSHOT_DIR).
#pragma once

#include <sys/types.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace gui {

namespace fs = std::filesystem;

// A child process kept running in the background (its own process group), killed at the end.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const it::Env& env, const fs::path& log);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  bool alive();
  // Sends SIGTERM, waits up to seconds, then SIGKILL. Returns the exit status (-1 if killed).
  int stop(double seconds = 5);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = -1;
};

// Xvfb on a free display number (-displayfd), 1280×800, 24-bit.
class XServer {
 public:
  explicit XServer(int width = 1280, int height = 800);
  ~XServer();
  const std::string& display() const { return display_; }

 private:
  pid_t pid_ = -1;
  std::string display_;
};

class Driver {
 public:
  Driver(std::string display, fs::path mapFile, fs::path shotsDir);
  // Waits for the app's window and map; false on timeout.
  bool attach(double seconds = 20);
  // The current map {"screen", "items"} (empty object before the first frame).
  nlohmann::json map() const;
  std::string screen() const;
  bool waitScreen(const std::string& screen, double seconds = 20);
  bool waitItem(const std::string& id, double seconds = 10);
  bool has(const std::string& id) const;
  // False while the map lists id as drawn disabled (a button not ready to press).
  bool enabled(const std::string& id) const;
  bool waitEnabled(const std::string& id, double seconds = 10);
  // Waits for widget id; if it does not show, scrolls with the wheel (down, then back up) as a
  // person would, over each area the map says scrolls in turn (two columns scroll apart), until
  // it does or the time is up.
  bool reveal(const std::string& id, double seconds = 10);
  // Clicks the centre of widget id (revealed first, then waited for while drawn disabled); false
  // when it never appeared or stayed disabled.
  bool click(const std::string& id, double seconds = 10);
  // Moves the pointer over widget id without clicking (then the wheel scrolls what is under it),
  // and waits until the window reports it under the pointer (the map's "hovered").
  bool hover(const std::string& id, double seconds = 10);
  // For a failed step: a screenshot of the window and what is on screen (widget names only).
  std::string failure();
  // Clicks the field, selects what it holds and types text (Vietnamese welcome), then checks
  // through the map's keyed digest (ui_map.h) that the field holds exactly text, typing it again
  // when a letter was lost (xdotool drops remapped letters under load), slower each time; false
  // after 4 tries.
  bool fill(const std::string& id, const std::string& text);
  // A new passphrase and its confirmation, until button (what they unlock) is enabled. Passphrase
  // fields are never digested in the map, so a letter xdotool lost under load shows only as a
  // button that stays disabled (the two no longer match): both are typed again, slower; false
  // after 3 tries.
  bool fillNewPassphrase(const std::string& first, const std::string& confirm, const std::string& passphrase,
                         const std::string& button);
  // The same without the check, for keys the field turns into other text (Telex).
  // slower multiplies the delay between keys (a retry on a loaded machine).
  bool fillKeys(const std::string& id, const std::string& keys, int slower = 1);
  // The key the app digests typed text with (GOCUA_UI_MAP_KEY, hex).
  void setDigestKey(std::string hex) { digestKeyHex_ = std::move(hex); }
  void type(const std::string& text, int slower = 1);
  void key(const std::string& keysym);
  // Presses F12 and waits for the new PNG; returns its path (empty on timeout).
  fs::path screenshot();
  // Waits for n frames' worth of time so the app has drawn what the last event changed.
  void settle(double seconds = 0.4);
  const std::string& lastError() const { return error_; }

 private:
  it::RunResult xdotool(const std::vector<std::string>& args);
  // Waits until the map names id as the field being edited and, for a text field, its digest is
  // that of text; false when it does not within seconds.
  bool holds(const std::string& id, const std::string& text, double seconds);
  std::string display_;
  fs::path mapFile_, shotsDir_;
  std::string window_;
  std::string error_;
  std::string digestKeyHex_;
};

}  // namespace gui
