// gocua-hub: the commune hub's command line. Staff, scripts and tests drive the hub through it;
// its options, JSON output and exit codes are a contract (see context.h).
#include <sys/stat.h>

#include "cli/process.h"
#include "core/i18n.h"
#include "core/main_guard.h"
#include "hub_cli/context.h"

namespace {

int run(int argc, char** argv) {
  using namespace gocua;
  // Nothing the hub creates is readable by other users.
  ::umask(077);
  if (int started = cli::startProcess(); started != cli::kOk) return started;

  CLI::App app{i18n::tr("hub.about"), "gocua-hub"};
  app.require_subcommand(1);
  hubcli::GlobalOptions options;
  app.add_option("--data", options.dataDir, i18n::tr("hub.opt.data"));
  app.add_option("--staff", options.staff, i18n::tr("hub.opt.staff"));

  hubcli::Action action;
  hubcli::addSetupCommands(app, action);
  hubcli::addDeviceCommands(app, action);
  hubcli::addImportCommands(app, action);
  hubcli::addRecordCommands(app, action);
  hubcli::addServeCommand(app, action);
  hubcli::addStaffCommands(app, action);
  hubcli::addCommuneCommands(app, action);
  hubcli::addReportCommand(app, action);
  hubcli::addDuplicatesCommand(app, action);
  hubcli::addPrintCommands(app, action);

  if (auto done = cli::parseArguments(app, argc, argv)) return *done;
  hubcli::Context context(options);
  return action ? action(context) : hubcli::kOther;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) {
  return gocua::core::runGuarded([&] { return run(argc, argv); });
}
