// Request signatures: see signing.h for the canonical text.
#include "sync/transport/signing.h"

#include <algorithm>

#include "vault/secret.h"

namespace gocua::sync::transport {

static_assert(crypto_sign_BYTES == 64 && crypto_sign_PUBLICKEYBYTES == 32);

Blake2b256::Blake2b256() { crypto_generichash_init(&state_, nullptr, 0, 32); }

void Blake2b256::update(std::span<const std::uint8_t> bytes) {
  crypto_generichash_update(&state_, bytes.data(), bytes.size());
}

void Blake2b256::update(std::string_view bytes) {
  crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::array<std::uint8_t, 32> Blake2b256::final() {
  std::array<std::uint8_t, 32> out{};
  crypto_generichash_final(&state_, out.data(), out.size());
  return out;
}

std::string Blake2b256::finalHex() {
  const auto digest = final();
  return vault::toHex(digest);
}

std::string blake2b256Hex(std::string_view bytes) {
  Blake2b256 h;
  h.update(bytes);
  return h.finalHex();
}

std::string canonicalRequest(std::string_view method, std::string_view pathAndQuery, std::string_view time,
                             std::string_view bodyHashHex) {
  std::string text = "GOCUA-HTTP 1\n";
  text.append(method).append("\n");
  text.append(pathAndQuery).append("\n");
  text.append(time).append("\n");
  text.append(bodyHashHex).append("\n");
  return text;
}

RequestAuth signRequest(const DeviceKeys& keys, std::string_view method, std::string_view pathAndQuery,
                        std::string_view body, std::int64_t unixTime) {
  RequestAuth auth;
  auth.device = vault::toHex(keys.publicKey);
  auth.time = std::to_string(unixTime);
  const std::string text = canonicalRequest(method, pathAndQuery, auth.time, blake2b256Hex(body));
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       keys.secretKey.data());
  auth.signature = vault::toHex(sig);
  return auth;
}

bool verifyRequest(const RequestAuth& auth, std::string_view method, std::string_view pathAndQuery,
                   std::string_view bodyHashHex) {
  const auto device = parseLowerHex<32>(auth.device);
  const auto sig = parseLowerHex<64>(auth.signature);
  if (!device || !sig) return false;
  // A bounded decimal, so the signed text cannot smuggle line breaks or grow without limit.
  if (auth.time.empty() || auth.time.size() > 20 ||
      !std::all_of(auth.time.begin(), auth.time.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const std::string text = canonicalRequest(method, pathAndQuery, auth.time, bodyHashHex);
  return crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                                     device->data()) == 0;
}

}  // namespace gocua::sync::transport
