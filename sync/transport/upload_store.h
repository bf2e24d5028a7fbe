// The hub's partial uploads: one file "<device hex>-<batch hex>.part" per upload in the incoming
// directory, appended only at its current end, and a lock per upload so two requests for the same
// upload never interleave (a laptop that retries while its first request is still being read).
// The file's length is the offset the hub holds; nothing else is stored, so a restart resumes.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>

#include "core/result.h"
#include "sync/transport/transport.h"

namespace gocua::sync::transport {

using BatchId = std::array<std::uint8_t, 16>;

// An open part file being extended by one request. Bytes written count only after commit()
// (fsync); dropped without commit, the file is cut back to where this request started, so an
// unauthenticated or interrupted body never becomes held data.
class PartAppender {
 public:
  PartAppender(PartAppender&& other) noexcept;
  PartAppender& operator=(PartAppender&&) = delete;
  PartAppender(const PartAppender&) = delete;
  ~PartAppender();

  [[nodiscard]] Status write(std::span<const std::uint8_t> bytes);
  [[nodiscard]] Status commit();
  void rollback();
  std::uint64_t end() const { return start_ + written_; }

 private:
  friend class UploadLease;
  PartAppender(int fd, std::uint64_t start, bool created, std::filesystem::path dir);
  int fd_ = -1;
  std::uint64_t start_ = 0;
  std::uint64_t written_ = 0;
  bool created_ = false;  // a new directory entry: the directory needs an fsync too
  bool done_ = false;
  std::filesystem::path dir_;
};

class UploadStore;

// Exclusive access to one upload while it lives.
class UploadLease {
 public:
  UploadLease(UploadStore& store, const DeviceId& device, const BatchId& batch);
  UploadLease(const UploadLease&) = delete;
  UploadLease& operator=(const UploadLease&) = delete;
  ~UploadLease();

  const std::filesystem::path& path() const { return path_; }
  // Bytes held so far (0 when there is no part file).
  [[nodiscard]] Result<std::uint64_t> held() const;
  // Opens (creating) the part file for appending at offset, which must be its current length.
  [[nodiscard]] Result<PartAppender> append(std::uint64_t offset);
  // Size and BLAKE2b-256 (hex) of the held bytes; transport.io if the part is missing.
  [[nodiscard]] Result<std::pair<std::uint64_t, std::string>> sizeAndHash() const;
  void remove();
  // Removes the part when it holds nothing (a refused first chunk leaves no empty file behind).
  void removeIfEmpty();

 private:
  UploadStore& store_;
  std::string key_;
  std::filesystem::path path_;
  std::unique_lock<std::mutex> lock_;
};

class UploadStore {
 public:
  // Creates dir (mode 0700) if needed. transport.io when it cannot.
  [[nodiscard]] static Result<std::unique_ptr<UploadStore>> open(const std::filesystem::path& dir);
  const std::filesystem::path& dir() const { return dir_; }
  // Unfinished uploads this device has (part files), to cap how many one laptop can open.
  std::size_t partsOf(const DeviceId& device) const;
  // Removes parts untouched for maxAge (emptyMaxAge when they hold nothing), each under its
  // upload's lock so a request in progress is never cut. Returns how many went.
  std::size_t expire(std::chrono::seconds maxAge, std::chrono::seconds emptyMaxAge);

 private:
  friend class UploadLease;
  explicit UploadStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
  struct Slot {
    std::mutex mutex;
    int users = 0;
  };
  std::mutex& enter(const std::string& key);
  void leave(const std::string& key);

  std::filesystem::path dir_;
  std::mutex slotsMutex_;
  std::map<std::string, Slot> slots_;  // only uploads with a request in progress
};

}  // namespace gocua::sync::transport
