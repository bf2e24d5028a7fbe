// primitives.h, part 1: the size checks against libsodium, AEAD, subkeys, key wrap, Argon2id, and
// the small helpers. Signatures and boxes are in primitives_keys.cpp, hashes and streams in
// primitives_stream.cpp.
#include "vault/primitives.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "vault/errors.h"
#include "vault/internal.h"

namespace gocua::vault {

// [SECTION] Sizes: the header's constants are libsodium's.
static_assert(kAeadKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kWrapKeyBytes == crypto_secretbox_KEYBYTES && kWrapKeyBytes == kAeadKeyBytes);
static_assert(kWrapNonceBytes == crypto_secretbox_NONCEBYTES && kWrapNonceBytes == kAeadNonceBytes);
static_assert(kWrappedKeyBytes == kWrapKeyBytes + crypto_secretbox_MACBYTES);
static_assert(kPwhashSaltBytes == crypto_pwhash_argon2id_SALTBYTES);
static_assert(kArgon2idOpsInteractive == crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
static_assert(kArgon2idMemInteractive == crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
static_assert(kArgon2idOpsModerate == crypto_pwhash_argon2id_OPSLIMIT_MODERATE);
static_assert(kArgon2idMemModerate == crypto_pwhash_argon2id_MEMLIMIT_MODERATE);
static_assert(kArgon2id13AlgId == crypto_pwhash_ALG_ARGON2ID13);
static_assert(kSignPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSignSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kSignSeedBytes == crypto_sign_SEEDBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);
static_assert(kHashBytes == crypto_generichash_BYTES);
static_assert(kHashMinBytes == crypto_generichash_BYTES_MIN && kHashMaxBytes == crypto_generichash_BYTES_MAX);
static_assert(kHashKeyMinBytes == crypto_generichash_KEYBYTES_MIN);
static_assert(kHashKeyMaxBytes == crypto_generichash_KEYBYTES_MAX);
static_assert(kBoxPublicKeyBytes == crypto_box_PUBLICKEYBYTES && kBoxSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kBoxSeedBytes == crypto_box_SEEDBYTES);
static_assert(kBoxPublicKeyBytes == crypto_scalarmult_BYTES && kBoxSecretKeyBytes == crypto_scalarmult_SCALARBYTES);
static_assert(kSealedBoxOverheadBytes == crypto_box_SEALBYTES);
static_assert(kStreamKeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);
static_assert(kStreamHeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(kStreamOverheadBytes == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kKdfContextBytes == crypto_kdf_CONTEXTBYTES);
static_assert(kDataKeyBytes == crypto_kdf_KEYBYTES);

namespace detail {

void requireSize(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "gocua::vault::%s: buffer of the wrong size\n", what);
  std::abort();
}

void requireSodium() {
  // Every key and seal needs libsodium; without it (no random source) nothing may be produced,
  // and these calls have no error to return.
  if (!sodiumReady()) {
    std::fputs("gocua::vault: libsodium failed to start\n", stderr);
    std::abort();
  }
}

}  // namespace detail

using detail::requireSize;
using detail::requireSodium;

// [SECTION] AEAD

void aeadEncrypt(std::span<std::uint8_t> out, std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> ad,
                 std::span<const std::uint8_t, kAeadNonceBytes> nonce,
                 std::span<const std::uint8_t, kAeadKeyBytes> key) {
  requireSize(out.size() == plaintext.size() + kAeadTagBytes, "aeadEncrypt");
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data(), &len, plaintext.data(), plaintext.size(), ad.data(), ad.size(),
                                             nullptr, nonce.data(), key.data());
}

bool aeadDecrypt(std::span<std::uint8_t> out, std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad,
                 std::span<const std::uint8_t, kAeadNonceBytes> nonce,
                 std::span<const std::uint8_t, kAeadKeyBytes> key) {
  requireSize(sealed.size() >= kAeadTagBytes && out.size() == sealed.size() - kAeadTagBytes, "aeadDecrypt");
  unsigned long long len = 0;
  return crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), &len, nullptr, sealed.data(), sealed.size(), ad.data(),
                                                    ad.size(), nonce.data(), key.data()) == 0;
}

void deriveSubkey(std::span<std::uint8_t> out, std::uint64_t id, std::string_view context,
                  std::span<const std::uint8_t, 32> masterKey) {
  requireSize(
      out.size() >= crypto_kdf_BYTES_MIN && out.size() <= crypto_kdf_BYTES_MAX && context.size() == kKdfContextBytes,
      "deriveSubkey");
  char ctx[crypto_kdf_CONTEXTBYTES];
  std::memcpy(ctx, context.data(), sizeof ctx);
  crypto_kdf_derive_from_key(out.data(), out.size(), id, ctx, masterKey.data());
}

// [SECTION] Key wrap

Result<SecretBytes> derivePassphraseKey(std::string_view passphrase,
                                        std::span<const std::uint8_t, kPwhashSaltBytes> salt, std::uint64_t opslimit,
                                        std::size_t memlimit) {
  if (!detail::sodiumReady()) return Error::make(err::kVaultInit, "", "sodium_init failed");
  SecretBytes kek(kWrapKeyBytes);
  // Limits are the caller's to validate, so a failure here is Argon2 failing to allocate memlimit.
  if (crypto_pwhash(kek.data(), kek.size(), passphrase.data(), passphrase.size(), salt.data(), opslimit, memlimit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error::make(err::kVaultOutOfMemory, "", "argon2id memlimit " + std::to_string(memlimit));
  return kek;
}

std::array<std::uint8_t, kWrappedKeyBytes> wrapKey(KeyWrapCipher cipher, const SecretBytes& key, const SecretBytes& kek,
                                                   std::span<const std::uint8_t, kWrapNonceBytes> nonce,
                                                   std::span<const std::uint8_t> ad) {
  requireSize(key.size() == kWrapKeyBytes && kek.size() == kWrapKeyBytes, "wrapKey");
  std::array<std::uint8_t, kWrappedKeyBytes> out{};
  if (cipher == KeyWrapCipher::XChaCha20Poly1305) {
    aeadEncrypt(out, key.view(), ad, nonce, kek.view().first<kAeadKeyBytes>());
  } else {
    requireSize(ad.empty(), "wrapKey (secretbox takes no AD)");
    crypto_secretbox_easy(out.data(), key.data(), key.size(), nonce.data(), kek.data());
  }
  return out;
}

std::optional<SecretBytes> unwrapKey(KeyWrapCipher cipher, std::span<const std::uint8_t, kWrappedKeyBytes> wrapped,
                                     const SecretBytes& kek, std::span<const std::uint8_t, kWrapNonceBytes> nonce,
                                     std::span<const std::uint8_t> ad) {
  requireSize(kek.size() == kWrapKeyBytes, "unwrapKey");
  SecretBytes key(kWrapKeyBytes);
  bool opened = false;
  if (cipher == KeyWrapCipher::XChaCha20Poly1305) {
    opened = aeadDecrypt({key.data(), key.size()}, wrapped, ad, nonce, kek.view().first<kAeadKeyBytes>());
  } else {
    requireSize(ad.empty(), "unwrapKey (secretbox takes no AD)");
    opened = crypto_secretbox_open_easy(key.data(), wrapped.data(), wrapped.size(), nonce.data(), kek.data()) == 0;
  }
  if (!opened) return std::nullopt;
  return key;
}

// [SECTION] Misc

std::uint32_t randomUniform(std::uint32_t upperBound) {
  requireSodium();
  return randombytes_uniform(upperBound);
}

bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void memzero(void* p, std::size_t n) { sodium_memzero(p, n); }

}  // namespace gocua::vault
