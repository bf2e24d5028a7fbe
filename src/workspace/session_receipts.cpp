// Session: applying the hub's receipts and reporting where this laptop's records stand.
#include <chrono>
#include <ctime>
#include <span>

#include "core/record_id.h"
#include "sync/receipt/receipt.h"
#include "vault/secret.h"
#include "workspace/device_identity.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using namespace detail;

namespace {

constexpr std::int64_t kDefaultRetentionDays = 30;

// "YYYY-MM-DDTHH:MM:SSZ" → seconds since the epoch (nullopt when malformed).
std::optional<std::int64_t> parseUtc(std::string_view s) {
  std::tm tm{};
  if (s.size() != 20 || std::sscanf(std::string(s).c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon,
                                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::string isoAt(std::int64_t unixSeconds) {
  std::time_t t = static_cast<std::time_t>(unixSeconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

Result<ReceiptInfo> Session::applyReceipt(std::string_view receiptFile) {
  if (ws_->training()) return Error::make(err::kSyncTraining);
  auto& repo = ws_->repo();
  // The key the receipt must verify under is trusted only with its tag under the data key: a hub
  // key swapped in with sqlite3 would otherwise get its own receipts applied.
  auto profile = enrolledProfile(repo, *cipher_);
  if (!profile) return profile.error();
  auto deviceId = storedDeviceId(repo);
  if (!deviceId) return deviceId.error();
  if (!*deviceId) return Error::make(err::kSyncNotEnrolled);
  // Nothing is trusted before the signature and the addressee check out.
  auto receipt = sync::readReceipt(receiptFile, profile->hubSignPublic, **deviceId, profile->communeCode);
  if (!receipt) return receipt.error();

  ReceiptInfo info;
  info.batchStatus = std::string(sync::toString(receipt->batchStatus));
  info.reason = receipt->reason;
  std::string now = nowIso();
  if (auto hubTime = parseUtc(receipt->hubTime)) info.clockSkewSeconds = *hubTime - nowSeconds();

  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  // Verdicts count only for a batch this laptop recorded as sent, and only for heads that batch
  // carried: a signed receipt naming another batch or a record never sent acknowledges nothing.
  std::optional<store::Repository::BatchRow> sent;
  std::span<const sync::RecordOutcome> verdicts;
  if (receipt->batchStatus != sync::BatchStatus::Status) {
    auto batch = repo.batchById(receipt->batchId);
    if (!batch) return batch.error();
    sent = std::move(*batch);
    if (sent) verdicts = receipt->records;
  }
  for (const auto& r : verdicts) {
    auto id = core::parseRecordId(r.id);
    if (!id) continue;  // the reader checked ids; a record this laptop never had is ignored
    bool rejected = r.outcome == sync::Outcome::Rejected;
    auto changed =
        repo.acknowledge(span(*id), r.revision, sent->sequence, rejected ? "rejected" : "synced", r.reason, now);
    if (!changed) return changed.error();
    if (!*changed) continue;  // edited since export, or not ours: it travels again
    if (rejected)
      info.rejected.push_back({r.id, r.reason});
    else
      ++info.synced;
  }
  for (const auto& u : receipt->updates) {
    auto id = core::parseRecordId(u.id);
    if (!id) continue;
    // Only a decision newer than the one held: an old receipt replayed later rolls nothing back.
    auto changed = repo.setReview(span(*id), sync::toString(u.status), u.sealedNote, u.at, u.decision);
    if (!changed) return changed.error();
    if (*changed) ++info.statusUpdates;
  }
  if (sent) GOCUA_TRY(repo.setBatchStatus(sent->sequence, info.batchStatus));
  // The hub's ledger is the truth about used sequences (a restored backup, a quarantined file).
  auto next = metaInt(repo, kMetaNextSequence, 1);
  if (!next) return next.error();
  std::int64_t hubNext = static_cast<std::int64_t>(receipt->nextSequence);
  info.nextSequence = static_cast<std::uint64_t>(std::max(*next, hubNext));
  GOCUA_TRY(repo.setMeta(kMetaNextSequence, std::to_string(info.nextSequence)));
  GOCUA_TRY(repo.setMeta(kMetaLastSync, now));
  if (sync::saysRevoked(*receipt)) {  // kept, so exports stop until this laptop enrolls again
    info.revoked = true;
    GOCUA_TRY(repo.setMeta(kMetaRevoked, receipt->hubTime));
    GOCUA_TRY(markDeviceRevoked(repo, *cipher_));  // survives deleting that plaintext row
  }
  if (!receipt->formPack.empty()) {
    // A pack that does not install must not cost the acknowledgements: it is reported instead.
    auto installed = installFormPack(repo, *profile, receipt->formPack);
    if (installed)
      info.formPack = *installed;
    else
      info.formPackError = installed.error().code;
  }

  auto days = metaInt(repo, kMetaRetentionDays, kDefaultRetentionDays);
  if (!days) return days.error();
  auto purged = repo.purgeSynced(isoAt(nowSeconds() - *days * 86400), now);
  if (!purged) return purged.error();
  info.purged = *purged;
  if (*purged > 0) indexMatchesDisk_ = false;  // purged residents stay searchable until the lock
  GOCUA_TRY(repo.audit(now, volunteer_, "receipt"));
  GOCUA_TRY(txn->commit());
  return info;
}

Result<SyncStatus> Session::syncStatus() {
  auto& repo = ws_->repo();
  SyncStatus status;
  auto counts = repo.countBySyncState();
  if (!counts) return counts.error();
  for (const char* state : {"unsynced", "sent", "synced", "rejected"}) status.counts[state] = 0;
  for (const auto& [state, n] : *counts) status.counts[state] = n;
  auto last = repo.meta(kMetaLastSync);
  if (!last) return last.error();
  if (*last) status.lastSync = **last;
  auto revoked = repo.meta(kMetaRevoked);
  if (!revoked) return revoked.error();
  status.revoked = (*revoked && !(*revoked)->empty()) || deviceSeedsRevoked(repo, *cipher_);
  auto profile = enrolledProfile(repo);
  if (!profile) {
    if (!profile.error().is(err::kSyncNotEnrolled)) return profile.error();
    return status;
  }
  status.enrolled = true;
  status.communeName = profile->communeName;
  auto device = loadDeviceIdentity(repo, *cipher_, false);
  if (!device) return device.error();

  auto rows = repo.recordsWithReview("needs_documents");
  if (!rows) return rows.error();
  for (const auto& row : *rows) {
    auto id = toRecordId(row.id);
    if (!id) continue;
    SyncStatus::NeedsDocuments item;
    item.id = core::formatRecordId(*id);
    // The resident's name: the record itself, or the resident an application is for.
    std::optional<core::RecordId> residentId = *id;
    if (row.kind == "application") {
      residentId.reset();
      for (const auto& a : applications_)
        if (a.id == item.id) residentId = core::parseRecordId(a.residentId);
    }
    if (residentId)
      if (const auto* r = index_.find(*residentId)) item.name = r->fullName;
    if (!row.note.empty()) {
      auto note = sync::openNote(row.note, device->box);
      if (!note) return note.error();
      item.note = std::move(*note);
    }
    status.needsDocuments.push_back(std::move(item));
  }
  return status;
}

}  // namespace gocua::workspace
