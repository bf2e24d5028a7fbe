// stdout JSON and stderr catalog lines for both CLIs; see output.h.
#include "cli/output.h"

#include <iostream>

namespace gocua::cli {

void printJson(const nlohmann::json& j) {
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
}

void say(std::string_view key, const i18n::Args& args) { std::cerr << i18n::tr(key, args) << "\n"; }

int succeed(const nlohmann::json& out, std::string_view sayKey, const i18n::Args& args) {
  printJson(out);
  if (!sayKey.empty()) say(sayKey, args);
  return kOk;
}

void sayError(const Error& e) { std::cerr << i18n::tr("cli.error_prefix") << " " << i18n::message(e) << "\n"; }

int exitCodeFor(const Error& e) {
  switch (e.kind) {
    case ErrorKind::Invalid:
    case ErrorKind::Conflict:
      return kInvalid;
    case ErrorKind::Locked:
      return kLocked;
    case ErrorKind::Duplicate:
      return kDuplicate;
    case ErrorKind::Revoked:
      return kRevoked;
    case ErrorKind::NotFound:
    case ErrorKind::Refused:
    case ErrorKind::Damaged:
    case ErrorKind::Io:
    case ErrorKind::Busy:
    case ErrorKind::Internal:
      break;
  }
  return kOther;
}

nlohmann::json errorsJson(const Errors& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : problems) list.push_back({{"field", e.field}, {"code", e.code}, {"message", i18n::message(e)}});
  return list;
}

}  // namespace gocua::cli
