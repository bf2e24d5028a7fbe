// Durable file replacement (see durable_write.h).
#include "core/durable_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <string>

#include "core/unique_fd.h"

namespace gocua::core {
namespace fs = std::filesystem;

// Unique per process and per call, so two threads replacing files in one folder never collide.
fs::path tempPathBeside(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  return dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                std::to_string(counter.fetch_add(1)));
}

namespace {

bool writeAll(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // a full disk lands here
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool readsBackAs(const fs::path& path, std::string_view bytes) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return false;
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);  // read what the device holds, not the cache
  std::string back(bytes.size() + 1, '\0');
  std::size_t got = 0;
  while (got < back.size()) {
    const ssize_t n = ::read(fd.get(), back.data() + got, back.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got == bytes.size() && std::string_view(back.data(), got) == bytes;
}

}  // namespace

std::optional<WriteFailure> writeFileDurably(const fs::path& path, std::string_view bytes, const DurableWrite& how) {
  const auto at = [&how](std::string_view step) {
    if (how.at) how.at(step);
  };
  const fs::path temp = tempPathBeside(path);
  const auto fail = [&temp](WriteFailure why) {
    ::unlink(temp.c_str());
    return std::optional<WriteFailure>(why);
  };
  at("before_temp_open");
  UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (!fd) return WriteFailure::Create;
  at("after_temp_open");
  if (!writeAll(fd.get(), bytes)) return fail(WriteFailure::Write);
  at("after_temp_write");
  if (::fsync(fd.get()) != 0) return fail(WriteFailure::Sync);
  at("after_fsync");
  if (!fd.close()) return fail(WriteFailure::Sync);
  at("after_close");
  at("before_rename");
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(WriteFailure::Rename);
  at("after_rename");
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)); dirFd) ::fsync(dirFd.get());
  at("after_dir_fsync");
  if (how.readBack && !readsBackAs(path, bytes)) return WriteFailure::ReadBack;
  return std::nullopt;
}

std::optional<WriteFailure> commitFileDurably(const fs::path& temp, const fs::path& path) {
  const auto fail = [&temp](WriteFailure why) {
    ::unlink(temp.c_str());
    return std::optional<WriteFailure>(why);
  };
  UniqueFd fd(::open(temp.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd) return fail(WriteFailure::Create);
  if (::fchmod(fd.get(), 0600) != 0 || ::fsync(fd.get()) != 0) return fail(WriteFailure::Sync);
  if (!fd.close()) return fail(WriteFailure::Sync);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(WriteFailure::Rename);
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)); dirFd) ::fsync(dirFd.get());
  return std::nullopt;
}

}  // namespace gocua::core
