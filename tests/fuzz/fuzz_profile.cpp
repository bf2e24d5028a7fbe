// libFuzzer target for the enrollment parsers: arbitrary bytes through readProfile (with and
// without a pinned key), readEnrollmentRequest and readFormPack (a profile may carry a pack). Both must refuse with an
// error value, never crash or throw. Valid files are signed, so mutation mostly explores the framing and the JSON body
// checks that run before the signature. Build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I. tests/fuzz/fuzz_profile.cpp
//     sync/keys/*.cpp sync/batch/*.cpp src/vault/*.cpp src/core/*.cpp ... -lsodium -lzstd -lutf8proc
//     -o fuzz_profile
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "sync/keys/keys.h"

using namespace gocua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::array<std::uint8_t, 32> pinned{};
  pinned.fill(7);
  (void)sync::readProfile(bytes, std::nullopt);
  (void)sync::readProfile(bytes, pinned);
  // The seeds are signed by the fixed-seed hub (1, 2): with its key, mutations of a valid pack
  // reach the checks after the signature too.
  static const auto seedHub = [] {
    std::array<std::uint8_t, 32> s1{}, s2{};
    s1.fill(1);
    s2.fill(2);
    return sync::HubIdentity::fromSeed(s1, s2);
  }();
  auto pack = sync::readFormPack(bytes, seedHub.signPublic);
  if (pack.ok() && (pack->files.empty() || pack->version < 1)) std::abort();
  (void)sync::readFormPack(bytes, pinned);
  auto request = sync::readEnrollmentRequest(bytes);
  // An accepted request passed every content rule, so it names at least one volunteer.
  if (request.ok() && request->volunteers.empty()) std::abort();
  return 0;
}
