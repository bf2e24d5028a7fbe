// Request authentication (sync/README.md, "HTTP"): every request is signed by the device's
// Ed25519 key over a canonical text naming the method, the exact request target, the sender's
// clock and the BLAKE2b-256 of the body. The hub only checks the signature: every operation is
// idempotent, so a replay does no harm and clocks need not agree.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sync/batch/batch.h"
#include "vault/primitives.h"

namespace gocua::sync::transport {

inline constexpr std::string_view kDeviceHeader = "X-GoCua-Device";
inline constexpr std::string_view kTimeHeader = "X-GoCua-Time";
inline constexpr std::string_view kSignatureHeader = "X-GoCua-Signature";
// The body's hash as signed, sent with PUT and POST so the hub can check the signature before it
// reads (or stores, or hashes) a byte of the body; the body must then match it.
inline constexpr std::string_view kBodyHashHeader = "X-GoCua-Body-Hash";

// Lowercase hex of BLAKE2b-256(bytes); bodies and files too big to hold use vault::Blake2b.
[[nodiscard]] std::string blake2b256Hex(std::string_view bytes);

// "GOCUA-HTTP 1\n" METHOD "\n" PATH_AND_QUERY "\n" TIME "\n" hex(BLAKE2b-256(body)) "\n"
[[nodiscard]] std::string canonicalRequest(std::string_view method, std::string_view pathAndQuery,
                                           std::string_view time, std::string_view bodyHashHex);

// The three header values a request carries.
struct RequestAuth {
  std::string device;     // 64 hex: the device's public signing key
  std::string time;       // unix seconds, decimal
  std::string signature;  // 128 hex: Ed25519 over canonicalRequest
  std::string bodyHash;   // 64 hex: BLAKE2b-256 of the body that was signed (sent with PUT/POST)
};

[[nodiscard]] RequestAuth signRequest(const DeviceKeys& keys, std::string_view method, std::string_view pathAndQuery,
                                      std::string_view body, std::int64_t unixTime);

// True when auth.signature verifies for auth.device over this request. Malformed header values
// (wrong length, not hex, time not decimal) simply fail.
[[nodiscard]] bool verifyRequest(const RequestAuth& auth, std::string_view method, std::string_view pathAndQuery,
                                 std::string_view bodyHashHex);

// Exactly 2*N lowercase hex digits, else nullopt (uppercase is refused so ids have one spelling).
template <std::size_t N>
[[nodiscard]] std::optional<std::array<std::uint8_t, N>> parseLowerHex(std::string_view hex) {
  if (hex.size() != 2 * N) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::array<std::uint8_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    const int hi = nibble(hex[2 * i]);
    const int lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

}  // namespace gocua::sync::transport
