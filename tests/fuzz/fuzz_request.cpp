// libFuzzer target for the files a device reads or the hub receives besides the profile: the
// enrollment request (readEnrollmentRequest) and the recovery file (readRecoveryFile, with the
// pinned key and device id of the seed files, and its body parser directly, since the signature
// check in front of it keeps mutated bodies out otherwise). Nothing may crash or throw. No Argon2
// here (openRecoveryFile costs 64 MiB per call): the code path is covered by the unit tests.
// Build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I. tests/fuzz/fuzz_request.cpp
//     sync/keys/*.cpp sync/batch/*.cpp src/vault/*.cpp src/core/*.cpp ... -lsodium -lzstd -lutf8proc
//     -o fuzz_request
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../unit/fixed_keys.h"
#include "sync/keys/keys.h"
#include "sync/keys/recovery_internal.h"

using namespace gocua;

namespace {

using fixedkeys::seed;

// The keys tests/fuzz/seeds/request/recovery.gcx was made with.
struct Keys {
  std::array<std::uint8_t, 32> hubSignPublic = sync::HubIdentity::fromSeed(seed(1), seed(2)).signPublic;
  std::array<std::uint8_t, 32> deviceId = sync::DeviceKeys::fromSeed(seed(5)).publicKey;
};

const Keys& keys() {
  static const Keys k;
  return k;
}

// What every accepted recovery file holds: a wrapped key of the one size the opener takes.
void checkAccepted(const Result<sync::RecoveryFile>& f) {
  if (f.ok() && (f->wrapped.size() != 72 || f->opslimit <= 0 || f->memlimit <= 0)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto request = sync::readEnrollmentRequest(bytes);
  // An accepted request passed every content rule, so it names at least one volunteer.
  if (request.ok() && request->volunteers.empty()) std::abort();

  const Keys& k = keys();
  auto recovery = sync::readRecoveryFile(bytes, k.hubSignPublic, k.deviceId);
  checkAccepted(recovery);
  if (recovery.ok() && recovery->deviceId != k.deviceId) std::abort();

  const std::size_t start = bytes.find('\n');
  const std::string_view rest = start == std::string_view::npos ? bytes : bytes.substr(start + 1);
  for (std::string_view body : {bytes, rest.substr(0, rest.find('\n'))})
    checkAccepted(sync::keys_detail::parseRecoveryBody(body));
  return 0;
}
