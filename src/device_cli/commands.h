// gocuactl subcommands: each registers itself on the CLI11 app and runs against a Context.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "device_cli/context.h"

namespace gocua::ctl {

// The command chosen on the command line sets this; main runs it after parsing.
using Action = std::function<int(Context&)>;

void addWorkspaceCommands(CLI::App& app, Action& action);    // init, volunteer, passphrase, verify
void addRecordCommands(CLI::App& app, Action& action);       // household, resident, demo-data
void addApplicationCommands(CLI::App& app, Action& action);  // application, forms
// enroll-request, enroll, export, receipt, sync, status, retention, passphrase reset; after
// addWorkspaceCommands, whose "passphrase" command it extends.
void addSyncCommands(CLI::App& app, Action& action);

}  // namespace gocua::ctl
