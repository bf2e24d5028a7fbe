// "Sync now": outbox → resumable upload → receipt → status; see client.h.
#include "sync/client/client.h"

#include <fstream>
#include <system_error>

#include "sync/batch/batch.h"
#include "sync/client/errors.h"
#include "sync/transport/errors.h"
#include "sync/transport/transport.h"
#include "workspace/errors.h"

namespace gocua::sync {
namespace fs = std::filesystem;

namespace {

constexpr const char* kOutboxDir = "outbox";

// The one batch waiting in the outbox, if an earlier sync was cut before its receipt arrived.
std::optional<fs::path> pendingBatch(const fs::path& outbox) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(outbox, ec))
    if (entry.path().extension() == ".gcb") return entry.path();
  return std::nullopt;
}

Result<std::array<std::uint8_t, 16>> batchIdOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::make(err::kSyncIo, "outbox");
  auto header = readBatchHeader(in);
  if (!header) return header.error();
  return header->batchId;
}

}  // namespace

bool hubUnreachable(const Error& e) {
  return e.code == err::kTransportUnreachable.code || e.code == err::kTransportBusy.code ||
         e.code == err::kTransportIo.code || e.code == err::kTransportServer.code;
}
bool syncCancelled(const Error& e) { return e.code == err::kTransportCancelled.code; }
Error syncCancelledError() { return Error::make(err::kTransportCancelled); }

std::filesystem::path outboxDir(const workspace::Session& session) { return session.workspace().dir() / kOutboxDir; }

Result<SyncReport> syncWithHub(workspace::Session& session, std::string hubUrl,
                               const std::function<bool(const SyncProgress&)>& progress,
                               const transport::ClientOptions& options) {
  return syncWithHub([&session](const SessionStep& step) { return step(session); }, std::move(hubUrl), progress,
                     options);
}

Result<SyncReport> syncWithHub(const SessionAccess& withSession, std::string hubUrl,
                               const std::function<bool(const SyncProgress&)>& progress,
                               const transport::ClientOptions& options) {
  std::int64_t records = 0;  // of the batch in flight, for "120/300 records" progress
  auto report = [&](SyncProgress::Stage stage, std::uint64_t done, std::uint64_t total) {
    return !progress || progress(SyncProgress{stage, done, total, records});
  };
  std::optional<DeviceKeys> keys;
  fs::path outbox;
  GOCUA_TRY(withSession([&](workspace::Session& session) -> Status {
    if (hubUrl.empty()) {
      auto url = session.hubUrl();
      if (!url) return url.error();
      hubUrl = *url;
    }
    if (hubUrl.empty()) return Error::make(err::kSyncNoHubUrl);
    auto signKeys = session.deviceSignKeys();
    if (!signKeys) return signKeys.error();
    keys.emplace(std::move(*signKeys));
    outbox = outboxDir(session);
    return {};
  }));
  // Applies a receipt under the lock; a revoked device ends the sync.
  auto applyReceipt = [&](const auto& receipt, workspace::ReceiptInfo& into) {
    return withSession([&](workspace::Session& session) -> Status {
      auto applied = session.applyReceipt(receipt);
      if (!applied) return applied.error();
      into = *applied;
      return {};
    });
  };

  std::error_code ec;
  fs::create_directories(outbox, ec);
  fs::permissions(outbox, fs::perms::owner_all, ec);

  SyncReport out;
  // First a batch an earlier sync left behind, then the new records; a quarantined batch makes
  // the laptop re-export under the hub's next sequence. Three rounds cover all of that.
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto file = pendingBatch(outbox);
    bool wasPending = file.has_value();
    if (wasPending) {
      out.resumed = true;
    } else {
      if (!report(SyncProgress::Stage::Export, 0, 0)) return Error::make(err::kTransportCancelled);
      fs::path target = outbox / "next.gcb";
      GOCUA_TRY(withSession([&](workspace::Session& session) -> Status {
        auto exported = session.exportBatch(target);
        if (!exported) return exported.error();
        out.exported = *exported;
        return {};
      }));
      if (out.exported.records == 0) break;
      file = target;
    }
    records = wasPending ? 0 : out.exported.records;
    auto batchId = batchIdOf(*file);
    if (!batchId) return batchId.error();
    auto uploaded = transport::uploadBatch(
        hubUrl, *file, *batchId, *keys,
        [&](const transport::UploadProgress& p) { return report(SyncProgress::Stage::Upload, p.sent, p.total); },
        options);
    if (!uploaded) return uploaded.error();
    if (wasPending && attempt == 0) out.resumedFrom = uploaded->resumedFrom;
    out.bytesSent += uploaded->bytesSent;
    report(SyncProgress::Stage::Receipt, 0, 0);
    GOCUA_TRY(applyReceipt(uploaded->receipt, out.batchReceipt));
    fs::remove(*file, ec);  // the hub has it (or has quarantined it): the outbox is empty again
    if (out.batchReceipt.revoked) return Error::make(err::kSyncRevoked);  // no re-export, no further round
    if (!wasPending && out.batchReceipt.batchStatus != "quarantined") break;
  }

  if (!report(SyncProgress::Stage::Status, 0, 0)) return Error::make(err::kTransportCancelled);
  auto status = transport::fetchStatus(hubUrl, *keys, options);
  if (!status) return status.error();
  GOCUA_TRY(applyReceipt(*status, out.statusReceipt));
  if (out.statusReceipt.revoked) return Error::make(err::kSyncRevoked);
  return out;
}

}  // namespace gocua::sync
