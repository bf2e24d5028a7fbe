// The form pack (.gcf): the form files a hub publishes, signed by the hub. A laptop verifies it
// against the pinned hub key before anything in it is read as a form.
#include <algorithm>
#include <climits>

#include "core/text.h"
#include "sync/batch/batch.h"  // isCommuneCode
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "sync/keys/signed_file.h"

namespace gocua::sync {
namespace {

constexpr const char* kKind = "FORMPACK";
constexpr std::size_t kMaxIdChars = 64;

// "<id>.json" or "lists/<id>.json", id of [a-z0-9_]: the names forms/ uses, and nothing that
// could climb out of a directory if a caller ever wrote the files out.
bool isPackPath(std::string_view path) {
  if (path.starts_with("lists/")) path.remove_prefix(6);
  if (!path.ends_with(".json")) return false;
  path.remove_suffix(5);
  return !path.empty() && path.size() <= kMaxIdChars && std::all_of(path.begin(), path.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool isValidPack(const FormPack& p) {
  if (!sync::isCommuneCode(p.communeCode) || p.version < 1 || !keys_detail::isUtcTimestamp(p.issuedAt)) return false;
  if (p.files.empty() || p.files.size() > kMaxFormPackFiles) return false;
  return std::all_of(p.files.begin(), p.files.end(),
                     [](const auto& f) { return isPackPath(f.first) && core::isValidUtf8(f.second); });
}

}  // namespace

Result<std::string> writeFormPack(const FormPack& pack, const HubIdentity& hub) {
  if (!isValidPack(pack)) return Error::make(err::kFormpackInvalid);
  nlohmann::json body = nlohmann::json::object();
  body["commune_code"] = pack.communeCode;
  body["version"] = pack.version;
  body["issued_at"] = pack.issuedAt;
  body["files"] = pack.files;
  auto file = keys_detail::frameSignedFile(kKind, keys_detail::canonicalDump(body), hub.signSecret);
  if (file.size() > kMaxFormPackBytes) return Error::make(err::kFormpackInvalid, "files", "too large");
  return file;
}

Result<FormPack> readFormPack(std::string_view file, const std::array<std::uint8_t, 32>& hubSignPublic) {
  auto framed = keys_detail::splitSignedFile(file, kKind, {err::kFormpackFormat, err::kFormpackUnknownVersion},
                                             kMaxFormPackBytes);
  if (!framed.ok()) return framed.error();
  nlohmann::json body;
  if (!keys_detail::parseCanonicalObject(framed->body, {"commune_code", "files", "issued_at", "version"}, body))
    return Error::make(err::kFormpackFormat, {}, "body");
  // The signature before the content: nothing unsigned is looked at further.
  if (!keys_detail::verifyBody(framed->body, framed->signature, hubSignPublic))
    return Error::make(err::kFormpackBadSignature);
  FormPack p;
  const auto& version = body.at("version");
  const auto& files = body.at("files");
  if (!keys_detail::getString(body, "commune_code", p.communeCode) ||
      !keys_detail::getString(body, "issued_at", p.issuedAt) || !version.is_number_integer() ||
      version.get<long long>() < 1 || version.get<long long>() > INT_MAX || !files.is_object())
    return Error::make(err::kFormpackFormat, {}, "field type");
  p.version = static_cast<int>(version.get<long long>());
  for (const auto& [path, text] : files.items()) {
    if (!text.is_string()) return Error::make(err::kFormpackFormat, "files", "not text");
    p.files.emplace(path, text.get<std::string>());
  }
  if (!isValidPack(p)) return Error::make(err::kFormpackInvalid);
  return p;
}

}  // namespace gocua::sync
