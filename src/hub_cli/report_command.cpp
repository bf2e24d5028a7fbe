// report --month YYYY-MM --out FILE.xlsx: the team's monthly figures for the commune.
#include "hub_cli/context.h"
#include "sync/hub/monthly_report.h"

namespace gocua::hubcli {

void addReportCommand(CLI::App& app, Action& action) {
  auto* report = app.add_subcommand("report", i18n::tr("hub.cmd.report"));
  static std::string month, out;
  report->add_option("--month", month, i18n::tr("hub.opt.month"))->required();
  report->add_option("--out", out, i18n::tr("hub.opt.out"))->required();
  onChosen(report, action, [](Context& ctx) {
    auto ym = hub::parseReportMonth(month);  // before the passphrase: a typo costs nothing
    if (!ym) return fail(ym.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto figures = hub::monthlyReport(**session, ym->first, ym->second);
    if (!figures) return fail(figures.error());
    if (auto st = hub::writeMonthlyReportXlsx(*figures, out); !st) return fail(st.error());
    auto audited = (*session)->audit("report", month);
    if (!audited) return fail(audited.error());
    const auto& t = figures->total;
    return succeed({{"month", month},
                    {"out", out},
                    {"rows", figures->rows.size()},
                    {"total",
                     {{"residents", t.residents},
                      {"vneid_level2", t.vneidLevel2},
                      {"applications", t.applications},
                      {"sessions", t.sessions},
                      {"trained", t.trainedTotal()}}}},
                   "hub.report.done", {{"month", month}});
  });
}

}  // namespace gocua::hubcli
