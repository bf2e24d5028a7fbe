// See main_guard.h.
#include "core/main_guard.h"

#include <exception>
#include <iostream>

#include "core/errors.h"
#include "core/i18n.h"

namespace gocua::core {

int runGuarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (...) {
    // Also catches what is not a std::exception; nothing of the exception is shown (see header).
  }
  try {
    std::cerr << i18n::message(Error::make(err::kInternal, "", "unexpected exception")) << "\n" << std::flush;
  } catch (...) {
  }
  return kExitEscapedException;
}

}  // namespace gocua::core
