// writeFileAtomic: core::writeFileDurably with the hub's error code and, in the crash-test build,
// a crash point at every step ("receipt" -> receipt.after_temp_write, ...).
#include <string>

#include "core/durable_write.h"
#include "sync/hub/crash_points.h"
#include "sync/hub/errors.h"
#include "sync/hub/hub.h"

namespace gocua::hub {

Status writeFileAtomic(const fs::path& path, std::string_view bytes, [[maybe_unused]] std::string_view crashPrefix) {
  core::DurableWrite how;
#ifdef GOCUA_HUB_CRASH_POINTS
  if (!crashPrefix.empty())
    how.at = [prefix = std::string(crashPrefix)](std::string_view step) {
      crashPoint(prefix + "." + std::string(step));
    };
#endif
  if (const auto failed = core::writeFileDurably(path, bytes, how)) {
    constexpr const char* kSteps[] = {"create temp file", "write temp file", "fsync", "rename", "read back"};
    return Error::make(err::kHubIo, "", kSteps[static_cast<int>(*failed)]);
  }
  return {};
}

}  // namespace gocua::hub
