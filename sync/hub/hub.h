// Public contract of gocua_hub: the commune hub's data dir. A Hub is the opened directory (no
// secrets: device list, revocation, record metadata); unlocking it with the staff passphrase gives
// a HubSession, which holds the hub's keys and data key in guarded memory and does everything that
// signs, seals or opens: profile, enrollment, import, receipts, review notes, exports, recovery
// and key backup. Formats and rules: sync/README.md.
//
// Data dir layout (directories 0700, files 0600):
//   hub.db          the store (sync/hub/hub_store.h; SQLite backend, WAL, synchronous=FULL):
//                   meta, devices, ledger, records (sealed), reviews
//   quarantine/     batches kept but not imported (ciphertext as received), never deleted;
//                   one copy per batch, at most kMaxQuarantinedPerDevice per device
//   incoming/       partial HTTP uploads (ciphertext only)
//
// Error codes (catalog "error.<code>"), beyond those of the modules below it:
//   hub.not_initialised  no hub in this directory          hub.exists         init on an existing hub
//   hub.invalid          init/profile content refused      hub.damaged        secrets do not open
//   hub.unknown_device   no such enrolled device           hub.device_conflict  same id, other box key
//   hub.bad_device_id    not 64 hex digits                 hub.record_not_found no such record
//   hub.bad_record_id    not a UUID                        hub.bad_status     unknown review status
//   hub.note_too_long    note over 2000 bytes              hub.no_recovery_slot no slot from the device yet
//   hub.io               a file cannot be read/written     hub.too_large      batch over the size cap
//   hub.wrong_commune    batch for another commune         hub.bad_manifest   first line not a manifest
//   hub.sequence_used    quarantine reason: another file under a used sequence
//   hub.revoked          quarantine reason: device revoked
//   hub.recovery_revoked no recovery file for a revoked device (a warning for staff)
//   hub.bad_sequence     batch sequence above sync::kMaxSequence (no receipt can name it)
//   hub.bad_forms        a form file to publish does not load
//   hub.unknown_staff    no staff member by that name   hub.staff_exists   add: the name is taken
//   hub.staff_self       remove: a staff member cannot remove themselves (nor so the last one)
// Per-record reason codes (receipt "reason"): hub.bad_line, hub.unknown_kind, hub.field_too_long,
//   hub.bad_record, hub.bad_revision (revision not 1..2^63-1; receipt revision 0), hub.unknown_form,
//   hub.foreign_record, hub.kind_changed, or the first error of core::parseResident (e.g. "personal_id.checksum").
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"
#include "forms/form.h"
#include "sync/keys/keys.h"
#include "sync/receipt/receipt.h"
#include "vault/keyslot.h"

namespace gocua::hub {

namespace fs = std::filesystem;
using DeviceId = std::array<std::uint8_t, 32>;

class HubStore;
class HubSession;

// $XDG_DATA_HOME/gocua/hub, else ~/.local/share/gocua/hub.
fs::path defaultHubDir();

struct CommuneInfo {
  std::string code;  // 5 digits
  std::string name;
  std::vector<std::string> villages;
  std::string hubUrl;  // may be empty (USB only)
};

struct DeviceInfo {
  DeviceId id{};
  std::vector<std::string> volunteers;
  std::string workspaceId;
  std::string enrolledAt;
  std::optional<std::string> revokedAt;
  bool hasRecoverySlot = false;
  std::int64_t lastSequence = 0;  // the highest batch sequence in the ledger, 0 = none yet
  std::string lastBatchAt;        // when that batch was received (UTC ISO); its receipt went back then
};

struct RecordInfo {
  std::string id;
  std::string kind;
  std::string procedure;  // form id of an application, else empty
  DeviceId device{};
  std::int64_t revision = 0;
  std::optional<std::string> reviewStatus;
};

// Which records HubSession::forEachRecord opens; an empty field matches every record.
struct RecordFilter {
  std::optional<std::string> procedure{};
  std::optional<std::string> status{};   // "new" (no decision yet) or a review status
  std::optional<std::string> village{};  // the body's "village", exactly as written
  std::optional<core::Date> since{};     // received (UTC) on or after this day
};

// The parts of each record line a walk reads, when not all of it: the named top-level members
// (volunteer, created_at...) and the named members of its "body". The rest of the line is skipped
// unparsed (an application's form answers are most of its bytes), and OpenRecord::plain holds
// only these, in the line's own shape.
struct RecordFields {
  std::vector<std::string> top;
  std::vector<std::string> body;
};

// One record opened for the caller: metadata, and the decrypted record line (volunteer,
// created_at, body...), valid only during the callback and wiped right after it.
struct OpenRecord {
  RecordInfo info;
  std::int64_t formVersion = 0;
  std::string receivedAt;  // UTC "2026-11-23T10:00:00Z"
  const nlohmann::json& plain;
};

struct QuarantineInfo {
  DeviceId device{};
  std::uint64_t sequence = 0;
  std::string reason;
  std::string fileName;  // under quarantine/
  std::string receivedAt;
};

// What one import did. status Rejected: nothing was kept or committed; receipt may be empty when
// the file names no device we could answer (junk, another commune, unknown device).
struct ImportResult {
  sync::BatchStatus status = sync::BatchStatus::Rejected;
  std::string reason;              // error code when rejected or quarantined
  std::optional<DeviceId> device;  // from the header as soon as its layout reads (maybe unverified)
  std::uint64_t sequence = 0;
  std::array<std::uint8_t, 16> batchId{};
  std::uint64_t nextSequence = 0;
  std::size_t accepted = 0, duplicates = 0, rejectedRecords = 0;
  std::size_t unreadableLines = 0;  // rejected lines without a usable id (not in the receipt)
  std::string receipt;              // signed .gcr bytes, or empty
};

struct ImportOptions {
  std::uint64_t maxBatchBytes = std::uint64_t{512} << 20;
  std::size_t maxDecompressedBytes = std::size_t{512} << 20;
};

// A device's quarantine is bounded: once it holds this many files or bytes, a further batch that
// would be kept is refused instead (rejected, same reason, nothing stored). The same batch id
// again is never a second copy.
inline constexpr std::size_t kMaxQuarantinedPerDevice = 4;
inline constexpr std::uint64_t kMaxQuarantineBytesPerDevice = std::uint64_t{256} << 20;

struct StaffInfo {
  std::string name;
  std::string addedAt;
  std::string addedBy;  // empty for the first
};

struct AuditEntry {
  std::string at, staff, action, target;
};

// The name a hub's first passphrase gets when it was made without one, or before staff accounts.
inline constexpr std::string_view kFirstStaffName = "Cán bộ 1";

class Hub {
 public:
  // Creates dir (0700) with a new identity (HubIdentity::generate()) or the one given (tests),
  // a random hub data key wrapped under passphrase with kdf. "hub.exists" when dir holds a hub.
  [[nodiscard]] static Result<std::unique_ptr<Hub>> create(const fs::path& dir, const CommuneInfo& commune,
                                                           std::string_view passphrase, const vault::KdfParams& kdf);
  [[nodiscard]] static Result<std::unique_ptr<Hub>> create(const fs::path& dir, const CommuneInfo& commune,
                                                           std::string_view passphrase, const vault::KdfParams& kdf,
                                                           sync::HubIdentity identity);
  [[nodiscard]] static Result<std::unique_ptr<Hub>> create(const fs::path& dir, const CommuneInfo& commune,
                                                           std::string_view firstStaff, std::string_view passphrase,
                                                           const vault::KdfParams& kdf);
  // A hub rebuilt from a key backup (HubSession::backup) after the old machine was lost: the same
  // commune code and keys, so enrolled laptops keep trusting it (they re-enroll with their
  // request; their pinned key still matches). commune.code is taken from the backup. The old
  // database is not in the backup: records arrive again with the laptops' next batches.
  // Errors: "vault.wrong_passphrase" (backup passphrase), "hub.bad_backup" (not a backup, or
  // altered), "hub.exists", and those of create.
  [[nodiscard]] static Result<std::unique_ptr<Hub>> restore(const fs::path& dir, std::string_view backupFile,
                                                            std::string_view backupPassphrase, CommuneInfo commune,
                                                            std::string_view passphrase, const vault::KdfParams& kdf);
  // "hub.not_initialised" when dir holds no hub.
  [[nodiscard]] static Result<std::unique_ptr<Hub>> open(const fs::path& dir);
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  // "vault.wrong_passphrase" for a wrong passphrase. The one-argument form unlocks as the first
  // staff member; "hub.unknown_staff" for a name not on the staff list.
  [[nodiscard]] Result<std::unique_ptr<HubSession>> unlock(std::string_view passphrase);
  [[nodiscard]] Result<std::unique_ptr<HubSession>> unlock(std::string_view staff, std::string_view passphrase);

  const fs::path& dir() const { return dir_; }
  [[nodiscard]] Result<CommuneInfo> commune();
  // The hub's Ed25519 public key (its fingerprint is what the commune office posts).
  [[nodiscard]] Result<std::array<std::uint8_t, 32>> signPublic();
  [[nodiscard]] Result<std::vector<DeviceInfo>> devices();
  // Idempotent; later batches above the last accepted sequence are quarantined.
  [[nodiscard]] Status revoke(const DeviceId& device);
  [[nodiscard]] Result<std::vector<RecordInfo>> records(const std::optional<std::string>& procedure);
  // Metadata only, no passphrase: procedure, status and since filter here; a village needs the
  // plaintext (HubSession::forEachRecord) and is "hub.invalid" here. "hub.bad_status" as there.
  [[nodiscard]] Result<std::vector<RecordInfo>> records(const RecordFilter& filter);
  [[nodiscard]] Result<std::vector<QuarantineInfo>> quarantined();

  // Staff members in the order added (no keyslots) and the audit log from since (YYYY-MM-DD...,
  // empty = all); defined in staff.cpp.
  [[nodiscard]] Result<std::vector<StaffInfo>> staff();
  [[nodiscard]] Result<std::vector<AuditEntry>> auditLog(std::string_view since);
  // The entries naming target (a record id: its decisions and prints), in the order written.
  [[nodiscard]] Result<std::vector<AuditEntry>> auditLogOf(std::string_view target);

  // Gives back the store's cached pages (a locked desk reads nothing until the next unlock).
  void releaseMemory();

  // The rows behind this hub (hub_store.h), for the endpoint and tests.
  HubStore& store() { return *store_; }

 private:
  Hub(fs::path dir, std::unique_ptr<HubStore> store);
  static Result<std::unique_ptr<Hub>> createHub(const fs::path& dir, const CommuneInfo& commune,
                                                std::string_view firstStaff, std::string_view passphrase,
                                                const vault::KdfParams& kdf, sync::HubIdentity identity);
  fs::path dir_;
  std::unique_ptr<HubStore> store_;
};

enum class ExportFormat { Csv, Jsonl, Xlsx };

struct RecoveryResult {
  DeviceId device{};
  std::string code;  // the one-time code staff read to the volunteer
};

// A second session on its own connection (HubSession::twin); the session goes before its hub.
struct HubTwin {
  std::unique_ptr<Hub> hub;
  std::unique_ptr<HubSession> session;
};

class HubSession {
 public:
  ~HubSession();
  HubSession(const HubSession&) = delete;
  HubSession& operator=(const HubSession&) = delete;

  Hub& hub() { return hub_; }
  const sync::HubIdentity& identity() const;
  // The same data dir opened again, unlocked with copies of this session's keys as the same staff
  // member: work on another thread (the desk's network receiving) uses it while this one stays on
  // its own thread. Each has its own database connection; SQLite serialises their writes.
  [[nodiscard]] Result<HubTwin> twin();

  // The signed .gcp for devices; fingerprint() of identity().signPublic is what staff post.
  [[nodiscard]] Result<std::string> profile();
  // Signs the forms in dir (as forms/ lays them out) as the next form pack, version + 1. From then
  // on profiles carry it, and receipts carry it to laptops whose last batch reported an older one;
  // this hub checks applications against it. "hub.bad_forms" (detail: the first problem) when
  // any file fails to load: a broken pack is never sent to laptops.
  struct FormPackInfo {
    int version = 0;
    std::size_t forms = 0;
  };
  [[nodiscard]] Result<FormPackInfo> publishForms(const fs::path& dir);
  int formPackVersion() const;

  // Registers the device of a .gcq (idempotent for the same device and box key).
  [[nodiscard]] Result<DeviceId> enroll(std::string_view gcqFile);

  // The whole import pipeline (sync/README.md); never throws. An Error only for the hub's own
  // failures (disk, database); a refused batch is a Rejected result.
  [[nodiscard]] Result<ImportResult> importFile(const fs::path& gcb, const ImportOptions& options = {});

  // A status-only receipt for the device (batch_status "status").
  [[nodiscard]] Result<std::string> statusReceipt(const DeviceId& device);
  // A signed "rejected" receipt for a known device (the HTTP answer to a refused upload).
  [[nodiscard]] Result<std::string> rejectedReceipt(const DeviceId& device, std::uint64_t sequence,
                                                    const std::array<std::uint8_t, 16>& batchId,
                                                    std::string_view reason);

  // Staff decision on the record's current head revision; note optional (<= 2000 bytes).
  [[nodiscard]] Status setReview(std::string_view recordId, std::string_view status, std::string_view note);

  // The one place records are opened: every record matching filter, in the order first received,
  // decrypted for fn. "hub.bad_status" for a status that is neither "new" nor a review status;
  // "hub.damaged" when a record does not open; fn's error stops the walk and is returned.
  [[nodiscard]] Status forEachRecord(const RecordFilter& filter, const std::function<Status(const OpenRecord&)>& fn);
  // The same, reading only fields of each line (RecordFields); the village filter still applies.
  // These records are decrypted and read a few blocks ahead on worker threads; fn still hears them
  // one at a time, in order, on the calling thread, and each one's plaintext is wiped right after.
  [[nodiscard]] Status forEachRecord(const RecordFilter& filter, const RecordFields& fields,
                                     const std::function<Status(const OpenRecord&)>& fn);
  // The one record with this id (its head revision), opened and wiped as forEachRecord does.
  // "hub.bad_record_id" when id is not a record id, "hub.record_not_found" when the hub has none.
  [[nodiscard]] Status withRecord(std::string_view recordId, const std::function<Status(const OpenRecord&)>& fn);
  // The form applications are checked against (the published pack, else the installed forms);
  // nullptr when there is none of that id.
  const forms::Form* form(std::string_view id) const;

  // Writes the records the filter keeps (plaintext: the person asked for it) temp → fsync →
  // rename: CSV (UTF-8 with a byte-order mark, for Excel), JSON lines, or XLSX (xlsx_sheet.h).
  // "hub.unknown_procedure" / "hub.bad_status" for a filter naming neither; nothing written.
  // onRecord (optional) hears the count after each record, for a progress bar.
  [[nodiscard]] Result<std::size_t> exportRecords(ExportFormat format, const fs::path& out,
                                                  const RecordFilter& filter = {},
                                                  const std::function<void(std::size_t)>& onRecord = {});

  // Opens the device's latest recovery slot and makes the .gcx content for a fresh code; audited.
  [[nodiscard]] Result<std::pair<RecoveryResult, std::string>> recovery(const DeviceId& device);

  // The secret keys (and hub data key) encrypted under backupPassphrase: a self-describing file.
  [[nodiscard]] Result<std::string> backup(std::string_view backupPassphrase, const vault::KdfParams& kdf);

  // [SECTION] staff accounts and audit (staff.cpp)
  // Who unlocked this session.
  const std::string& staffName() const;
  // Appends (now, staffName(), action, target) to the audit log. target: a record id, device id,
  // staff name or file name, never residents' data.
  [[nodiscard]] Status audit(std::string_view action, std::string_view target);
  // A new staff member with their own keyslot over the same hub data key; audited.
  // "hub.invalid" for an empty name, "hub.staff_exists" when taken.
  [[nodiscard]] Status addStaff(std::string_view name, std::string_view passphrase, const vault::KdfParams& kdf);
  // "hub.unknown_staff", or "hub.staff_self" for the session's own name (so one always remains); audited.
  [[nodiscard]] Status removeStaff(std::string_view name);
  // Hub::revoke, audited.
  [[nodiscard]] Status revoke(const DeviceId& device);

  struct Impl;

 private:
  friend class Hub;
  HubSession(Hub& hub, std::unique_ptr<Impl> impl);
  Hub& hub_;
  std::unique_ptr<Impl> impl_;
};

// [SECTION] helpers shared with the binary

std::string deviceHex(const DeviceId& id);
[[nodiscard]] Result<DeviceId> parseDeviceId(std::string_view hex);
// Writes bytes to path via a 0600 temp file in the same directory, fsync, rename, directory fsync.
// crashPrefix names the crash points passed ("receipt" → receipt.before_temp_write, ...); empty = none.
[[nodiscard]] Status writeFileAtomic(const fs::path& path, std::string_view bytes, std::string_view crashPrefix = {});

}  // namespace gocua::hub
