// Shared plumbing of gocuactl commands; see context.h.
#include "device_cli/context.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/errors.h"
#include "cli/terminal.h"
#include "cli/unlock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "workspace/errors.h"

namespace gocua::ctl {
namespace fs = std::filesystem;

fs::path Context::workspaceDir() const {
  return options_.workspaceDir.empty() ? workspace::defaultWorkspaceDir() : fs::path(options_.workspaceDir);
}

std::string Context::volunteer() const {
  if (!options_.volunteer.empty()) return options_.volunteer;
  const char* env = std::getenv("GOCUA_VOLUNTEER");
  return env ? env : "";
}

fs::path Context::formsDir() const {
  return options_.formsDir.empty() ? forms::defaultFormsDir() : fs::path(options_.formsDir);
}

Result<std::string> Context::passphrase(std::string_view envVar, std::string_view promptKey, bool confirm) const {
  return cli::readPassphrase(
      cli::passphraseSource(envVar, promptKey, confirm, err::kCliNoPassphrase, err::kCliPassphraseMismatch));
}

Result<workspace::Workspace*> Context::openWorkspace() {
  return cli::openOnce(workspace_, [&] { return workspace::Workspace::open(workspaceDir()); });
}

Result<workspace::Session*> Context::unlock() {
  if (session_) return session_.get();
  auto ws = openWorkspace();
  if (!ws) return ws.error();
  auto session = cli::openOnce(session_, [&] {
    return cli::withPassphrase(passphrase("GOCUA_PASSPHRASE", "cli.prompt.passphrase"),
                               [&](std::string_view pass) { return (*ws)->unlock(volunteer(), pass); });
  });
  if (!session) return session.error();
  if (const int failed = session_->failedUnlocksBefore(); failed > 0)
    std::cerr << i18n::tr("cli.failed_unlocks", {{"count", std::to_string(failed)}}) << "\n";
  if (!session_->damaged().empty())
    std::cerr << i18n::tr("cli.damaged_records", {{"count", std::to_string(session_->damaged().size())}}) << "\n";
  return session_.get();
}

const forms::FormRegistry& Context::forms() {
  if (!forms_ && options_.formsDir.empty()) {
    // The commune's published pack wins over the installed forms (an explicit --forms does not).
    if (auto ws = openWorkspace(); ws.ok()) {
      if (auto pack = (*ws)->packForms(); pack.ok() && *pack)
        forms_ = std::move(**pack);
      else if (!pack.ok())
        std::cerr << i18n::message(pack.error()) << "\n";
    }
  }
  if (!forms_) {
    forms_ = forms::FormRegistry::load(formsDir());
    for (const auto& p : forms_->problems())
      std::cerr << i18n::tr("cli.form_refused",
                            {{"file", p.file}, {"field", p.field}, {"line", std::to_string(p.line)}})
                << " " << i18n::message(Error::fromText(p.code, p.field, p.detail)) << "\n";
  }
  return *forms_;
}

Result<std::string> Context::readInput(const std::string& file) const {
  std::stringstream buffer;
  if (file.empty() || file == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::make(err::kIo, "file", fs::path(file).filename().string());
    buffer << in.rdbuf();
  }
  return buffer.str();
}

// [SECTION] output

int failInvalid(const Errors& problems) {
  printJson({{"errors", errorsJson(problems)}});
  for (const auto& e : problems) sayError(e);
  return kInvalid;
}

int fail(const Error& e) {
  int code = exitCodeFor(e);
  if (code == kDuplicate) {
    printJson({{"error", "duplicate"}, {"existing_id", e.detail}});
    sayError(e);
  } else if (code == kInvalid) {
    failInvalid({e});
  } else {
    sayError(e);
  }
  return code;
}

}  // namespace gocua::ctl
