// primitives.h, part 2: Ed25519 signatures and X25519 boxes. Secret halves go straight into
// SecretBytes; seeds passed in are the caller's to wipe.
#include <sodium.h>

#include "vault/internal.h"
#include "vault/primitives.h"

namespace gocua::vault {

using detail::requireSize;
using detail::requireSodium;

namespace {
const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
}  // namespace

// [SECTION] Signatures

SignKeyPair SignKeyPair::generate() {
  requireSodium();
  SignKeyPair k;
  crypto_sign_keypair(k.publicKey.data(), k.secretKey.data());
  return k;
}

SignKeyPair SignKeyPair::fromSeed(std::span<const std::uint8_t, kSignSeedBytes> seed) {
  requireSodium();
  SignKeyPair k;
  crypto_sign_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
  return k;
}

Signature sign(std::span<const std::uint8_t> message, const SecretBytes& secretKey) {
  requireSize(secretKey.size() == kSignSecretKeyBytes, "sign");
  requireSodium();
  Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secretKey.data());
  return sig;
}

Signature sign(std::string_view message, const SecretBytes& secretKey) {
  return sign(std::span<const std::uint8_t>(bytes(message), message.size()), secretKey);
}

bool verify(std::span<const std::uint8_t, kSignatureBytes> signature, std::span<const std::uint8_t> message,
            std::span<const std::uint8_t, kSignPublicKeyBytes> publicKey) {
  if (!detail::sodiumReady()) return false;
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), publicKey.data()) == 0;
}

bool verify(std::span<const std::uint8_t, kSignatureBytes> signature, std::string_view message,
            std::span<const std::uint8_t, kSignPublicKeyBytes> publicKey) {
  return verify(signature, std::span<const std::uint8_t>(bytes(message), message.size()), publicKey);
}

// [SECTION] Boxes

BoxKeyPair BoxKeyPair::generate() {
  requireSodium();
  BoxKeyPair k;
  crypto_box_keypair(k.publicKey.data(), k.secretKey.data());
  return k;
}

BoxKeyPair BoxKeyPair::fromSeed(std::span<const std::uint8_t, kBoxSeedBytes> seed) {
  requireSodium();
  BoxKeyPair k;
  crypto_box_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
  return k;
}

std::optional<BoxKeyPair> BoxKeyPair::fromSecret(std::span<const std::uint8_t, kBoxSecretKeyBytes> secret) {
  requireSodium();
  BoxKeyPair k;
  std::copy(secret.begin(), secret.end(), k.secretKey.data());
  if (crypto_scalarmult_base(k.publicKey.data(), k.secretKey.data()) != 0) return std::nullopt;
  return k;
}

bool sealBox(std::span<std::uint8_t> out, std::span<const std::uint8_t> plaintext,
             std::span<const std::uint8_t, kBoxPublicKeyBytes> recipient) {
  requireSize(out.size() == plaintext.size() + kSealedBoxOverheadBytes, "sealBox");
  requireSodium();
  return crypto_box_seal(out.data(), plaintext.data(), plaintext.size(), recipient.data()) == 0;
}

bool openSealedBox(std::span<std::uint8_t> out, std::span<const std::uint8_t> sealed, const BoxKeyPair& recipient) {
  requireSize(sealed.size() >= kSealedBoxOverheadBytes && out.size() == sealed.size() - kSealedBoxOverheadBytes,
              "openSealedBox");
  if (recipient.secretKey.size() != kBoxSecretKeyBytes || !detail::sodiumReady()) return false;
  return crypto_box_seal_open(out.data(), sealed.data(), sealed.size(), recipient.publicKey.data(),
                              recipient.secretKey.data()) == 0;
}

}  // namespace gocua::vault
