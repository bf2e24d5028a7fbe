// Public contract of the batch file (.gcb): a device's records, NDJSON → zstd → secretstream under a
// random file key sealed to the hub, signed twice by the device (header, then the whole file).
// The byte layout is described in batch_format.h. Error codes (catalog "error.<code>"):
//   batch.format          not a batch file, or a malformed cleartext header
//   batch.unknown_version a batch format this build does not read
//   batch.bad_signature   header or trailer signature does not verify against the header's device
//   batch.not_for_this_hub the file key was sealed to another hub
//   batch.damaged         an encrypted chunk fails authentication, or the payload is malformed
//   batch.truncated       the file ends before the final chunk or inside the trailer
//   batch.trailing_data   bytes follow the trailer
//   batch.too_large       the payload decompresses beyond the limits (zstd bomb guard)
//   batch.bad_line        writer: a record line contains a newline
//   batch.bad_header      writer: header fields invalid or not matching the device keys
//   batch.state           writer: add()/finish() after finish() or on a moved-from writer
//   batch.io              the output stream failed
//   batch.crypto          libsodium/zstd refused to start (no random source, out of memory), or
//                         the hub key was refused for sealing
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "vault/primitives.h"
#include "vault/secret.h"

namespace gocua::sync {

inline constexpr std::uint16_t kBatchFormatVersion = 1;

// A device's Ed25519 signing pair (vault::SignKeyPair: publicKey, secretKey in libsodium's
// seed || public key layout); publicKey is also the device id in every batch header. Real devices
// use DeviceKeys::generate(), tests and fuzzing fromSeed().
using DeviceKeys = vault::SignKeyPair;

// The hub's X25519 pair that batch file keys are sealed to (vault::BoxKeyPair).
using HubKeys = vault::BoxKeyPair;

// The only fields in clear: what the hub needs to route the file and refuse replays.
struct BatchHeader {
  std::uint16_t version = kBatchFormatVersion;
  std::string communeCode;  // exactly 5 ASCII digits
  std::array<std::uint8_t, 32> deviceId{};
  std::uint64_t sequence = 0;
  std::array<std::uint8_t, 16> batchId{};
};

struct BatchSummary {
  std::uint64_t records = 0;
  std::uint64_t bytesWritten = 0;    // the whole file, trailer included
  std::uint64_t plaintextBytes = 0;  // NDJSON bytes before compression, newlines included
};

// Caps applied by the reader before anything reaches memory beyond them.
struct BatchLimits {
  std::size_t maxDecompressedBytes = std::size_t{512} << 20;
  std::size_t maxLineBytes = std::size_t{1} << 20;
};

// Streams records into out; memory use is bounded by one chunk plus zstd's window, whatever the
// number of records. Nothing is valid until finish() succeeds; after an error, discard the output.
class BatchWriter {
 public:
  // header.deviceId must equal keys.publicKey. Writes the cleartext part at once.
  [[nodiscard]] static Result<BatchWriter> create(std::ostream& out, const BatchHeader& header, const DeviceKeys& keys,
                                                  std::span<const std::uint8_t, 32> hubBoxPublic);
  BatchWriter(BatchWriter&&) noexcept;
  BatchWriter& operator=(BatchWriter&&) noexcept;
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;
  ~BatchWriter();

  // One NDJSON record without its newline (the writer adds it). Refuses lines containing '\n'.
  [[nodiscard]] Status add(std::string_view ndjsonLine);
  // Several records at once: `lines` complete NDJSON lines, each ending in '\n' (an export feeds
  // thousands per call; zstd's multithreaded mode pays a lock per call). Refuses a block whose
  // newline count differs.
  [[nodiscard]] Status addLines(std::string_view block, std::size_t lines);
  // Flushes zstd, writes the final chunk and the trailer signature.
  [[nodiscard]] Result<BatchSummary> finish();

  struct Impl;

 private:
  explicit BatchWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for exactly 5 ASCII digits: the one rule for every file that names a commune.
bool isCommuneCode(std::string_view code);

// Reads the cleartext header's layout only (magic, version, commune code), checking no signature:
// lets the hub route or refuse a file before any signature work. A file shorter than the header
// is batch.format. Trust nothing it returns beyond routing until readBatchHeader has verified it.
[[nodiscard]] Result<BatchHeader> peekBatchHeader(std::istream& in);

// Reads the cleartext header and checks its signature against the device id it names. Does not
// decide whether that device is known or allowed: that is the hub's next step.
[[nodiscard]] Result<BatchHeader> readBatchHeader(std::istream& in);

// Checks, decrypts and decompresses the whole batch; onLine sees the records (without newline)
// only after the trailer signature verified and every chunk opened within the limits, so a forged
// or damaged file never reaches the importer. Holds the file's ciphertext in memory, never the
// whole plaintext: lines come one at a time from a second decryption (callers cap the file's
// size). An error from onLine stops delivery and is returned as is.
[[nodiscard]] Status readBatch(std::istream& in, const HubKeys& hub,
                               const std::function<Status(std::string_view line)>& onLine, BatchLimits limits = {});

}  // namespace gocua::sync
