// The commune profile (.gcp): what a device learns about its hub at enrollment, signed by the
// hub. The reader checks, in order: framing, canonical body, signature against the key inside the
// body, the pinned key from the first enrollment, then the content rules.
#include <algorithm>
#include <climits>
#include <set>

#include "sync/batch/batch.h"  // isCommuneCode
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "sync/keys/signed_file.h"

namespace gocua::sync {

namespace {

constexpr const char* kKind = "PROFILE";

// Printable ASCII after an http(s) scheme; the device only ever connects to it, never shows it
// as rich text, so anything fancier (IDN, spaces) has no business here.
bool isHubUrl(std::string_view s) {
  if (s.empty()) return true;  // USB-only commune
  if (s.size() > kMaxFieldChars) return false;
  const bool scheme = s.starts_with("http://") || s.starts_with("https://");
  return scheme && std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool isValidProfile(const CommuneProfile& p) {
  if (!sync::isCommuneCode(p.communeCode) || !keys_detail::isCleanLabel(p.communeName)) return false;
  if (p.villages.size() > kMaxVillages) return false;
  std::set<std::string_view> seen;
  for (const auto& v : p.villages) {
    if (!keys_detail::isCleanLabel(v) || !seen.insert(v).second) return false;
  }
  return isHubUrl(p.hubUrl) && p.formPackVersion >= 0 && keys_detail::isUtcTimestamp(p.issuedAt);
}

// The writer's extra rule: a pack it carries is this hub's, for this commune and version. The
// reader leaves the pack to the laptop's installer (workspace installFormPack), which checks it
// once; a stored profile is re-read often and its signature already covers the pack's bytes.
bool carriesOwnPack(const CommuneProfile& p) {
  if (p.formPack.empty()) return true;
  auto pack = readFormPack(p.formPack, p.hubSignPublic);
  return pack && pack->communeCode == p.communeCode && pack->version == p.formPackVersion;
}

}  // namespace

Result<std::string> writeProfile(const CommuneProfile& profile, const HubIdentity& hub) {
  if (profile.hubSignPublic != hub.signPublic) {
    return Error::make(err::kProfileInvalid, "hubSignPublic", "does not match the signing key");
  }
  if (!isValidProfile(profile) || !carriesOwnPack(profile)) return Error::make(err::kProfileInvalid);
  nlohmann::json body = nlohmann::json::object();
  body["communeCode"] = profile.communeCode;
  body["communeName"] = profile.communeName;
  body["villages"] = profile.villages;
  body["hubUrl"] = profile.hubUrl;
  body["hubSignPublic"] = vault::toHex(profile.hubSignPublic);
  body["hubBoxPublic"] = vault::toHex(profile.hubBoxPublic);
  body["recovery_public"] = vault::toHex(profile.recoveryPublic);
  body["formPackVersion"] = profile.formPackVersion;
  body["issuedAt"] = profile.issuedAt;
  if (!profile.formPack.empty()) body["formPack"] = profile.formPack;  // absent: readable by older laptops
  return keys_detail::frameSignedFile(kKind, keys_detail::canonicalDump(body), hub.signSecret);
}

Result<CommuneProfile> readProfile(std::string_view file,
                                   const std::optional<std::array<std::uint8_t, 32>>& pinnedHubKey) {
  auto framed =
      keys_detail::splitSignedFile(file, kKind, {err::kProfileFormat, err::kProfileUnknownVersion}, kMaxProfileBytes);
  if (!framed.ok()) return framed.error();

  nlohmann::json body;
  if (!keys_detail::parseCanonicalObject(framed->body,
                                         {"communeCode", "communeName", "formPackVersion", "hubBoxPublic",
                                          "hubSignPublic", "hubUrl", "issuedAt", "recovery_public", "villages"},
                                         body, 2, {"formPack"})) {
    return Error::make(err::kProfileFormat, {}, "body");
  }
  CommuneProfile p;
  const auto& version = body.at("formPackVersion");
  const bool fieldsOk = keys_detail::getString(body, "communeCode", p.communeCode) &&
                        keys_detail::getString(body, "communeName", p.communeName) &&
                        keys_detail::getStringList(body, "villages", kMaxVillages, p.villages) &&
                        keys_detail::getString(body, "hubUrl", p.hubUrl) &&
                        keys_detail::getKey(body, "hubSignPublic", p.hubSignPublic) &&
                        keys_detail::getKey(body, "hubBoxPublic", p.hubBoxPublic) &&
                        keys_detail::getKey(body, "recovery_public", p.recoveryPublic) &&
                        keys_detail::getString(body, "issuedAt", p.issuedAt) && version.is_number_integer() &&
                        version.get<long long>() >= INT_MIN && version.get<long long>() <= INT_MAX &&
                        (!body.contains("formPack") || body.at("formPack").is_string());
  if (!fieldsOk) return Error::make(err::kProfileFormat, {}, "field type or size");
  p.formPackVersion = static_cast<int>(version.get<long long>());
  if (body.contains("formPack")) p.formPack = body.at("formPack").get<std::string>();

  if (!keys_detail::verifyBody(framed->body, framed->signature, p.hubSignPublic)) {
    return Error::make(err::kProfileBadSignature);
  }
  if (pinnedHubKey && *pinnedHubKey != p.hubSignPublic) return Error::make(err::kProfileKeyChanged);
  if (!isValidProfile(p)) return Error::make(err::kProfileInvalid);
  return p;
}

}  // namespace gocua::sync
