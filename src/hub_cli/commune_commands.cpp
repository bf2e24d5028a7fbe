// communes --search: the 2025 list of communes, searched with diacritics folded, for choosing the
// commune code at init.
#include "hub_cli/context.h"
#include "sync/hub/communes.h"

namespace gocua::hubcli {

void addCommuneCommands(CLI::App& app, Action& action) {
  auto* communes = app.add_subcommand("communes", i18n::tr("hub.cmd.communes"));
  static std::string query;
  communes->add_option("--search", query, i18n::tr("hub.opt.search"))->required();
  onChosen(communes, action, [](Context&) {
    auto units = hub::loadAdminUnits(hub::defaultAdminUnitsFile());
    if (!units) return fail(units.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : hub::findCommunes(*units, query))
      out.push_back(
          {{"code", u.code}, {"name", u.name}, {"province_code", u.provinceCode}, {"province", u.provinceName}});
    return succeed(out);
  });
}

}  // namespace gocua::hubcli
