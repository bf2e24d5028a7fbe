// Public contract of the HTTP transport (protocol in sync/README.md): the hub's resumable upload
// server and the laptop's client, over Debian's cpp-httplib. The server knows nothing about
// batches beyond bytes and device keys: what to do with a finished upload is the HubEndpoint's
// business (the hub library implements it). Error codes (catalog "error.<code>"):
//   transport.bad_url      not "http://host[:port]"; https is refused: the hub serves plain HTTP on
//                          the office network, and batches and receipts are sealed and signed anyway
//   transport.unreachable  cannot connect, or the connection dropped (safe to retry: resumable)
//   transport.refused      401: the hub does not know this device or the signature is wrong
//   transport.too_large    413: the batch is over the hub's size limit
//   transport.busy         503: the hub is at its connection cap, or its store is held by another
//                          writer (after a few retries)
//   transport.rejected     422: the hub received the bytes but they do not match size/hash
//   transport.server       any other answer the client did not expect (status in detail)
//   transport.cancelled    the progress callback asked to stop
//   transport.listen       server: cannot bind ADDR:PORT
//   transport.io           a local file cannot be read or written
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "sync/batch/batch.h"

namespace gocua::sync::transport {

using DeviceId = std::array<std::uint8_t, 32>;

// What the hub plugs into the server. Calls may come from several server threads at once.
class HubEndpoint {
 public:
  virtual ~HubEndpoint() = default;
  // Enrolled (revoked devices included: the import rule decides what happens to their batches).
  virtual bool deviceKnown(const DeviceId& device) = 0;
  // A complete upload whose size and hash matched; returns the .gcr bytes to send back (also for
  // quarantined or rejected batches: the receipt says so). An error here becomes a 500.
  virtual Result<std::string> importUploaded(const DeviceId& device, const std::filesystem::path& gcbFile) = 0;
  // A status-only receipt for a device with nothing new to send.
  virtual Result<std::string> statusReceipt(const DeviceId& device) = 0;
};

// What the hub allows one client (see sync/README.md, "HTTP": limits). Until a request is
// authenticated it may hold a connection for headTime and send maxHeadBytes, nothing more.
struct ServerLimits {
  std::uint64_t maxBatchBytes = std::uint64_t{512} << 20;
  std::size_t maxConnections = 256;                // open at once; more are answered 503
  std::size_t maxConnectionsPerAddress = 32;       // from one peer address
  std::size_t maxHeadBytes = 16 * 1024;            // request line + headers
  std::chrono::milliseconds headTime{10'000};      // to send the whole head, from accept
  std::chrono::milliseconds bodyTime{600'000};     // an authenticated body: 1 MB at 2 KB/s is 500 s
  std::chrono::milliseconds ioTimeout{20'000};     // per read or write
  std::size_t maxPartsPerDevice = 16;              // unfinished uploads one laptop may keep
  std::chrono::seconds partMaxAge{7 * 24 * 3600};  // an unfinished upload untouched this long goes
  std::chrono::seconds emptyPartMaxAge{3600};
};

// Listens in background threads until stop() or destruction.
class HubServer {
 public:
  // listen: "ADDR:PORT", port 0 = any free port. incomingDir holds partial uploads (ciphertext).
  [[nodiscard]] static Result<std::unique_ptr<HubServer>> start(const std::string& listen, HubEndpoint& endpoint,
                                                                const std::filesystem::path& incomingDir,
                                                                ServerLimits limits = {});
  virtual ~HubServer() = default;
  virtual std::string boundAddress() const = 0;  // "127.0.0.1:43121"
  virtual void stop() = 0;
};

struct UploadProgress {
  std::uint64_t sent = 0;   // bytes of the file the hub holds so far
  std::uint64_t total = 0;  // file size
};

struct ClientOptions {
  std::size_t chunkBytes = std::size_t{1} << 20;
  int timeoutSeconds = 30;
  // Test hook: stop (transport.unreachable) once this many bytes were sent in this call. The last
  // chunk is shortened to land exactly there, so the hub then holds resumedFrom + stopAfterBytes.
  std::uint64_t stopAfterBytes = UINT64_MAX;
  // A busy hub (503: at its connection cap) is asked again this many times, waiting busyWait,
  // then twice that, and so on.
  int busyRetries = 3;
  std::chrono::milliseconds busyWait{1000};
};

struct UploadResult {
  std::string receipt;            // the .gcr bytes
  std::uint64_t resumedFrom = 0;  // offset the hub already held when this call started
  std::uint64_t bytesSent = 0;    // file bytes this call sent in PUT bodies
};

// Asks the hub what it holds, sends the rest in chunks, finishes with size + BLAKE2b-256.
// progress may return false to cancel. batchId names the upload (the batch header's id).
[[nodiscard]] Result<UploadResult> uploadBatch(const std::string& hubUrl, const std::filesystem::path& gcbFile,
                                               const std::array<std::uint8_t, 16>& batchId, const DeviceKeys& keys,
                                               const std::function<bool(const UploadProgress&)>& progress = {},
                                               const ClientOptions& options = {});

// GET /v1/status: the hub's status receipt (.gcr bytes) for this device.
[[nodiscard]] Result<std::string> fetchStatus(const std::string& hubUrl, const DeviceKeys& keys,
                                              const ClientOptions& options = {});

}  // namespace gocua::sync::transport
