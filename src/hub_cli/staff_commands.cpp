// staff add / list / remove (each staff member's own passphrase over the same hub data key) and
// audit (who did what, when).

#include "core/date.h"
#include "hub_cli/context.h"
#include "hub_cli/errors.h"
#include "vault/keyslot.h"

namespace gocua::hubcli {

namespace {

// --since as the ISO day the log's UTC times compare against; any form core::parseDate reads.
Result<std::string> sinceDay(const std::string& text) {
  if (text.empty()) return std::string();
  auto d = core::parseDate(text);
  if (!d) return Error::make(err::kHubBadArg, "since", d.error().code);
  return core::formatIsoDay(*d);
}

}  // namespace

void addStaffCommands(CLI::App& app, Action& action) {
  auto* staff = app.add_subcommand("staff", i18n::tr("hub.cmd.staff"));
  staff->require_subcommand(1);
  static std::string name;

  auto* add = staff->add_subcommand("add", i18n::tr("hub.cmd.staff_add"));
  add->add_option("NAME", name, i18n::tr("hub.opt.staff_name"))->required();
  onUnlocked(add, action, [](Context& ctx, auto& session) {
    auto pass = ctx.passphrase("GOCUA_NEW_PASSPHRASE", "hub.prompt.staff_passphrase", true);
    if (!pass) return fail(pass.error());
    auto st = session.addStaff(name, *pass, vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!st) return fail(st.error());
    return succeed({{"staff", name}, {"added_by", session.staffName()}}, "hub.staff.added", {{"name", name}});
  });

  auto* list = staff->add_subcommand("list", i18n::tr("hub.cmd.staff_list"));
  onChosen(list, action, [](Context& ctx) {
    auto h = ctx.open();
    if (!h) return fail(h.error());
    auto rows = (*h)->staff();
    if (!rows) return fail(rows.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *rows) out.push_back({{"name", s.name}, {"added_at", s.addedAt}, {"added_by", s.addedBy}});
    return succeed(out);
  });

  auto* remove = staff->add_subcommand("remove", i18n::tr("hub.cmd.staff_remove"));
  remove->add_option("NAME", name, i18n::tr("hub.opt.staff_name"))->required();
  onUnlocked(remove, action, [](Context&, auto& session) {
    if (auto st = session.removeStaff(name); !st) return fail(st.error());
    return succeed({{"staff", name}, {"removed", true}}, "hub.staff.removed", {{"name", name}});
  });

  auto* audit = app.add_subcommand("audit", i18n::tr("hub.cmd.audit"));
  static std::string since;
  audit->add_option("--since", since, i18n::tr("hub.opt.since"));
  onChosen(audit, action, [](Context& ctx) {
    auto day = sinceDay(since);
    if (!day) return fail(day.error());
    // The log says who handled which record: staff only.
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto rows = (*session)->hub().auditLog(*day);
    if (!rows) return fail(rows.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *rows)
      out.push_back({{"at", e.at}, {"staff", e.staff}, {"action", e.action}, {"target", e.target}});
    return succeed(out);
  });
}

}  // namespace gocua::hubcli
