// Public contract of sync/keys: the hub's identity, the device's box pair, the key fingerprint a
// volunteer compares with the one posted at the commune office, and the two signed files of
// enrollment (DESIGN.md, Sync point 1): the commune profile (.gcp, signed by the hub) and the
// enrollment request (.gcq, signed by the device).
//
// File layout (both kinds):  "GOCUA-<KIND> 1\n" <body> "\n" <signature> "\n"
//   body       canonical JSON on one line: nlohmann dump(), keys sorted, 32-byte keys as lowercase
//              hex; a body that is not byte-for-byte its own canonical form is refused
//   signature  128 lowercase hex digits: Ed25519 (detached) over the exact body bytes
// Readers never throw, refuse unknown keys and bound sizes (file <= 64 KiB, <= 500 villages,
// strings <= 200 characters). Error codes (catalog "error.<code>"):
//   profile.format / enroll.format                   not such a file, damaged framing or JSON
//   profile.unknown_version / enroll.unknown_version a format version this build does not read
//   profile.bad_signature / enroll.bad_signature     signature does not verify against the body's key
//   profile.key_changed                              the profile's hub key differs from the pinned one
//   profile.invalid / enroll.invalid                 well-signed but the content breaks the rules
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "sync/batch/batch.h"
#include "vault/secret.h"

namespace gocua::sync {

inline constexpr std::size_t kMaxSignedFileBytes = std::size_t{64} << 10;
inline constexpr std::size_t kMaxVillages = 500;
inline constexpr std::size_t kMaxVolunteers = 100;
inline constexpr std::size_t kMaxFieldChars = 200;
inline constexpr std::size_t kMaxFormPackBytes = std::size_t{4} << 20;

// Everything the hub signs or opens with: an Ed25519 pair for profiles and receipts, and the
// X25519 pair (HubKeys, i.e. vault::BoxKeyPair) that devices seal batch file keys to.
// The recovery pair (another vault::BoxKeyPair) opens the data keys laptops seal to it.
struct HubIdentity {
  std::array<std::uint8_t, 32> signPublic{};
  vault::SecretBytes signSecret{64};  // libsodium layout: seed || public key
  HubKeys box;
  HubKeys recovery;

  [[nodiscard]] static HubIdentity generate();
  // Deterministic identity for tests and fuzzing only; a real hub uses generate(). The recovery
  // pair is derived from boxSeed when no recoverySeed is given.
  [[nodiscard]] static HubIdentity fromSeed(std::span<const std::uint8_t, 32> signSeed,
                                            std::span<const std::uint8_t, 32> boxSeed);
  [[nodiscard]] static HubIdentity fromSeed(std::span<const std::uint8_t, 32> signSeed,
                                            std::span<const std::uint8_t, 32> boxSeed,
                                            std::span<const std::uint8_t, 32> recoverySeed);
};

// A device's X25519 pair (the same vault::BoxKeyPair as the hub's): staff notes in receipts are
// sealed to its public half.
using DeviceBoxKeys = vault::BoxKeyPair;

// BLAKE2b-256 of the key, first 16 bytes as 8 groups of 4 uppercase hex digits separated by
// single spaces ("1A2B 3C4D ..."): short enough to compare by eye against the office's poster.
[[nodiscard]] std::string fingerprint(std::span<const std::uint8_t, 32> signPublic);

struct CommuneProfile {
  std::string communeCode;            // exactly 5 ASCII digits
  std::string communeName;            // NFC, trimmed, 1..200 characters, no control characters
  std::vector<std::string> villages;  // same rules as communeName, at most 500, no duplicates
  std::string hubUrl;                 // "http://..." or "https://...", printable ASCII; empty = USB only
  std::array<std::uint8_t, 32> hubSignPublic{};
  std::array<std::uint8_t, 32> hubBoxPublic{};
  std::array<std::uint8_t, 32> recoveryPublic{};  // JSON "recovery_public"
  int formPackVersion = 0;                        // >= 0
  std::string issuedAt;                           // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  // The hub's current form pack (a whole .gcf file, signed by the same key) or empty. The writer
  // requires its commune and version to equal the profile's; the reader only checks it is text,
  // and the laptop verifies the pack itself when it installs it.
  std::string formPack;
};
// A profile carrying a form pack may be larger than the other signed files (JSON escaping of a
// JSON file inside a string can double it).
inline constexpr std::size_t kMaxProfileBytes = kMaxSignedFileBytes + 2 * kMaxFormPackBytes;

// Signs with hub.signSecret. profile.hubSignPublic must equal hub.signPublic and the content must
// pass the reader's rules; otherwise "profile.invalid" (the writer never makes a file the reader
// refuses).
[[nodiscard]] Result<std::string> writeProfile(const CommuneProfile& profile, const HubIdentity& hub);

// Verifies the signature against the hubSignPublic inside the body and, when pinnedHubKey is
// given (the key from the device's first enrollment), that the body's key equals it.
[[nodiscard]] Result<CommuneProfile> readProfile(std::string_view file,
                                                 const std::optional<std::array<std::uint8_t, 32>>& pinnedHubKey);

struct EnrollmentRequest {
  std::array<std::uint8_t, 32> deviceSignPublic{};
  std::array<std::uint8_t, 32> deviceBoxPublic{};
  std::vector<std::string> volunteers;  // names as core::normalizeName stores them, 1..100
  std::string workspaceId;              // 1..64 of [0-9A-Za-z-]
  std::string createdAt;                // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

// Signs with keys.secretKey. request.deviceSignPublic must equal keys.publicKey and the content
// must pass the reader's rules; otherwise "enroll.invalid".
[[nodiscard]] Result<std::string> writeEnrollmentRequest(const EnrollmentRequest& request, const DeviceKeys& keys);

// Verifies the signature against the deviceSignPublic inside the body (proof that the sender
// holds that key). Whether the hub accepts the device is the hub's decision, not this parser's.
[[nodiscard]] Result<EnrollmentRequest> readEnrollmentRequest(std::string_view file);

// ---- Form packs (sync/README.md, "Form packs") -------------------------------------------------
// The form definitions a hub publishes ("GOCUA-FORMPACK 1", signed by the hub key). They travel
// inside the profile and inside receipts for laptops still on an older pack. Error codes:
// formpack.format, formpack.unknown_version, formpack.bad_signature (not the pinned hub key),
// formpack.invalid (content rules; writer and reader alike).
inline constexpr std::size_t kMaxFormPackFiles = 200;

struct FormPack {
  std::string communeCode;
  int version = 0;       // 1, 2, ... : a laptop installs only a higher one
  std::string issuedAt;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  // Path → file text, as in forms/: "<id>.json" or "lists/<id>.json" (ids of [a-z0-9_], 1..64),
  // valid UTF-8. Whether the files are good forms is the forms module's question.
  std::map<std::string, std::string> files;
};

[[nodiscard]] Result<std::string> writeFormPack(const FormPack& pack, const HubIdentity& hub);
[[nodiscard]] Result<FormPack> readFormPack(std::string_view file, const std::array<std::uint8_t, 32>& hubSignPublic);

// ---- Recovery (sync/README.md, "Recovery") ------------------------------------------------------
// Error codes: recovery.format, recovery.unknown_version, recovery.bad_signature (not signed by
// the pinned hub key), recovery.wrong_device, recovery.wrong_code, recovery.damaged (a slot or
// wrapped key that does not open), recovery.invalid (writer).

// The laptop's recovery slot: crypto_box_seal(dataKey, recoveryPublic). dataKey is 32 bytes.
[[nodiscard]] Result<std::vector<std::uint8_t>> sealRecoverySlot(const vault::SecretBytes& dataKey,
                                                                 const std::array<std::uint8_t, 32>& recoveryPublic);
[[nodiscard]] Result<vault::SecretBytes> openRecoverySlot(std::span<const std::uint8_t> slot, const HubKeys& recovery);

// A one-time code for staff to read to the volunteer: 20 Crockford base32 characters in groups
// of 4 ("7K2M-…"), 100 bits. Accepted back case-insensitively, with or without dashes/spaces, and
// with Crockford's look-alikes read as digits (O → 0, I and L → 1). The code is a secret: callers
// vault::wipe it once it is shown and used.
[[nodiscard]] std::string newRecoveryCode();

// The file the hub hands the volunteer (.gcx), signed by the hub:
// "GOCUA-RECOVERY 1\n" canonical JSON {device_id, recovery_id (hex16), created_at, opslimit,
// memlimit, salt (hex16), wrapped (hex: nonce || secretbox(dataKey))} "\n" sig "\n".
struct RecoveryFile {
  std::array<std::uint8_t, 32> deviceId{};
  std::array<std::uint8_t, 16> recoveryId{};
  std::string createdAt;
  std::int64_t opslimit = 0, memlimit = 0;  // Argon2id of the code
  std::array<std::uint8_t, 16> salt{};
  std::vector<std::uint8_t> wrapped;
};

// Hub side: wraps dataKey under Argon2id(code) (INTERACTIVE limits or stronger) and signs.
[[nodiscard]] Result<std::string> makeRecoveryFile(const std::array<std::uint8_t, 32>& deviceId,
                                                   const vault::SecretBytes& dataKey, std::string_view code,
                                                   const HubIdentity& hub);
// Laptop side: checks the signature against the pinned hub key and the device id.
[[nodiscard]] Result<RecoveryFile> readRecoveryFile(std::string_view file,
                                                    const std::array<std::uint8_t, 32>& hubSignPublic,
                                                    const std::array<std::uint8_t, 32>& deviceId);
// "recovery.wrong_code" when the code does not open the wrapped key.
[[nodiscard]] Result<vault::SecretBytes> openRecoveryFile(const RecoveryFile& file, std::string_view code);

}  // namespace gocua::sync
