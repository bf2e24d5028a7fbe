// The two address spellings the transport accepts: the hub URL a laptop is given
// ("http://host[:port]", optional trailing "/") and the server's listen address ("ADDR:PORT").
// IPv6 literals go in brackets in both ("http://[::1]:8080", "[::]:8080").
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::sync::transport {

struct HostPort {
  std::string host;  // without brackets
  int port = 0;
};

// transport.bad_url: anything but http://host[:port][/]; https is refused by name.
[[nodiscard]] Result<HostPort> parseHubUrl(std::string_view url);

// transport.listen: not ADDR:PORT with PORT in 0..65535 (0 = any free port).
[[nodiscard]] Result<HostPort> parseListenAddress(std::string_view listen);

// "host:port", bracketing IPv6 literals.
[[nodiscard]] std::string formatHostPort(const HostPort& hp);

}  // namespace gocua::sync::transport
