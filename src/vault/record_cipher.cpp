// RecordCipher: subkey derivation, XChaCha20-Poly1305 record seals, keyed BLAKE2b hashes.
#include "vault/record_cipher.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "vault/errors.h"
#include "vault/internal.h"
#include "vault/primitives.h"

namespace gocua::vault {

namespace {
constexpr std::string_view kKdfContext = "gocuarec";
constexpr std::size_t kSubkeyBytes = 32;
enum SubkeyId : int { kSealKey = 0, kIdHashKey = 1, kRevisionKey = 2, kFactsTagKey = 3, kSubkeyCount = 4 };

static_assert(kSubkeyBytes == kAeadKeyBytes);
static_assert(RecordCipher::kNonceBytes == kAeadNonceBytes);
static_assert(RecordCipher::kTagBytes == kAeadTagBytes);
static_assert(kSubkeyBytes <= kHashKeyMaxBytes && kSubkeyBytes >= kHashKeyMinBytes);
}  // namespace

RecordCipher::RecordCipher(const SecretBytes& dataKey) : keys_(kSubkeyBytes * kSubkeyCount) {
  if (dataKey.size() != kDataKeyBytes) {
    std::fputs("gocua::vault::RecordCipher: data key must be kDataKeyBytes long\n", stderr);
    std::abort();
  }
  for (int i = 0; i < kSubkeyCount; ++i)
    // Subkey ids 1 to 4 are part of the stored format: changing them orphans every workspace.
    deriveSubkey({keys_.data() + kSubkeyBytes * i, kSubkeyBytes}, static_cast<std::uint64_t>(i + 1), kKdfContext,
                 dataKey.view().first<kDataKeyBytes>());
  // Nothing writes the subkeys again; a stray write should fault rather than corrupt a key.
  keys_.makeReadOnly();
}

std::span<const std::uint8_t, kAeadKeyBytes> RecordCipher::sealKey() const {
  return std::span<const std::uint8_t, kAeadKeyBytes>(key(kSealKey), kAeadKeyBytes);
}

const std::uint8_t* RecordCipher::key(int index) const {
  assert(!keys_.empty() && "RecordCipher used after being moved from");
  return keys_.data() + kSubkeyBytes * index;
}

void RecordCipher::sealInto(std::uint8_t* out, const std::uint8_t* nonce, std::span<const std::uint8_t> plaintext,
                            std::span<const std::uint8_t> ad) const {
  std::copy_n(nonce, kNonceBytes, out);
  aeadEncrypt({out + kNonceBytes, plaintext.size() + kTagBytes}, plaintext, ad,
              std::span<const std::uint8_t, kNonceBytes>(nonce, kNonceBytes), sealKey());
}

std::vector<std::uint8_t> RecordCipher::seal(std::span<const std::uint8_t> plaintext,
                                             std::span<const std::uint8_t> ad) const {
  std::vector<std::uint8_t> out(plaintext.size() + kOverheadBytes);
  std::uint8_t nonce[kNonceBytes];
  // 192-bit random nonces: collisions are negligible at any record count, with no counter to keep.
  randomBytes(std::span<std::uint8_t>(nonce, sizeof nonce));
  sealInto(out.data(), nonce, plaintext, ad);
  return out;
}

std::vector<std::uint8_t> RecordCipher::seal(std::string_view plaintext, std::span<const std::uint8_t> ad) const {
  return seal(bytesOf(plaintext), ad);
}

Result<std::string> RecordCipher::open(std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad) const {
  if (sealed.size() < kOverheadBytes) return Error::make(err::kVaultDamaged, "", "too short");
  std::string out(sealed.size() - kOverheadBytes, '\0');
  // The tag is verified before anything is decrypted, so a failure leaves out untouched.
  if (!aeadDecrypt({reinterpret_cast<std::uint8_t*>(out.data()), out.size()}, sealed.subspan(kNonceBytes), ad,
                   sealed.first<kNonceBytes>(), sealKey()))
    return Error::make(err::kVaultDamaged, "", "authentication failed");
  return out;
}

Status RecordCipher::openAppend(std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad,
                                std::string& out) const {
  if (sealed.size() < kOverheadBytes) return Error::make(err::kVaultDamaged, "", "too short");
  const std::size_t start = out.size();
  out.resize(start + sealed.size() - kOverheadBytes);
  if (!aeadDecrypt({reinterpret_cast<std::uint8_t*>(out.data() + start), sealed.size() - kOverheadBytes},
                   sealed.subspan(kNonceBytes), ad, sealed.first<kNonceBytes>(), sealKey())) {
    out.resize(start);  // the tag is checked first: nothing was written
    return Error::make(err::kVaultDamaged, "", "authentication failed");
  }
  return {};
}

std::array<std::uint8_t, 32> RecordCipher::idHash(std::string_view personalId) const {
  std::array<std::uint8_t, 32> out{};
  hashInto(out, bytesOf(personalId), {key(kIdHashKey), kSubkeyBytes});
  return out;
}

std::array<std::uint8_t, 32> RecordCipher::revisionHash(std::span<const std::uint8_t> parent,
                                                        std::span<const std::uint8_t> content) const {
  std::array<std::uint8_t, 32> out{};
  std::uint8_t len[8];
  const std::uint64_t n = parent.size();
  for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>(n >> (8 * i));
  Blake2b state(out.size(), {key(kRevisionKey), kSubkeyBytes});  // wiped when it goes out of scope
  state.update({len, sizeof len}).update(parent).update(content);
  state.finalInto(out);
  return out;
}

std::array<std::uint8_t, 32> RecordCipher::factsTag(std::span<const std::uint8_t> facts) const {
  std::array<std::uint8_t, 32> out{};
  hashInto(out, facts, {key(kFactsTagKey), kSubkeyBytes});
  return out;
}

std::array<std::uint8_t, 24> recordAd(std::span<const std::uint8_t, 16> id, std::int64_t revision) {
  std::array<std::uint8_t, 24> ad{};
  std::copy(id.begin(), id.end(), ad.begin());
  for (int i = 0; i < 8; ++i) ad[16 + i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(revision) >> (8 * i));
  return ad;
}

namespace detail {

std::vector<std::uint8_t> RecordCipherAccess::sealWithNonce(const RecordCipher& cipher,
                                                            std::span<const std::uint8_t> plaintext,
                                                            std::span<const std::uint8_t> ad,
                                                            std::span<const std::uint8_t> nonce) {
  if (nonce.size() != RecordCipher::kNonceBytes) return {};
  std::vector<std::uint8_t> out(plaintext.size() + RecordCipher::kOverheadBytes);
  cipher.sealInto(out.data(), nonce.data(), plaintext, ad);
  return out;
}

std::span<const std::uint8_t> RecordCipherAccess::subkey(const RecordCipher& cipher, int index) {
  return {cipher.key(index), kSubkeyBytes};
}

}  // namespace detail

}  // namespace gocua::vault
