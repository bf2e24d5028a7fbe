// Hub identity, device box keys and the key fingerprint. Secret halves go straight into
// SecretBytes (sodium_malloc memory); seeds passed in by callers are theirs to wipe.
#include <sodium.h>

#include <cstdlib>
#include <string_view>

#include "sync/keys/keys.h"

namespace gocua::sync {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64);
static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32);

// Without a random source no key may be produced at all, and there is no caller to report to.
static void requireSodium() {
  if (!vault::init().ok()) std::abort();
}

HubIdentity HubIdentity::generate() {
  requireSodium();
  HubIdentity id;
  crypto_sign_keypair(id.signPublic.data(), id.signSecret.data());
  id.box = HubKeys::generate();
  id.recovery = HubKeys::generate();
  return id;
}

HubIdentity HubIdentity::fromSeed(std::span<const std::uint8_t, 32> signSeed,
                                  std::span<const std::uint8_t, 32> boxSeed) {
  requireSodium();
  // A keyed hash of the box seed, so the two X25519 pairs differ yet tests need only two seeds.
  static constexpr std::string_view kLabel = "GOCUA-RECOVERY-SEED";
  std::array<std::uint8_t, 32> recoverySeed{};
  crypto_generichash(recoverySeed.data(), recoverySeed.size(), reinterpret_cast<const unsigned char*>(kLabel.data()),
                     kLabel.size(), boxSeed.data(), boxSeed.size());
  HubIdentity id = fromSeed(signSeed, boxSeed, recoverySeed);
  sodium_memzero(recoverySeed.data(), recoverySeed.size());
  return id;
}

HubIdentity HubIdentity::fromSeed(std::span<const std::uint8_t, 32> signSeed, std::span<const std::uint8_t, 32> boxSeed,
                                  std::span<const std::uint8_t, 32> recoverySeed) {
  requireSodium();
  HubIdentity id;
  crypto_sign_seed_keypair(id.signPublic.data(), id.signSecret.data(), signSeed.data());
  id.box = HubKeys::fromSeed(boxSeed);
  id.recovery = HubKeys::fromSeed(recoverySeed);
  return id;
}

DeviceBoxKeys DeviceBoxKeys::generate() {
  requireSodium();
  DeviceBoxKeys k;
  crypto_box_keypair(k.publicKey.data(), k.secretKey.data());
  return k;
}

DeviceBoxKeys DeviceBoxKeys::fromSeed(std::span<const std::uint8_t, 32> seed) {
  requireSodium();
  DeviceBoxKeys k;
  crypto_box_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
  return k;
}

std::string fingerprint(std::span<const std::uint8_t, 32> signPublic) {
  requireSodium();
  std::array<std::uint8_t, 32> hash{};
  crypto_generichash(hash.data(), hash.size(), signPublic.data(), signPublic.size(), nullptr, 0);
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
