// Hub URL and listen address parsing. Deliberately narrow: a laptop's hub URL is typed by a
// volunteer from a poster, so anything unusual is refused with a clear reason instead of guessed.
#include "sync/transport/address.h"
#include "sync/transport/errors.h"

#include <algorithm>
#include <cctype>

namespace gocua::sync::transport {
namespace {

bool hostCharOk(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

bool parsePort(std::string_view text, int minPort, int& out) {
  if (text.empty() || text.size() > 5) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < minPort || v > 65535) return false;
  out = v;
  return true;
}

// "host", "host:port", "[v6]" or "[v6]:port"; empty port text means "absent".
bool splitHostPort(std::string_view text, std::string& host, std::string_view& port) {
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return false;
    const auto inner = text.substr(1, close - 1);
    if (inner.empty() || !std::all_of(inner.begin(), inner.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        }))
      return false;
    host = std::string(inner);
    const auto rest = text.substr(close + 1);
    if (rest.empty()) {
      port = {};
      return true;
    }
    if (rest.front() != ':' || rest.size() == 1) return false;
    port = rest.substr(1);
    return true;
  }
  const auto colon = text.find(':');
  const auto name = text.substr(0, colon);
  if (name.empty() || !std::all_of(name.begin(), name.end(), hostCharOk)) return false;
  host = std::string(name);
  if (colon == std::string_view::npos) {
    port = {};
    return true;
  }
  port = text.substr(colon + 1);
  return !port.empty();
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

}  // namespace

Result<HostPort> parseHubUrl(std::string_view url) {
  if (startsWithNoCase(url, "https://"))
    return Error::make(err::kTransportBadUrl, "url", "https is not supported (no TLS in this build); use http://");
  if (!startsWithNoCase(url, "http://"))
    return Error::make(err::kTransportBadUrl, "url", "expected http://host[:port]");
  auto rest = url.substr(7);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@ ") != std::string_view::npos)
    return Error::make(err::kTransportBadUrl, "url", "no path, query or user part allowed: http://host[:port]");
  HostPort hp;
  std::string_view port;
  if (!splitHostPort(rest, hp.host, port)) return Error::make(err::kTransportBadUrl, "url", "bad host");
  hp.port = 80;
  if (!port.empty() && !parsePort(port, 1, hp.port))
    return Error::make(err::kTransportBadUrl, "url", "port must be 1..65535");
  return hp;
}

Result<HostPort> parseListenAddress(std::string_view listen) {
  HostPort hp;
  std::string_view port;
  if (!splitHostPort(listen, hp.host, port) || port.empty() || !parsePort(port, 0, hp.port))
    return Error::make(err::kTransportListen, "listen", "expected ADDR:PORT (port 0..65535)");
  return hp;
}

std::string formatHostPort(const HostPort& hp) {
  const bool v6 = hp.host.find(':') != std::string::npos;
  return (v6 ? "[" + hp.host + "]" : hp.host) + ":" + std::to_string(hp.port);
}

}  // namespace gocua::sync::transport
