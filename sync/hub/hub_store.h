// Every SQL statement of the hub, over one store::Db (hub.db). Values only: no crypto here; sealed
// columns arrive sealed and leave sealed.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/db.h"

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
  explicit HubStore(store::Db db) : db_(std::move(db)) {}
  store::Db& db() { return db_; }

  Result<std::optional<Blob>> meta(std::string_view key);
  Status setMeta(std::string_view key, std::span<const std::uint8_t> value);
  Status setMeta(std::string_view key, std::string_view text);

  Result<std::optional<DeviceRow>> device(const DeviceKey& id);
  Result<std::vector<DeviceRow>> devices();
  Status insertDevice(const DeviceRow& row);
  Status updateVolunteers(const DeviceKey& id, std::string_view volunteersJson);
  Status revoke(const DeviceKey& id, std::string_view at, std::int64_t lastSeq);
  Status setRecoverySlot(const DeviceKey& id, std::span<const std::uint8_t> slot);
  Status setDeviceFormPack(const DeviceKey& id, int version);
  Result<int> maxDeviceFormPack();  // the newest pack any laptop reported (0 when none)

  Result<std::optional<LedgerRow>> ledger(const DeviceKey& device, std::int64_t sequence);
  Result<std::int64_t> maxSequence(const DeviceKey& device);  // 0 when none
  Status insertLedger(const DeviceKey& device, std::int64_t sequence, std::span<const std::uint8_t> batchId,
                      std::span<const std::uint8_t> fileHash, std::string_view at, std::string_view receipt);

  Status insertQuarantine(const QuarantineRow& row);  // ignores an identical file already kept
  Result<std::vector<QuarantineRow>> quarantined();

  // Without sealed bodies unless withBodies.
  Result<std::optional<StoredRecord>> record(std::span<const std::uint8_t, 16> id);
  Status upsertRecord(const StoredRecord& row);
  Status forEachRecord(const std::optional<std::string>& procedure, bool withBodies,
                       const std::function<Status(const StoredRecord&)>& fn);
  Result<std::int64_t> recordCount();

  Status setReview(const ReviewRow& row);
  Result<std::vector<ReviewRow>> reviewsForDevice(const DeviceKey& device);

 private:
  store::Db db_;
};

}  // namespace gocua::hub
