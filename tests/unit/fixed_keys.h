// Keys from fixed seeds for the sync unit tests: failures reproduce, and the fuzz seeds under
// tests/fuzz/seeds are signed by hub() (seeds 1 and 2), so tests can check they still verify.
#pragma once

#include <array>
#include <cstdint>

#include "sync/keys/keys.h"

namespace fixedkeys {

inline std::array<std::uint8_t, 32> seed(std::uint8_t v) {
  std::array<std::uint8_t, 32> s{};
  s.fill(v);
  return s;
}

inline const gocua::sync::HubIdentity& hub() {
  static const auto h = gocua::sync::HubIdentity::fromSeed(seed(1), seed(2));
  return h;
}

inline const gocua::sync::HubIdentity& otherHub() {
  static const auto h = gocua::sync::HubIdentity::fromSeed(seed(3), seed(4));
  return h;
}

}  // namespace fixedkeys
