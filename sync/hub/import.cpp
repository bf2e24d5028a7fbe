// The import pipeline (DESIGN.md "Sync" point 3): size → commune code → device known → header
// signature → revocation rule → ledger → decrypt and decompress in memory → trailer signature →
// one transaction → signed receipt. readBatch hands over lines only after the trailer verified;
// they are checked and sealed on a reader thread and inserted as they come inside the open
// transaction, and everything rolls back if anything fails; nothing plaintext is ever buffered on
// disk.
#include <cstring>
#include <fstream>
#include <sstream>

#include "sync/batch/batch.h"
#include "sync/hub/checked_records.h"
#include "sync/hub/crash_points.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/payload.h"
#include "vault/secret.h"

namespace gocua::hub {

using namespace detail;

namespace {

// The hub's own trouble (its disk, its database held by another import, a library), not proof
// that the batch is bad: the import fails without a rejection receipt, and the laptop sends the
// batch again later.
bool isHubFailure(const Error& e) {
  return e.kind == ErrorKind::Io || e.kind == ErrorKind::Busy || e.kind == ErrorKind::Internal ||
         e.kind == ErrorKind::Damaged;
}

ImportResult rejected(ImportResult r, std::string code) {
  r.status = sync::BatchStatus::Rejected;
  r.reason = std::move(code);
  return r;
}

}  // namespace

namespace {

// What a device already has in quarantine, and whether this very batch (its id) is among it.
struct QuarantineHeld {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  bool sameBatch = false;
};

Result<QuarantineHeld> quarantineHeld(HubStore& store, const fs::path& dir, const sync::BatchHeader& header) {
  auto rows = store.quarantined();
  if (!rows) return rows.error();
  QuarantineHeld held;
  for (const auto& row : *rows) {
    if (row.device != header.deviceId) continue;
    ++held.files;
    std::error_code ec;
    const auto size = fs::file_size(dir / row.fileName, ec);
    if (!ec) held.bytes += size;
    held.sameBatch = held.sameBatch || row.batchId == header.batchId;
  }
  return held;
}

}  // namespace

// Keeps a verified batch that must not be imported (revoked device, sequence reused by another
// file) and answers with a quarantine receipt naming the next free sequence. One copy per batch
// id; past the device's cap (hub.h) a new batch is refused, not stored, with the same reason.
static Result<ImportResult> quarantine(HubSession::Impl& impl, HubStore& store, const fs::path& hubDir,
                                       const fs::path& gcb, const ImportOptions& options, ImportResult res,
                                       const sync::BatchHeader& header, const std::array<std::uint8_t, 32>& hash,
                                       const std::string& reason) {
  // Only a file that verifies end to end is kept: junk with a copied header is rejected.
  {
    std::ifstream in(gcb, std::ios::binary);
    if (!in) return Error::make(err::kHubIo, "", "open batch");
    auto st = sync::readBatch(in, impl.identity.box, [](std::string_view) -> Status { return {}; },
                              {options.maxDecompressedBytes, sync::BatchLimits{}.maxLineBytes});
    if (!st) {
      if (isHubFailure(st.error())) return st.error();
      return rejected(std::move(res), st.error().code);
    }
  }
  const auto dir = hubDir / kQuarantineDir;
  auto held = quarantineHeld(store, dir, header);
  if (!held) return held.error();
  std::error_code ec;
  const auto size = fs::file_size(gcb, ec);
  if (ec) return Error::make(err::kHubIo, "", "batch file not readable");
  const bool full = held->files >= kMaxQuarantinedPerDevice || held->bytes + size > kMaxQuarantineBytesPerDevice;
  const bool keep = !held->sameBatch && !full;
  if (keep) {
    std::string name = hex(std::span(header.deviceId).first(8)) + "-" + std::to_string(header.sequence) + "-" +
                       hex(std::span(hash).first(8)) + ".gcb";
    std::ifstream in(gcb, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof()) return Error::make(err::kHubIo, "", "read batch");
    GOCUA_TRY(ensurePrivateDir(dir));
    GOCUA_TRY(writeFileAtomic(dir / name, buf.str()));
    QuarantineRow row;
    row.device = header.deviceId;
    row.sequence = static_cast<std::int64_t>(header.sequence);
    row.batchId = header.batchId;
    row.fileHash = hash;
    row.reason = reason;
    row.fileName = name;
    row.receivedAt = nowIso();
    GOCUA_TRY(store.insertQuarantine(row));
  }

  const auto status = keep || held->sameBatch ? sync::BatchStatus::Quarantined : sync::BatchStatus::Rejected;
  auto next = nextSequence(store, header.deviceId);
  if (!next) return next.error();
  auto updates = updatesFor(store, impl.cipher, header.deviceId);
  if (!updates) return updates.error();
  sync::Receipt r;
  r.communeCode = impl.commune.code;
  r.deviceId = header.deviceId;
  r.batchId = header.batchId;
  r.sequence = header.sequence;
  r.batchStatus = status;
  r.reason = reason;
  r.hubTime = nowIso();
  r.nextSequence = *next;
  r.updates = std::move(*updates);
  auto signedReceipt = sync::writeReceipt(r, impl.identity);
  if (!signedReceipt) return signedReceipt.error();
  res.status = status;
  res.reason = reason;
  res.nextSequence = *next;
  res.receipt = std::move(*signedReceipt);
  return res;
}

Result<ImportResult> HubSession::importFile(const fs::path& gcb, const ImportOptions& options) {
  crashPoint("import.start");
  auto& store = hub_.store();
  auto& impl = *impl_;
  ImportResult res;

  std::error_code ec;
  const auto size = fs::file_size(gcb, ec);
  if (ec) return Error::make(err::kHubIo, "", "batch file not readable");
  if (size > options.maxBatchBytes) return rejected(std::move(res), "hub.too_large");
  crashPoint("import.after_size_check");

  // The clear header's layout first, so commune and device are judged before any signature work.
  std::ifstream in(gcb, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "", "open batch");
  auto layout = sync::peekBatchHeader(in);
  if (!layout) return rejected(std::move(res), layout.error().code);
  res.device = layout->deviceId;
  // Past the receipt rules' bound no receipt can name it: refused unnamed (sequence 0), so the
  // answer is an error rather than a receipt the hub cannot sign.
  if (layout->sequence > sync::kMaxSequence) return rejected(std::move(res), "hub.bad_sequence");
  res.sequence = layout->sequence;
  res.batchId = layout->batchId;
  if (layout->communeCode != impl.commune.code) return rejected(std::move(res), "hub.wrong_commune");
  crashPoint("import.after_commune_check");

  auto device = store.device(layout->deviceId);
  if (!device) return device.error();
  if (!*device) return rejected(std::move(res), "hub.unknown_device");
  crashPoint("import.after_device_check");

  in.clear();
  in.seekg(0);
  auto header = sync::readBatchHeader(in);
  if (!header) return rejected(std::move(res), header.error().code);
  const DeviceId devId = header->deviceId;
  crashPoint("import.after_header_signature");

  const auto& dev = **device;
  const bool revokedAbove =
      dev.revokedAt && static_cast<std::int64_t>(header->sequence) > dev.lastSeqAtRevoke.value_or(0);
  crashPoint("import.after_revocation_rule");

  auto hash = fileHash(gcb);
  if (!hash) return hash.error();
  crashPoint("import.after_file_hash");

  auto used = store.ledger(devId, static_cast<std::int64_t>(header->sequence));
  if (!used) return used.error();
  crashPoint("import.after_ledger_lookup");
  if (*used) {
    if ((*used)->fileHash == *hash) {
      // The laptop did not get (or lost) the receipt: the stored one, changing nothing.
      auto next = nextSequence(store, devId);
      if (!next) return next.error();
      res.status = sync::BatchStatus::Replay;
      res.nextSequence = *next;
      res.receipt = (*used)->receipt;
      return res;
    }
    return quarantine(impl, store, hub_.dir(), gcb, options, std::move(res), *header, *hash, "hub.sequence_used");
  }
  if (revokedAbove)
    return quarantine(impl, store, hub_.dir(), gcb, options, std::move(res), *header, *hash,
                      std::string(sync::kReasonRevoked));

  // Everything from the first record to the ledger row commits together or not at all. A batch
  // refused on the way (it fails to decrypt, or has no manifest) is a result, not an error, but its
  // transaction must roll back all the same: kRefused carries it out.
  const Error kRefused = Error::make(err::kHubRefused);
  std::optional<ImportResult> refused;
  sync::Receipt r;
  std::string signedReceipt;
  auto committed = store.transaction([&]() -> Status {
    crashPoint("import.after_begin");

    const std::string receivedAt = nowIso();
    bool inserted = false;
    std::optional<Manifest> manifest;  // written by the reader thread, read once it has ended
    std::optional<Error> hubFailure;
    std::vector<sync::RecordOutcome> outcomes;
    StoredRecord row;  // one row reused: only what differs per record is assigned
    row.device = devId;
    row.receivedAt = receivedAt;

    // The reader thread decrypts, checks and seals the lines (checked_records.h); lookups and
    // inserts stay on this thread, in file order.
    auto decide = [&](CheckedRecord& checked) -> Status {
      RecordLine& rec = checked.line;
      auto reject = [&](std::string reason) {
        ++res.rejectedRecords;
        if (rec.idText.empty())
          ++res.unreadableLines;
        else
          outcomes.push_back({std::move(rec.idText), rec.revision, sync::Outcome::Rejected, std::move(reason)});
      };
      if (!rec.reason.empty()) {
        reject(std::move(rec.reason));
        return {};
      }
      row.id = rec.id;
      row.kind = std::move(rec.kind);
      row.procedure = std::move(rec.procedure);
      row.formVersion = rec.formVersion;
      row.revision = rec.revision;
      row.sealed = std::move(checked.sealed);
      auto accept = [&] {
        inserted = true;
        ++res.accepted;
        outcomes.push_back({std::move(rec.idText), rec.revision, sync::Outcome::Accepted, ""});
      };
      // Most records of a batch are new: inserted straight away (one look at the id index); one
      // whose id is taken is looked up and judged below.
      if (!inserted) crashPoint("import.before_record_insert");
      auto fresh = store.insertNewRecord(row);
      if (!fresh) {
        hubFailure = fresh.error();
        return fresh.error();
      }
      if (*fresh) {
        if (!inserted) crashPoint("import.after_record_insert");
        accept();
        return {};
      }
      auto existing = store.record(rec.id);
      if (!existing) {
        hubFailure = existing.error();
        return existing.error();
      }
      if (*existing) {
        // A record belongs to the laptop that made it; another device may not overwrite it.
        if ((*existing)->device != devId) {
          reject("hub.foreign_record");
          return {};
        }
        if ((*existing)->kind != row.kind) {
          reject("hub.kind_changed");
          return {};
        }
        if (rec.revision <= (*existing)->revision) {
          ++res.duplicates;
          outcomes.push_back({std::move(rec.idText), rec.revision, sync::Outcome::Duplicate, ""});
          return {};
        }
      }
      if (auto st = store.upsertRecord(row); !st) {
        hubFailure = st.error();
        return st.error();
      }
      if (!inserted) crashPoint("import.after_record_insert");
      accept();
      return {};
    };

    auto onManifest = [&](std::string_view line) -> Status {
      crashPoint("import.after_trailer_signature");
      auto m = parseManifest(line);
      if (!m) return m.error();
      manifest = std::move(*m);
      crashPoint("import.after_manifest");
      return {};
    };

    auto read = readCheckedRecords({gcb,
                                    impl.identity.box,
                                    {options.maxDecompressedBytes, sync::BatchLimits{}.maxLineBytes},
                                    impl.forms,
                                    impl.cipher,
                                    core::today()},
                                   onManifest, decide);
    if (!read) {
      if (hubFailure || isHubFailure(read.error())) return read.error();
      res.accepted = res.duplicates = res.rejectedRecords = res.unreadableLines = 0;
      refused = rejected(std::move(res), read.error().code);
      return kRefused;
    }
    if (!manifest) {
      refused = rejected(std::move(res), "hub.bad_manifest");
      return kRefused;
    }
    crashPoint("import.after_decrypt");

    if (!manifest->recoverySlot.empty()) GOCUA_TRY(store.setRecoverySlot(devId, manifest->recoverySlot));
    GOCUA_TRY(store.setDeviceFormPack(devId, manifest->formPack));
    crashPoint("import.after_recovery_slot");
    if (!manifest->volunteers.empty())
      GOCUA_TRY(store.updateVolunteers(devId, nlohmann::json(manifest->volunteers).dump()));
    crashPoint("import.after_volunteers");

    crashPoint("import.before_updates");
    auto updates = updatesFor(store, impl.cipher, devId);
    if (!updates) return updates.error();
    crashPoint("import.after_updates");
    auto last = store.maxSequence(devId);
    if (!last) return last.error();

    r.communeCode = impl.commune.code;
    r.deviceId = devId;
    r.batchId = header->batchId;
    r.sequence = header->sequence;
    r.batchStatus = sync::BatchStatus::Imported;
    r.hubTime = receivedAt;
    r.nextSequence = std::max<std::uint64_t>(static_cast<std::uint64_t>(*last), header->sequence) + 1;
    r.records = std::move(outcomes);
    r.updates = std::move(*updates);
    r.formPack = formPackFor(impl, manifest->formPack);
    crashPoint("import.before_receipt_sign");
    auto receipt = sync::writeReceipt(r, impl.identity);
    if (!receipt) return receipt.error();
    signedReceipt = std::move(*receipt);
    crashPoint("import.after_receipt_sign");

    crashPoint("import.before_ledger_insert");
    GOCUA_TRY(store.insertLedger(devId, static_cast<std::int64_t>(header->sequence), header->batchId, *hash, receivedAt,
                                 signedReceipt));
    crashPoint("import.after_ledger_insert");
    crashPoint("import.before_commit");
    return {};
  });
  if (refused) return std::move(*refused);
  if (!committed) return committed.error();
  crashPoint("import.after_commit");

  res.status = sync::BatchStatus::Imported;
  res.nextSequence = r.nextSequence;
  res.receipt = std::move(signedReceipt);
  return res;
}

}  // namespace gocua::hub
