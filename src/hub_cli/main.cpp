// gocua-hub: the commune hub's command line. Staff, scripts and tests drive the hub through it;
// its options, JSON output and exit codes are a contract (see context.h).
#include <sys/prctl.h>
#include <sys/stat.h>

#include <iostream>

#include "core/i18n.h"
#include "core/main_guard.h"
#include "hub_cli/context.h"
#include "vault/secret.h"

namespace {

int run(int argc, char** argv) {
  using namespace gocua;
  // Decrypted residents' data and the hub's keys live in this process's memory: no core dumps,
  // and nothing the hub creates is readable by other users.
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  ::umask(077);
  i18n::setLang(i18n::langFromEnvironment());
  if (auto st = vault::init(); !st) {
    cli::sayError(st.error());
    return hubcli::kOther;
  }

  CLI::App app{i18n::tr("hub.about"), "gocua-hub"};
  app.require_subcommand(1);
  hubcli::GlobalOptions options;
  app.add_option("--data", options.dataDir, i18n::tr("hub.opt.data"));

  hubcli::Action action;
  hubcli::addSetupCommands(app, action);
  hubcli::addDeviceCommands(app, action);
  hubcli::addImportCommands(app, action);
  hubcli::addRecordCommands(app, action);
  hubcli::addServeCommand(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : hubcli::kInvalid;
  }
  hubcli::Context context(options);
  return action ? action(context) : hubcli::kOther;
}

}  // namespace

// An exception escaping run() is a bug: a clear line and exit 1, never an abort (core/main_guard.h).
int main(int argc, char** argv) { return gocua::core::runGuarded([&] { return run(argc, argv); }); }
