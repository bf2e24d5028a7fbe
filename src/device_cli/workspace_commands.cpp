// init, volunteer add/remove, passphrase change, verify.
#include <iostream>

#include "core/i18n.h"
#include "device_cli/commands.h"
#include "vault/secret.h"

namespace gocua::ctl {

void addWorkspaceCommands(CLI::App& app, Action& action) {
  auto* init = app.add_subcommand("init", i18n::tr("cli.cmd.init"));
  static std::string initVolunteer;
  static bool training = false;
  init->add_option("--volunteer", initVolunteer, i18n::tr("cli.opt.volunteer"))->required();
  init->add_flag("--training", training, i18n::tr("cli.opt.training"));
  onChosen(init, action, [](Context& ctx) {
    auto pass = ctx.passphrase("GOCUA_PASSPHRASE", "cli.prompt.new_passphrase", true);
    if (!pass) return fail(pass.error());
    auto ws =
        workspace::Workspace::create(ctx.workspaceDir(), initVolunteer, *pass, training, vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!ws) return fail(ws.error());
    printJson({{"workspace", ctx.workspaceDir().string()}, {"training", training}});
    std::cerr << i18n::tr(training ? "cli.init.done_training" : "cli.init.done") << "\n";
    return static_cast<int>(kOk);
  });

  auto* volunteer = app.add_subcommand("volunteer", i18n::tr("cli.cmd.volunteer"));
  volunteer->require_subcommand(1);
  static std::string name;
  auto* add = volunteer->add_subcommand("add", i18n::tr("cli.cmd.volunteer_add"));
  add->add_option("NAME", name)->required();
  onUnlocked(add, action, [](Context& ctx, auto& session) {
    auto pass = ctx.passphrase("GOCUA_NEW_PASSPHRASE", "cli.prompt.new_passphrase", true);
    if (!pass) return fail(pass.error());
    auto st = session.addVolunteer(name, *pass, vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!st) return fail(st.error());
    return succeed({{"volunteer", name}, {"added", true}});
  });
  auto* remove = volunteer->add_subcommand("remove", i18n::tr("cli.cmd.volunteer_remove"));
  remove->add_option("NAME", name)->required();
  onUnlocked(remove, action, [](Context&, auto& session) {
    if (auto st = session.removeVolunteer(name); !st) return fail(st.error());
    return succeed({{"volunteer", name}, {"removed", true}});
  });
  auto* list = volunteer->add_subcommand("list", i18n::tr("cli.cmd.volunteer_list"));
  onChosen(list, action, [](Context& ctx) {
    auto ws = ctx.openWorkspace();
    if (!ws) return fail(ws.error());
    auto names = (*ws)->volunteers();
    if (!names) return fail(names.error());
    return succeed(*names);
  });

  auto* passphrase = app.add_subcommand("passphrase", i18n::tr("cli.cmd.passphrase"));
  passphrase->require_subcommand(1);
  auto* change = passphrase->add_subcommand("change", i18n::tr("cli.cmd.passphrase_change"));
  onUnlocked(change, action, [](Context& ctx, auto& session) {
    auto pass = ctx.passphrase("GOCUA_NEW_PASSPHRASE", "cli.prompt.new_passphrase", true);
    if (!pass) return fail(pass.error());
    auto st = session.changePassphrase(*pass, vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!st) return fail(st.error());
    return succeed({{"volunteer", session.volunteer()}, {"changed", true}});
  });

  auto* verify = app.add_subcommand("verify", i18n::tr("cli.cmd.verify"));
  onUnlocked(verify, action, [](Context&, auto& session) {
    nlohmann::json damaged = nlohmann::json::array();
    for (const auto& d : session.damaged()) damaged.push_back({{"id", d.id}, {"kind", d.kind}});
    auto& s = session;
    // Values bound to the data key that fail their check (changed outside GoCua), and what
    // SQLite finds itself: each a catalog code and the place, never resident data.
    nlohmann::json integrity = nlohmann::json::array();
    for (const auto& p : s.checkIntegrity().problems) {
      integrity.push_back({{"code", p.code}, {"where", p.detail}});
      if (!p.field.empty()) integrity.back()["expected"] = p.field;
      sayError(Error::fromText(p.code, p.field, p.detail, ErrorKind::Damaged));
    }
    printJson({{"residents", s.index().size()},
               {"households", s.households()},
               {"applications", s.listApplications(std::nullopt).size()},
               {"damaged", damaged},
               {"integrity", integrity},
               {"training", s.workspace().training()}});
    return damaged.empty() && integrity.empty() ? static_cast<int>(kOk) : static_cast<int>(kOther);
  });
}

}  // namespace gocua::ctl
