// session add / session list: the digital-skills sessions a trainer runs ("Bình dân học vụ số").
#include "core/i18n.h"
#include "device_cli/commands.h"
#include "forms/skills_session.h"
#include "vault/json_wipe.h"

namespace gocua::ctl {

void addSkillsSessionCommands(CLI::App& app, Action& action) {
  static std::string file;
  auto* session = app.add_subcommand("session", i18n::tr("cli.cmd.session"));
  session->require_subcommand(1);

  auto* add = session->add_subcommand("add", i18n::tr("cli.cmd.session_add"));
  add->add_option("--file", file, i18n::tr("cli.opt.file"));
  onChosen(add, action, [](Context& ctx) {
    auto in = unlockAndRead(ctx, file);
    if (!in) return fail(in.error());
    Errors problems;
    auto id = in->session->addSkillsSession(in->object, ctx.forms().list(forms::kTrainingTopicsList), &problems);
    vault::wipe(in->object);
    if (!id) return failWrite(id.error(), problems);
    return succeed({{"id", *id}});
  });

  auto* list = session->add_subcommand("list", i18n::tr("cli.cmd.session_list"));
  onChosen(list, action, [](Context& ctx) {
    auto s = ctx.unlock();
    if (!s) return fail(s.error());
    auto sessions = (*s)->skillsSessions();
    if (!sessions) return fail(sessions.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& held : *sessions) {
      nlohmann::json row = held.get();
      row["attended"] = forms::sessionAttendance(row);
      out.push_back(std::move(row));
    }
    printJson(out);
    vault::wipe(out);
    return static_cast<int>(kOk);
  });
}

}  // namespace gocua::ctl
