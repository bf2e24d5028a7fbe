#include "office/model/laptops_model.h"

#include <map>

#include "core/i18n.h"
#include "sync/keys/keys.h"
#include "ui/model/errors.h"
#include "vault/secret.h"

namespace gocua::office {

namespace {

std::string localDay(const std::string& isoUtc) {
  const std::string moment = ui::formatLocalTime(isoUtc);
  return moment.substr(0, moment.find(' '));
}

}  // namespace

void LaptopsModel::open(OfficeModel& office) {
  error_.clear();
  laptops_.clear();
  confirmingRevoke.reset();
  auto* session = office.session();
  if (!session) return;
  fingerprint_ = sync::fingerprint(session->identity().signPublic);
  auto& hub = *office.hub();
  auto devices = hub.devices();
  if (!devices) {
    error_ = i18n::message(devices.error());
    return;
  }
  auto records = hub.records(hub::RecordFilter{});  // ids and devices only: nothing is opened
  if (!records) {
    error_ = i18n::message(records.error());
    return;
  }
  std::map<hub::DeviceId, std::size_t> perDevice;
  for (const auto& r : *records) ++perDevice[r.device];
  for (const auto& d : *devices) {
    LaptopRow row;
    row.id = hub::deviceHex(d.id);
    row.shortId = row.id.substr(0, 12);
    for (const auto& v : d.volunteers) row.volunteers += (row.volunteers.empty() ? "" : ", ") + v;
    row.joined = localDay(d.enrolledAt);
    if (d.revokedAt) row.revoked = localDay(*d.revokedAt);
    row.lastBatch = d.lastSequence;
    row.records = perDevice[d.id];
    row.canRecover = d.hasRecoverySlot && !d.revokedAt;
    laptops_.push_back(std::move(row));
  }
}

bool LaptopsModel::enroll(OfficeModel& office, std::size_t i) {
  error_.clear();
  auto* session = office.session();
  const auto& files = requests();
  if (!session || i >= files.size()) return false;
  const ui::FolderFile request = files[i];  // the list is re-read below
  auto bytes = ui::readSmallFile(request.path, sync::kMaxSignedFileBytes);
  if (!bytes) {
    error_ = i18n::message(bytes.error());
    return false;
  }
  auto id = session->enroll(*bytes);
  if (!id) {
    error_ = i18n::message(id.error());
    return false;
  }
  auto profile = session->profile();
  if (!profile) {
    error_ = i18n::message(profile.error());
    return false;
  }
  auto out = request.path;
  out.replace_extension(".gcp");
  if (auto st = hub::writeFileAtomic(out, *profile); !st) {
    error_ = i18n::message(st.error());
    return false;
  }
  lastProfile_ = out;
  folder.rescan();
  open(office);
  std::string who;
  for (const auto& row : laptops_)
    if (row.id == hub::deviceHex(*id)) who = row.volunteers;
  office.notify(i18n::tr("office.laptops.enrolled", {{"volunteers", who}, {"file", out.filename().string()}}));
  return true;
}

bool LaptopsModel::confirmRevoke(OfficeModel& office) {
  error_.clear();
  auto* session = office.session();
  if (!session || !confirmingRevoke || *confirmingRevoke >= laptops_.size()) return false;
  const LaptopRow row = laptops_[*confirmingRevoke];
  confirmingRevoke.reset();
  auto id = hub::parseDeviceId(row.id);
  if (!id) {
    error_ = i18n::message(id.error());
    return false;
  }
  if (auto st = session->revoke(*id); !st) {  // audited with the staff name
    error_ = i18n::message(st.error());
    return false;
  }
  open(office);
  office.notify(i18n::tr("office.laptops.revoked", {{"volunteers", row.volunteers}}));
  return true;
}

bool LaptopsModel::makeRecovery(OfficeModel& office, std::size_t i) {
  error_.clear();
  forgetRecovery();
  auto* session = office.session();
  if (!session || i >= laptops_.size()) return false;
  if (!folder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return false;
  }
  auto id = hub::parseDeviceId(laptops_[i].id);
  if (!id) {
    error_ = i18n::message(id.error());
    return false;
  }
  auto made = session->recovery(*id);
  if (!made) {
    error_ = i18n::message(made.error());
    return false;
  }
  const auto out = ui::uniqueFileIn(folder.folder(), "khoi-phuc-" + laptops_[i].shortId, ".gcx");
  if (auto st = hub::writeFileAtomic(out, made->second); !st) {
    vault::wipe(made->first.code);
    error_ = i18n::message(st.error());
    return false;
  }
  recoveryCode_ = std::move(made->first.code);
  recoveryFile_ = out;
  folder.rescan();
  return true;
}

void LaptopsModel::forgetRecovery() {
  vault::wipe(recoveryCode_);
  recoveryCode_.clear();
  recoveryFile_.clear();
}

void LaptopsModel::reset() {
  forgetRecovery();
  laptops_.clear();
  fingerprint_.clear();
  error_.clear();
  lastProfile_.clear();
  confirmingRevoke.reset();
}

}  // namespace gocua::office
