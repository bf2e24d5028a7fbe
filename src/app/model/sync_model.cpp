#include "app/model/sync_model.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/date.h"
#include "core/i18n.h"
#include "core/record_id.h"
#include "sync/client/client.h"
#include "ui/model/errors.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::app {
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kClockWarningSeconds = 24 * 3600;
constexpr std::size_t kMaxReceiptBytes = std::size_t{64} << 20;

enum Stage : int { kExport = 1, kUpload, kReceipt, kStatus, kApply };

std::string num(std::int64_t n) { return std::to_string(n); }

std::string reasonText(const std::string& code) {
  if (code.empty()) return {};
  if (i18n::has("error." + code)) return i18n::message(Error::fromText(code));
  return i18n::tr("app.sync.reason_unknown", {{"code", code}});
}

// The resident's name for a record the hub turned down; the record id when it is not a resident.
std::string recordName(workspace::Session& session, const std::string& id) {
  if (auto rid = core::parseRecordId(id))
    if (const auto* r = session.index().find(*rid)) return r->fullName;
  return id;
}

// Lines every receipt adds to a summary: rejected records, review decisions, clock, quarantine.
void addReceipt(workspace::Session& session, const workspace::ReceiptInfo& r, SyncSummary& out) {
  out.accepted += r.synced;
  out.updates += r.statusUpdates;
  for (const auto& x : r.rejected) out.rejected.push_back({recordName(session, x.id), reasonText(x.reason)});
  if (r.clockSkewSeconds > kClockWarningSeconds || r.clockSkewSeconds < -kClockWarningSeconds) {
    const std::string days = num(std::llabs(r.clockSkewSeconds) / 86400);
    const std::string w = i18n::tr("app.sync.clock_off", {{"days", days}});
    if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end()) out.warnings.push_back(w);
  }
  if (r.revoked)  // the laptop's own words for it: exports stop until it joins again
    out.warnings.push_back(i18n::message(Error::make(err::kSyncRevoked)));
  else if (r.batchStatus == "quarantined")
    out.warnings.push_back(i18n::tr("app.sync.quarantined"));
  if (r.formPack > 0) {
    out.formPack = r.formPack;
    out.details.push_back(i18n::tr("app.sync.forms_updated", {{"version", std::to_string(r.formPack)}}));
  }
  if (!r.formPackError.empty())
    out.warnings.push_back(i18n::tr("app.sync.forms_refused", {{"reason", reasonText(r.formPackError)}}));
  if (r.batchStatus == "rejected")
    out.warnings.push_back(i18n::tr("app.sync.batch_refused", {{"reason", reasonText(r.reason)}}));
}

void addCommonDetails(SyncSummary& s) {
  if (s.accepted > 0) s.details.push_back(i18n::tr("app.sync.accepted", {{"count", num(s.accepted)}}));
  if (!s.rejected.empty())
    s.details.push_back(
        i18n::tr("app.sync.rejected_count", {{"count", num(static_cast<std::int64_t>(s.rejected.size()))}}));
  if (s.updates > 0) s.details.push_back(i18n::tr("app.sync.updates", {{"count", num(s.updates)}}));
}

SyncSummary failed(SyncSummary::Kind kind, const Error& e) {
  SyncSummary s;
  s.kind = kind;
  s.ok = false;
  s.errorCode = e.code;
  s.headline = i18n::message(e);
  return s;
}

}  // namespace

void SyncModel::open(AppModel& app) {
  if (busy()) return;
  refresh(app);
  restorePlaces(app);
  folder.refresh();
  folder.rescan();
}

void SyncModel::refresh(AppModel& app) {
  if (busy()) return;
  training_ = app.training();
  statusError_.clear();
  for (auto& n : needs_) {
    vault::wipe(n.name);
    vault::wipe(n.note);
  }
  needs_.clear();
  auto* session = app.session();
  if (!session) return;
  auto st = session->syncStatus();
  if (!st.ok()) {
    statusError_ = i18n::message(st.error());
    return;
  }
  enrolled_ = st->enrolled;
  communeName_ = st->communeName;
  counts_ = st->counts;
  lastSync_ = formatLocalTime(st->lastSync);
  std::map<std::string, std::string> formOf;  // application id → form id
  for (const auto& a : session->listApplications(std::nullopt)) formOf[a.id] = a.formId;
  for (auto& n : st->needsDocuments) {
    NeedsDocumentsRow row{n.id, std::move(n.name), {}, std::move(n.note)};
    if (const auto f = formOf.find(n.id); f != formOf.end()) {  // an application: name its procedure
      const auto* form = app.forms().find(f->second);
      const auto lang = i18n::lang();
      row.procedure = !form                        ? f->second  // no longer offered here: its id beats nothing
                      : form->plainTitle().empty() ? form->title(lang)
                                                   : form->plainTitle().in(lang);
    }
    needs_.push_back(std::move(row));
  }
  profileHubUrl_.clear();
  if (enrolled_)
    if (auto url = session->hubUrl(); url.ok()) profileHubUrl_ = *url;
}

void SyncModel::restorePlaces(AppModel& app) {
  auto* session = app.session();
  if (placesRestored_ || !session) return;
  placesRestored_ = true;
  auto kept = session->syncPlaces();
  if (!kept.ok()) return;  // damaged: the screen starts empty, as on the first day
  keptPlaces_ = *kept;
  if (hubUrl.empty()) hubUrl = kept->hubUrl;
  std::error_code ec;
  if (!kept->folder.empty() && fs::is_directory(kept->folder, ec)) {
    folder.path = kept->folder;
    folder.edited();  // the volunteer's own choice: a stick plugged in later does not take over
  }
}

void SyncModel::keepPlaces(AppModel& app) {
  auto* session = app.session();
  if (!session) return;
  const workspace::SyncPlaces now{hubUrl, folder.path};
  if (now.hubUrl == keptPlaces_.hubUrl && now.folder == keptPlaces_.folder) return;
  if (session->saveSyncPlaces(now).ok()) keptPlaces_ = now;
}

std::int64_t SyncModel::count(const std::string& state) const {
  auto it = counts_.find(state);
  return it == counts_.end() ? 0 : it->second;
}

std::string SyncModel::exportBlocked() const {
  if (training_) return i18n::tr("app.sync.training");
  if (!enrolled_) return i18n::tr("app.sync.join_first");
  if (!folder.exists()) return i18n::message(Error::make(err::kFolderMissing));
  return {};
}

std::string SyncModel::uploadBlocked() const {
  if (training_) return i18n::tr("app.sync.training");
  if (!enrolled_) return i18n::tr("app.sync.join_first");
  if (hubUrl.empty() && profileHubUrl_.empty()) return i18n::tr("app.sync.no_hub_url");
  return {};
}

void SyncModel::start(AppModel& app, SyncSummary::Kind kind, BackgroundTask<SyncSummary>::Work work,
                      std::function<void()> wake) {
  if (busy() || !app.session()) return;
  keepPlaces(app);
  wipeSummary();
  running_ = kind;
  task_.start(std::move(work), std::move(wake));
}

void SyncModel::exportToFolder(AppModel& app, std::function<void()> wake) {
  if (!canExport()) return;
  const fs::path out = uniqueFileIn(folder.folder(), "gocua-" + fileStamp(), ".gcb");
  const bool removable = folder.chosenIsRemovable();
  auto* session = app.session();
  start(
      app, SyncSummary::Kind::Export,
      [session, out, removable](TaskProgress& p) -> SyncSummary {
        p.stage = kExport;
        auto info = session->exportBatch(out);
        if (!info.ok()) return failed(SyncSummary::Kind::Export, info.error());
        SyncSummary s;
        s.kind = SyncSummary::Kind::Export;
        s.records = info->records;
        s.bytes = info->bytes;
        if (info->records == 0) {
          s.nothingToSend = true;
          s.headline = i18n::tr("app.sync.nothing_to_send");
          return s;
        }
        s.file = out;
        s.headline = i18n::tr(
            "app.sync.exported",
            {{"count", num(info->records)}, {"file", out.filename().string()}, {"size", formatBytes(info->bytes)}});
        s.details.push_back(i18n::tr(removable ? "app.sync.safe_to_unplug" : "app.sync.take_file"));
        if (!info->damaged.empty())
          s.warnings.push_back(
              i18n::tr("app.sync.damaged_left", {{"count", num(static_cast<std::int64_t>(info->damaged.size()))}}));
        return s;
      },
      std::move(wake));
}

void SyncModel::upload(AppModel& app, std::function<void()> wake) {
  if (!canUpload()) return;
  auto* session = app.session();
  std::string url = hubUrl;
  while (!url.empty() && (url.back() == ' ' || url.back() == '/')) url.pop_back();
  while (!url.empty() && url.front() == ' ') url.erase(url.begin());
  auto redraw = wake;  // the worker wakes the UI on each progress step
  start(
      app, SyncSummary::Kind::Upload,
      [session, url, wake = std::move(redraw)](TaskProgress& p) -> SyncSummary {
        auto report = sync::syncWithHub(*session, url, [&p, &wake](const sync::SyncProgress& sp) {
          using S = sync::SyncProgress::Stage;
          p.stage = sp.stage == S::Export    ? kExport
                    : sp.stage == S::Upload  ? kUpload
                    : sp.stage == S::Receipt ? kReceipt
                                             : kStatus;
          p.total = sp.total;
          p.done = sp.done;
          if (wake) wake();
          return !p.cancel.load();
        });
        if (!report.ok()) return failed(SyncSummary::Kind::Upload, report.error());
        SyncSummary s;
        s.kind = SyncSummary::Kind::Upload;
        s.records = report->exported.records;
        s.bytes = report->bytesSent;
        if (!report->batchReceipt.batchStatus.empty()) addReceipt(*session, report->batchReceipt, s);
        addReceipt(*session, report->statusReceipt, s);
        if (report->exported.records == 0 && !report->resumed) {
          s.nothingToSend = true;
          s.headline = i18n::tr("app.sync.nothing_new_uploaded");
        } else if (report->exported.records == 0) {
          s.headline = i18n::tr("app.sync.resumed", {{"size", formatBytes(report->bytesSent)}});
        } else {
          s.headline = i18n::tr("app.sync.uploaded",
                                {{"count", num(report->exported.records)}, {"size", formatBytes(report->bytesSent)}});
        }
        addCommonDetails(s);
        return s;
      },
      std::move(wake));
}

void SyncModel::toggleReceipt(const std::string& name) {
  if (!unticked_.erase(name)) unticked_.insert(name);
}

bool SyncModel::canApplyReceipts() {
  if (busy() || training_ || !enrolled_) return false;
  for (const auto& f : receipts())
    if (receiptChosen(f.name)) return true;
  return false;
}

void SyncModel::applyReceipts(AppModel& app, std::function<void()> wake) {
  if (!canApplyReceipts()) return;
  std::vector<fs::path> files;
  for (const auto& f : receipts())
    if (receiptChosen(f.name)) files.push_back(f.path);
  auto* session = app.session();
  auto redraw = wake;
  start(
      app, SyncSummary::Kind::Receipts,
      [session, files, wake = std::move(redraw)](TaskProgress& p) -> SyncSummary {
        SyncSummary s;
        s.kind = SyncSummary::Kind::Receipts;
        p.stage = kApply;
        p.total = files.size();
        std::vector<std::string> problems;
        for (const auto& file : files) {
          auto bytes = readSmallFile(file, kMaxReceiptBytes);
          Error err;
          bool okFile = bytes.ok();
          if (okFile) {
            auto info = session->applyReceipt(*bytes);
            if (info.ok()) {
              ++s.receiptsApplied;
              s.appliedFiles.push_back(file.filename().string());
              addReceipt(*session, *info, s);
            } else {
              okFile = false;
              err = info.error();
            }
          } else {
            err = bytes.error();
          }
          if (!okFile)
            problems.push_back(i18n::tr("app.sync.receipt_failed",
                                        {{"file", file.filename().string()}, {"reason", i18n::message(err)}}));
          ++p.done;
          if (wake) wake();
        }
        if (s.receiptsApplied == 0) {
          s.ok = false;
          s.errorCode = "receipt";
          s.headline = i18n::tr("app.sync.receipts_none");
        } else {
          s.headline = i18n::tr("app.sync.receipts_applied", {{"count", num(s.receiptsApplied)}});
        }
        addCommonDetails(s);
        for (auto& w : problems) s.warnings.push_back(std::move(w));
        return s;
      },
      std::move(wake));
}

float SyncModel::fraction() {
  auto& p = task_.progress();
  const auto total = p.total.load();
  if (total == 0) return -1.0f;
  return std::min(1.0f, static_cast<float>(static_cast<double>(p.done.load()) / static_cast<double>(total)));
}

std::string SyncModel::progressText() {
  auto& p = task_.progress();
  switch (p.stage.load()) {
    case kExport:
      return i18n::tr("app.sync.progress.export");
    case kUpload:
      return i18n::tr("app.sync.progress.upload",
                      {{"done", formatBytes(p.done.load())}, {"total", formatBytes(p.total.load())}});
    case kReceipt:
      return i18n::tr("app.sync.progress.receipt");
    case kStatus:
      return i18n::tr("app.sync.progress.status");
    case kApply:
      return i18n::tr("app.sync.progress.apply", {{"done", num(static_cast<std::int64_t>(p.done.load()))},
                                                  {"total", num(static_cast<std::int64_t>(p.total.load()))}});
    default:
      return i18n::tr("app.sync.progress.start");
  }
}

void SyncModel::collect(AppModel& app, SyncSummary summary) {
  running_ = SyncSummary::Kind::None;
  summary_ = std::move(summary);
  if (summary_.formPack > 0) app.refreshForms();
  refresh(app);
  folder.rescan();
  for (const auto& name : summary_.appliedFiles) unticked_.insert(name);
}

void SyncModel::poll(AppModel& app) {
  if (auto done = task_.take()) collect(app, std::move(*done));
}

void SyncModel::finish(AppModel& app) {
  if (auto done = task_.wait()) collect(app, std::move(*done));
}

void SyncModel::wipeSummary() {
  for (auto& r : summary_.rejected) vault::wipe(r.name);
  summary_ = SyncSummary{};
}

void SyncModel::reset() {
  task_.requestCancel();
  if (auto done = task_.wait()) {
    for (auto& r : done->rejected) vault::wipe(r.name);
  }
  running_ = SyncSummary::Kind::None;
  wipeSummary();
  for (auto& n : needs_) {
    vault::wipe(n.name);
    vault::wipe(n.note);
  }
  needs_.clear();
  counts_.clear();
  enrolled_ = false;
  communeName_.clear();
  lastSync_.clear();
  profileHubUrl_.clear();
  statusError_.clear();
  unticked_.clear();
  hubUrl.clear();
  placesRestored_ = false;
  keptPlaces_ = {};
  folder.reset();
}

}  // namespace gocua::app
