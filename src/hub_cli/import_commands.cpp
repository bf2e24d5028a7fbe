// import (a .gcb or a directory of them, from a USB stick) and status-out (a status-only receipt
// for a village with nothing to send).
#include <algorithm>
#include <vector>

#include "hub_cli/context.h"
#include "hub_cli/errors.h"
#include "sync/hub/crash_points.h"

namespace gocua::hubcli {

namespace fs = std::filesystem;

namespace {

int exitFor(sync::BatchStatus s) {
  switch (s) {
    case sync::BatchStatus::Rejected:
      return kRejected;
    case sync::BatchStatus::Quarantined:
      return kQuarantined;
    default:
      return kOk;
  }
}

// Imports one file; fills summary and returns its exit code (or a hub failure's).
int importOne(hub::HubSession& session, const fs::path& file, const fs::path& receiptOut, nlohmann::json& summary) {
  auto res = session.importFile(file);
  if (!res) return fail(res.error());
  summary = {{"file", file.filename().string()},
             {"status", std::string(sync::toString(res->status))},
             {"reason", res->reason},
             {"device_id", res->device ? nlohmann::json(hub::deviceHex(*res->device)) : nlohmann::json()},
             {"sequence", res->sequence},
             {"next_sequence", res->nextSequence},
             {"accepted", res->accepted},
             {"duplicate", res->duplicates},
             {"rejected", res->rejectedRecords},
             {"unreadable_lines", res->unreadableLines},
             {"receipt", nullptr}};
  if (!res->receipt.empty() && !receiptOut.empty()) {
    if (auto st = hub::writeFileAtomic(receiptOut, res->receipt, "receipt"); !st) return fail(st.error());
    summary["receipt"] = receiptOut.string();
  }
  hub::crashPoint("import.after_receipt_file");
  const std::string key = "hub.import." + std::string(sync::toString(res->status));
  say(key, {{"file", file.filename().string()},
            {"accepted", std::to_string(res->accepted)},
            {"rejected", std::to_string(res->rejectedRecords)},
            {"next", std::to_string(res->nextSequence)}});
  if (!res->reason.empty()) say("hub.import.reason", {{"reason", i18n::message(Error::fromText(res->reason))}});
  return exitFor(res->status);
}

}  // namespace

void addImportCommands(CLI::App& app, Action& action) {
  auto* import = app.add_subcommand("import", i18n::tr("hub.cmd.import"));
  static std::string source, receiptOut;
  import->add_option("SOURCE", source, i18n::tr("hub.opt.gcb"))->required();
  import->add_option("--receipt-out", receiptOut, i18n::tr("hub.opt.receipt_out"));
  onChosen(import, action, [](Context& ctx) {
    std::error_code ec;
    const bool isDir = fs::is_directory(source, ec);
    if (!isDir && !fs::is_regular_file(source, ec)) return fail(Error::make(err::kHubBadArg, "SOURCE", "not found"));
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    if (!isDir) {
      nlohmann::json summary;
      int rc = importOne(**session, source, receiptOut, summary);
      if (summary.is_null()) return rc;
      hub::crashPoint("import.before_summary");
      printJson(summary);
      hub::crashPoint("import.after_summary");
      hub::crashPoint("import.done");
      return rc;
    }
    // A USB stick's folder: every batch, in name order, each receipt beside its batch.
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(source, ec))
      if (e.is_regular_file() && e.path().extension() == ".gcb") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    nlohmann::json all = nlohmann::json::array();
    int worst = kOk;
    for (const auto& f : files) {
      nlohmann::json summary;
      fs::path gcr = f;
      gcr.replace_extension(".gcr");
      int rc = importOne(**session, f, gcr, summary);
      if (summary.is_null()) return rc;  // the hub itself failed: stop here
      all.push_back(summary);
      if (rc == kRejected || (rc == kQuarantined && worst == kOk)) worst = rc;
    }
    printJson(all);
    return worst;
  });

  // Quarantined batches stay in <data>/quarantine/ for staff to look into; they are never deleted.
  auto* quarantine = app.add_subcommand("quarantine", i18n::tr("hub.cmd.quarantine"));
  quarantine->require_subcommand(1);
  auto* qlist = quarantine->add_subcommand("list", i18n::tr("hub.cmd.quarantine_list"));
  onChosen(qlist, action, [](Context& ctx) {
    auto h = ctx.open();
    if (!h) return fail(h.error());
    auto rows = (*h)->quarantined();
    if (!rows) return fail(rows.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& q : *rows)
      out.push_back({{"device_id", hub::deviceHex(q.device)},
                     {"sequence", q.sequence},
                     {"reason", q.reason},
                     {"file", q.fileName},
                     {"received", q.receivedAt}});
    return succeed(out);
  });

  auto* statusOut = app.add_subcommand("status-out", i18n::tr("hub.cmd.status_out"));
  static std::string deviceId, out;
  statusOut->add_option("--device", deviceId, i18n::tr("hub.opt.device_id"))->required();
  statusOut->add_option("--out", out, i18n::tr("hub.opt.out"))->required();
  onChosen(statusOut, action, [](Context& ctx) {
    auto id = hub::parseDeviceId(deviceId);
    if (!id) return fail(id.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto receipt = (*session)->statusReceipt(*id);
    if (!receipt) return fail(receipt.error());
    if (auto st = hub::writeFileAtomic(out, *receipt, "receipt"); !st) return fail(st.error());
    return succeed({{"device_id", deviceId}, {"receipt", out}}, "hub.status.done");
  });
}

}  // namespace gocua::hubcli
