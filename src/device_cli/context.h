// What every gocuactl command shares: global options, the passphrase source, opening and
// unlocking the workspace, reading input files, and the output/exit-code contract:
//   stdout: JSON only; stderr: human messages in GOCUA_LANG (vi default, en);
//   exit 0 ok, 1 other, 2 invalid input ({"errors":[...]}), 3 wrong passphrase / locked,
//   4 duplicate ({"error":"duplicate","existing_id":...}).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "core/result.h"
#include "forms/forms.h"
#include "workspace/workspace.h"

namespace gocua::ctl {

using cli::Exit;
using cli::kDuplicate;
using cli::kInvalid;
using cli::kLocked;
using cli::kOk;
using cli::kOther;

struct GlobalOptions {
  std::string workspaceDir;  // empty = default
  std::string volunteer;     // empty = GOCUA_VOLUNTEER, else the first volunteer
  std::string formsDir;      // empty = GOCUA_FORMS / installed
};

class Context {
 public:
  explicit Context(GlobalOptions options) : options_(std::move(options)) {}

  std::filesystem::path workspaceDir() const;
  std::string volunteer() const;
  std::filesystem::path formsDir() const;

  // The passphrase from GOCUA_PASSPHRASE, else the terminal; error "cli.no_passphrase" when
  // neither exists. Returned text is NFC; callers wipe it.
  Result<std::string> passphrase(std::string_view envVar, std::string_view promptKey, bool confirm = false) const;

  // Opens and unlocks the workspace (session lives in this context).
  Result<workspace::Session*> unlock();
  Result<workspace::Workspace*> openWorkspace();
  const forms::FormRegistry& forms();

  // Reads --file F, or stdin when F is empty or "-".
  Result<std::string> readInput(const std::string& file) const;

 private:
  GlobalOptions options_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<workspace::Session> session_;
  std::optional<forms::FormRegistry> forms_;
};

// Output helpers (the shared contract in cli/output.h, plus gocuactl's exit codes).
using cli::errorsJson;
using cli::exitCodeFor;
using cli::printJson;
using cli::sayError;
using cli::succeed;
// Prints the error in the contract's shape for its exit code and returns that code.
int fail(const Error& e);
// exit 2 with every problem listed.
int failInvalid(const Errors& problems);

}  // namespace gocua::ctl
