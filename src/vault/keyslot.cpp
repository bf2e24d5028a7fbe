// Keyslots: Argon2id13 KEK + XChaCha20-Poly1305 seal of the data key, the KDF parameter policy and
// the passphrase policy. Every size check happens before Argon2 runs, so a damaged slot is refused
// without spending 64 MiB and a fraction of a second.
#include "vault/keyslot.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "core/errors.h"
#include "vault/errors.h"
#include "vault/internal.h"
#include "vault/primitives.h"

namespace gocua::vault {

static_assert(detail::kSaltBytes == kPwhashSaltBytes);
static_assert(detail::kNonceBytes == kWrapNonceBytes);
static_assert(detail::kTagBytes == kAeadTagBytes);
static_assert(detail::kKekBytes == kWrapKeyBytes);
static_assert(detail::kWrappedBytes == kWrappedKeyBytes);

namespace {

constexpr std::uint64_t kMaxOpslimit = 16;
constexpr std::uint64_t kMaxMemlimit = std::uint64_t{4} << 30;
constexpr char kSlotLabel[16] = {'g', 'o', 'c', 'u', 'a', '.', 'k', 'e', 'y', 's', 'l', 'o', 't', '.', 'v', '1'};
constexpr std::uint8_t kBlobMagic[4] = {'G', 'C', 'K', 'S'};
constexpr std::uint8_t kBlobVersion = 1;
constexpr std::uint8_t kBlobAlgArgon2id13 = kArgon2id13AlgId;

void putLe64(std::uint8_t* out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t getLe64(const std::uint8_t* in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{in[i]} << (8 * i);
  return v;
}

// MemAvailable in bytes, 0 when unknown (then the floor is the safe choice).
std::uint64_t memAvailable() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (in >> key >> kib) {
    std::getline(in, unit);
    if (key == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

std::size_t codePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

KdfParams interactiveKdf() { return {kArgon2idOpsInteractive, kArgon2idMemInteractive}; }

KdfParams moderateKdf() { return {kArgon2idOpsModerate, kArgon2idMemModerate}; }

KdfParams defaultKdfParams() {
  if (const char* env = std::getenv("GOCUA_KDF")) {
    const std::string_view v(env);
    if (v == "interactive") return interactiveKdf();
    if (v == "moderate") return moderateKdf();
  }
  return memAvailable() >= (std::uint64_t{1} << 30) ? moderateKdf() : interactiveKdf();
}

Status checkKdfFloor(const KdfParams& params) {
  const KdfParams floor = interactiveKdf();
  if (params.opslimit < floor.opslimit || params.memlimit < floor.memlimit)
    return Error::make(err::kVaultKdfTooWeak, "",
                       "opslimit " + std::to_string(params.opslimit) + ", memlimit " + std::to_string(params.memlimit));
  if (params.opslimit > kMaxOpslimit || std::uint64_t{params.memlimit} > kMaxMemlimit)
    return Error::make(err::kVaultKdfOutOfRange, "",
                       "opslimit " + std::to_string(params.opslimit) + ", memlimit " + std::to_string(params.memlimit));
  return {};
}

int passphraseStrength(std::string_view passphrase) {
  const std::size_t n = codePoints(passphrase);
  if (n < kMinPassphraseCodePoints) return 0;
  bool lower = false, upper = false, digit = false, other = false;
  std::array<bool, 256> seen{};
  int distinct = 0;
  for (char ch : passphrase) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else
      other = true;  // punctuation, spaces, and any non-ASCII (Vietnamese letters, diacritics)
    if (!seen[c]) {
      seen[c] = true;
      ++distinct;
    }
  }
  const int classes = int{lower} + int{upper} + int{digit} + int{other};
  int score = n >= 20 ? 3 : n >= 14 ? 2 : 1;
  if (classes >= 3) ++score;
  // "aaaaaaaa" or "12121212" is long but guessable.
  if (distinct < 5) score = 1;
  return std::min(score, 4);
}

namespace detail {

std::array<std::uint8_t, 16 + 8 + 8 + kSaltBytes> keyslotAd(const KdfParams& params,
                                                            std::span<const std::uint8_t> salt) {
  std::array<std::uint8_t, 16 + 8 + 8 + kSaltBytes> ad{};
  std::memcpy(ad.data(), kSlotLabel, sizeof kSlotLabel);
  putLe64(ad.data() + 16, params.opslimit);
  putLe64(ad.data() + 24, params.memlimit);
  std::copy_n(salt.begin(), std::min(salt.size(), kSaltBytes), ad.begin() + 32);
  return ad;
}

Result<SecretBytes> deriveKek(std::string_view passphrase, std::span<const std::uint8_t> salt,
                              const KdfParams& params) {
  requireSize(salt.size() == kSaltBytes, "deriveKek");
  return derivePassphraseKey(passphrase, salt.first<kSaltBytes>(), params.opslimit, params.memlimit);
}

Status checkKeyslotShape(const Keyslot& slot) {
  if (slot.salt.size() != kSaltBytes || slot.nonce.size() != kNonceBytes || slot.wrapped.size() != kWrappedBytes)
    return Error::make(err::kVaultKeyslotDamaged, "", "field sizes");
  return {};
}

Keyslot wrapWithKek(const SecretBytes& dataKey, const SecretBytes& kek, const KdfParams& params,
                    std::span<const std::uint8_t> salt, std::span<const std::uint8_t> nonce) {
  requireSize(nonce.size() == kNonceBytes, "wrapWithKek");
  Keyslot slot{params, {salt.begin(), salt.end()}, {nonce.begin(), nonce.end()}, {}};
  const auto wrapped =
      wrapKey(KeyWrapCipher::XChaCha20Poly1305, dataKey, kek, nonce.first<kNonceBytes>(), keyslotAd(params, salt));
  slot.wrapped.assign(wrapped.begin(), wrapped.end());
  return slot;
}

Result<SecretBytes> unwrapWithKek(const Keyslot& slot, const SecretBytes& kek) {
  GOCUA_TRY(checkKeyslotShape(slot));
  if (kek.size() != kKekBytes) return Error::make(err::kInternal, "", "KEK size");
  auto dataKey = unwrapKey(KeyWrapCipher::XChaCha20Poly1305, std::span(slot.wrapped).first<kWrappedBytes>(), kek,
                           std::span(slot.nonce).first<kNonceBytes>(), keyslotAd(slot.params, slot.salt));
  if (!dataKey) return Error::make(err::kVaultWrongPassphrase);
  return std::move(*dataKey);
}

}  // namespace detail

Result<Keyslot> wrapDataKey(const SecretBytes& dataKey, std::string_view passphrase, const KdfParams& params) {
  if (dataKey.size() != kDataKeyBytes) return Error::make(err::kInternal, "", "data key size");
  GOCUA_TRY(checkKdfFloor(params));
  GOCUA_TRY(checkPassphrase(passphrase));
  GOCUA_TRY(init());
  std::array<std::uint8_t, detail::kSaltBytes> salt{};
  std::array<std::uint8_t, detail::kNonceBytes> nonce{};
  randomBytes(salt);
  randomBytes(nonce);
  auto kek = detail::deriveKek(passphrase, salt, params);
  if (!kek) return kek.error();
  return detail::wrapWithKek(dataKey, *kek, params, salt, nonce);
}

Result<SecretBytes> unwrapDataKey(const Keyslot& slot, std::string_view passphrase) {
  GOCUA_TRY(detail::checkKeyslotShape(slot));
  GOCUA_TRY(checkKdfFloor(slot.params));
  auto kek = detail::deriveKek(passphrase, slot.salt, slot.params);
  if (!kek) return kek.error();
  return detail::unwrapWithKek(slot, *kek);
}

std::vector<std::uint8_t> encodeKeyslot(const Keyslot& slot) {
  std::vector<std::uint8_t> out(detail::kKeyslotBlobBytes, 0);
  std::uint8_t* p = out.data();
  std::memcpy(p, kBlobMagic, 4);
  p[4] = kBlobVersion;
  p[5] = kBlobAlgArgon2id13;
  putLe64(p + 6, slot.params.opslimit);
  putLe64(p + 14, slot.params.memlimit);
  // A slot of the wrong shape comes out zero-padded or truncated, and then simply fails to unwrap.
  std::copy_n(slot.salt.begin(), std::min(slot.salt.size(), detail::kSaltBytes), p + 22);
  std::copy_n(slot.nonce.begin(), std::min(slot.nonce.size(), detail::kNonceBytes), p + 38);
  std::copy_n(slot.wrapped.begin(), std::min(slot.wrapped.size(), detail::kWrappedBytes), p + 62);
  return out;
}

Result<Keyslot> decodeKeyslot(std::span<const std::uint8_t> blob) {
  if (blob.size() != detail::kKeyslotBlobBytes || std::memcmp(blob.data(), kBlobMagic, 4) != 0 ||
      blob[4] != kBlobVersion || blob[5] != kBlobAlgArgon2id13)
    return Error::make(err::kVaultKeyslotDamaged, "", "not a version-1 keyslot blob");
  const std::uint8_t* p = blob.data();
  const std::uint64_t mem = getLe64(p + 14);
  if (mem > SIZE_MAX) return Error::make(err::kVaultKeyslotDamaged, "", "memlimit");
  Keyslot slot;
  slot.params = {getLe64(p + 6), static_cast<std::size_t>(mem)};
  slot.salt.assign(p + 22, p + 38);
  slot.nonce.assign(p + 38, p + 62);
  slot.wrapped.assign(p + 62, p + 110);
  return slot;
}

}  // namespace gocua::vault
