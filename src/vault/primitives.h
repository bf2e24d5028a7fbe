// Every libsodium primitive GoCua uses, one pinned choice per operation, behind a header that needs
// no sodium.h: sync/ and the workspace call these, and only src/vault links libsodium. Sizes are
// constexpr here and static_asserted against libsodium's constants in primitives.cpp, so a
// mismatch fails the build rather than a file.
//
// Index:
//   [SECTION] Sizes and key types
//   [SECTION] AEAD          XChaCha20-Poly1305-IETF, detached nonce (record bodies, keyslots)
//   [SECTION] Key wrap      a 32-byte key sealed under a 32-byte KEK; Argon2id13 KEKs from passphrases
//   [SECTION] Signatures    Ed25519, detached
//   [SECTION] Hashes        BLAKE2b one-shot (keyed or not) and streaming
//   [SECTION] Boxes         X25519 key pairs and sealed boxes (anonymous sender)
//   [SECTION] Streams       secretstream XChaCha20-Poly1305, as the batch file uses it
//   [SECTION] Misc          random numbers, constant-time compare, zeroing
//
// Contracts: every open/verify is [[nodiscard]] bool (libsodium's warn_unused_result), false when
// the input was forged, damaged or sealed to someone else; the caller maps that to its own module's
// error code. Buffers of the wrong size are programming errors and abort with a message naming the
// function (like a failed assert, but also in release builds: a crypto call with a short buffer
// must never run). Nothing here throws except std::bad_alloc from SecretBytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vault/secret.h"

namespace gocua::vault {

// [SECTION] Sizes and key types ------------------------------------------------------------------

inline constexpr std::size_t kAeadKeyBytes = 32;    // crypto_aead_xchacha20poly1305_ietf_KEYBYTES
inline constexpr std::size_t kAeadNonceBytes = 24;  // ..._NPUBBYTES
inline constexpr std::size_t kAeadTagBytes = 16;    // ..._ABYTES

inline constexpr std::size_t kWrapKeyBytes = 32;                                // the key being wrapped
inline constexpr std::size_t kWrapNonceBytes = 24;                              // both wrap ciphers
inline constexpr std::size_t kWrappedKeyBytes = kWrapKeyBytes + kAeadTagBytes;  // 48, both ciphers
inline constexpr std::size_t kPwhashSaltBytes = 16;                             // crypto_pwhash_argon2id_SALTBYTES
inline constexpr std::uint64_t kArgon2idOpsInteractive = 2;                     // ..._OPSLIMIT_INTERACTIVE
inline constexpr std::size_t kArgon2idMemInteractive = std::size_t{64} << 20;   // ..._MEMLIMIT_INTERACTIVE
inline constexpr std::uint64_t kArgon2idOpsModerate = 3;                        // ..._OPSLIMIT_MODERATE
inline constexpr std::size_t kArgon2idMemModerate = std::size_t{256} << 20;     // ..._MEMLIMIT_MODERATE
inline constexpr std::uint8_t kArgon2id13AlgId = 2;                             // crypto_pwhash_ALG_ARGON2ID13

inline constexpr std::size_t kSignPublicKeyBytes = 32;  // crypto_sign_PUBLICKEYBYTES
inline constexpr std::size_t kSignSecretKeyBytes = 64;  // crypto_sign_SECRETKEYBYTES: seed || public key
inline constexpr std::size_t kSignSeedBytes = 32;       // crypto_sign_SEEDBYTES
inline constexpr std::size_t kSignatureBytes = 64;      // crypto_sign_BYTES

inline constexpr std::size_t kHashBytes = 32;        // crypto_generichash_BYTES (BLAKE2b-256)
inline constexpr std::size_t kHashMinBytes = 16;     // crypto_generichash_BYTES_MIN
inline constexpr std::size_t kHashMaxBytes = 64;     // crypto_generichash_BYTES_MAX (BLAKE2b-512)
inline constexpr std::size_t kHashKeyMinBytes = 16;  // crypto_generichash_KEYBYTES_MIN
inline constexpr std::size_t kHashKeyMaxBytes = 64;  // crypto_generichash_KEYBYTES_MAX

inline constexpr std::size_t kBoxPublicKeyBytes = 32;       // crypto_box_PUBLICKEYBYTES
inline constexpr std::size_t kBoxSecretKeyBytes = 32;       // crypto_box_SECRETKEYBYTES
inline constexpr std::size_t kBoxSeedBytes = 32;            // crypto_box_SEEDBYTES
inline constexpr std::size_t kSealedBoxOverheadBytes = 48;  // crypto_box_SEALBYTES

inline constexpr std::size_t kStreamKeyBytes = 32;       // crypto_secretstream_xchacha20poly1305_KEYBYTES
inline constexpr std::size_t kStreamHeaderBytes = 24;    // ..._HEADERBYTES
inline constexpr std::size_t kStreamOverheadBytes = 17;  // ..._ABYTES

inline constexpr std::size_t kKdfContextBytes = 8;  // crypto_kdf_CONTEXTBYTES

using SignPublicKey = std::array<std::uint8_t, kSignPublicKeyBytes>;
using Signature = std::array<std::uint8_t, kSignatureBytes>;
using BoxPublicKey = std::array<std::uint8_t, kBoxPublicKeyBytes>;

// [SECTION] AEAD ---------------------------------------------------------------------------------

// out = ciphertext || tag, exactly plaintext.size() + kAeadTagBytes. ad is authenticated, not
// stored. The caller owns nonce uniqueness (random 192-bit nonces are fine at any volume).
void aeadEncrypt(std::span<std::uint8_t> out, std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> ad,
                 std::span<const std::uint8_t, kAeadNonceBytes> nonce,
                 std::span<const std::uint8_t, kAeadKeyBytes> key);
// out exactly sealed.size() - kAeadTagBytes (sealed at least kAeadTagBytes). The tag is checked
// before anything is decrypted: on false, out holds zeros (libsodium clears it), never plaintext.
[[nodiscard]] bool aeadDecrypt(std::span<std::uint8_t> out, std::span<const std::uint8_t> sealed,
                               std::span<const std::uint8_t> ad, std::span<const std::uint8_t, kAeadNonceBytes> nonce,
                               std::span<const std::uint8_t, kAeadKeyBytes> key);

// Subkey `id` (of `out.size()` bytes, 16..64) of a 32-byte master key, crypto_kdf_derive_from_key
// with an 8-character context. The (context, id) pairs in use are part of stored formats.
void deriveSubkey(std::span<std::uint8_t> out, std::uint64_t id, std::string_view context,
                  std::span<const std::uint8_t, 32> masterKey);

// [SECTION] Key wrap -----------------------------------------------------------------------------
// The one passphrase-wrapped key. Two stored formats use it, each byte-exact forever:
//   XChaCha20Poly1305  workspace keyslots (GCKS) and hub keys: ciphertext || tag, AD bound
//   XSalsa20Poly1305   recovery files (.gcx): crypto_secretbox_easy, tag || ciphertext, no AD
// Both take a 24-byte nonce and give 48 bytes; the format decides where the nonce is stored.
enum class KeyWrapCipher : std::uint8_t { XChaCha20Poly1305, XSalsa20Poly1305 };

// Argon2id13(passphrase, salt) into a kWrapKeyBytes KEK. Limits are not judged here (keyslot.h's
// checkKdfFloor does that before any caller gets this far). "vault.out_of_memory" when Argon2 cannot
// get memlimit bytes, "vault.init" without libsodium.
[[nodiscard]] Result<SecretBytes> derivePassphraseKey(std::string_view passphrase,
                                                      std::span<const std::uint8_t, kPwhashSaltBytes> salt,
                                                      std::uint64_t opslimit, std::size_t memlimit);

// key must be kWrapKeyBytes, kek kWrapKeyBytes; ad must be empty for XSalsa20Poly1305.
[[nodiscard]] std::array<std::uint8_t, kWrappedKeyBytes> wrapKey(KeyWrapCipher cipher, const SecretBytes& key,
                                                                 const SecretBytes& kek,
                                                                 std::span<const std::uint8_t, kWrapNonceBytes> nonce,
                                                                 std::span<const std::uint8_t> ad = {});
// The wrapped key, or nullopt when the seal does not open (wrong KEK, edited bytes or ad).
[[nodiscard]] std::optional<SecretBytes> unwrapKey(KeyWrapCipher cipher,
                                                   std::span<const std::uint8_t, kWrappedKeyBytes> wrapped,
                                                   const SecretBytes& kek,
                                                   std::span<const std::uint8_t, kWrapNonceBytes> nonce,
                                                   std::span<const std::uint8_t> ad = {});

// [SECTION] Signatures ---------------------------------------------------------------------------

// An Ed25519 pair. The secret half uses libsodium's layout (seed || public key) in guarded memory.
struct SignKeyPair {
  SignPublicKey publicKey{};
  SecretBytes secretKey{kSignSecretKeyBytes};

  [[nodiscard]] static SignKeyPair generate();
  // Deterministic, for tests, fuzzing and backups; the seed stays the caller's to wipe.
  [[nodiscard]] static SignKeyPair fromSeed(std::span<const std::uint8_t, kSignSeedBytes> seed);
};

// Detached Ed25519 signature; secretKey must be kSignSecretKeyBytes.
[[nodiscard]] Signature sign(std::span<const std::uint8_t> message, const SecretBytes& secretKey);
[[nodiscard]] Signature sign(std::string_view message, const SecretBytes& secretKey);
[[nodiscard]] bool verify(std::span<const std::uint8_t, kSignatureBytes> signature,
                          std::span<const std::uint8_t> message,
                          std::span<const std::uint8_t, kSignPublicKeyBytes> publicKey);
[[nodiscard]] bool verify(std::span<const std::uint8_t, kSignatureBytes> signature, std::string_view message,
                          std::span<const std::uint8_t, kSignPublicKeyBytes> publicKey);

// [SECTION] Hashes -------------------------------------------------------------------------------

// BLAKE2b of in into out (kHashMinBytes..kHashMaxBytes), keyed when key is not empty
// (kHashKeyMinBytes..kHashKeyMaxBytes).
void hashInto(std::span<std::uint8_t> out, std::span<const std::uint8_t> in, std::span<const std::uint8_t> key = {});
// Unkeyed BLAKE2b-256.
[[nodiscard]] std::array<std::uint8_t, kHashBytes> blake2b256(std::span<const std::uint8_t> in);
[[nodiscard]] std::array<std::uint8_t, kHashBytes> blake2b256(std::string_view in);

// BLAKE2b fed piece by piece (files, streams, length-prefixed inputs). The state is wiped on
// destruction, since a keyed state holds key material. Not copyable: a copy would be a second
// state to wipe.
class Blake2b {
 public:
  // outBytes kHashMinBytes..kHashMaxBytes; key empty or kHashKeyMinBytes..kHashKeyMaxBytes.
  explicit Blake2b(std::size_t outBytes = kHashBytes, std::span<const std::uint8_t> key = {});
  Blake2b(const Blake2b&) = delete;
  Blake2b& operator=(const Blake2b&) = delete;
  ~Blake2b();

  Blake2b& update(std::span<const std::uint8_t> bytes);
  Blake2b& update(std::string_view bytes);
  // The digest; out.size() must equal outBytes. Call once: the state is spent afterwards.
  void finalInto(std::span<std::uint8_t> out);
  template <std::size_t N>
  [[nodiscard]] std::array<std::uint8_t, N> final() {
    std::array<std::uint8_t, N> digest{};
    finalInto(digest);
    return digest;
  }
  [[nodiscard]] std::string finalHex();  // lowercase

 private:
  std::size_t outBytes_;
  alignas(64) unsigned char state_[384];  // crypto_generichash_state (size checked in the .cpp)
};

// [SECTION] Boxes --------------------------------------------------------------------------------

// An X25519 pair: the hub's batch and recovery keys, a device's note key.
struct BoxKeyPair {
  BoxPublicKey publicKey{};
  SecretBytes secretKey{kBoxSecretKeyBytes};

  [[nodiscard]] static BoxKeyPair generate();
  [[nodiscard]] static BoxKeyPair fromSeed(std::span<const std::uint8_t, kBoxSeedBytes> seed);
  // The pair of a known secret half (its public half recomputed, crypto_scalarmult_base); nullopt
  // when libsodium refuses the secret.
  [[nodiscard]] static std::optional<BoxKeyPair> fromSecret(std::span<const std::uint8_t, kBoxSecretKeyBytes> secret);
};

// crypto_box_seal: out exactly plaintext.size() + kSealedBoxOverheadBytes, an ephemeral sender key
// per call. False when the recipient key is refused (a small-order point).
[[nodiscard]] bool sealBox(std::span<std::uint8_t> out, std::span<const std::uint8_t> plaintext,
                           std::span<const std::uint8_t, kBoxPublicKeyBytes> recipient);
// out exactly sealed.size() - kSealedBoxOverheadBytes (sealed at least that long). False when
// sealed was not made for recipient or was changed.
[[nodiscard]] bool openSealedBox(std::span<std::uint8_t> out, std::span<const std::uint8_t> sealed,
                                 const BoxKeyPair& recipient);

// [SECTION] Streams ------------------------------------------------------------------------------
// crypto_secretstream_xchacha20poly1305 with the two tags the batch file writes.

enum class StreamTag : std::uint8_t { Message, Final, Other };

// One direction of a stream; the state (a subkey and nonce) is wiped on destruction.
class SecretStreamPush {
 public:
  SecretStreamPush() = default;
  SecretStreamPush(const SecretStreamPush&) = delete;
  SecretStreamPush& operator=(const SecretStreamPush&) = delete;
  ~SecretStreamPush();
  // Starts a stream under key (kStreamKeyBytes); returns the header to store before the chunks.
  [[nodiscard]] std::array<std::uint8_t, kStreamHeaderBytes> init(const SecretBytes& key);
  // out exactly plain.size() + kStreamOverheadBytes; tag Message or Final.
  void push(std::span<std::uint8_t> out, std::span<const std::uint8_t> plain, std::span<const std::uint8_t> ad,
            StreamTag tag);

 private:
  alignas(16) unsigned char state_[64];  // crypto_secretstream_xchacha20poly1305_state
};

class SecretStreamPull {
 public:
  SecretStreamPull() = default;
  SecretStreamPull(const SecretStreamPull&) = delete;
  SecretStreamPull& operator=(const SecretStreamPull&) = delete;
  ~SecretStreamPull();
  // False for a header libsodium refuses.
  [[nodiscard]] bool init(std::span<const std::uint8_t, kStreamHeaderBytes> header, const SecretBytes& key);
  // Decrypts chunk into out (at least chunk.size() - kStreamOverheadBytes) and returns the
  // plaintext length; nullopt when the chunk does not authenticate (with ad) in this position.
  struct Chunk {
    std::size_t length = 0;
    StreamTag tag = StreamTag::Other;
  };
  [[nodiscard]] std::optional<Chunk> pull(std::span<std::uint8_t> out, std::span<const std::uint8_t> chunk,
                                          std::span<const std::uint8_t> ad);

 private:
  alignas(16) unsigned char state_[64];
};

// [SECTION] Misc ---------------------------------------------------------------------------------

// Uniform in [0, upperBound), without modulo bias (randombytes_uniform).
[[nodiscard]] std::uint32_t randomUniform(std::uint32_t upperBound);
// Equal length and equal bytes, in time that depends only on the length.
[[nodiscard]] bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);
// Zeroes bytes in a way the compiler may not optimise away (sodium_memzero).
void memzero(void* p, std::size_t n);

}  // namespace gocua::vault
