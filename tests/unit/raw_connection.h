// A raw TCP client for tests that must act as a hostile or broken HTTP client would: connect from
// a chosen loopback address (Linux routes all of 127/8 to lo), send any bytes, read what comes
// back.
#pragma once

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace test_net {

using Clock = std::chrono::steady_clock;

// A raw TCP connection from a chosen loopback address.
struct RawConnection {
  int fd = -1;
  RawConnection(const char* from, int port) {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof(local)) != 0 ||
                    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0)) {
      ::close(fd);
      fd = -1;
    }
  }
  // Checked by the caller (no REQUIRE here: attack threads use it too).
  bool connected() const { return fd >= 0; }
  RawConnection(const RawConnection&) = delete;
  ~RawConnection() {
    if (fd >= 0) ::close(fd);
  }
  bool send(const std::string& text) const {
    return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // What the hub answered before closing, waiting up to `wait`.
  std::string answer(std::chrono::milliseconds wait) const {
    std::string out;
    const auto until = Clock::now() + wait;
    char buf[4096];
    while (Clock::now() < until) {
      pollfd p{fd, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (::poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) break;
      const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  // True when the hub closed the connection within `wait`.
  bool closedWithin(std::chrono::milliseconds wait) const {
    const auto until = Clock::now() + wait;
    char buf[4096];
    while (Clock::now() < until) {
      pollfd p{fd, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (::poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) return false;
      if (::recv(fd, buf, sizeof(buf), 0) <= 0) return true;
    }
    return false;
  }
};

// "HTTP/1.1 503 Service Unavailable" from a whole answer.
inline std::string statusLineOf(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

}  // namespace test_net
