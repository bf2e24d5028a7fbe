// Vault internals shared by the vault's own .cpp files, its unit tests and its fuzz target. Not for
// application code: these take caller-chosen nonces and raw KEKs, which is only safe in tests.
// No sodium.h here either, so tests build without seeing libsodium.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vault/keyslot.h"
#include "vault/record_cipher.h"
#include "vault/secret.h"

namespace gocua::vault::detail {

constexpr std::size_t kSaltBytes = 16;   // crypto_pwhash_argon2id_SALTBYTES
constexpr std::size_t kNonceBytes = 24;  // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
constexpr std::size_t kTagBytes = 16;    // crypto_aead_xchacha20poly1305_ietf_ABYTES
constexpr std::size_t kKekBytes = 32;    // crypto_aead_xchacha20poly1305_ietf_KEYBYTES
constexpr std::size_t kWrappedBytes = kDataKeyBytes + kTagBytes;
constexpr std::size_t kKeyslotBlobBytes = 4 + 1 + 1 + 8 + 8 + kSaltBytes + kNonceBytes + kWrappedBytes;

// True once sodium_init has succeeded (runs it on first call).
bool sodiumReady();
// Abort with a message naming `what` unless ok: a crypto call with a buffer of the wrong size is a
// programming error that must not run, in release builds too.
void requireSize(bool ok, const char* what);
// Abort unless libsodium has started: for the calls that produce keys and have no error to return.
void requireSodium();

// The associated data of a keyslot seal: label "gocua.keyslot.v1", opslimit and memlimit as
// little-endian u64, then the salt (which must be kSaltBytes long).
std::array<std::uint8_t, 16 + 8 + 8 + kSaltBytes> keyslotAd(const KdfParams& params,
                                                            std::span<const std::uint8_t> salt);

// Argon2id13 of passphrase into a kKekBytes key. Assumes params already passed checkKdfFloor.
// "vault.out_of_memory" when crypto_pwhash fails.
Result<SecretBytes> deriveKek(std::string_view passphrase, std::span<const std::uint8_t> salt, const KdfParams& params);

// The AEAD half of wrap/unwrap, without Argon2: deterministic given salt and nonce.
Keyslot wrapWithKek(const SecretBytes& dataKey, const SecretBytes& kek, const KdfParams& params,
                    std::span<const std::uint8_t> salt, std::span<const std::uint8_t> nonce);
// "vault.keyslot_damaged" for wrong field sizes, "vault.wrong_passphrase" when the seal fails.
Result<SecretBytes> unwrapWithKek(const Keyslot& slot, const SecretBytes& kek);

// Field-size check shared by unwrapDataKey and unwrapWithKek ("vault.keyslot_damaged").
Status checkKeyslotShape(const Keyslot& slot);

struct RecordCipherAccess {
  // seal() with a caller-chosen nonce (kNonceBytes), for golden tests only.
  static std::vector<std::uint8_t> sealWithNonce(const RecordCipher& cipher, std::span<const std::uint8_t> plaintext,
                                                 std::span<const std::uint8_t> ad, std::span<const std::uint8_t> nonce);
  // The derived subkeys (seal, id hash, revision hash), for golden tests only.
  static std::span<const std::uint8_t> subkey(const RecordCipher& cipher, int index);
};

}  // namespace gocua::vault::detail
