// Shared plumbing of gocua-hub commands; see context.h.
#include "hub_cli/context.h"

#include <cstdlib>
#include <iostream>

#include "cli/terminal.h"
#include "core/text.h"
#include "hub_cli/errors.h"
#include "vault/secret.h"

namespace gocua::hubcli {
namespace fs = std::filesystem;

fs::path Context::dataDir() const {
  return options_.dataDir.empty() ? hub::defaultHubDir() : fs::path(options_.dataDir);
}

Result<std::string> Context::passphrase(std::string_view envVar, std::string_view promptKey, bool confirm) const {
  return cli::readPassphrase(
      {envVar, i18n::tr(promptKey), i18n::tr("cli.prompt.repeat"), confirm,
       envVar == "GOCUA_HUB_BACKUP_PASSPHRASE" ? err::kHubNoBackupPassphrase : err::kHubNoPassphrase,
       err::kHubPassphraseMismatch});
}

Result<hub::Hub*> Context::open() {
  if (!hub_) {
    auto h = hub::Hub::open(dataDir());
    if (!h) return h.error();
    hub_ = std::move(*h);
  }
  return hub_.get();
}

Result<hub::HubSession*> Context::unlock() {
  if (session_) return session_.get();
  auto h = open();
  if (!h) return h.error();
  auto pass = passphrase("GOCUA_HUB_PASSPHRASE", "hub.prompt.passphrase");
  if (!pass) return pass.error();
  auto session = (*h)->unlock(*pass);
  vault::wipe(*pass);
  if (!session) return session.error();
  session_ = std::move(*session);
  return session_.get();
}

int fail(const Error& e) {
  int code = exitCodeFor(e);
  if (code == kInvalid) printJson({{"errors", cli::errorsJson({e})}});
  cli::sayError(e);
  return code;
}

}  // namespace gocua::hubcli
