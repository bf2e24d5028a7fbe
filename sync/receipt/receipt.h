// Public contract of the receipt (.gcr): the hub's signed answer to one batch (or, for USB-only
// villages with nothing to send, a status-only answer). It tells the laptop, per record, what the
// hub did, the hub's clock, the next sequence it expects, and review decisions with staff notes
// sealed to the device's box key. Format in sync/README.md. Error codes (catalog "error.<code>"):
//   receipt.format          not a receipt, damaged framing or JSON, or over the size limits
//   receipt.unknown_version a format version this build does not read
//   receipt.bad_signature   the signature does not verify against the pinned hub key
//   receipt.wrong_device    a receipt for another device (or another commune)
//   receipt.invalid         writer: content breaks the reader's rules
//   receipt.note_damaged    a sealed note does not open with this device's key
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "sync/keys/keys.h"

namespace gocua::sync {

inline constexpr std::size_t kMaxReceiptBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxReceiptEntries = 1'000'000;
inline constexpr std::size_t kMaxNoteBytes = 2000;
// Highest sequence / next_sequence a receipt may name: far past any laptop's lifetime, yet the
// laptop can store it as int64 and add 1 (a signed 2^64-1 used to break every later export).
inline constexpr std::uint64_t kMaxSequence = std::uint64_t{1} << 53;
// The reason that tells a laptop the hub has revoked it: on a quarantined or rejected batch, and
// on a status receipt (whose reason is otherwise empty).
inline constexpr std::string_view kReasonRevoked = "hub.revoked";

enum class BatchStatus { Imported, Replay, Quarantined, Rejected, Status };
enum class Outcome { Accepted, Duplicate, Rejected };
enum class ReviewStatus { Accepted, NeedsDocuments, Returned };

std::string_view toString(BatchStatus);
std::string_view toString(Outcome);
std::string_view toString(ReviewStatus);
std::optional<ReviewStatus> parseReviewStatus(std::string_view);

struct RecordOutcome {
  std::string id;  // canonical UUID text
  std::int64_t revision = 0;
  Outcome outcome = Outcome::Accepted;
  std::string reason;  // catalog code for Rejected, empty otherwise
};

struct StatusUpdate {
  std::string id;
  std::int64_t revision = 0;  // the revision staff reviewed
  ReviewStatus status = ReviewStatus::Accepted;
  std::vector<std::uint8_t> sealedNote;  // crypto_box_seal to the device box key; empty = no note
  std::string at;                        // UTC "YYYY-MM-DDTHH:MM:SSZ"
  // The hub's order of decisions on this record: larger is newer. A laptop applies an update only
  // when it is newer than the one it holds, so a replayed old receipt cannot roll a status back.
  // 0 in receipts written before decisions were numbered (the key is then absent).
  std::int64_t decision = 0;
};

struct Receipt {
  std::string communeCode;
  std::array<std::uint8_t, 32> deviceId{};
  std::array<std::uint8_t, 16> batchId{};  // all zero for a status receipt
  std::uint64_t sequence = 0;              // 0 for a status receipt
  BatchStatus batchStatus = BatchStatus::Imported;
  std::string reason;  // why quarantined/rejected (catalog code), else empty
  std::string hubTime;
  std::uint64_t nextSequence = 1;
  std::vector<RecordOutcome> records;
  std::vector<StatusUpdate> updates;
  // A newer form pack for this laptop (a whole .gcf file, see keys.h), or empty. Verified against
  // the pinned hub key when the laptop installs it.
  std::string formPack;
};

// Whether the hub says, in r, that it has revoked the device it is addressed to.
[[nodiscard]] bool saysRevoked(const Receipt& r);

// Signs with hub.signSecret. Refuses ("receipt.invalid") what readReceipt would refuse.
[[nodiscard]] Result<std::string> writeReceipt(const Receipt& receipt, const HubIdentity& hub);

// Verifies against the pinned hub sign key and that the receipt is for this device and commune.
[[nodiscard]] Result<Receipt> readReceipt(std::string_view file, const std::array<std::uint8_t, 32>& hubSignPublic,
                                          const std::array<std::uint8_t, 32>& deviceId, std::string_view communeCode);

// Staff notes: sealed by the hub to the device box public key, opened on the laptop.
[[nodiscard]] Result<std::vector<std::uint8_t>> sealNote(std::string_view utf8Note,
                                                         const std::array<std::uint8_t, 32>& deviceBoxPublic);
[[nodiscard]] Result<std::string> openNote(std::span<const std::uint8_t> sealed, const DeviceBoxKeys& device);

}  // namespace gocua::sync
