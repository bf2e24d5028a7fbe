// Request signatures: see signing.h for the canonical text.
#include "sync/transport/signing.h"

#include <algorithm>

#include "vault/secret.h"

namespace gocua::sync::transport {

std::string blake2b256Hex(std::string_view bytes) { return vault::toHex(vault::blake2b256(bytes)); }

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
  auth.bodyHash = blake2b256Hex(body);
  const std::string text = canonicalRequest(method, pathAndQuery, auth.time, auth.bodyHash);
  auth.signature = vault::toHex(vault::sign(text, keys.secretKey));
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
  return vault::verify(*sig, text, *device);
}

}  // namespace gocua::sync::transport
