// RecordCipher: seal/open round trips, every kind of damage refused, keyed hashes, and golden
// vectors computed independently (Python hashlib BLAKE2b + pyca ChaCha20Poly1305 + a pure-Python
// HChaCha20 checked against the XChaCha draft's test vector), so a change of primitive, subkey id,
// context or layout fails here instead of orphaning every stored workspace.
#include <doctest/doctest.h>

#include "hex.h"

#include <string>
#include <vector>

#include "vault/internal.h"
#include "vault/vault.h"

using namespace gocua;
using vault::bytesOf;

namespace {

vault::SecretBytes counterKey(std::uint8_t start) {
  vault::SecretBytes k(vault::kDataKeyBytes);
  for (std::size_t i = 0; i < k.size(); ++i) k.data()[i] = static_cast<std::uint8_t>(start + i);
  return k;
}

const std::string kBody = R"({"ho_ten":"Nguyễn Văn A","cccd":"001234567890"})";
const std::string kAd = "rec-0001|1";

}  // namespace

TEST_CASE("seal then open returns the plaintext; output is nonce || ciphertext || tag") {
  const vault::RecordCipher cipher(vault::newDataKey());
  auto sealed = cipher.seal(kBody, bytesOf(kAd));
  CHECK(sealed.size() == kBody.size() + vault::RecordCipher::kOverheadBytes);
  auto opened = cipher.open(sealed, bytesOf(kAd));
  REQUIRE(opened.ok());
  CHECK(*opened == kBody);

  // Fresh random nonce every time: sealing twice never repeats bytes.
  CHECK(cipher.seal(kBody, bytesOf(kAd)) != sealed);

  // Empty plaintext and empty ad are legal.
  auto emptySealed = cipher.seal(std::string_view{}, {});
  CHECK(emptySealed.size() == vault::RecordCipher::kOverheadBytes);
  auto emptyOpened = cipher.open(emptySealed, {});
  REQUIRE(emptyOpened.ok());
  CHECK(emptyOpened->empty());
}

TEST_CASE("wrong associated data is refused as damaged") {
  const vault::RecordCipher cipher(vault::newDataKey());
  auto sealed = cipher.seal(kBody, bytesOf("rec-0001|1"));
  for (std::string_view other : {"rec-0001|2", "rec-0002|1", "", "rec-0001|1 "}) {
    auto r = cipher.open(sealed, bytesOf(other));
    REQUIRE(!r.ok());
    CHECK(r.error().code == "vault.damaged");
  }
}

TEST_CASE("one flipped bit anywhere in the sealed bytes is refused") {
  const vault::RecordCipher cipher(vault::newDataKey());
  const auto sealed = cipher.seal(kBody, bytesOf(kAd));
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    for (std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      auto bad = sealed;
      bad[i] ^= mask;
      auto r = cipher.open(bad, bytesOf(kAd));
      INFO("byte " << i << " mask " << int{mask});
      REQUIRE(!r.ok());
      CHECK(r.error().code == "vault.damaged");
    }
  }
}

TEST_CASE("every truncation and extension is refused without reading past the end") {
  const vault::RecordCipher cipher(vault::newDataKey());
  const auto sealed = cipher.seal(kBody, bytesOf(kAd));
  for (std::size_t n = 0; n < sealed.size(); ++n) {
    // An exact-size heap copy, so AddressSanitizer sees any read beyond n.
    const std::vector<std::uint8_t> cut(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(n));
    auto r = cipher.open(cut, bytesOf(kAd));
    INFO("length " << n);
    REQUIRE(!r.ok());
    CHECK(r.error().code == "vault.damaged");
  }
  auto longer = sealed;
  longer.push_back(0);
  CHECK(!cipher.open(longer, bytesOf(kAd)).ok());
  CHECK(!cipher.open({}, {}).ok());
}

TEST_CASE("a seal from another data key is refused") {
  const vault::RecordCipher a(vault::newDataKey());
  const vault::RecordCipher b(vault::newDataKey());
  auto r = b.open(a.seal(kBody, bytesOf(kAd)), bytesOf(kAd));
  REQUIRE(!r.ok());
  CHECK(r.error().code == "vault.damaged");
}

TEST_CASE("idHash is keyed: same key and id agree, another key disagrees") {
  const auto key = vault::newDataKey();
  const vault::RecordCipher a(key);
  const vault::RecordCipher a2(key);
  const vault::RecordCipher b(vault::newDataKey());
  CHECK(a.idHash("001234567890") == a2.idHash("001234567890"));
  CHECK(a.idHash("001234567890") != b.idHash("001234567890"));
  CHECK(a.idHash("001234567890") != a.idHash("001234567891"));
  // Its own subkey: the id hash is not the revision hash of the same bytes.
  CHECK(a.idHash("001234567890") != a.revisionHash({}, bytesOf("001234567890")));
}

TEST_CASE("factsTag is keyed and has its own subkey") {
  const auto key = vault::newDataKey();
  const vault::RecordCipher a(key);
  const vault::RecordCipher a2(key);
  const vault::RecordCipher b(vault::newDataKey());
  CHECK(a.factsTag(bytesOf("row")) == a2.factsTag(bytesOf("row")));
  CHECK(a.factsTag(bytesOf("row")) != b.factsTag(bytesOf("row")));
  CHECK(a.factsTag(bytesOf("row")) != a.factsTag(bytesOf("rox")));
  CHECK(a.factsTag(bytesOf("001234567890")) != a.idHash("001234567890"));
}

TEST_CASE("revisionHash binds the parent/content split and the key") {
  const vault::RecordCipher a(vault::newDataKey());
  const vault::RecordCipher b(vault::newDataKey());
  const auto ab = bytesOf("ab"), c = bytesOf("c"), a1 = bytesOf("a"), bc = bytesOf("bc");
  CHECK(a.revisionHash(ab, c) == a.revisionHash(ab, c));
  CHECK(a.revisionHash(ab, c) != a.revisionHash(a1, bc));  // length prefix
  CHECK(a.revisionHash(ab, c) != b.revisionHash(ab, c));
}

TEST_CASE("golden: subkeys, seal, idHash, revisionHash and factsTag match the independent reference") {
  const vault::RecordCipher cipher(counterKey(0x00));
  using Access = vault::detail::RecordCipherAccess;
  CHECK(vault::toHex(Access::subkey(cipher, 0)) == "18ea5631d37eb566f98d0ad2994dadf5fdcd369f41245b8905a20ca930dd9491");
  CHECK(vault::toHex(Access::subkey(cipher, 1)) == "2b2e359f54eaa1d44f3614dc7d86d714d0cdf7017080d4da7e2091780048c4ea");
  CHECK(vault::toHex(Access::subkey(cipher, 2)) == "1a5b7b16f2399f9ef56ca9d5c48dd57463c991fb94fe6aa7077eb6ae2ca43b09");
  CHECK(vault::toHex(Access::subkey(cipher, 3)) == "0d8b8189ac4f0d9b508df4a8ab7ab953df38e8e0ad17ed44e415c9632afd5ab9");

  const auto nonce = fromHex("404142434445464748494a4b4c4d4e4f5051525354555657");
  const std::string plain = R"({"ho_ten":"Nguyễn Văn A"})";
  const std::string expected =
      "404142434445464748494a4b4c4d4e4f5051525354555657"
      "487e80a3e7456d768baeae8c56601bc1963a7e53ade835a2c31f8e4c4b04369bdb1b54e596b23412c94c3e40";
  const auto sealed = Access::sealWithNonce(cipher, bytesOf(plain), bytesOf("rec-0001|1"), nonce);
  CHECK(vault::toHex(sealed) == expected);
  auto opened = cipher.open(fromHex(expected), bytesOf("rec-0001|1"));
  REQUIRE(opened.ok());
  CHECK(*opened == plain);
  CHECK(Access::sealWithNonce(cipher, bytesOf(plain), {}, bytesOf("short")).empty());

  CHECK(vault::toHex(cipher.idHash("001234567890")) ==
        "facf3df7c1d4314a31a59c50bef7136d4f847b33452738022452123cb8e7b858");
  const std::vector<std::uint8_t> parent(32, 0xaa);
  CHECK(vault::toHex(cipher.revisionHash(parent, bytesOf(R"({"v":2})"))) ==
        "9c28e0ffe08c312f4fa69ad333f6b13a4fd753e2ac0e037f2c22df5f2dafb663");
  CHECK(vault::toHex(cipher.revisionHash({}, bytesOf(R"({"v":2})"))) ==
        "f1aca685ea0fe0f511192cf4b48a8cb8ad0e47bdf14eacc2abeeac602f5f5a13");
  CHECK(vault::toHex(cipher.factsTag(bytesOf("gocua row v1\nfacts"))) ==
        "a1e3e847b23f7f2e95b63c0310767fa06cd291148ba02126abc28293853d984f");
}

TEST_CASE("RecordCipher moves keep working") {
  static_assert(std::is_nothrow_move_constructible_v<vault::RecordCipher>);
  static_assert(std::is_nothrow_move_assignable_v<vault::RecordCipher>);
  static_assert(!std::is_copy_constructible_v<vault::RecordCipher>);
  vault::RecordCipher a(counterKey(0x00));
  const auto sealed = a.seal(kBody, bytesOf(kAd));
  const auto idh = a.idHash("001234567890");
  vault::RecordCipher b(std::move(a));
  CHECK(b.open(sealed, bytesOf(kAd)).ok());
  vault::RecordCipher c(vault::newDataKey());
  c = std::move(b);  // frees c's old read-only subkeys
  CHECK(c.open(sealed, bytesOf(kAd)).ok());
  CHECK(c.idHash("001234567890") == idh);
  std::vector<vault::RecordCipher> many;
  many.emplace_back(vault::newDataKey());
  many.emplace_back(vault::newDataKey());  // reallocation moves the first
  CHECK(many[0].open(many[0].seal(kBody, {}), {}).ok());
}
