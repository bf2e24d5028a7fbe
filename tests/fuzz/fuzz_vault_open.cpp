// libFuzzer target for the vault's parsers of stored bytes: RecordCipher::open of arbitrary sealed
// records, decodeKeyslot of arbitrary blobs, and keyslot unwrapping of arbitrary fields and params.
// Argon2 is kept out of the loop (a fixed KEK through detail::unwrapWithKek) except where params
// are refused before it runs, so the fuzzer explores parsing rather than burning 64 MiB per input.
// Not wired into CMake; build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_vault_open.cpp
//     src/vault/*.cpp -lsodium -o fuzz_vault_open && ./fuzz_vault_open -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "vault/internal.h"
#include "vault/vault.h"

using namespace gocua;

namespace {

struct Fixture {
  vault::RecordCipher cipher;
  vault::SecretBytes kek;
  vault::Keyslot goodSlot;
};

vault::SecretBytes fixedBytes(std::uint8_t start, std::size_t n) {
  vault::SecretBytes s(n);
  for (std::size_t i = 0; i < n; ++i) s.data()[i] = static_cast<std::uint8_t>(start + i);
  return s;
}

const Fixture& fixture() {
  static const Fixture f = [] {
    if (!vault::init().ok()) std::abort();
    auto dataKey = fixedBytes(0x00, vault::kDataKeyBytes);
    auto kek = fixedBytes(0x80, vault::detail::kKekBytes);
    std::vector<std::uint8_t> salt(16, 0xa0), nonce(24, 0xb0);
    auto slot = vault::detail::wrapWithKek(dataKey, kek, vault::interactiveKdf(), salt, nonce);
    return Fixture{vault::RecordCipher(dataKey), std::move(kek), std::move(slot)};
  }();
  return f;
}

// Consumes a length-prefixed piece of the input (one byte of length), clamped to what is left.
std::span<const std::uint8_t> take(std::span<const std::uint8_t>& in) {
  if (in.empty()) return {};
  const std::size_t n = std::min<std::size_t>(in[0], in.size() - 1);
  auto piece = in.subspan(1, n);
  in = in.subspan(1 + n);
  return piece;
}

std::uint64_t takeU64(std::span<const std::uint8_t>& in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8 && !in.empty(); ++i) {
    v |= std::uint64_t{in[0]} << (8 * i);
    in = in.subspan(1);
  }
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Fixture& f = fixture();
  if (size == 0) return 0;
  const std::uint8_t mode = data[0] % 4;
  // Copy so the sanitizer sees the exact end of the buffer the vault is given.
  const std::vector<std::uint8_t> bytes(data + 1, data + size);
  std::span<const std::uint8_t> in(bytes);

  switch (mode) {
    case 0: {  // a sealed record with some associated data
      auto ad = take(in);
      const std::vector<std::uint8_t> sealed(in.begin(), in.end());
      auto r = f.cipher.open(sealed, ad);
      if (r.ok()) std::abort();  // forging a seal without the key would be a real finding
      // Round trip of the same bytes as plaintext must always succeed.
      auto back = f.cipher.open(f.cipher.seal(sealed, ad), ad);
      if (!back.ok() || back->size() != sealed.size()) std::abort();
      break;
    }
    case 1: {  // a stored keyslot blob
      auto slot = vault::decodeKeyslot(in);
      if (slot.ok()) {
        (void)vault::encodeKeyslot(*slot);
        auto key = vault::detail::unwrapWithKek(*slot, f.kek);
        if (key.ok() && !(*slot == f.goodSlot)) std::abort();
      }
      break;
    }
    case 2: {  // keyslot fields of arbitrary sizes and params
      vault::Keyslot slot;
      slot.params.opslimit = takeU64(in);
      slot.params.memlimit = static_cast<std::size_t>(takeU64(in));
      auto salt = take(in), nonce = take(in), wrapped = take(in);
      slot.salt.assign(salt.begin(), salt.end());
      slot.nonce.assign(nonce.begin(), nonce.end());
      slot.wrapped.assign(wrapped.begin(), wrapped.end());
      auto key = vault::detail::unwrapWithKek(slot, f.kek);
      if (key.ok() && !(slot == f.goodSlot)) std::abort();
      // The full path only when it is refused before Argon2 (damaged shape or params out of range).
      if (!vault::detail::checkKeyslotShape(slot).ok() || !vault::checkKdfFloor(slot.params).ok()) {
        auto r = vault::unwrapDataKey(slot, "fuzz passphrase");
        if (r.ok()) std::abort();
      }
      break;
    }
    case 3: {  // the known-good slot with a few bytes overwritten
      auto blob = vault::encodeKeyslot(f.goodSlot);
      while (in.size() >= 2) {
        blob[in[0] % blob.size()] ^= in[1];
        in = in.subspan(2);
      }
      auto slot = vault::decodeKeyslot(blob);
      if (slot.ok()) {
        auto key = vault::detail::unwrapWithKek(*slot, f.kek);
        if (key.ok() && !(*slot == f.goodSlot)) std::abort();
      }
      (void)f.cipher.idHash(std::string(blob.begin(), blob.end()));
      (void)f.cipher.revisionHash(blob, bytes);
      break;
    }
  }
  return 0;
}
