// See process.h.
#include "cli/process.h"

#include <sys/prctl.h>

#include "cli/output.h"
#include "core/i18n.h"
#include "vault/secret.h"

namespace gocua::cli {

int startProcess() {
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  i18n::setLang(i18n::langFromEnvironment());
  if (auto st = vault::init(); !st) {
    sayError(st.error());
    return kOther;
  }
  return kOk;
}

std::optional<int> parseArguments(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kInvalid;
  }
  return std::nullopt;
}

}  // namespace gocua::cli
