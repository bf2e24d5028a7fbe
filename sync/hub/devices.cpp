// Devices and metadata views: enrollment (idempotent), listing, revocation, the signed profile,
// record and quarantine listings. None of these touch a record body.
#include <cstring>

#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;
using nlohmann::json;

Result<std::vector<DeviceInfo>> Hub::devices() {
  auto rows = store_->devices();
  if (!rows) return rows.error();
  std::vector<DeviceInfo> out;
  for (auto& r : *rows) {
    DeviceInfo d;
    d.id = r.id;
    auto names = json::parse(r.volunteers, nullptr, false);
    if (names.is_array())
      for (auto& n : names)
        if (n.is_string()) d.volunteers.push_back(n.get<std::string>());
    d.workspaceId = r.workspaceId;
    d.enrolledAt = r.enrolledAt;
    d.revokedAt = r.revokedAt;
    d.hasRecoverySlot = !r.recoverySlot.empty();
    auto last = store_->maxSequence(r.id);
    if (!last) return last.error();
    d.lastSequence = *last;
    if (*last > 0) {
      auto batch = store_->ledger(r.id, *last);
      if (!batch) return batch.error();
      if (*batch) d.lastBatchAt = (*batch)->importedAt;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Status Hub::revoke(const DeviceId& device) {
  return store_->transaction([&]() -> Status {
    auto row = store_->device(device);
    if (!row) return row.error();
    if (!*row) return Error::make(err::kHubUnknownDevice);
    if ((*row)->revokedAt) return {};  // already revoked: keep the first cut-off
    auto last = store_->maxSequence(device);
    if (!last) return last.error();
    return store_->revoke(device, nowIso(), *last);
  });
}

Result<std::vector<RecordInfo>> Hub::records(const std::optional<std::string>& procedure) {
  return records(RecordFilter{.procedure = procedure});
}

Result<std::vector<QuarantineInfo>> Hub::quarantined() {
  auto rows = store_->quarantined();
  if (!rows) return rows.error();
  std::vector<QuarantineInfo> out;
  for (auto& r : *rows)
    out.push_back({r.device, static_cast<std::uint64_t>(r.sequence), r.reason, r.fileName, r.receivedAt});
  return out;
}

Result<std::string> HubSession::profile() {
  const auto& c = impl_->commune;
  const auto& id = impl_->identity;
  sync::CommuneProfile p{c.code,
                         c.name,
                         c.villages,
                         c.hubUrl,
                         id.signPublic,
                         id.box.publicKey,
                         id.recovery.publicKey,
                         impl_->formPackVersion,
                         nowIso(),
                         impl_->formPackFile};
  auto file = sync::writeProfile(p, id);
  if (!file) return Error::make(err::kHubInvalid, "", file.error().detail);
  return file;
}

Result<DeviceId> HubSession::enroll(std::string_view gcqFile) {
  auto req = sync::readEnrollmentRequest(gcqFile);
  if (!req) return req.error();
  auto& store = hub_.store();
  auto st = store.transaction([&]() -> Status {
    auto existing = store.device(req->deviceSignPublic);
    if (!existing) return existing.error();
    std::string volunteers = json(req->volunteers).dump();
    if (*existing) {
      // The same laptop asking again (lost profile, new volunteer): same keys, same answer.
      if ((*existing)->boxPublic != req->deviceBoxPublic) return Error::make(err::kHubDeviceConflict);
      GOCUA_TRY(store.updateVolunteers(req->deviceSignPublic, volunteers));
      return audit("device.enroll", deviceHex(req->deviceSignPublic));
    }
    DeviceRow row;
    row.id = req->deviceSignPublic;
    row.boxPublic = req->deviceBoxPublic;
    row.volunteers = volunteers;
    row.workspaceId = req->workspaceId;
    row.enrolledAt = nowIso();
    GOCUA_TRY(store.insertDevice(row));
    return audit("device.enroll", deviceHex(row.id));
  });
  if (!st) return st.error();
  return req->deviceSignPublic;
}

}  // namespace gocua::hub
