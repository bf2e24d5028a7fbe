// The used recovery ids, sealed under the data key; see recovery_used.h.
#include "workspace/recovery_used.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::workspace::detail {
namespace {

constexpr const char* kMetaSealed = "recovery.used_sealed";
// The plaintext JSON list of ids older versions kept; read once, when sealing it.
constexpr const char* kMetaLegacyPlain = "recovery.used";
// Binds the sealed bytes to their purpose: no other sealed value can be swapped in for them.
constexpr std::string_view kAd = "gocua recovery ids used v1";

std::span<const std::uint8_t> adBytes() { return {reinterpret_cast<const std::uint8_t*>(kAd.data()), kAd.size()}; }

}  // namespace

Result<std::vector<std::string>> usedRecoveryIds(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto sealedHex = repo.meta(kMetaSealed);
  if (!sealedHex) return sealedHex.error();
  if (!*sealedHex) return Error::make(err::kRecoveryStateDamaged, "recovery", "missing");
  auto sealed = vault::fromHex(**sealedHex);
  if (!sealed) return Error::make(err::kRecoveryStateDamaged, "recovery", "not hex");
  auto text = cipher.open(*sealed, adBytes());
  if (!text) return Error::make(err::kRecoveryStateDamaged, "recovery", "does not open");
  // One hex id per line (ids are hex: no line can hold another).
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start < text->size()) {
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    ids.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  return ids;
}

Status storeUsedRecoveryIds(store::Repository& repo, const vault::RecordCipher& cipher,
                            const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += id + "\n";
  return repo.setMeta(kMetaSealed, vault::toHex(cipher.seal(text, adBytes())));
}

Status sealLegacyRecoveryUsed(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto sealed = repo.meta(kMetaSealed);
  if (!sealed) return sealed.error();
  if (*sealed) return {};
  auto plain = repo.meta(kMetaLegacyPlain);
  if (!plain) return plain.error();
  std::vector<std::string> ids;
  if (*plain) {
    const auto list = nlohmann::json::parse(**plain, nullptr, false);
    for (const auto& item : list.is_array() ? list : nlohmann::json::array())
      if (auto id = json_detail::as<std::string>(item)) ids.push_back(*id);
  }
  return storeUsedRecoveryIds(repo, cipher, ids);
}

}  // namespace gocua::workspace::detail
