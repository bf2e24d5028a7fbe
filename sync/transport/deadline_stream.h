// The hub's socket stream for httplib (it replaces httplib's own, which only knows a per-read
// timeout): reads also stop at an absolute deadline, so one request cannot hold its connection
// longer than the hub allows however slowly it trickles. The deadline starts short (time to send
// the head) and is extended once the request is authenticated (time to send the body).
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>

namespace gocua::sync::transport {

// The peer's IP address as text ("127.0.0.1", "::1"), "" when unknown.
[[nodiscard]] std::string peerIp(int sock);

class DeadlineStream final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;
  DeadlineStream(int sock, std::chrono::milliseconds readTimeout, std::chrono::milliseconds writeTimeout,
                 Clock::time_point readDeadline)
      : sock_(sock), readTimeout_(readTimeout), writeTimeout_(writeTimeout), deadline_(readDeadline) {}

  void setReadDeadline(Clock::time_point deadline) { deadline_ = deadline; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  bool waitFor(short events, std::chrono::milliseconds timeout, bool honourDeadline) const;

  int sock_;
  std::chrono::milliseconds readTimeout_;
  std::chrono::milliseconds writeTimeout_;
  Clock::time_point deadline_;
  // httplib reads the head a byte at a time: buffer so that is not a syscall per byte.
  std::array<char, 4096> buffer_{};
  std::size_t bufferBegin_ = 0;
  std::size_t bufferEnd_ = 0;
};

}  // namespace gocua::sync::transport
