// writeFileAtomic: temp file (0600, same directory) → write → fsync → rename → directory fsync, so
// a reader never sees half a receipt, profile or export, and a crash leaves the old file or the new.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "sync/hub/crash_points.h"
#include "sync/hub/errors.h"
#include "sync/hub/hub.h"

namespace gocua::hub {

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

void point([[maybe_unused]] std::string_view prefix, [[maybe_unused]] const char* name) {
#ifdef GOCUA_HUB_CRASH_POINTS
  if (!prefix.empty()) crashPoint(std::string(prefix) + "." + name);
#endif
}

}  // namespace

Status writeFileAtomic(const fs::path& path, std::string_view bytes, std::string_view crashPrefix) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  point(crashPrefix, "before_temp_open");
  Fd f;
  f.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (f.fd < 0) return Error::make(err::kHubIo, "", "create temp file");
  point(crashPrefix, "after_temp_open");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(f.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::unlink(tmp.c_str());
      return Error::make(err::kHubIo, "", "write temp file");
    }
    done += static_cast<std::size_t>(n);
  }
  point(crashPrefix, "after_temp_write");
  if (::fsync(f.fd) != 0) {
    ::unlink(tmp.c_str());
    return Error::make(err::kHubIo, "", "fsync");
  }
  point(crashPrefix, "after_fsync");
  int fd = f.fd;
  f.fd = -1;
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Error::make(err::kHubIo, "", "close");
  }
  point(crashPrefix, "after_close");
  point(crashPrefix, "before_rename");
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Error::make(err::kHubIo, "", "rename");
  }
  point(crashPrefix, "after_rename");
  Fd d;
  d.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d.fd >= 0) ::fsync(d.fd);
  point(crashPrefix, "after_dir_fsync");
  return {};
}

}  // namespace gocua::hub
