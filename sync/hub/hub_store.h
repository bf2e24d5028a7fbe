// The hub's store: every row the hub keeps (meta, devices, ledger, quarantine, records, reviews)
// behind one narrow interface, so business code (import, review, devices, form packs) never sees
// a database. Values only: no crypto here; sealed columns arrive sealed and leave sealed.
//
// A backend is a folder implementing HubStore plus a HubStoreBackend entry (how a data dir is
// recognised and opened); today sync/hub/sqlite/ (hub.db). The contract every backend must meet
// is tests/unit/hub/hub_store_contract_test.cpp, which runs against each of hubStoreBackends().
//
// Errors: "store.*" codes (store.io, store.busy, store.constraint, store.corrupt, store.error) as
// src/store/db.h names them; a backend maps its own failures onto these.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gocua::hub {

using Blob = std::vector<std::uint8_t>;
using DeviceKey = std::array<std::uint8_t, 32>;

struct DeviceRow {
  DeviceKey id{};
  DeviceKey boxPublic{};
  std::string volunteers;  // JSON array
  std::string workspaceId;
  std::string enrolledAt;
  std::optional<std::string> revokedAt;
  std::optional<std::int64_t> lastSeqAtRevoke;
  Blob recoverySlot;  // empty when none
  int formPack = 0;   // the form pack version its last batch reported
};

struct LedgerRow {
  std::array<std::uint8_t, 32> fileHash{};
  std::string receipt;
  std::string importedAt;  // UTC ISO
};

struct StoredRecord {
  std::array<std::uint8_t, 16> id{};
  std::string kind;
  std::string procedure;
  std::int64_t formVersion = 0;
  DeviceKey device{};
  std::int64_t revision = 0;
  std::string receivedAt;
  Blob sealed;
  std::optional<std::string> reviewStatus;
};

struct ReviewRow {
  std::array<std::uint8_t, 16> recordId{};
  std::int64_t revision = 0;
  std::string status;
  Blob note;  // sealed under the hub data key, empty = none
  std::string at;
  std::int64_t decision = 0;  // orders the record's decisions: see setReview
};

struct StaffRow {
  std::string name;
  Blob keyslot;  // vault::encodeKeyslot: the hub data key under this staff member's passphrase
  std::string addedAt;
  std::string addedBy;  // empty for the first
};

struct AuditRow {
  std::string at;  // UTC ISO 8601
  std::string staff;
  std::string action;  // "review.accepted", "device.enroll", "staff.add", "records.export", ...
  std::string target;  // record id, device id, staff name or file name; never residents' data
};

struct QuarantineRow {
  DeviceKey device{};
  std::int64_t sequence = 0;
  std::array<std::uint8_t, 16> batchId{};
  std::array<std::uint8_t, 32> fileHash{};
  std::string reason, fileName, receivedAt;
};

class HubStore {
 public:
  virtual ~HubStore() = default;

  // Runs fn inside one write transaction: everything it writes commits when it returns ok, and
  // nothing when it returns an error (returned as is) or throws (rethrown). Writers are serialised
  // from the start of the transaction (SQLite: BEGIN IMMEDIATE), so a read-then-write inside fn
  // never races another writer. Calls outside a transaction each commit on their own. A
  // transaction inside fn is refused ("store.error") and leaves the outer one untouched.
  [[nodiscard]] virtual Status transaction(const std::function<Status()>& fn) = 0;

  // [SECTION] meta: small named values (commune details, public keys, the sealed secrets)
  [[nodiscard]] virtual Result<std::optional<Blob>> meta(std::string_view key) = 0;
  [[nodiscard]] virtual Status setMeta(std::string_view key, std::span<const std::uint8_t> value) = 0;  // replaces
  [[nodiscard]] Status setMeta(std::string_view key, std::string_view text) {
    return setMeta(key, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  }

  // [SECTION] devices
  [[nodiscard]] virtual Result<std::optional<DeviceRow>> device(const DeviceKey& id) = 0;
  [[nodiscard]] virtual Result<std::vector<DeviceRow>> devices() = 0;  // by enrolledAt, then id
  // Only id, boxPublic, volunteers, workspaceId and enrolledAt are stored; "store.constraint" when
  // the id is enrolled already.
  [[nodiscard]] virtual Status insertDevice(const DeviceRow& row) = 0;
  [[nodiscard]] virtual Status updateVolunteers(const DeviceKey& id, std::string_view volunteersJson) = 0;
  // Sets revokedAt and lastSeqAtRevoke once: a revoked device keeps its first cut-off.
  [[nodiscard]] virtual Status revoke(const DeviceKey& id, std::string_view at, std::int64_t lastSeq) = 0;
  [[nodiscard]] virtual Status setRecoverySlot(const DeviceKey& id, std::span<const std::uint8_t> slot) = 0;
  [[nodiscard]] virtual Status setDeviceFormPack(const DeviceKey& id, int version) = 0;
  [[nodiscard]] virtual Result<int> maxDeviceFormPack() = 0;  // the newest pack any laptop reported (0 when none)

  // [SECTION] ledger (one row per imported batch) and quarantine
  [[nodiscard]] virtual Result<std::optional<LedgerRow>> ledger(const DeviceKey& device, std::int64_t sequence) = 0;
  [[nodiscard]] virtual Result<std::int64_t> maxSequence(const DeviceKey& device) = 0;  // 0 when none
  // "store.constraint" when (device, sequence) is in the ledger already.
  [[nodiscard]] virtual Status insertLedger(const DeviceKey& device, std::int64_t sequence,
                                            std::span<const std::uint8_t> batchId,
                                            std::span<const std::uint8_t> fileHash, std::string_view at,
                                            std::string_view receipt) = 0;
  // Ignores a row with the same device, sequence and file hash as one kept already.
  [[nodiscard]] virtual Status insertQuarantine(const QuarantineRow& row) = 0;
  [[nodiscard]] virtual Result<std::vector<QuarantineRow>> quarantined() = 0;  // in the order kept

  // [SECTION] records: the head revision of each record, in the order first received
  // Only id, kind, device and revision (no body, no review status).
  [[nodiscard]] virtual Result<std::optional<StoredRecord>> record(std::span<const std::uint8_t, 16> id) = 0;
  // Inserts, or replaces every column of an existing id but device (the import checks ownership)
  // and its place in the order. An empty procedure stores none (formVersion then reads as 0).
  [[nodiscard]] virtual Status upsertRecord(const StoredRecord& row) = 0;
  // Inserts row when its id is new (true); false, writing nothing, when the id is taken. Most
  // records of a batch are new: this saves the import a lookup for each of them.
  [[nodiscard]] virtual Result<bool> insertNewRecord(const StoredRecord& row) = 0;
  // Every record (of one procedure, when given) in the order first received, with its review
  // status; sealed bodies only when withBodies. Stops at, and returns, fn's first error. Each row is
  // fn's to keep (move from): a walk that opens records hands the sealed body on without a copy.
  [[nodiscard]] virtual Status forEachRecord(const std::optional<std::string>& procedure, bool withBodies,
                                             const std::function<Status(StoredRecord&)>& fn) = 0;
  // One record as forEachRecord gives it, with its sealed body: nullopt for an unknown id.
  [[nodiscard]] virtual Result<std::optional<StoredRecord>> recordWithBody(std::span<const std::uint8_t, 16> id) = 0;
  [[nodiscard]] virtual Result<std::int64_t> recordCount() = 0;

  // [SECTION] review: one decision per record (the latest replaces)
  // Stores row.decision raised to at least 1 and at least one more than the record's previous
  // decision, so each record's decisions grow strictly whatever the caller's clock says. The
  // record is in the store already (its device is where reviewsForDevice finds the decision).
  [[nodiscard]] virtual Status setReview(const ReviewRow& row) = 0;
  // Decisions on the device's records, in the records' order.
  [[nodiscard]] virtual Result<std::vector<ReviewRow>> reviewsForDevice(const DeviceKey& device) = 0;

  // [SECTION] staff: one keyslot per staff member, in the order added
  [[nodiscard]] virtual Result<std::vector<StaffRow>> staff() = 0;
  // "store.constraint" when the name is taken.
  [[nodiscard]] virtual Status insertStaff(const StaffRow& row) = 0;
  // Nothing happens for a name not there.
  [[nodiscard]] virtual Status removeStaff(std::string_view name) = 0;

  // [SECTION] audit log: append only
  [[nodiscard]] virtual Status appendAudit(const AuditRow& row) = 0;
  // Rows with at >= since (ISO text order; empty = all), in the order appended.
  [[nodiscard]] virtual Result<std::vector<AuditRow>> audit(std::string_view since) = 0;
  // Rows whose target is exactly target (a record id, ...), in the order appended.
  [[nodiscard]] virtual Result<std::vector<AuditRow>> auditOf(std::string_view target) = 0;

  // Gives back the memory the store caches on this side (a locked desk reads nothing until the
  // next unlock). Nothing to do for a store whose cache is elsewhere.
  virtual void releaseMemory() {}
};

// A kind of store a hub data dir can hold. Plain function pointers: a backend is a table, not an object.
struct HubStoreBackend {
  std::string_view name;  // "sqlite"
  // Whether dir holds a store of this kind.
  bool (*holds)(const std::filesystem::path& dir);
  // Opens dir's store with its schema migrated to the latest; with create, makes it (files 0600)
  // when missing. Errors: "store.not_found" (missing and !create), "store.schema_too_new",
  // "store.open", "store.corrupt".
  Result<std::unique_ptr<HubStore>> (*open)(const std::filesystem::path& dir, bool create);
};

// Every backend compiled in; new hubs use the first (sync/hub/store_backends.cpp).
std::span<const HubStoreBackend> hubStoreBackends();

}  // namespace gocua::hub
