// Session: joining a commune (enrollment request, profile) and exporting batches for the hub.
#include <sstream>

#include "core/record_id.h"
#include "sync/batch/batch.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"
#include "workspace/batch_lines.h"
#include "workspace/device_identity.h"
#include "workspace/durable_file.h"
#include "workspace/errors.h"
#include "workspace/metadata_text.h"
#include "workspace/records_internal.h"
#include "workspace/recovery_used.h"
#include "workspace/row_tags.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;
using namespace detail;

namespace {

static_assert(std::string_view(kMetaNextSequence) == "sync.next_sequence",
              "store/sync_state_sql.h reads this key to stamp each head with its batch");

}  // namespace

Result<std::string> Session::enrollmentRequest() {
  if (ws_->training()) return Error::make(err::kSyncTraining);
  GOCUA_TRY(checkMetadataText(ws_->repo()));  // the request carries names and the workspace id
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  auto device = loadDeviceIdentity(ws_->repo(), *cipher_, true);
  if (!device) return device.error();
  auto slots = ws_->repo().keyslots();
  if (!slots) return slots.error();
  sync::EnrollmentRequest request;
  request.deviceSignPublic = device->sign.publicKey;
  request.deviceBoxPublic = device->box.publicKey;
  for (const auto& s : *slots) request.volunteers.push_back(s.volunteer);
  request.workspaceId = device->workspaceId;
  request.createdAt = nowIso();
  auto file = sync::writeEnrollmentRequest(request, device->sign);
  if (!file) return file.error();
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "enroll_request"));
  GOCUA_TRY(txn->commit());
  return file;
}

Result<EnrollInfo> Session::enroll(std::string_view profileFile) {
  if (ws_->training()) return Error::make(err::kSyncTraining);
  auto device = loadDeviceIdentity(ws_->repo(), *cipher_, false);
  if (!device) return device.error();
  GOCUA_TRY(checkHubPin(ws_->repo(), *cipher_));  // a pin changed on disk must not be trusted here
  auto pinned = pinnedHubKey(ws_->repo());
  if (!pinned) return pinned.error();
  auto profile = sync::readProfile(profileFile, *pinned);
  if (!profile) return profile.error();
  // The laptop's data key, sealed to the commune's recovery key: a forgotten passphrase then
  // costs a visit to the commune office, not the records.
  auto slot = sync::sealRecoverySlot(dataKey_, profile->recoveryPublic);
  if (!slot) return slot.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(storeProfile(ws_->repo(), profileFile, *profile, *cipher_));
  GOCUA_TRY(ws_->repo().setMeta(kMetaRevoked, ""));  // joining again lifts a revocation the laptop learned
  GOCUA_TRY(ws_->repo().setMeta(kMetaRecoverySlot, vault::toHex(*slot)));
  GOCUA_TRY(sealLegacyRecoveryUsed(ws_->repo(), *cipher_));  // a reset refuses without it
  int formPack = 0;
  if (!profile->formPack.empty()) {
    auto installed = installFormPack(ws_->repo(), *profile, profile->formPack);
    if (!installed) return installed.error();
    formPack = *installed;
  }
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "enroll"));
  GOCUA_TRY(txn->commit());
  return EnrollInfo{profile->communeCode, profile->communeName,
                    profile->hubUrl,      sync::fingerprint(profile->hubSignPublic),
                    profile->villages,    formPack};
}

Result<sync::DeviceKeys> Session::deviceSignKeys() {
  auto profile = enrolledProfile(ws_->repo(), *cipher_);
  if (!profile) return profile.error();
  auto device = loadDeviceIdentity(ws_->repo(), *cipher_, false);
  if (!device) return device.error();
  return std::move(device->sign);
}

Result<std::string> Session::hubUrl() {
  auto profile = enrolledProfile(ws_->repo(), *cipher_);
  if (!profile) return profile.error();
  return profile->hubUrl;
}

Status Session::setRetentionDays(int days) {
  if (days < 1 || days > 3650) return Error::make(err::kSyncRetentionDays, "days");
  return ws_->repo().setMeta(kMetaRetentionDays, std::to_string(days));
}

bool Session::rowTagsChecked() {
  if (!rowTagsSoundAt_) return false;
  auto now = ws_->db().dataVersion();
  return now && *now == *rowTagsSoundAt_;
}

Result<ExportInfo> Session::exportBatch(const fs::path& out) {
  if (ws_->training()) return Error::make(err::kSyncTraining);
  auto profile = enrolledProfile(ws_->repo(), *cipher_);
  if (!profile) return profile.error();
  auto device = loadDeviceIdentity(ws_->repo(), *cipher_, false);
  if (!device) return device.error();
  auto revoked = ws_->repo().meta(kMetaRevoked);
  if (!revoked) return revoked.error();
  if ((*revoked && !(*revoked)->empty()) || deviceSeedsRevoked(ws_->repo(), *cipher_))
    return Error::make(err::kSyncRevoked);
  GOCUA_TRY(checkMetadataText(ws_->repo()));  // the manifest carries names, ids, the recovery slot
  // A state set to "synced" on disk would drop a record: every row's tag is checked, or the
  // purged stubs' alone when the rest are known sound since this unlock.
  auto version = ws_->db().dataVersion();
  if (!version) return version.error();
  GOCUA_TRY(checkRowTags(ws_->repo(), *cipher_, rowTagsChecked()));
  rowTagsSoundAt_ = *version;

  // One write transaction: nothing changes between reading the records and recording the batch.
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  auto& repo = ws_->repo();
  auto pending = repo.countOutgoing();
  if (!pending) return pending.error();
  ExportInfo info;
  if (*pending == 0) return info;

  auto sequence = metaInt(repo, kMetaNextSequence, 1);
  if (!sequence) return sequence.error();
  sync::BatchHeader header;
  header.communeCode = profile->communeCode;
  header.deviceId = device->sign.publicKey;
  header.sequence = static_cast<std::uint64_t>(*sequence);
  vault::randomBytes(header.batchId);

  // The batch is built in memory (it is ciphertext) so the bytes on the stick can be compared.
  std::ostringstream buffer;
  auto writer = sync::BatchWriter::create(buffer, header, device->sign, profile->hubBoxPublic);
  if (!writer) return writer.error();
  auto slot = repo.meta(kMetaRecoverySlot);
  if (!slot) return slot.error();
  auto slots = repo.keyslots();
  if (!slots) return slots.error();
  json volunteers = json::array();
  for (const auto& s : *slots) volunteers.push_back(s.volunteer);
  json manifest = {{"type", "manifest"},
                   {"format", 1},
                   {"workspace_id", device->workspaceId},
                   {"volunteers", volunteers},
                   {"created_at", nowIso()},
                   {"records", *pending},
                   {"form_pack", ws_->formPackVersion()},
                   // Always false here (a training workspace stops above), but said: hubs refuse
                   // a batch whose manifest says otherwise.
                   {"training", ws_->training()}};
  if (*slot) manifest["recovery_slot"] = **slot;
  GOCUA_TRY(writer->add(manifest.dump()));

  BatchLines lines(*cipher_, *writer, volunteer_);
  GOCUA_TRY(repo.forEachOutgoing([&](const store::Repository::OutgoingRecord& r) { return lines.add(r); }));
  GOCUA_TRY(lines.finish());
  info.records = lines.records();
  auto summary = writer->finish();
  if (!summary) return summary.error();
  if (info.records == 0) return ExportInfo{};  // everything pending was damaged

  std::string bytes = buffer.str();
  GOCUA_TRY(writeFileDurably(out, bytes));
  for (const auto& d : lines.skipped()) {  // left unsent: they must not look as if the hub has them
    info.damaged.push_back(d.idText);
    GOCUA_TRY(repo.deferOutgoing(d.id, *sequence + 1));
  }
  GOCUA_TRY(repo.setMeta(kMetaNextSequence, std::to_string(*sequence + 1)));
  store::Repository::BatchRow row;
  row.sequence = *sequence;
  row.batchId.assign(header.batchId.begin(), header.batchId.end());
  row.createdAt = nowIso();
  row.records = info.records;
  row.bytes = static_cast<std::int64_t>(bytes.size());
  GOCUA_TRY(repo.insertBatch(row));
  GOCUA_TRY(repo.audit(nowIso(), volunteer_, "export"));
  if (auto committed = txn->commit(); !committed) {
    fs::remove(out);  // the laptop did not record this batch: do not let it travel
    return committed.error();
  }
  info.sequence = header.sequence;
  info.batchId = vault::toHex(header.batchId);
  info.bytes = bytes.size();
  return info;
}

}  // namespace gocua::workspace
