// Peeking for a whole request head (see request_head.h).
#include "sync/transport/request_head.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <thread>
#include <vector>

namespace gocua::sync::transport {
namespace {

constexpr std::string_view kHeadEnd = "\r\n\r\n";
constexpr auto kStopCheck = std::chrono::milliseconds(200);

// Wake poll only when more than `queued` bytes wait, so a head that stalls part-way does not
// spin (Linux honours SO_RCVLOWAT in poll for TCP). Best effort: without it we back off instead.
bool waitForMoreThan(int sock, std::size_t queued) {
  const int lowat = static_cast<int>(queued + 1);
  return ::setsockopt(sock, SOL_SOCKET, SO_RCVLOWAT, &lowat, sizeof(lowat)) == 0;
}

void restoreLowWater(int sock) {
  const int one = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof(one));
}

}  // namespace

RequestHead awaitRequestHead(int sock, std::size_t maxBytes, std::chrono::steady_clock::time_point deadline,
                             const std::function<bool()>& stopping) {
  std::vector<char> buf(maxBytes + 1);
  std::size_t seen = 0;
  bool lowWaterSet = false;
  RequestHead outcome = RequestHead::TimedOut;
  for (;;) {
    if (stopping && stopping()) {
      outcome = RequestHead::Stopping;
      break;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) break;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    pollfd p{sock, POLLIN | POLLRDHUP, 0};
    const int ready =
        ::poll(&p, 1, static_cast<int>(std::min(left, std::chrono::milliseconds(kStopCheck)).count()) + 1);
    if (ready < 0 && errno != EINTR) {
      outcome = RequestHead::Closed;
      break;
    }
    if (ready <= 0) continue;
    const ssize_t n = ::recv(sock, buf.data(), buf.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      outcome = RequestHead::Closed;
      break;
    }
    if (n < 0) continue;
    const auto got = static_cast<std::size_t>(n);
    if (std::string_view(buf.data(), std::min(got, maxBytes)).find(kHeadEnd) != std::string_view::npos) {
      outcome = RequestHead::Complete;
      break;
    }
    if (got > maxBytes) {
      outcome = RequestHead::TooLarge;
      break;
    }
    if ((p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
      outcome = RequestHead::Closed;  // the peer stopped sending before the head was whole
      break;
    }
    if (got == seen) {
      // Nothing new since the last look: wait for more, not for what is already queued.
      if (!lowWaterSet) lowWaterSet = waitForMoreThan(sock, got);
      if (!lowWaterSet) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } else if (lowWaterSet) {
      lowWaterSet = waitForMoreThan(sock, got);
    }
    seen = got;
  }
  if (lowWaterSet) restoreLowWater(sock);
  return outcome;
}

}  // namespace gocua::sync::transport
