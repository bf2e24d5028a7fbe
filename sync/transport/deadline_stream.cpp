// Socket stream with a read deadline (see deadline_stream.h).
#include "sync/transport/deadline_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gocua::sync::transport {
namespace {

void addressOf(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof(text));
    port = ntohs(v4.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof(text));
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

std::string peerIp(int sock) {
  std::string ip;
  int port = 0;
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) addressOf(addr, ip, port);
  return ip;
}

bool DeadlineStream::waitFor(short events, std::chrono::milliseconds timeout, bool honourDeadline) const {
  auto until = Clock::now() + timeout;
  if (honourDeadline) until = std::min(until, deadline_);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{sock_, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool DeadlineStream::is_readable() const { return bufferBegin_ < bufferEnd_ || waitFor(POLLIN, readTimeout_, true); }

bool DeadlineStream::is_writable() const { return waitFor(POLLOUT, writeTimeout_, false); }

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (bufferBegin_ == bufferEnd_) {
    if (!waitFor(POLLIN, readTimeout_, true)) return -1;
    ssize_t n;
    do {
      n = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    bufferBegin_ = 0;
    bufferEnd_ = static_cast<std::size_t>(n);
  }
  const std::size_t n = std::min(size, bufferEnd_ - bufferBegin_);
  std::memcpy(ptr, buffer_.data() + bufferBegin_, n);
  bufferBegin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n;
  do {
    n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) addressOf(addr, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) addressOf(addr, ip, port);
}

}  // namespace gocua::sync::transport
