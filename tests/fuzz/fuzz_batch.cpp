// libFuzzer target for the batch reader: arbitrary bytes through readBatchHeader and readBatch with
// fixed hub keys, small caps so a lucky zstd bomb costs little. Valid batches are hard to reach by
// mutation (they are signed and sealed), so this mainly explores header parsing and the chunk
// framing before authentication. Build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I. tests/fuzz/fuzz_batch.cpp
//     sync/batch/*.cpp src/vault/*.cpp src/core/*.cpp ... -lsodium -lzstd -o fuzz_batch
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "sync/batch/batch.h"

using namespace gocua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sync::HubKeys hub = [] {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(3);
    return sync::HubKeys::fromSeed(seed);
  }();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  {
    std::istringstream in(bytes);
    (void)sync::readBatchHeader(in);
  }
  std::istringstream in(bytes);
  sync::BatchLimits limits;
  limits.maxDecompressedBytes = 1 << 20;
  limits.maxLineBytes = 64 << 10;
  (void)sync::readBatch(
      in, hub, [](std::string_view) -> Status { return {}; }, limits);
  return 0;
}
