// Staff accounts and the audit log. Every staff member's keyslot wraps the same hub data key, so
// adding one needs an unlocked session; the audit log names who did what, never residents' data.
#include <algorithm>

#include "core/text.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;

Result<std::vector<StaffInfo>> Hub::staff() {
  auto rows = store_->staff();
  if (!rows) return rows.error();
  std::vector<StaffInfo> out;
  for (auto& r : *rows) out.push_back({r.name, r.addedAt, r.addedBy});
  return out;
}

namespace {
Result<std::vector<AuditEntry>> entries(Result<std::vector<AuditRow>> rows) {
  if (!rows) return rows.error();
  std::vector<AuditEntry> out;
  for (auto& r : *rows) out.push_back({std::move(r.at), std::move(r.staff), std::move(r.action), std::move(r.target)});
  return out;
}
}  // namespace

Result<std::vector<AuditEntry>> Hub::auditLog(std::string_view since) { return entries(store_->audit(since)); }

Result<std::vector<AuditEntry>> Hub::auditLogOf(std::string_view target) { return entries(store_->auditOf(target)); }

const std::string& HubSession::staffName() const { return impl_->staff; }

Status HubSession::audit(std::string_view action, std::string_view target) {
  return hub_.store().appendAudit({nowIso(), impl_->staff, std::string(action), std::string(target)});
}

Status HubSession::addStaff(std::string_view nameIn, std::string_view passphrase, const vault::KdfParams& kdf) {
  auto name = core::normalizeText(nameIn, sync::kMaxFieldChars);
  if (!name || name->empty()) return Error::make(err::kHubInvalid, "staff");
  auto& store = hub_.store();
  auto taken = [&]() -> Status {
    auto staff = store.staff();
    if (!staff) return staff.error();
    if (std::any_of(staff->begin(), staff->end(), [&](const StaffRow& r) { return r.name == *name; }))
      return Error::make(err::kHubStaffExists, "staff");
    return {};
  };
  GOCUA_TRY(taken());  // before the slow key derivation; again inside the transaction
  auto slot = vault::wrapDataKey(impl_->dataKey, passphrase, kdf);
  if (!slot) return slot.error();
  return store.transaction([&]() -> Status {
    GOCUA_TRY(taken());
    GOCUA_TRY(store.insertStaff({*name, vault::encodeKeyslot(*slot), nowIso(), impl_->staff}));
    return audit("staff.add", *name);
  });
}

Status HubSession::removeStaff(std::string_view name) {
  // Refusing one's own name also keeps at least one staff member: the one removing.
  if (name == impl_->staff) return Error::make(err::kHubStaffSelf, "staff");
  auto& store = hub_.store();
  return store.transaction([&]() -> Status {
    auto staff = store.staff();
    if (!staff) return staff.error();
    if (std::none_of(staff->begin(), staff->end(), [&](const StaffRow& r) { return r.name == name; }))
      return Error::make(err::kHubUnknownStaff, "staff");
    GOCUA_TRY(store.removeStaff(name));
    return audit("staff.remove", name);
  });
}

Status HubSession::revoke(const DeviceId& device) {
  GOCUA_TRY(hub_.revoke(device));
  return audit("device.revoke", deviceHex(device));
}

}  // namespace gocua::hub
