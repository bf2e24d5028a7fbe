// Sealing record bodies and keyed hashes under the workspace data key. Four subkeys are derived
// with crypto_kdf_derive_from_key (context "gocuarec"): 1 seals bodies, 2 keys the citizen-ID hash,
// 3 keys the revision hash, 4 keys the row tags, so no key serves two purposes. The subkeys live in read-only
// SecretBytes memory for the cipher's lifetime.
//
// Hot path (100,000 records per import or unlock): seal and open allocate only their output and
// keep everything else on the stack. All const members are safe to call from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vault/secret.h"

namespace gocua::vault {

namespace detail {
struct RecordCipherAccess;
}

class RecordCipher {
 public:
  // dataKey must be kDataKeyBytes long (a wrong size is a programming error and aborts with a
  // message, like a failed assert, because a constructor cannot return a Result).
  explicit RecordCipher(const SecretBytes& dataKey);
  RecordCipher(RecordCipher&&) noexcept = default;
  RecordCipher& operator=(RecordCipher&&) noexcept = default;

  static constexpr std::size_t kNonceBytes = 24;
  static constexpr std::size_t kTagBytes = 16;
  static constexpr std::size_t kOverheadBytes = kNonceBytes + kTagBytes;

  // XChaCha20-Poly1305-IETF with a random nonce: returns nonce || ciphertext || tag, i.e.
  // plaintext.size() + kOverheadBytes bytes. ad (e.g. record id and revision) is authenticated,
  // not stored: open() must be given the same ad.
  [[nodiscard]] std::vector<std::uint8_t> seal(std::span<const std::uint8_t> plaintext,
                                               std::span<const std::uint8_t> ad) const;
  [[nodiscard]] std::vector<std::uint8_t> seal(std::string_view plaintext, std::span<const std::uint8_t> ad) const;

  // The plaintext of a seal() output. "vault.damaged" when sealed is too short, any byte was
  // changed, ad differs, or it was sealed under another key. Never reads outside sealed.
  [[nodiscard]] Result<std::string> open(std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad) const;
  // The same, appended to out (an export builds each line around the body without a copy). On
  // failure out is as it was.
  [[nodiscard]] Status openAppend(std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad,
                                  std::string& out) const;

  // Keyed BLAKE2b-256 of a (normalised) citizen ID: equal IDs give equal hashes within a workspace,
  // and nobody without the data key can test guesses against the stored hash.
  [[nodiscard]] std::array<std::uint8_t, 32> idHash(std::string_view personalId) const;

  // Keyed BLAKE2b-256 of le64(parent.size()) || parent || content: the link in a record's revision
  // chain. The length prefix keeps (parent, content) splits from colliding.
  [[nodiscard]] std::array<std::uint8_t, 32> revisionHash(std::span<const std::uint8_t> parent,
                                                          std::span<const std::uint8_t> content) const;

  // Keyed BLAKE2b-256 of a record row's plaintext facts (workspace/row_tags.h): binds them to the
  // data key at a fraction of a seal's cost, for every row a 100,000-record receipt rewrites.
  [[nodiscard]] std::array<std::uint8_t, 32> factsTag(std::span<const std::uint8_t> facts) const;

 private:
  friend struct detail::RecordCipherAccess;
  void sealInto(std::uint8_t* out, const std::uint8_t* nonce, std::span<const std::uint8_t> plaintext,
                std::span<const std::uint8_t> ad) const;
  const std::uint8_t* key(int index) const;
  std::span<const std::uint8_t, 32> sealKey() const;

  SecretBytes keys_;  // four 32-byte subkeys back to back: seal, id hash, revision hash, row tag
};

// The associated data that binds a sealed record body to its record and revision, so a body cannot
// be moved to another record or rolled back to an older revision unnoticed: id (16 bytes) ||
// le64(revision). Part of the stored format of every workspace and hub database.
[[nodiscard]] std::array<std::uint8_t, 24> recordAd(std::span<const std::uint8_t, 16> id, std::int64_t revision);

}  // namespace gocua::vault
