// Shared plumbing of gocua-hub commands; see context.h.
#include "hub_cli/context.h"

#include <cstdlib>
#include <iostream>

#include "cli/terminal.h"
#include "cli/unlock.h"
#include "core/text.h"
#include "hub_cli/errors.h"

namespace gocua::hubcli {
namespace fs = std::filesystem;

fs::path Context::dataDir() const {
  return options_.dataDir.empty() ? hub::defaultHubDir() : fs::path(options_.dataDir);
}

std::string Context::staff() const {
  if (!options_.staff.empty()) return options_.staff;
  const char* env = std::getenv("GOCUA_STAFF");
  return env ? env : "";
}

Result<std::string> Context::passphrase(std::string_view envVar, std::string_view promptKey, bool confirm) const {
  return cli::readPassphrase(cli::passphraseSource(
      envVar, promptKey, confirm,
      envVar == "GOCUA_HUB_BACKUP_PASSPHRASE" ? err::kHubNoBackupPassphrase : err::kHubNoPassphrase,
      err::kHubPassphraseMismatch));
}

Result<hub::Hub*> Context::open() {
  return cli::openOnce(hub_, [&] { return hub::Hub::open(dataDir()); });
}

Result<hub::HubSession*> Context::unlock() {
  if (session_) return session_.get();
  auto h = open();
  if (!h) return h.error();
  return cli::openOnce(session_, [&] {
    return cli::withPassphrase(passphrase("GOCUA_HUB_PASSPHRASE", "hub.prompt.passphrase"), [&](std::string_view pass) {
      auto name = staff();
      return name.empty() ? (*h)->unlock(pass) : (*h)->unlock(name, pass);
    });
  });
}

int fail(const Error& e) {
  int code = exitCodeFor(e);
  if (code == kInvalid) printJson({{"errors", cli::errorsJson({e})}});
  cli::sayError(e);
  return code;
}

}  // namespace gocua::hubcli
