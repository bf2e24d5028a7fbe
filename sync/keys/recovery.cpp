// The recovery slot a laptop sends in every manifest (its data key sealed to the commune's
// recovery key) and the one-time code staff read to a volunteer who forgot the passphrase.
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "sync/keys/recovery_internal.h"
#include "vault/primitives.h"

namespace gocua::sync {

namespace {

constexpr std::size_t kSlotBytes = vault::kSealedBoxOverheadBytes + vault::kDataKeyBytes;

}  // namespace

Result<std::vector<std::uint8_t>> sealRecoverySlot(const vault::SecretBytes& dataKey,
                                                   const std::array<std::uint8_t, 32>& recoveryPublic) {
  if (dataKey.size() != vault::kDataKeyBytes) return Error::make(err::kRecoveryInvalid, "dataKey", "wrong size");
  GOCUA_TRY(vault::init());
  std::vector<std::uint8_t> slot(kSlotBytes);
  if (!vault::sealBox(slot, dataKey.view(), recoveryPublic)) {
    return Error::make(err::kRecoveryInvalid, "recoveryPublic", "seal failed");
  }
  return slot;
}

Result<vault::SecretBytes> openRecoverySlot(std::span<const std::uint8_t> slot, const HubKeys& recovery) {
  if (slot.size() != kSlotBytes) return Error::make(err::kRecoveryDamaged, "slot", "wrong size");
  GOCUA_TRY(vault::init());
  vault::SecretBytes dataKey(vault::kDataKeyBytes);
  if (!vault::openSealedBox({dataKey.data(), dataKey.size()}, slot, recovery)) {
    return Error::make(err::kRecoveryDamaged, "slot", "does not open");
  }
  return dataKey;
}

std::string newRecoveryCode() {
  // No random source means no code may be made at all: randomUniform aborts then.
  std::string code;
  code.reserve(keys_detail::kRecoveryCodeChars + 4);
  for (std::size_t i = 0; i < keys_detail::kRecoveryCodeChars; ++i) {
    if (i > 0 && i % 4 == 0) code.push_back('-');
    code.push_back(keys_detail::kRecoveryAlphabet[vault::randomUniform(32)]);
  }
  return code;
}

namespace keys_detail {

bool normaliseRecoveryCode(std::string_view code, std::string& out) {
  out.clear();
  out.reserve(kRecoveryCodeChars);
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kRecoveryAlphabet.find(c) == std::string_view::npos || out.size() == kRecoveryCodeChars) return false;
    out.push_back(c);
  }
  return out.size() == kRecoveryCodeChars;
}

}  // namespace keys_detail

}  // namespace gocua::sync
