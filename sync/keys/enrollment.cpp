// The enrollment request (.gcq): a device's public keys and its volunteers, signed by the device
// key it introduces, so the hub knows the sender holds that key. The hub decides separately
// whether to register the device.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "sync/keys/signed_file.h"

namespace gocua::sync {

namespace {

constexpr const char* kKind = "ENROLL";
constexpr std::size_t kMaxWorkspaceIdChars = 64;

bool isWorkspaceId(std::string_view s) {
  return !s.empty() && s.size() <= kMaxWorkspaceIdChars && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  });
}

bool isValidRequest(const EnrollmentRequest& r) {
  if (r.volunteers.empty() || r.volunteers.size() > kMaxVolunteers) return false;
  std::set<std::string_view> seen;
  for (const auto& name : r.volunteers) {
    // Stored form only: a name that normalizeName would change was not produced by GoCua.
    auto n = core::normalizeName(name);
    if (!n.ok() || *n != name || !seen.insert(name).second) return false;
  }
  return isWorkspaceId(r.workspaceId) && keys_detail::isUtcTimestamp(r.createdAt);
}

}  // namespace

Result<std::string> writeEnrollmentRequest(const EnrollmentRequest& request, const DeviceKeys& keys) {
  if (request.deviceSignPublic != keys.publicKey) {
    return Error::make(err::kEnrollInvalid, "deviceSignPublic", "does not match the signing key");
  }
  if (!isValidRequest(request)) return Error::make(err::kEnrollInvalid);
  nlohmann::json body = nlohmann::json::object();
  body["deviceSignPublic"] = vault::toHex(request.deviceSignPublic);
  body["deviceBoxPublic"] = vault::toHex(request.deviceBoxPublic);
  body["volunteers"] = request.volunteers;
  body["workspaceId"] = request.workspaceId;
  body["createdAt"] = request.createdAt;
  return keys_detail::frameSignedFile(kKind, keys_detail::canonicalDump(body), keys.secretKey);
}

Result<EnrollmentRequest> readEnrollmentRequest(std::string_view file) {
  auto framed = keys_detail::splitSignedFile(file, kKind, {err::kEnrollFormat, err::kEnrollUnknownVersion});
  if (!framed.ok()) return framed.error();

  nlohmann::json body;
  if (!keys_detail::parseCanonicalObject(
          framed->body, {"createdAt", "deviceBoxPublic", "deviceSignPublic", "volunteers", "workspaceId"}, body)) {
    return Error::make(err::kEnrollFormat, {}, "body");
  }
  EnrollmentRequest r;
  const bool fieldsOk = keys_detail::getKey(body, "deviceSignPublic", r.deviceSignPublic) &&
                        keys_detail::getKey(body, "deviceBoxPublic", r.deviceBoxPublic) &&
                        keys_detail::getStringList(body, "volunteers", kMaxVolunteers, r.volunteers) &&
                        keys_detail::getString(body, "workspaceId", r.workspaceId) &&
                        keys_detail::getString(body, "createdAt", r.createdAt);
  if (!fieldsOk) return Error::make(err::kEnrollFormat, {}, "field type or size");

  if (!keys_detail::verifyBody(framed->body, framed->signature, r.deviceSignPublic)) {
    return Error::make(err::kEnrollBadSignature);
  }
  if (!isValidRequest(r)) return Error::make(err::kEnrollInvalid);
  return r;
}

}  // namespace gocua::sync
