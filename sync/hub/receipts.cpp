// Receipt pieces: review updates for a device (notes resealed to its box key), the next free
// sequence, and the status-only and rejected receipts.
#include <cstring>

#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;

namespace detail {

Result<std::vector<sync::StatusUpdate>> updatesFor(HubStore& store, const vault::RecordCipher& cipher,
                                                   const DeviceId& device) {
  auto dev = store.device(device);
  if (!dev) return dev.error();
  if (!*dev) return Error::make(err::kHubUnknownDevice);
  auto rows = store.reviewsForDevice(device);
  if (!rows) return rows.error();
  std::vector<sync::StatusUpdate> out;
  for (const auto& r : *rows) {
    sync::StatusUpdate u;
    core::RecordId id{};
    std::memcpy(id.data(), r.recordId.data(), id.size());
    u.id = core::formatRecordId(id);
    u.revision = r.revision;
    auto status = sync::parseReviewStatus(r.status);
    if (!status) return Error::make(err::kHubDamaged, "", "review status");
    u.status = *status;
    u.at = r.at;
    u.decision = r.decision;
    if (!r.note.empty()) {
      auto note = cipher.open(r.note, noteAd(r.recordId, r.revision));
      if (!note) return Error::make(err::kHubDamaged, "note");
      auto sealed = sync::sealNote(*note, (*dev)->boxPublic);
      vault::wipe(*note);
      if (!sealed) return sealed.error();
      u.sealedNote = std::move(*sealed);
    }
    out.push_back(std::move(u));
  }
  return out;
}

std::string formPackFor(const HubSession::Impl& impl, int deviceVersion) {
  return deviceVersion < impl.formPackVersion ? impl.formPackFile : std::string();
}

Result<std::uint64_t> nextSequence(HubStore& store, const DeviceId& device) {
  auto last = store.maxSequence(device);
  if (!last) return last.error();
  return static_cast<std::uint64_t>(*last) + 1;
}

}  // namespace detail

Result<std::string> HubSession::statusReceipt(const DeviceId& device) {
  auto& store = hub_.store();
  auto updates = updatesFor(store, impl_->cipher, device);
  if (!updates) return updates.error();
  auto next = nextSequence(store, device);
  if (!next) return next.error();
  sync::Receipt r;
  r.communeCode = impl_->commune.code;
  r.deviceId = device;
  r.sequence = 0;
  r.batchStatus = sync::BatchStatus::Status;
  r.hubTime = nowIso();
  r.nextSequence = *next;
  r.updates = std::move(*updates);
  auto dev = store.device(device);  // known: updatesFor refused an unknown one
  if (!dev) return dev.error();
  r.formPack = formPackFor(*impl_, *dev ? (*dev)->formPack : 0);
  if (*dev && (*dev)->revokedAt) r.reason = std::string(sync::kReasonRevoked);  // so the laptop stops exporting
  return sync::writeReceipt(r, impl_->identity);
}

Result<std::string> HubSession::rejectedReceipt(const DeviceId& device, std::uint64_t sequence,
                                                const std::array<std::uint8_t, 16>& batchId, std::string_view reason) {
  auto next = nextSequence(hub_.store(), device);
  if (!next) return next.error();
  sync::Receipt r;
  r.communeCode = impl_->commune.code;
  r.deviceId = device;
  r.batchId = batchId;
  r.sequence = sequence;
  r.batchStatus = sync::BatchStatus::Rejected;
  r.reason = std::string(reason);
  r.hubTime = nowIso();
  r.nextSequence = *next;
  return sync::writeReceipt(r, impl_->identity);
}

}  // namespace gocua::hub
