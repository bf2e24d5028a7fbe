// duplicates: residents registered twice on different laptops, for staff to look at side by side.
#include "hub_cli/context.h"
#include "sync/hub/duplicates.h"

namespace gocua::hubcli {

void addDuplicatesCommand(CLI::App& app, Action& action) {
  auto* duplicates = app.add_subcommand("duplicates", i18n::tr("hub.cmd.duplicates"));
  onUnlocked(duplicates, action, [](Context&, auto& session) {
    auto pairs = hub::findDuplicates(session);
    if (!pairs) return fail(pairs.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *pairs) out.push_back({{"a", p.a}, {"b", p.b}, {"reason", p.reason}});
    return succeed(out, "hub.duplicates.done", {{"count", std::to_string(pairs->size())}});
  });
}

}  // namespace gocua::hubcli
