// What every gocua-hub command shares: the data dir, the staff passphrase source, opening and
// unlocking the hub, and the output/exit-code contract:
//   stdout: JSON only; stderr: human messages from the catalog (vi default, GOCUA_LANG=en);
//   exit 0 ok, 1 other, 2 invalid input or usage, 3 no/wrong passphrase,
//   5 batch rejected, 6 batch quarantined.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/result.h"
#include "sync/hub/hub.h"

namespace gocua::hubcli {

enum Exit {
  kOk = cli::kOk,
  kOther = cli::kOther,
  kInvalid = cli::kInvalid,
  kLocked = cli::kLocked,
  kRejected = 5,
  kQuarantined = 6
};

struct GlobalOptions {
  std::string dataDir;  // empty = hub::defaultHubDir()
  std::string staff;    // --staff; empty = GOCUA_STAFF, else the first staff member
};

class Context {
 public:
  explicit Context(GlobalOptions options) : options_(std::move(options)) {}

  std::filesystem::path dataDir() const;
  // --staff, else GOCUA_STAFF, else empty (the first staff member).
  std::string staff() const;
  // envVar if set, else the terminal; "hub.no_passphrase" when neither. NFC; callers wipe it.
  Result<std::string> passphrase(std::string_view envVar, std::string_view promptKey, bool confirm = false) const;
  Result<hub::Hub*> open();
  // Opens and unlocks as staff() with GOCUA_HUB_PASSPHRASE or the terminal.
  Result<hub::HubSession*> unlock();

 private:
  GlobalOptions options_;
  std::unique_ptr<hub::Hub> hub_;
  std::unique_ptr<hub::HubSession> session_;
};

// The command chosen on the command line sets this; main runs it after parsing.
using Action = std::function<int(Context&)>;

void addSetupCommands(CLI::App& app, Action& action);      // init, profile, keys backup
void addDeviceCommands(CLI::App& app, Action& action);     // device enroll/list/revoke/recovery
void addImportCommands(CLI::App& app, Action& action);     // import, status-out
void addRecordCommands(CLI::App& app, Action& action);     // records list/export, review set
void addServeCommand(CLI::App& app, Action& action);       // serve
void addStaffCommands(CLI::App& app, Action& action);      // staff add/list/remove, audit
void addCommuneCommands(CLI::App& app, Action& action);    // communes --search
void addReportCommand(CLI::App& app, Action& action);      // report --month
void addDuplicatesCommand(CLI::App& app, Action& action);  // duplicates
void addPrintCommands(CLI::App& app, Action& action);      // print RECORD_ID | print appointments

using cli::exitCodeFor;
using cli::printJson;
using cli::say;
using cli::succeed;
// Prints the error ({"errors":[...]} on stdout for exit 2, a line on stderr always); returns the code.
int fail(const Error& e);

// The command skeleton (cli/command.h); a failed unlock is reported as every other failure.
using cli::onChosen;
using cli::onUnlocked;
inline int commandFailed(Context&, const Error& e) { return fail(e); }

}  // namespace gocua::hubcli
