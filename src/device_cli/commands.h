// gocuactl subcommands: each registers itself on the CLI11 app and runs against a Context.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/command.h"
#include "device_cli/context.h"

namespace gocua::ctl {

// The command chosen on the command line sets this; main runs it after parsing.
using Action = std::function<int(Context&)>;

// The command skeleton (cli/command.h); a failed unlock is reported as every other failure.
using cli::onChosen;
using cli::onUnlocked;
inline int commandFailed(Context&, const Error& e) { return fail(e); }

void addWorkspaceCommands(CLI::App& app, Action& action);    // init, volunteer, passphrase, verify
void addRecordCommands(CLI::App& app, Action& action);       // household, resident, demo-data
void addApplicationCommands(CLI::App& app, Action& action);  // application, forms
// enroll-request, enroll, export, receipt, sync, status, retention, passphrase reset; after
// addWorkspaceCommands, whose "passphrase" command it extends.
void addSyncCommands(CLI::App& app, Action& action);
void addSkillsSessionCommands(CLI::App& app, Action& action);  // session add, session list
void addLeafletCommands(CLI::App& app, Action& action);        // leaflet (a guide as a PDF)
void addScenarioCommands(CLI::App& app, Action& action);       // scenario list, start, check (training only)

// What a record-writing command starts from: the unlocked session and one JSON object read
// from --file or stdin (error "json.malformed" when it is not JSON).
struct SessionAndObject {
  workspace::Session* session;
  nlohmann::json object;
};
Result<SessionAndObject> unlockAndRead(Context& ctx, const std::string& file);
// Exit code for a failed write: every validation problem (exit 2), or the error's own code.
int failWrite(const Error& e, const Errors& problems);

}  // namespace gocua::ctl
