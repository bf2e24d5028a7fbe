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

// Everything the hub signs or opens with: an Ed25519 pair for profiles and receipts, and the
// X25519 pair (the batch module's HubKeys) that devices seal batch file keys to.
struct HubIdentity {
  std::array<std::uint8_t, 32> signPublic{};
  vault::SecretBytes signSecret{64};  // libsodium layout: seed || public key
  HubKeys box;

  [[nodiscard]] static HubIdentity generate();
  // Deterministic identity for tests and fuzzing only; a real hub uses generate().
  [[nodiscard]] static HubIdentity fromSeed(std::span<const std::uint8_t, 32> signSeed,
                                            std::span<const std::uint8_t, 32> boxSeed);
};

// A device's X25519 pair: staff notes in receipts are sealed to its public half.
struct DeviceBoxKeys {
  std::array<std::uint8_t, 32> publicKey{};
  vault::SecretBytes secretKey{32};

  [[nodiscard]] static DeviceBoxKeys generate();
  [[nodiscard]] static DeviceBoxKeys fromSeed(std::span<const std::uint8_t, 32> seed);
};

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
  int formPackVersion = 0;  // >= 0
  std::string issuedAt;     // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

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

}  // namespace gocua::sync
