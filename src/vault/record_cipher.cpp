// RecordCipher: subkey derivation, XChaCha20-Poly1305 record seals, keyed BLAKE2b hashes.
#include "vault/record_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "vault/errors.h"
#include "vault/internal.h"

namespace gocua::vault {

namespace {
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "gocuarec";
constexpr std::size_t kSubkeyBytes = 32;
enum SubkeyId : int { kSealKey = 0, kIdHashKey = 1, kRevisionKey = 2, kSubkeyCount = 3 };

static_assert(kDataKeyBytes == crypto_kdf_KEYBYTES);
static_assert(kSubkeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(RecordCipher::kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(RecordCipher::kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kSubkeyBytes <= crypto_generichash_KEYBYTES_MAX && kSubkeyBytes >= crypto_generichash_KEYBYTES_MIN);
}  // namespace

RecordCipher::RecordCipher(const SecretBytes& dataKey) : keys_(kSubkeyBytes * kSubkeyCount) {
  if (dataKey.size() != kDataKeyBytes) {
    std::fputs("gocua::vault::RecordCipher: data key must be kDataKeyBytes long\n", stderr);
    std::abort();
  }
  for (int i = 0; i < kSubkeyCount; ++i)
    // Subkey ids 1, 2, 3 are part of the stored format: changing them orphans every workspace.
    crypto_kdf_derive_from_key(keys_.data() + kSubkeyBytes * i, kSubkeyBytes, static_cast<std::uint64_t>(i + 1),
                               kKdfContext, dataKey.data());
  // Nothing writes the subkeys again; a stray write should fault rather than corrupt a key.
  sodium_mprotect_readonly(keys_.data());
}

const std::uint8_t* RecordCipher::key(int index) const {
  assert(!keys_.empty() && "RecordCipher used after being moved from");
  return keys_.data() + kSubkeyBytes * index;
}

void RecordCipher::sealInto(std::uint8_t* out, const std::uint8_t* nonce, std::span<const std::uint8_t> plaintext,
                            std::span<const std::uint8_t> ad) const {
  std::copy_n(nonce, kNonceBytes, out);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonceBytes, &len, plaintext.data(), plaintext.size(), ad.data(),
                                             ad.size(), nullptr, nonce, key(kSealKey));
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
  unsigned long long len = 0;
  // The tag is verified before anything is decrypted, so a failure leaves out untouched.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<std::uint8_t*>(out.data()), &len, nullptr,
                                                 sealed.data() + kNonceBytes, sealed.size() - kNonceBytes, ad.data(),
                                                 ad.size(), sealed.data(), key(kSealKey)) != 0)
    return Error::make(err::kVaultDamaged, "", "authentication failed");
  return out;
}

Status RecordCipher::openAppend(std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad,
                                std::string& out) const {
  if (sealed.size() < kOverheadBytes) return Error::make(err::kVaultDamaged, "", "too short");
  const std::size_t start = out.size();
  out.resize(start + sealed.size() - kOverheadBytes);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<std::uint8_t*>(out.data() + start), &len, nullptr,
                                                 sealed.data() + kNonceBytes, sealed.size() - kNonceBytes, ad.data(),
                                                 ad.size(), sealed.data(), key(kSealKey)) != 0) {
    out.resize(start);  // the tag is checked first: nothing was written
    return Error::make(err::kVaultDamaged, "", "authentication failed");
  }
  return {};
}

std::array<std::uint8_t, 32> RecordCipher::idHash(std::string_view personalId) const {
  std::array<std::uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const std::uint8_t*>(personalId.data()),
                     personalId.size(), key(kIdHashKey), kSubkeyBytes);
  return out;
}

std::array<std::uint8_t, 32> RecordCipher::revisionHash(std::span<const std::uint8_t> parent,
                                                        std::span<const std::uint8_t> content) const {
  std::array<std::uint8_t, 32> out{};
  std::uint8_t len[8];
  const std::uint64_t n = parent.size();
  for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>(n >> (8 * i));
  crypto_generichash_state state;
  crypto_generichash_init(&state, key(kRevisionKey), kSubkeyBytes, out.size());
  crypto_generichash_update(&state, len, sizeof len);
  crypto_generichash_update(&state, parent.data(), parent.size());
  crypto_generichash_update(&state, content.data(), content.size());
  crypto_generichash_final(&state, out.data(), out.size());
  sodium_memzero(&state, sizeof state);  // the state holds material derived from the subkey
  return out;
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
