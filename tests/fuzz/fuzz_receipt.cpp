// libFuzzer target for the receipt: arbitrary bytes through readReceipt (with the pinned key of the
// seed files' hub, so the seeds verify), through the body parser directly (the signature check in
// front of it keeps mutated bodies out otherwise), and through openNote. Nothing may crash or
// throw; a receipt that is accepted must be exactly what the writer makes of it. Build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I. tests/fuzz/fuzz_receipt.cpp
//     sync/receipt/*.cpp sync/keys/*.cpp sync/batch/*.cpp src/vault/*.cpp src/core/*.cpp ...
//     -lsodium -lzstd -lutf8proc -o fuzz_receipt
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../unit/fixed_keys.h"
#include "sync/keys/keys.h"
#include "sync/receipt/receipt.h"
#include "sync/receipt/receipt_body.h"

using namespace gocua;

namespace {

using fixedkeys::seed;

// The keys tests/fuzz/seeds/receipt/*.gcr were made with.
struct Keys {
  sync::HubIdentity hub = sync::HubIdentity::fromSeed(seed(1), seed(2));
  std::array<std::uint8_t, 32> deviceId = sync::DeviceKeys::fromSeed(seed(5)).publicKey;
  sync::DeviceBoxKeys box = sync::DeviceBoxKeys::fromSeed(seed(6));
};

const Keys& keys() {
  static const Keys k;
  return k;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Keys& k = keys();

  auto receipt = sync::readReceipt(bytes, k.hub.signPublic, k.deviceId, "09619");
  if (receipt.ok()) {
    if (!sync::receipt_detail::checkReceipt(*receipt).ok()) std::abort();
    auto again = sync::writeReceipt(*receipt, k.hub);
    if (!again.ok() || *again != bytes) std::abort();
    for (const auto& u : receipt->updates) {
      if (!u.sealedNote.empty()) (void)sync::openNote(u.sealedNote, k.box);
    }
  }

  // The body line on its own (second line of a framed file), and the whole input as a body.
  const std::size_t start = bytes.find('\n');
  const std::string_view rest = start == std::string_view::npos ? bytes : bytes.substr(start + 1);
  for (std::string_view body : {bytes, rest.substr(0, rest.find('\n'))}) {
    auto parsed = sync::receipt_detail::parseReceiptBody(body);
    if (parsed.ok()) (void)sync::receipt_detail::checkReceipt(*parsed);
  }

  (void)sync::openNote({data, size}, k.box);
  return 0;
}
