// Device and hub key pairs. Secret halves go straight into SecretBytes (sodium_malloc memory);
// seeds passed in by callers are theirs to wipe.
#include <sodium.h>

#include <cstdlib>

#include "sync/batch/batch.h"

namespace gocua::sync {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64);
static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32);
static_assert(crypto_sign_SEEDBYTES == 32 && crypto_box_SEEDBYTES == 32);

// Keys are made before any batch exists, so a failed libsodium start has nowhere to be reported
// but here; without a random source no key may be produced at all.
static void requireSodium() {
  if (!vault::init().ok()) std::abort();
}

DeviceKeys DeviceKeys::generate() {
  requireSodium();
  DeviceKeys k;
  crypto_sign_keypair(k.publicKey.data(), k.secretKey.data());
  return k;
}

DeviceKeys DeviceKeys::fromSeed(std::span<const std::uint8_t, 32> seed) {
  requireSodium();
  DeviceKeys k;
  crypto_sign_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
  return k;
}

HubKeys HubKeys::generate() {
  requireSodium();
  HubKeys k;
  crypto_box_keypair(k.boxPublic.data(), k.boxSecret.data());
  return k;
}

HubKeys HubKeys::fromSeed(std::span<const std::uint8_t, 32> seed) {
  requireSodium();
  HubKeys k;
  crypto_box_seed_keypair(k.boxPublic.data(), k.boxSecret.data(), seed.data());
  return k;
}

}  // namespace gocua::sync
