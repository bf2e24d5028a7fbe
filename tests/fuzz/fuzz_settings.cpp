// libFuzzer target for the desktop app's settings file (parseSettings): whatever a hand edit or a
// damaged disk leaves there, the app starts with values in range; a wrong type never throws
// ({"idle_lock_minutes":"10"} once killed the app at start). Build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_settings.cpp
//     src/app/model/settings.cpp src/core/*.cpp ... -o fuzz_settings
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/model/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto s = gocua::app::parseSettings(text);
  if (s.ok()) {
    if (s->fontScalePercent < 100 || s->fontScalePercent > 250 || s->fontScalePercent % 25 != 0) std::abort();
    if (s->idleLockMinutes < 1 || s->idleLockMinutes > 120) std::abort();
  }
  return 0;
}
