// Connection guards in front of httplib (see guarded_server.h).
#include "sync/transport/guarded_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <string_view>
#include <thread>

#include "sync/transport/deadline_stream.h"
#include "sync/transport/request_head.h"

namespace gocua::sync::transport {
namespace {

// The request this thread is serving, so a route can extend its deadline.
thread_local DeadlineStream* currentStream = nullptr;
thread_local std::chrono::milliseconds currentBodyTime{0};
// Set while the accept thread itself runs a connection it had no thread left for.
thread_local bool overloaded = false;

// One thread per connection: admitted connections are capped by the gate, so threads are too.
// Past hardCap live threads the connection is refused on the accept thread (see `overloaded`).
class ThreadPerConnection final : public httplib::TaskQueue {
 public:
  explicit ThreadPerConnection(std::size_t hardCap) : hardCap_(hardCap) {}
  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> guard(mutex_);
      if (live_ < hardCap_) {
        ++live_;
        std::thread([this, task = std::move(fn)]() mutable {
          task();
          task = nullptr;
          std::lock_guard<std::mutex> done(mutex_);
          if (--live_ == 0) idle_.notify_all();
        }).detach();
        return;
      }
    }
    overloaded = true;
    fn();
    overloaded = false;
  }
  void shutdown() override {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return live_ == 0; });
  }

 private:
  const std::size_t hardCap_;
  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t live_ = 0;
};

// A short answer written without waiting, for connections refused before httplib sees them.
void answerAndDrop(int sock, std::string_view statusLine) {
  // Read what the client already sent, so closing does not reset the connection before it
  // reads the answer (an honest laptop then sees 503 and retries instead of "unreachable").
  char sink[4096];
  for (int i = 0; i < 4 && ::recv(sock, sink, sizeof(sink), MSG_DONTWAIT) > 0; ++i) {
  }
  std::string text = "HTTP/1.1 ";
  text.append(statusLine).append("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  (void)::send(sock, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

GuardedServer::GuardedServer(ServerLimits limits)
    : limits_(limits), gate_(limits.maxConnections, limits.maxConnectionsPerAddress) {
  const std::size_t hardCap = limits.maxConnections + 64;
  new_task_queue = [hardCap] { return new ThreadPerConnection(hardCap); };
}

void GuardedServer::allowBody() {
  if (currentStream != nullptr) currentStream->setReadDeadline(std::chrono::steady_clock::now() + currentBodyTime);
}

void GuardedServer::widenBacklog() {
  const socket_t sock = svr_sock_;
  if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  struct Closer {
    int fd;
    ~Closer() {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
    }
  } closer{sock};

  if (overloaded) {
    answerAndDrop(sock, "503 Service Unavailable");
    return false;
  }
  auto ticket = gate_.admit(peerIp(sock));
  if (!ticket) {
    answerAndDrop(sock, "503 Service Unavailable");
    return false;
  }
  const auto headDeadline = std::chrono::steady_clock::now() + limits_.headTime;
  switch (awaitRequestHead(sock, limits_.maxHeadBytes, headDeadline, [this] { return stopping(); })) {
    case RequestHead::Complete:
      break;
    case RequestHead::TooLarge:
      answerAndDrop(sock, "431 Request Header Fields Too Large");
      return false;
    case RequestHead::TimedOut:
      answerAndDrop(sock, "408 Request Timeout");
      return false;
    case RequestHead::Closed:
    case RequestHead::Stopping:
      return false;
  }
  DeadlineStream stream(sock, limits_.ioTimeout, limits_.ioTimeout, headDeadline);
  currentStream = &stream;
  currentBodyTime = limits_.bodyTime;
  bool connectionClosed = false;
  const bool ok = process_request(stream, /*close_connection=*/true, connectionClosed, nullptr);
  currentStream = nullptr;
  return ok;
}

}  // namespace gocua::sync::transport
