// Hub identity and the key fingerprint. Secret halves go straight into SecretBytes (sodium_malloc
// memory); seeds passed in by callers are theirs to wipe.
#include <string_view>

#include "sync/keys/keys.h"
#include "vault/primitives.h"

namespace gocua::sync {

HubIdentity HubIdentity::generate() {
  HubIdentity id;
  auto sign = vault::SignKeyPair::generate();
  id.signPublic = sign.publicKey;
  id.signSecret = std::move(sign.secretKey);
  id.box = HubKeys::generate();
  id.recovery = HubKeys::generate();
  return id;
}

HubIdentity HubIdentity::fromSeed(std::span<const std::uint8_t, 32> signSeed,
                                  std::span<const std::uint8_t, 32> boxSeed) {
  // A keyed hash of the box seed, so the two X25519 pairs differ yet tests need only two seeds.
  static constexpr std::string_view kLabel = "GOCUA-RECOVERY-SEED";
  std::array<std::uint8_t, 32> recoverySeed{};
  vault::hashInto(recoverySeed, vault::bytesOf(kLabel), boxSeed);
  HubIdentity id = fromSeed(signSeed, boxSeed, recoverySeed);
  vault::memzero(recoverySeed.data(), recoverySeed.size());
  return id;
}

HubIdentity HubIdentity::fromSeed(std::span<const std::uint8_t, 32> signSeed, std::span<const std::uint8_t, 32> boxSeed,
                                  std::span<const std::uint8_t, 32> recoverySeed) {
  HubIdentity id;
  auto sign = vault::SignKeyPair::fromSeed(signSeed);
  id.signPublic = sign.publicKey;
  id.signSecret = std::move(sign.secretKey);
  id.box = HubKeys::fromSeed(boxSeed);
  id.recovery = HubKeys::fromSeed(recoverySeed);
  return id;
}

std::string fingerprint(std::span<const std::uint8_t, 32> signPublic) {
  const auto hash = vault::blake2b256(signPublic);
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(39);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i > 0 && i % 2 == 0) out.push_back(' ');
    out.push_back(kDigits[hash[i] >> 4]);
    out.push_back(kDigits[hash[i] & 0x0f]);
  }
  return out;
}

}  // namespace gocua::sync
