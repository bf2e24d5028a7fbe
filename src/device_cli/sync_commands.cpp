// enroll-request, enroll, export, receipt apply, sync, status, retention, passphrase reset.
#include <cstdlib>
#include <iostream>

#include "core/i18n.h"
#include "device_cli/commands.h"
#include "sync/client/client.h"
#include "vault/secret.h"
#include "workspace/durable_file.h"
#include "workspace/errors.h"

namespace gocua::ctl {
namespace {

using nlohmann::json;

constexpr std::int64_t kClockWarningSeconds = 24 * 3600;

json receiptJson(const workspace::ReceiptInfo& r) {
  json rejected = json::array();
  for (const auto& x : r.rejected) rejected.push_back({{"id", x.id}, {"reason", x.reason}});
  return {{"batch_status", r.batchStatus},
          {"synced", r.synced},
          {"rejected", rejected},
          {"status_updates", r.statusUpdates},
          {"next_sequence", r.nextSequence},
          {"clock_skew_seconds", r.clockSkewSeconds},
          {"purged", r.purged},
          {"form_pack", r.formPack},
          {"revoked", r.revoked}};
}

// Said on stderr, in the volunteer's words, after any receipt.
void explainReceipt(const workspace::ReceiptInfo& r) {
  if (r.clockSkewSeconds > kClockWarningSeconds || r.clockSkewSeconds < -kClockWarningSeconds)
    std::cerr << i18n::tr("cli.sync.clock_off", {{"days", std::to_string(std::llabs(r.clockSkewSeconds) / 86400)}})
              << "\n";
  if (r.batchStatus == "quarantined") std::cerr << i18n::tr("cli.sync.quarantined") << "\n";
  if (!r.rejected.empty())
    std::cerr << i18n::tr("cli.sync.rejected", {{"count", std::to_string(r.rejected.size())}}) << "\n";
  if (r.formPack > 0)
    std::cerr << i18n::tr("cli.sync.forms_updated", {{"version", std::to_string(r.formPack)}}) << "\n";
  if (!r.formPackError.empty())
    std::cerr << i18n::tr("cli.sync.forms_refused", {{"reason", i18n::message(Error::fromText(r.formPackError))}})
              << "\n";
}

json exportJson(const workspace::ExportInfo& e) {
  json out = {{"records", e.records}};
  if (e.records > 0) {
    out["batch_id"] = e.batchId;
    out["sequence"] = e.sequence;
    out["bytes"] = e.bytes;
  }
  if (!e.damaged.empty()) out["damaged"] = e.damaged;
  return out;
}

}  // namespace

void addSyncCommands(CLI::App& app, Action& action) {
  static std::string out, file, hub;
  static int days = 0;

  auto* request = app.add_subcommand("enroll-request", i18n::tr("cli.cmd.enroll_request"));
  request->add_option("--out", out, i18n::tr("cli.opt.out"))->required();
  onUnlocked(request, action, [](Context&, auto& session) {
    auto text = session.enrollmentRequest();
    if (!text) return fail(text.error());
    if (auto st = workspace::writeFileDurably(out, *text); !st) return fail(st.error());
    printJson({{"out", out}});
    std::cerr << i18n::tr("cli.enroll.request_written") << "\n";
    return static_cast<int>(kOk);
  });

  auto* enroll = app.add_subcommand("enroll", i18n::tr("cli.cmd.enroll"));
  enroll->add_option("--profile", file, i18n::tr("cli.opt.profile"))->required();
  onChosen(enroll, action, [](Context& ctx) {
    auto text = ctx.readInput(file);
    if (!text) return fail(text.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto info = (*session)->enroll(*text);
    if (!info) return fail(info.error());
    printJson({{"commune", info->communeName},
               {"commune_code", info->communeCode},
               {"fingerprint", info->fingerprint},
               {"villages", info->villages},
               {"hub_url", info->hubUrl},
               {"form_pack", info->formPack}});
    std::cerr << i18n::tr("cli.enroll.compare_fingerprint", {{"fingerprint", info->fingerprint}}) << "\n";
    return static_cast<int>(kOk);
  });

  auto* exportCmd = app.add_subcommand("export", i18n::tr("cli.cmd.export"));
  exportCmd->add_option("--out", out, i18n::tr("cli.opt.out"))->required();
  onUnlocked(exportCmd, action, [](Context&, auto& session) {
    auto info = session.exportBatch(out);
    if (!info) return fail(info.error());
    printJson(exportJson(*info));
    std::cerr << i18n::tr(info->records > 0 ? "cli.export.safe_to_unplug" : "cli.export.nothing") << "\n";
    return static_cast<int>(kOk);
  });

  auto* receipt = app.add_subcommand("receipt", i18n::tr("cli.cmd.receipt"));
  receipt->require_subcommand(1);
  auto* apply = receipt->add_subcommand("apply", i18n::tr("cli.cmd.receipt_apply"));
  apply->add_option("FILE", file)->required();
  onChosen(apply, action, [](Context& ctx) {
    auto text = ctx.readInput(file);
    if (!text) return fail(text.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto info = (*session)->applyReceipt(*text);
    if (!info) return fail(info.error());
    printJson(receiptJson(*info));
    explainReceipt(*info);
    if (info->revoked) return fail(Error::make(err::kSyncRevoked));  // applied, but nothing more will leave
    return static_cast<int>(kOk);
  });

  auto* syncCmd = app.add_subcommand("sync", i18n::tr("cli.cmd.sync"));
  syncCmd->add_option("--hub", hub, i18n::tr("cli.opt.hub"));
  onUnlocked(syncCmd, action, [](Context&, auto& session) {
    int lastPercent = -1;
    auto result = sync::syncWithHub(session, hub, [&](const sync::SyncProgress& p) {
      using Stage = sync::SyncProgress::Stage;
      if (p.stage == Stage::Upload && p.total > 0) {
        int percent = static_cast<int>(p.done * 100 / p.total);
        if (percent != lastPercent)
          std::cerr << i18n::tr("cli.sync.upload_progress", {{"percent", std::to_string(percent)}}) << "\n";
        lastPercent = percent;
      } else if (p.stage == Stage::Export) {
        std::cerr << i18n::tr("cli.sync.exporting") << "\n";
      } else if (p.stage == Stage::Status) {
        std::cerr << i18n::tr("cli.sync.fetching_status") << "\n";
      }
      return true;
    });
    if (!result) return fail(result.error());
    json outJson = {{"export", exportJson(result->exported)},
                    {"resumed", result->resumed},
                    {"resumed_from", result->resumedFrom},
                    {"bytes_sent", result->bytesSent},
                    {"status", receiptJson(result->statusReceipt)}};
    if (!result->batchReceipt.batchStatus.empty()) outJson["receipt"] = receiptJson(result->batchReceipt);
    printJson(outJson);
    explainReceipt(result->batchReceipt);
    std::cerr << i18n::tr("cli.sync.done") << "\n";
    return static_cast<int>(kOk);
  });

  auto* status = app.add_subcommand("status", i18n::tr("cli.cmd.status"));
  onUnlocked(status, action, [](Context&, auto& session) {
    auto s = session.syncStatus();
    if (!s) return fail(s.error());
    json needs = json::array();
    for (const auto& n : s->needsDocuments) needs.push_back({{"id", n.id}, {"name", n.name}, {"note", n.note}});
    json outJson = {{"enrolled", s->enrolled},
                    {"revoked", s->revoked},
                    {"last_sync", s->lastSync.empty() ? json(nullptr) : json(s->lastSync)},
                    {"needs_documents", needs}};
    for (const auto& [state, n] : s->counts) outJson[state] = n;
    if (s->enrolled) outJson["commune"] = s->communeName;
    return succeed(outJson);
  });

  auto* retention = app.add_subcommand("retention", i18n::tr("cli.cmd.retention"));
  retention->add_option("--days", days, i18n::tr("cli.opt.days"))->required();
  onUnlocked(retention, action, [](Context&, auto& session) {
    if (auto st = session.setRetentionDays(days); !st) return fail(st.error());
    return succeed({{"retention_days", days}});
  });

  // passphrase reset joins the "passphrase" command the workspace commands made.
  if (auto* passphrase = app.get_subcommand("passphrase")) {
    auto* reset = passphrase->add_subcommand("reset", i18n::tr("cli.cmd.passphrase_reset"));
    reset->add_option("--recovery-file", file, i18n::tr("cli.opt.recovery_file"))->required();
    onChosen(reset, action, [](Context& ctx) {
      auto text = ctx.readInput(file);
      if (!text) return fail(text.error());
      auto ws = ctx.openWorkspace();
      if (!ws) return fail(ws.error());
      auto code = ctx.passphrase("GOCUA_RECOVERY_CODE", "cli.prompt.recovery_code");
      if (!code) return fail(code.error());
      auto pass = ctx.passphrase("GOCUA_NEW_PASSPHRASE", "cli.prompt.new_passphrase", true);
      if (!pass) {
        vault::wipe(*code);
        return fail(pass.error());
      }
      auto st = (*ws)->resetPassphrase(*text, *code, ctx.volunteer(), *pass, vault::defaultKdfParams());
      vault::wipe(*code);
      vault::wipe(*pass);
      if (!st) return fail(st.error());
      printJson({{"reset", true}});
      std::cerr << i18n::tr("cli.passphrase.reset_done") << "\n";
      return static_cast<int>(kOk);
    });
  }
}

}  // namespace gocua::ctl
