// One signed request from a laptop to its hub, on a fresh connection (no keep-alive: the hub's
// worker threads serve one request each, so many laptops share them fairly). The client's
// building block, public so tests can send requests the client itself never would.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "sync/batch/batch.h"
#include "sync/transport/address.h"
#include "sync/transport/signing.h"
#include "sync/transport/transport.h"

namespace gocua::sync::transport {

struct HubAnswer {
  int status = 0;
  std::string body;
};

// Signs with keys at the current time and sends. transport.unreachable when no answer came.
[[nodiscard]] Result<HubAnswer> sendSigned(const HostPort& hub, const DeviceKeys& keys, std::string_view method,
                                           const std::string& pathAndQuery, std::string_view body,
                                           const ClientOptions& options);

// Sends with the given header values as they are (tests: forged or tampered signatures).
// method is "GET", "PUT" or "POST".
[[nodiscard]] Result<HubAnswer> sendWithAuth(const HostPort& hub, const RequestAuth& auth, std::string_view method,
                                             const std::string& pathAndQuery, std::string_view body,
                                             const ClientOptions& options);

}  // namespace gocua::sync::transport
