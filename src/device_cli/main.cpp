// gocuactl: the device CLI. Scripts, power users and tests drive a workspace through it; its
// options, JSON output and exit codes are a contract (see README.md).
#include "cli/process.h"
#include "core/i18n.h"
#include "core/main_guard.h"
#include "device_cli/commands.h"

namespace {

int run(int argc, char** argv) {
  using namespace gocua;
  if (int started = cli::startProcess(); started != cli::kOk) return started;

  CLI::App app{i18n::tr("cli.about"), "gocuactl"};
  app.require_subcommand(1);
  ctl::GlobalOptions options;
  app.add_option("--workspace", options.workspaceDir, i18n::tr("cli.opt.workspace"));
  app.add_option("--volunteer", options.volunteer, i18n::tr("cli.opt.volunteer"));
  app.add_option("--forms", options.formsDir, i18n::tr("cli.opt.forms"));

  ctl::Action action;
  ctl::addWorkspaceCommands(app, action);
  ctl::addRecordCommands(app, action);
  ctl::addApplicationCommands(app, action);
  ctl::addSyncCommands(app, action);
  ctl::addSkillsSessionCommands(app, action);
  ctl::addLeafletCommands(app, action);
  ctl::addScenarioCommands(app, action);

  if (auto done = cli::parseArguments(app, argc, argv)) return *done;
  ctl::Context context(options);
  return action ? action(context) : ctl::kOther;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) {
  return gocua::core::runGuarded([&] { return run(argc, argv); });
}
