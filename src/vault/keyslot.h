// Passphrase keyslots: each volunteer on a shared laptop unlocks the one workspace data key with
// their own passphrase. A keyslot is public information (it may sit in plaintext SQLite columns):
// Argon2id13(passphrase, salt, params) gives a key-encryption key (KEK), and the data key is sealed
// under it with XChaCha20-Poly1305-IETF. The associated data binds a version label, the Argon2
// parameters and the salt, so a stored slot cannot be edited to weaker settings without failing.
//
// Passphrase bytes are used exactly as given: callers pass NFC text (core::toNfc) so a Vietnamese
// passphrase typed through a different input method still unlocks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vault/secret.h"

namespace gocua::vault {

struct KdfParams {
  std::uint64_t opslimit = 0;
  std::size_t memlimit = 0;  // bytes
  friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

// crypto_pwhash_argon2id OPSLIMIT/MEMLIMIT_INTERACTIVE (2 passes, 64 MiB): the floor.
[[nodiscard]] KdfParams interactiveKdf();
// crypto_pwhash_argon2id OPSLIMIT/MEMLIMIT_MODERATE (3 passes, 256 MiB).
[[nodiscard]] KdfParams moderateKdf();
// Parameters for a new keyslot: GOCUA_KDF=interactive → the floor; GOCUA_KDF=moderate → moderate;
// otherwise moderate when MemAvailable in /proc/meminfo is at least 1 GiB, else the floor.
[[nodiscard]] KdfParams defaultKdfParams();

// Errors: "vault.kdf_too_weak" below the floor (either limit); "vault.kdf_out_of_range" above
// 16 passes or 4 GiB, the ceiling that stops a damaged slot from hanging or exhausting a laptop.
[[nodiscard]] Status checkKdfFloor(const KdfParams& params);

// The one rule for a new passphrase (passphrase_policy.cpp: the app, gocuactl, gocua-hub): refuses
// the weakest, each with its reason ("vault.passphrase_*"); under kMinPassphraseCodePoints is too short.
constexpr std::size_t kMinPassphraseCodePoints = 8;
[[nodiscard]] Status checkPassphrase(std::string_view passphrase);
// 0 (too short) .. 4 (long and varied): a rough hint for the GUI meter, not a security claim.
[[nodiscard]] int passphraseStrength(std::string_view passphrase);

// All fields are public. Sizes: salt 16, nonce 24, wrapped 48 (32-byte key + 16-byte tag).
struct Keyslot {
  KdfParams params;
  std::vector<std::uint8_t> salt, nonce, wrapped;
  friend bool operator==(const Keyslot&, const Keyslot&) = default;
};

// Seals dataKey under a fresh salt and nonce. Errors: "vault.kdf_too_weak" / "vault.kdf_out_of_range"
// (checkKdfFloor), "vault.passphrase_*" (checkPassphrase: no new slot with a weak
// passphrase), "vault.out_of_memory" when Argon2 cannot get params.memlimit bytes, "internal" when
// dataKey is not kDataKeyBytes long.
[[nodiscard]] Result<Keyslot> wrapDataKey(const SecretBytes& dataKey, std::string_view passphrase,
                                          const KdfParams& params);

// Recovers the data key. Checked before any Argon2 work: "vault.keyslot_damaged" when a field has
// the wrong size, "vault.kdf_too_weak" / "vault.kdf_out_of_range" for the stored params. Then
// "vault.out_of_memory" when Argon2 cannot allocate, and "vault.wrong_passphrase" when the seal does
// not open (a wrong passphrase and an edited slot look the same, by design).
[[nodiscard]] Result<SecretBytes> unwrapDataKey(const Keyslot& slot, std::string_view passphrase);

// A keyslot as one self-describing blob (magic "GCKS", version 1, Argon2id13, little-endian
// limits, salt, nonce, wrapped: 110 bytes), for storage or export as a single column or file.
[[nodiscard]] std::vector<std::uint8_t> encodeKeyslot(const Keyslot& slot);
// "vault.keyslot_damaged" for anything but an exact version-1 blob. Params are not judged here;
// unwrapDataKey does that.
[[nodiscard]] Result<Keyslot> decodeKeyslot(std::span<const std::uint8_t> blob);

}  // namespace gocua::vault
