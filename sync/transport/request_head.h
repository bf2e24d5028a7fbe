// The first guard on a hub connection, before httplib parses anything: wait until the whole
// request head (request line + headers, up to the blank line) has arrived, without consuming it
// (MSG_PEEK), within a byte cap and a deadline. A client that trickles its headers, never sends
// them, or sends an endless stream of header lines is answered and dropped here, and the hub
// never holds more than the cap for it (one connection used to grow the hub by 2 GB).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>

namespace gocua::sync::transport {

enum class RequestHead {
  Complete,  // the blank line is within the cap: httplib may read the head now
  TooLarge,  // the cap was reached without a blank line (431)
  TimedOut,  // the deadline passed first (408)
  Closed,    // the peer closed or the socket failed: nothing to answer
  Stopping,  // the server is shutting down
};

// stopping() is polled at least every 200 ms so a server stop never waits for a slow client.
[[nodiscard]] RequestHead awaitRequestHead(int sock, std::size_t maxBytes,
                                           std::chrono::steady_clock::time_point deadline,
                                           const std::function<bool()>& stopping);

}  // namespace gocua::sync::transport
