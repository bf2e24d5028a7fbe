// crashPoint: see crash_points.h. The variable is read once; a test sets it per child process.
// Compiled into the test build of the hub (gocua_hub_crash) only.
#include "sync/hub/crash_points.h"

#ifndef GOCUA_HUB_CRASH_POINTS
#error "crash points belong in the test build of the hub only (gocua_hub_crash)"
#endif

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string>

namespace gocua::hub {

void crashPoint(std::string_view name) {
  static const std::string target = [] {
    const char* v = std::getenv("GOCUA_HUB_CRASH_AT");
    return std::string(v ? v : "");
  }();
  if (target.empty() || target != name) return;
  std::string line = "GOCUA-CRASH-POINT " + std::string(name) + "\n";
  (void)!::write(STDERR_FILENO, line.data(), line.size());
  std::raise(SIGKILL);
}

}  // namespace gocua::hub
