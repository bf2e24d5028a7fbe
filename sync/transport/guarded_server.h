// httplib's Server with the hub's connection guards in front of it (issue: the hub could be
// taken offline without credentials). httplib 0.11 serves each connection on a fixed pool of
// worker threads with only a per-read timeout, so a few idle or trickling clients held every
// worker. Here each admitted connection gets its own thread, and before httplib reads a byte:
//   - ConnectionGate caps connections per peer address and overall (over the cap: 503, closed);
//   - the whole request head must arrive within maxHeadBytes and headTime (else 431 / 408);
//   - reads then go through DeadlineStream, whose deadline the routes extend only once the
//     request is authenticated (GuardedServer::allowBody).
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>

#include "sync/transport/connection_gate.h"
#include "sync/transport/transport.h"

namespace gocua::sync::transport {

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ServerLimits limits);

  // Called from a route once the request is authenticated: the body may now take bodyTime.
  static void allowBody();
  // Listen with the system's backlog: httplib's 5 drops SYNs when twenty laptops connect at once.
  void widenBacklog();
  const ConnectionGate& gate() const { return gate_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

  ServerLimits limits_;
  ConnectionGate gate_;
};

}  // namespace gocua::sync::transport
