// The recovery file (.gcx): the hub wraps a laptop's data key under Argon2id of a one-time code
// and signs the result; the laptop checks the signature against its pinned hub key and the device
// id before it spends any Argon2 work on the code.
#include <chrono>
#include <ctime>

#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "sync/keys/recovery_internal.h"
#include "sync/keys/signed_file.h"
#include "vault/errors.h"
#include "vault/keyslot.h"
#include "vault/primitives.h"

namespace gocua::sync {

namespace {

constexpr const char* kKind = "RECOVERY";
// nonce || secretbox(dataKey): the XSalsa20-Poly1305 format of vault::wrapKey.
constexpr vault::KeyWrapCipher kWrapCipher = vault::KeyWrapCipher::XSalsa20Poly1305;
constexpr std::size_t kWrappedBytes = vault::kWrapNonceBytes + vault::kWrappedKeyBytes;
static_assert(kWrappedBytes == 24 + 32 + 16 && vault::kDataKeyBytes == vault::kWrapKeyBytes);
static_assert(vault::kPwhashSaltBytes == sizeof(RecoveryFile::salt));

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The stored limits as the vault's type, refused when negative or outside the vault's floor and
// ceiling (a signed file still must not make a laptop hang or run out of memory).
bool kdfParams(const RecoveryFile& f, vault::KdfParams& out) {
  if (f.opslimit <= 0 || f.memlimit <= 0) return false;
  out = {static_cast<std::uint64_t>(f.opslimit), static_cast<std::size_t>(f.memlimit)};
  return vault::checkKdfFloor(out).ok();
}

// Argon2id(normalised code) → the 32-byte key that wraps the data key.
Result<vault::SecretBytes> deriveKey(const std::string& normCode, const RecoveryFile& f, const vault::KdfParams& p) {
  auto key = vault::derivePassphraseKey(normCode, f.salt, p.opslimit, p.memlimit);
  if (!key.ok() && key.error().is(err::kVaultOutOfMemory)) return Error::make(err::kVaultOutOfMemory, "memlimit");
  return key;
}

bool getUnsigned(const nlohmann::json& obj, const char* key, std::int64_t& out) {
  const auto& v = obj.at(key);
  if (!v.is_number_unsigned() || v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) return false;
  out = static_cast<std::int64_t>(v.get<std::uint64_t>());
  return true;
}

}  // namespace

namespace keys_detail {

Result<RecoveryFile> parseRecoveryBody(std::string_view body) {
  nlohmann::json obj;
  if (!parseCanonicalObject(body, {"created_at", "device_id", "memlimit", "opslimit", "recovery_id", "salt", "wrapped"},
                            obj)) {
    return Error::make(err::kRecoveryFormat, {}, "body");
  }
  RecoveryFile f;
  const auto& wrapped = obj.at("wrapped");
  const auto& recoveryId = obj.at("recovery_id");
  const auto& salt = obj.at("salt");
  const bool fieldsOk = getKey(obj, "device_id", f.deviceId) && recoveryId.is_string() &&
                        decodeHex(recoveryId.get_ref<const std::string&>(), f.recoveryId) && salt.is_string() &&
                        decodeHex(salt.get_ref<const std::string&>(), f.salt) &&
                        getString(obj, "created_at", f.createdAt) && getUnsigned(obj, "opslimit", f.opslimit) &&
                        getUnsigned(obj, "memlimit", f.memlimit) && wrapped.is_string();
  if (!fieldsOk) return Error::make(err::kRecoveryFormat, {}, "field type or size");
  f.wrapped.resize(kWrappedBytes);
  if (!decodeHex(wrapped.get_ref<const std::string&>(), f.wrapped)) return Error::make(err::kRecoveryFormat, "wrapped");
  if (!isUtcTimestamp(f.createdAt)) return Error::make(err::kRecoveryFormat, "created_at");
  vault::KdfParams params;
  if (!kdfParams(f, params)) return Error::make(err::kRecoveryFormat, "opslimit", "outside the vault's limits");
  return f;
}

}  // namespace keys_detail

Result<std::string> makeRecoveryFile(const std::array<std::uint8_t, 32>& deviceId, const vault::SecretBytes& dataKey,
                                     std::string_view code, const HubIdentity& hub) {
  if (dataKey.size() != vault::kDataKeyBytes) return Error::make(err::kRecoveryInvalid, "dataKey", "wrong size");
  GOCUA_TRY(vault::init());
  std::string normCode;
  if (!keys_detail::normaliseRecoveryCode(code, normCode)) {
    vault::wipe(normCode);
    return Error::make(err::kRecoveryInvalid, "code", "not a recovery code");
  }
  RecoveryFile f;
  f.deviceId = deviceId;
  vault::randomBytes(f.recoveryId);
  vault::randomBytes(f.salt);
  f.createdAt = utcNow();
  // The code carries 100 random bits, so the floor is plenty and any laptop can open the file.
  const vault::KdfParams params = vault::interactiveKdf();
  f.opslimit = static_cast<std::int64_t>(params.opslimit);
  f.memlimit = static_cast<std::int64_t>(params.memlimit);

  auto key = deriveKey(normCode, f, params);
  vault::wipe(normCode);
  if (!key.ok()) return key.error();
  f.wrapped.resize(kWrappedBytes);
  const auto nonce = std::span(f.wrapped).first<vault::kWrapNonceBytes>();
  vault::randomBytes(nonce);
  const auto sealed = vault::wrapKey(kWrapCipher, dataKey, *key, nonce);
  std::copy(sealed.begin(), sealed.end(), f.wrapped.begin() + vault::kWrapNonceBytes);

  nlohmann::json body = nlohmann::json::object();
  body["created_at"] = f.createdAt;
  body["device_id"] = vault::toHex(f.deviceId);
  body["memlimit"] = static_cast<std::uint64_t>(f.memlimit);
  body["opslimit"] = static_cast<std::uint64_t>(f.opslimit);
  body["recovery_id"] = vault::toHex(f.recoveryId);
  body["salt"] = vault::toHex(f.salt);
  body["wrapped"] = vault::toHex(f.wrapped);
  return keys_detail::frameSignedFile(kKind, keys_detail::canonicalDump(body), hub.signSecret);
}

Result<RecoveryFile> readRecoveryFile(std::string_view file, const std::array<std::uint8_t, 32>& hubSignPublic,
                                      const std::array<std::uint8_t, 32>& deviceId) {
  auto framed = keys_detail::splitSignedFile(file, kKind, {err::kRecoveryFormat, err::kRecoveryUnknownVersion});
  if (!framed.ok()) return framed.error();
  // The key is pinned, so the signature is checked before the body is even parsed.
  if (!keys_detail::verifyBody(framed->body, framed->signature, hubSignPublic))
    return Error::make(err::kRecoveryBadSignature);
  auto f = keys_detail::parseRecoveryBody(framed->body);
  if (!f.ok()) return f.error();
  if (f->deviceId != deviceId) return Error::make(err::kRecoveryWrongDevice);
  return f;
}

Result<vault::SecretBytes> openRecoveryFile(const RecoveryFile& file, std::string_view code) {
  vault::KdfParams params;
  if (file.wrapped.size() != kWrappedBytes || !kdfParams(file, params)) {
    return Error::make(err::kRecoveryDamaged, "wrapped", "wrong size or limits");
  }
  GOCUA_TRY(vault::init());
  std::string normCode;
  // A mistyped code needs no Argon2 run to be refused.
  if (!keys_detail::normaliseRecoveryCode(code, normCode)) {
    vault::wipe(normCode);
    return Error::make(err::kRecoveryWrongCode);
  }
  auto key = deriveKey(normCode, file, params);
  vault::wipe(normCode);
  if (!key.ok()) return key.error();
  const auto wrapped = std::span(file.wrapped);
  auto dataKey = vault::unwrapKey(kWrapCipher, wrapped.subspan<vault::kWrapNonceBytes, vault::kWrappedKeyBytes>(), *key,
                                  wrapped.first<vault::kWrapNonceBytes>());
  if (!dataKey) return Error::make(err::kRecoveryWrongCode);
  return std::move(*dataKey);
}

}  // namespace gocua::sync
