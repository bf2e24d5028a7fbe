// How many frames the event loop draws before it sleeps again. ImGui needs a few frames to show a
// change whole (a popup that closes is drawn empty once, a window sizes itself on its second
// frame), so whatever changes the picture — input, a background task waking the loop from its
// worker when it finishes or moves on, a new screen, rebuilt fonts — buys the same few frames.
// A wake that bought only one frame left a finished export's closing dialog as a blank box until
// the mouse moved. Plain C++ (tests/unit/ui): window_loop.cpp feeds it the platform's counters.
#pragma once

#include <cstdint>

namespace gocua::ui {

class FrameBudget {
 public:
  static constexpr int kFramesPerChange = 3;

  // The counters as they are when the loop starts (Platform::inputEvents(), Platform::wakes()).
  FrameBudget(std::uint64_t inputEvents, std::uint64_t wakes) : input_(inputEvents), wakes_(wakes) {}

  // Once per pass, after waiting, with the counters as they are now. True when input arrived
  // (activity for the idle lock); a wake alone buys frames but is not the volunteer's activity.
  bool observe(std::uint64_t inputEvents, std::uint64_t wakes) {
    const bool input = inputEvents != input_;
    if (input || wakes != wakes_) left_ = kFramesPerChange;
    input_ = inputEvents;
    wakes_ = wakes;
    return input;
  }
  // Something changed inside a frame (a new screen, rebuilt fonts).
  void changed() { left_ = kFramesPerChange; }
  // Frames are still owed: poll instead of sleeping.
  bool wantsFrame() const { return left_ > 0; }
  void frameDrawn() {
    if (left_ > 0) --left_;
  }

 private:
  int left_ = kFramesPerChange;  // the first screen
  std::uint64_t input_, wakes_;
};

}  // namespace gocua::ui
