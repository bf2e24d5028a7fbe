// Durable file writes for batches and the other files that travel on a USB stick: the one durable
// write (core/durable_write.h) with read-back, and the workspace's error codes.
#include "workspace/durable_file.h"

#include "core/durable_write.h"
#include "workspace/errors.h"

namespace gocua::workspace {

Status writeFileDurably(const std::filesystem::path& path, std::string_view bytes) {
  const auto failed = core::writeFileDurably(path, bytes, core::DurableWrite{.readBack = true, .at = {}});
  if (!failed) return {};
  switch (*failed) {
    case core::WriteFailure::Create:
      return Error::make(err::kSyncIo, "out", "open");
    case core::WriteFailure::Write:
      return Error::make(err::kSyncIo, "out", "write");  // full disk lands here
    case core::WriteFailure::Sync:
    case core::WriteFailure::Rename:
      return Error::make(err::kSyncIo, "out", "fsync/rename");
    case core::WriteFailure::ReadBack:
      break;
  }
  return Error::make(err::kSyncVerifyFailed, "out");
}

}  // namespace gocua::workspace
