// Signed requests over httplib's client (see hub_request.h).
#include "sync/transport/hub_request.h"
#include "sync/transport/errors.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <ctime>
#include <thread>

namespace gocua::sync::transport {
namespace {

// httplib writes with plain send(): a hub that closes mid-upload would raise SIGPIPE and kill the
// laptop's app. Block it on this thread for the request and swallow any that became pending.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    sigpending(&pendingBefore_);
    pthread_sigmask(SIG_BLOCK, &pipe, &old_);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;
  ~SigpipeGuard() {
    if (!sigismember(&pendingBefore_, SIGPIPE)) {
      sigset_t pipe;
      sigemptyset(&pipe);
      sigaddset(&pipe, SIGPIPE);
      const timespec zero{0, 0};
      while (sigtimedwait(&pipe, nullptr, &zero) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t old_{};
  sigset_t pendingBefore_{};
};

}  // namespace

Result<HubAnswer> sendWithAuth(const HostPort& hub, const RequestAuth& auth, std::string_view method,
                               const std::string& pathAndQuery, std::string_view body, const ClientOptions& options) {
  SigpipeGuard sigpipe;
  httplib::Client client(hub.host, hub.port);
  const time_t timeout = options.timeoutSeconds > 0 ? options.timeoutSeconds : 30;
  client.set_connection_timeout(timeout);
  client.set_read_timeout(timeout);
  client.set_write_timeout(timeout);
  client.set_keep_alive(false);

  httplib::Headers headers{{std::string(kDeviceHeader), auth.device},
                           {std::string(kTimeHeader), auth.time},
                           {std::string(kSignatureHeader), auth.signature}};
  if (method != "GET" && !auth.bodyHash.empty()) headers.emplace(std::string(kBodyHashHeader), auth.bodyHash);
  httplib::Result res(nullptr, httplib::Error::Unknown);
  if (method == "GET") {
    res = client.Get(pathAndQuery, headers);
  } else if (method == "PUT") {
    res = client.Put(pathAndQuery, headers, body.data(), body.size(), "application/octet-stream");
  } else if (method == "POST") {
    res = client.Post(pathAndQuery, headers, body.data(), body.size(), "application/json");
  } else {
    return Error::make(err::kTransportServer, "", "unsupported method");
  }
  if (!res)
    return Error::make(err::kTransportUnreachable, "",
                       std::string(method) + " failed: " + httplib::to_string(res.error()));
  return HubAnswer{res->status, std::move(res->body)};
}

Result<HubAnswer> sendSigned(const HostPort& hub, const DeviceKeys& keys, std::string_view method,
                             const std::string& pathAndQuery, std::string_view body, const ClientOptions& options) {
  // A hub at its connection cap answers 503 at once: wait a little and ask again (every
  // request is idempotent), then let the caller report the hub as busy.
  for (int attempt = 0;; ++attempt) {
    const RequestAuth auth =
        signRequest(keys, method, pathAndQuery, body, static_cast<std::int64_t>(std::time(nullptr)));
    auto answer = sendWithAuth(hub, auth, method, pathAndQuery, body, options);
    if (!answer || answer->status != 503 || attempt >= options.busyRetries) return answer;
    std::this_thread::sleep_for(options.busyWait * (attempt + 1));
  }
}

}  // namespace gocua::sync::transport
