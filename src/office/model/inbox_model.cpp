#include "office/model/inbox_model.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/i18n.h"

namespace gocua::office {

namespace fs = std::filesystem;

namespace {

std::string words(const std::string& code) { return i18n::message(Error::fromText(code)); }
std::string count(std::uint64_t n) { return i18n::formatCount(n); }

}  // namespace

BatchSummary summarize(const std::string& file, const hub::ImportResult& r, const hub::HubSession& session,
                       const std::string& communeCode) {
  BatchSummary s;
  s.file = file;
  s.status = r.status;
  s.accepted = r.accepted;
  s.duplicates = r.duplicates;
  s.rejected = r.rejectedRecords + r.unreadableLines;
  const std::string key = "office.inbox.batch." + std::string(sync::toString(r.status));
  s.headline = i18n::tr(
      key, {{"accepted", count(s.accepted)}, {"duplicates", count(s.duplicates)}, {"rejected", count(s.rejected)}});
  if (!r.reason.empty()) s.reasons.push_back(words(r.reason));
  // The records refused, by reason: the signed receipt names each one (the hub's own words for
  // the laptop), so the desk reads it back rather than guessing.
  if (r.device && !r.receipt.empty()) {
    auto receipt = sync::readReceipt(r.receipt, session.identity().signPublic, *r.device, communeCode);
    if (receipt) {
      std::map<std::string, std::size_t> byReason;
      for (const auto& rec : receipt->records)
        if (rec.outcome == sync::Outcome::Rejected) ++byReason[rec.reason];
      for (const auto& [reason, n] : byReason)
        s.reasons.push_back(
            i18n::tr("office.inbox.records_rejected", {{"count", count(n)}, {"reason", words(reason)}}));
    }
  }
  if (r.unreadableLines > 0)
    s.reasons.push_back(i18n::tr("office.inbox.unreadable_lines", {{"count", count(r.unreadableLines)}}));
  return s;
}

void InboxModel::open(OfficeModel& office) {
  folder.refresh();
  folder.rescan();
  refreshQuarantine(office);
}

void InboxModel::refreshQuarantine(OfficeModel& office) {
  quarantine_.clear();
  if (!office.hub()) return;
  auto rows = office.hub()->quarantined();
  if (!rows) {
    office.notify(i18n::message(rows.error()), true);
    return;
  }
  for (const auto& q : *rows)
    quarantine_.push_back(
        {q.fileName, hub::deviceHex(q.device).substr(0, 12), ui::formatLocalTime(q.receivedAt), words(q.reason)});
}

void InboxModel::importAll(OfficeModel& office, std::function<void()> wake) {
  if (!canImport() || !office.session()) return;
  auto commune = office.hub()->commune();
  if (!commune) {
    office.notify(i18n::message(commune.error()), true);
    return;
  }
  std::vector<ui::FolderFile> files = batches();
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::uint64_t bytes = 0;
  for (const auto& f : files) bytes += f.bytes;
  records_ = 0;
  filesDone_ = 0;
  filesTotal_ = files.size();
  started_ = std::chrono::steady_clock::now();
  summaries_.clear();
  office.setBusy(true);
  office.clearNotice();
  auto* session = office.session();
  task_.start(
      [this, session, files = std::move(files), bytes, code = commune->code, wake](ui::TaskProgress& p) {
        p.total = bytes;
        Run run;
        for (const auto& f : files) {
          if (p.cancel) break;
          auto result = session->importFile(f.path);
          if (!result) {
            run.failure = i18n::message(result.error());
            break;
          }
          BatchSummary s = summarize(f.name, *result, *session, code);
          if (!result->receipt.empty()) {
            fs::path gcr = f.path;
            gcr.replace_extension(".gcr");
            if (auto st = hub::writeFileAtomic(gcr, result->receipt); !st) s.receiptProblem = i18n::message(st.error());
          }
          run.summaries.push_back(std::move(s));
          records_ += result->accepted + result->duplicates + result->rejectedRecords;
          p.done += f.bytes;
          ++filesDone_;
          if (wake) wake();  // the bar moves on
        }
        return run;
      },
      std::move(wake));
}

ImportProgress InboxModel::progress() {
  ImportProgress out;
  const auto& p = task_.progress();
  const std::uint64_t done = p.done, total = p.total;
  out.fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 0;
  out.filesDone = filesDone_;
  out.filesTotal = filesTotal_;
  out.records = records_;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (elapsed > 0) out.recordsPerSecond = static_cast<double>(out.records) / elapsed;
  if (done > 0 && total >= done)
    out.secondsLeft = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
  return out;
}

std::string InboxModel::progressCaption() {
  const ImportProgress p = progress();
  std::string text =
      i18n::tr("office.inbox.progress", {{"done", count(p.filesDone)},
                                         {"total", count(p.filesTotal)},
                                         {"records", count(p.records)},
                                         {"rate", count(static_cast<std::uint64_t>(p.recordsPerSecond))}});
  if (p.secondsLeft)
    text += " · " + i18n::tr("office.inbox.time_left",
                             {{"seconds", count(static_cast<std::uint64_t>(std::ceil(*p.secondsLeft)))}});
  return text;
}

void InboxModel::poll(OfficeModel& office) {
  if (auto run = task_.take()) collect(office, std::move(*run));
}

void InboxModel::finish(OfficeModel& office) {
  if (auto run = task_.wait()) collect(office, std::move(*run));
}

void InboxModel::collect(OfficeModel& office, Run run) {
  office.setBusy(false);
  summaries_ = std::move(run.summaries);
  folder.rescan();  // the receipts are new files beside the batches
  refreshQuarantine(office);
  if (!run.failure.empty())
    office.notify(run.failure, true);
  else
    office.notify(i18n::tr("office.inbox.done", {{"batches", count(summaries_.size())}, {"records", count(records_)}}));
}

void InboxModel::reset() {
  task_.requestCancel();
  task_.wait();
  summaries_.clear();
  quarantine_.clear();
}

}  // namespace gocua::office
