// print RECORD_ID --out FILE.pdf: the prefilled declaration for the resident to sign at the desk.
// print appointments --village V --out FILE.pdf: the VNeID level-2 appointment list for the police.
// print key --out FILE.pdf: the commune's key code poster for the desk.
// The printing and its audit are hub_print's (shared with the desk window).
#include "hub_cli/context.h"
#include "hub_print/hub_print.h"
#include "sync/hub/errors.h"

namespace gocua::hubcli {

void addPrintCommands(CLI::App& app, Action& action) {
  auto* printCmd = app.add_subcommand("print", i18n::tr("hub.cmd.print"));
  static std::string recordId, out, village;
  printCmd->add_option("RECORD_ID", recordId, i18n::tr("hub.opt.print_target"))->required();
  printCmd->add_option("--out", out, i18n::tr("hub.opt.out"))->required();
  printCmd->add_option("--village", village, i18n::tr("hub.opt.print_village"));
  onUnlocked(printCmd, action, [](Context&, auto& session) {
    if (recordId == "appointments") {
      if (village.empty()) return fail(Error::make(err::kHubInvalid, "village"));
      auto rows = hubprint::printAppointments(session, village, out);
      if (!rows) return fail(rows.error());
      return succeed({{"out", out}, {"rows", *rows}}, "hub.print.done", {{"out", out}});
    }
    if (recordId == "key") {
      if (auto printed = hubprint::printKeyPoster(session, out); !printed) return fail(printed.error());
      return succeed({{"out", out}}, "hub.print.done", {{"out", out}});
    }
    if (auto printed = hubprint::printDeclaration(session, recordId, out); !printed) return fail(printed.error());
    return succeed({{"out", out}, {"record", recordId}}, "hub.print.done", {{"out", out}});
  });
}

}  // namespace gocua::hubcli
