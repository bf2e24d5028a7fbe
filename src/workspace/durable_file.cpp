// Durable file writes for batches and the other files that travel on a USB stick.
#include "workspace/durable_file.h"
#include "workspace/errors.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace gocua::workspace {
namespace fs = std::filesystem;

// Writes bytes to path so that a pulled USB stick or a power cut leaves either the old state or
// the whole file: temp file beside it, fsync, rename, fsync the directory; then drops the cache
// and reads the file back, so "safe to unplug" is said only about bytes that really are there.
Status writeFileDurably(const fs::path& path, std::string_view bytes) {
  fs::path temp = path;
  temp += ".part";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Error::make(err::kSyncIo, "out", "open");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(temp.c_str());
      return Error::make(err::kSyncIo, "out", "write");  // full disk lands here
    }
    done += static_cast<std::size_t>(n);
  }
  bool ok = ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return Error::make(err::kSyncIo, "out", "fsync/rename");
  }
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  // Read back what the device holds (the page cache is dropped first where the kernel allows).
  int rfd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (rfd < 0) return Error::make(err::kSyncVerifyFailed, "out");
  ::posix_fadvise(rfd, 0, 0, POSIX_FADV_DONTNEED);
  std::string back(bytes.size() + 1, '\0');
  std::size_t got = 0;
  for (;;) {
    ssize_t n = ::read(rfd, back.data() + got, back.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
    if (got == back.size()) break;
  }
  ::close(rfd);
  if (got != bytes.size() || std::string_view(back.data(), got) != bytes)
    return Error::make(err::kSyncVerifyFailed, "out");
  return {};
}

}  // namespace gocua::workspace
