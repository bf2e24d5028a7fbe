// Partial upload files (see upload_store.h). POSIX calls rather than iostreams: the hub must
// know that bytes reached the disk (fsync) before it tells a laptop they are held.
#include "sync/transport/upload_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "sync/transport/errors.h"
#include "sync/transport/signing.h"
#include "vault/secret.h"

namespace gocua::sync::transport {
namespace fs = std::filesystem;

namespace {

Error ioError(const std::string& what) {
  return Error::make(err::kTransportIo, "", what + ": " + std::strerror(errno));
}

void fsyncDir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

// [SECTION] PartAppender

PartAppender::PartAppender(int fd, std::uint64_t start, bool created, fs::path dir)
    : fd_(fd), start_(start), created_(created), dir_(std::move(dir)) {}

PartAppender::PartAppender(PartAppender&& other) noexcept
    : fd_(other.fd_),
      start_(other.start_),
      written_(other.written_),
      created_(other.created_),
      done_(other.done_),
      dir_(std::move(other.dir_)) {
  other.fd_ = -1;
}

PartAppender::~PartAppender() {
  if (fd_ < 0) return;
  if (!done_) rollback();
  ::close(fd_);
}

Status PartAppender::write(std::span<const std::uint8_t> bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + pos, bytes.size() - pos, static_cast<off_t>(end()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ioError("write part");
    }
    pos += static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  return {};
}

Status PartAppender::commit() {
  if (::fsync(fd_) != 0) return ioError("fsync part");
  if (created_) fsyncDir(dir_);
  done_ = true;
  return {};
}

void PartAppender::rollback() {
  // Best effort: if even this fails, the finish check (size + hash) still refuses the bytes.
  if (::ftruncate(fd_, static_cast<off_t>(start_)) == 0) written_ = 0;
  done_ = true;
}

// [SECTION] UploadLease

UploadLease::UploadLease(UploadStore& store, const DeviceId& device, const BatchId& batch)
    : store_(store), key_(vault::toHex(device) + "-" + vault::toHex(batch)) {
  path_ = store.dir() / (key_ + ".part");
  lock_ = std::unique_lock<std::mutex>(store.enter(key_));
}

UploadLease::~UploadLease() {
  lock_.unlock();
  store_.leave(key_);
}

Result<std::uint64_t> UploadLease::held() const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) {
    if (errno == ENOENT) return std::uint64_t{0};
    return ioError("stat part");
  }
  return static_cast<std::uint64_t>(st.st_size);
}

Result<PartAppender> UploadLease::append(std::uint64_t offset) {
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return ioError("open part");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || static_cast<std::uint64_t>(st.st_size) != offset) {
    ::close(fd);
    return Error::make(err::kTransportIo, "", "part length changed under its lock");
  }
  // offset 0 on an empty file: it may have just been created by this call.
  return PartAppender(fd, offset, offset == 0, store_.dir());
}

Result<std::pair<std::uint64_t, std::string>> UploadLease::sizeAndHash() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ioError("open part");
  vault::Blake2b hash;
  std::vector<std::uint8_t> buf(std::size_t{1} << 16);
  std::uint64_t size = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const Error e = ioError("read part");
      ::close(fd);
      return e;
    }
    if (n == 0) break;
    hash.update(std::span<const std::uint8_t>(buf.data(), static_cast<std::size_t>(n)));
    size += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  return std::pair<std::uint64_t, std::string>{size, hash.finalHex()};
}

void UploadLease::remove() {
  std::error_code ec;
  fs::remove(path_, ec);
}

void UploadLease::removeIfEmpty() {
  std::error_code ec;
  if (fs::exists(path_, ec) && fs::file_size(path_, ec) == 0 && !ec) fs::remove(path_, ec);
}

// [SECTION] UploadStore

Result<std::unique_ptr<UploadStore>> UploadStore::open(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return Error::make(err::kTransportIo, "incoming", "cannot create the incoming directory: " + ec.message());
  // Ciphertext only, but still nobody else's business.
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return Error::make(err::kTransportIo, "incoming", "cannot restrict the incoming directory: " + ec.message());
  return std::unique_ptr<UploadStore>(new UploadStore(dir));
}

std::mutex& UploadStore::enter(const std::string& key) {
  std::lock_guard<std::mutex> guard(slotsMutex_);
  Slot& slot = slots_[key];
  ++slot.users;
  return slot.mutex;
}

void UploadStore::leave(const std::string& key) {
  std::lock_guard<std::mutex> guard(slotsMutex_);
  auto it = slots_.find(key);
  if (it != slots_.end() && --it->second.users == 0) slots_.erase(it);
}

std::size_t UploadStore::partsOf(const DeviceId& device) const {
  const std::string prefix = vault::toHex(device) + "-";
  std::size_t n = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(prefix) && it->path().extension() == ".part") ++n;
  }
  return n;
}

std::size_t UploadStore::expire(std::chrono::seconds maxAge, std::chrono::seconds emptyMaxAge) {
  std::vector<std::string> keys;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".part") keys.push_back(it->path().stem().string());
  std::size_t removed = 0;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& key : keys) {
    std::mutex& upload = enter(key);
    {
      std::lock_guard<std::mutex> lock(upload);
      const fs::path path = dir_ / (key + ".part");
      std::error_code stat;
      const auto size = fs::file_size(path, stat);
      const auto touched = stat ? now : fs::last_write_time(path, stat);
      if (!stat && now - touched > (size == 0 ? emptyMaxAge : maxAge) && fs::remove(path, stat)) ++removed;
    }
    leave(key);
  }
  return removed;
}

}  // namespace gocua::sync::transport
