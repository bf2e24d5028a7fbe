// The event loop's frame budget: input, a background task's wake and a screen change each buy the
// same few frames; with none owed the loop sleeps.
#include "ui/model/frame_budget.h"

#include <doctest/doctest.h>

using gocua::ui::FrameBudget;

namespace {

// Frames drawn before the loop would sleep again.
int framesUntilSleep(FrameBudget& b) {
  int drawn = 0;
  while (b.wantsFrame() && drawn < 100) {
    b.frameDrawn();
    ++drawn;
  }
  return drawn;
}

}  // namespace

TEST_CASE("frame budget: the first screen, then sleep until something happens") {
  FrameBudget b(5, 0);
  CHECK(framesUntilSleep(b) == FrameBudget::kFramesPerChange);
  CHECK_FALSE(b.observe(5, 0));
  CHECK(framesUntilSleep(b) == 0);
}

TEST_CASE("frame budget: input buys frames and counts as activity") {
  FrameBudget b(5, 0);
  framesUntilSleep(b);
  CHECK(b.observe(6, 0));
  CHECK(framesUntilSleep(b) == FrameBudget::kFramesPerChange);
}

TEST_CASE("frame budget: a finished background task's wake buys as many frames as input, without activity") {
  FrameBudget b(5, 0);
  framesUntilSleep(b);
  CHECK_FALSE(b.observe(5, 1));  // the export finished: no key was pressed
  CHECK(framesUntilSleep(b) == FrameBudget::kFramesPerChange);
  CHECK_FALSE(b.observe(5, 1));  // nothing new: sleep
  CHECK(framesUntilSleep(b) == 0);
}

TEST_CASE("frame budget: a screen switched inside a frame is drawn whole") {
  FrameBudget b(0, 0);
  framesUntilSleep(b);
  b.changed();
  CHECK(framesUntilSleep(b) == FrameBudget::kFramesPerChange);
}
