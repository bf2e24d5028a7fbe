// Golden vectors for every primitive in vault/primitives.h: fixed keys and inputs, expected bytes
// written out here. AEAD (with a pure-Python HChaCha20 checked against the XChaCha draft's vector
// and pyca's ChaCha20Poly1305), Ed25519 (pyca), BLAKE2b and crypto_kdf (hashlib, with salt and
// personal) and X25519 (hashlib SHA-512 + pyca X25519) were checked independently in Python. The
// sealed box, secretbox wrap, Argon2id and secretstream vectors were made once with libsodium 1.0.18
// as GoCua used it before this module: they are the stored formats of batches, receipts' notes,
// recovery files and keyslots, so they must open forever.
#include <doctest/doctest.h>

#include "hex.h"

#include <string>
#include <string_view>
#include <vector>

#include "vault/primitives.h"
#include "vault/record_cipher.h"

using namespace gocua;
using vault::bytesOf;

namespace {

template <std::size_t N>
std::array<std::uint8_t, N> counting(std::uint8_t start) {
  std::array<std::uint8_t, N> a{};
  for (std::size_t i = 0; i < N; ++i) a[i] = static_cast<std::uint8_t>(start + i);
  return a;
}

template <std::size_t N>
std::array<std::uint8_t, N> filled(std::uint8_t v) {
  std::array<std::uint8_t, N> a{};
  a.fill(v);
  return a;
}

vault::SecretBytes secret(std::span<const std::uint8_t> bytes) { return vault::SecretBytes::copyOf(bytes); }

template <class Bytes>
std::string hexOf(const Bytes& b) {
  return vault::toHex(std::span<const std::uint8_t>(b.data(), b.size()));
}

const auto kKey = counting<32>(0);
const auto kNonce = counting<24>(0x40);
constexpr std::string_view kAd = "gocua-ad";

}  // namespace

TEST_CASE("AEAD: XChaCha20-Poly1305-IETF golden vector, and every change refused") {
  const std::string plain = "Xin chào";
  std::vector<std::uint8_t> sealed(plain.size() + vault::kAeadTagBytes);
  vault::aeadEncrypt(sealed, bytesOf(plain), bytesOf(kAd), kNonce, kKey);
  CHECK(hexOf(sealed) == "8c506b50b388bab6e00c436dfe5077942157cbf4bb136bd3c2");

  std::string back(plain.size(), '\0');
  std::span<std::uint8_t> out(reinterpret_cast<std::uint8_t*>(back.data()), back.size());
  REQUIRE(vault::aeadDecrypt(out, sealed, bytesOf(kAd), kNonce, kKey));
  CHECK(back == plain);

  back.assign(plain.size(), '#');
  CHECK_FALSE(vault::aeadDecrypt(out, sealed, bytesOf("gocua-ae"), kNonce, kKey));
  CHECK(back == std::string(plain.size(), '\0'));  // no plaintext on failure: libsodium clears out
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    auto bad = sealed;
    bad[i] ^= 0x01;
    CHECK_FALSE(vault::aeadDecrypt(out, bad, bytesOf(kAd), kNonce, kKey));
  }
  auto otherKey = kKey;
  otherKey[31] ^= 0x80;
  CHECK_FALSE(vault::aeadDecrypt(out, sealed, bytesOf(kAd), kNonce, otherKey));
}

TEST_CASE("subkeys: crypto_kdf_derive_from_key golden vector (the record cipher's seal key)") {
  std::array<std::uint8_t, 32> sub{};
  vault::deriveSubkey(sub, 1, "gocuarec", kKey);
  CHECK(hexOf(sub) == "18ea5631d37eb566f98d0ad2994dadf5fdcd369f41245b8905a20ca930dd9491");
  std::array<std::uint8_t, 32> two{};
  vault::deriveSubkey(two, 2, "gocuarec", kKey);
  CHECK(two != sub);
}

TEST_CASE("key wrap: both stored formats, byte for byte") {
  const auto dataKey = secret(counting<32>(0xa0));
  const auto kek = secret(kKey);

  SUBCASE("XChaCha20-Poly1305 with AD (keyslots, hub keys): ciphertext || tag") {
    const auto wrapped = vault::wrapKey(vault::KeyWrapCipher::XChaCha20Poly1305, dataKey, kek, kNonce, bytesOf(kAd));
    CHECK(hexOf(wrapped) ==
          "7498a7d37445dfb1275d2d150331cb3d220b1f77a7ece52dd28847feb5b99d2f19d536dba7297817b49d13d84accb027");
    auto back = vault::unwrapKey(vault::KeyWrapCipher::XChaCha20Poly1305, wrapped, kek, kNonce, bytesOf(kAd));
    REQUIRE(back.has_value());
    CHECK(hexOf(back->view()) == hexOf(dataKey.view()));
    CHECK_FALSE(vault::unwrapKey(vault::KeyWrapCipher::XChaCha20Poly1305, wrapped, kek, kNonce, {}).has_value());
    CHECK_FALSE(vault::unwrapKey(vault::KeyWrapCipher::XSalsa20Poly1305, wrapped, kek, kNonce).has_value());
  }

  SUBCASE("XSalsa20-Poly1305 secretbox (recovery files): tag || ciphertext") {
    const auto wrapped = vault::wrapKey(vault::KeyWrapCipher::XSalsa20Poly1305, dataKey, kek, kNonce);
    CHECK(hexOf(wrapped) ==
          "d8ed055f50db1f983a4969b65cb98fc9eab6f7da9ef41d8d6ef0dbcac424f45e7e86f4e7d9f6e97f5c6c987145643deb");
    auto back = vault::unwrapKey(vault::KeyWrapCipher::XSalsa20Poly1305, wrapped, kek, kNonce);
    REQUIRE(back.has_value());
    CHECK(hexOf(back->view()) == hexOf(dataKey.view()));
    auto bad = wrapped;
    bad[47] ^= 0x01;
    CHECK_FALSE(vault::unwrapKey(vault::KeyWrapCipher::XSalsa20Poly1305, bad, kek, kNonce).has_value());
  }
}

TEST_CASE("Argon2id13 golden vector (small limits; the limits policy lives in keyslot.h)") {
  const auto salt = counting<16>(0x10);
  auto kek = vault::derivePassphraseKey("mật khẩu", salt, 1, 8192);
  REQUIRE(kek.ok());
  CHECK(hexOf(kek->view()) == "38c5592e6b9172e4e4e7ec1e8c72b21a836b689ec1889c9c9253da84b465a017");
  auto other = vault::derivePassphraseKey("mat khau", salt, 1, 8192);
  REQUIRE(other.ok());
  CHECK(hexOf(other->view()) != hexOf(kek->view()));
}

TEST_CASE("Ed25519: key pair from a seed and a detached signature, golden; forgeries refused") {
  const auto keys = vault::SignKeyPair::fromSeed(filled<32>(1));
  CHECK(hexOf(keys.publicKey) == "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
  const auto sig = vault::sign(std::string_view("GOCUA"), keys.secretKey);
  CHECK(hexOf(sig) ==
        "81834666e9e9b1e879797a5b2c45a3b9eaaa1392170a6fa2276baa46cb6d1712"
        "8d408973d394425e9af3784914938146990b62f837c1c1072f4fae00b2a4d60d");
  CHECK(vault::verify(sig, std::string_view("GOCUA"), keys.publicKey));
  CHECK(sig == vault::sign(bytesOf("GOCUA"), keys.secretKey));  // Ed25519 is deterministic
  CHECK_FALSE(vault::verify(sig, std::string_view("GOCUB"), keys.publicKey));
  auto bad = sig;
  bad[0] ^= 0x01;
  CHECK_FALSE(vault::verify(bad, std::string_view("GOCUA"), keys.publicKey));
  const auto other = vault::SignKeyPair::generate();
  CHECK_FALSE(vault::verify(sig, std::string_view("GOCUA"), other.publicKey));
  CHECK(vault::verify(vault::sign(std::string_view("x"), other.secretKey), std::string_view("x"), other.publicKey));
}

TEST_CASE("BLAKE2b: one-shot, keyed, 512-bit, and streaming equal to one-shot") {
  CHECK(hexOf(vault::blake2b256(std::string_view("abc"))) ==
        "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  CHECK(hexOf(vault::blake2b256(std::string_view(""))) ==
        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  std::array<std::uint8_t, 32> keyed{};
  vault::hashInto(keyed, bytesOf("abc"), kKey);
  CHECK(hexOf(keyed) == "d63a32d3e44738d7907f964316c241adaba0abfeabc32349677578a15a203f7f");
  std::array<std::uint8_t, 64> wide{};
  vault::hashInto(wide, bytesOf("abc"));
  CHECK(hexOf(wide) ==
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");

  vault::Blake2b streamed;
  streamed.update(std::string_view("a")).update(bytesOf("")).update(bytesOf("bc"));
  CHECK(streamed.finalHex() == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  vault::Blake2b streamedKeyed(32, kKey);
  streamedKeyed.update(std::string_view("ab")).update(std::string_view("c"));
  CHECK(streamedKeyed.final<32>() == keyed);
  vault::Blake2b streamedWide(64);
  streamedWide.update(std::string_view("abc"));
  CHECK(streamedWide.final<64>() == wide);
}

TEST_CASE("X25519: pair from a seed, golden; fromSecret recomputes the same public half") {
  const auto pair = vault::BoxKeyPair::fromSeed(filled<32>(2));
  CHECK(hexOf(pair.publicKey) == "60346e7c911a5f6ba154129174cafe75b294ac3bbd5549632f48cec6266f8410");
  CHECK(hexOf(pair.secretKey.view()) == "aa3c626bc9c38c8c201878ebb1d5b0b50ac40e8986c78793db1d4ef369fca1ce");
  auto again = vault::BoxKeyPair::fromSecret(pair.secretKey.view().first<32>());
  REQUIRE(again.has_value());
  CHECK(again->publicKey == pair.publicKey);
  CHECK(vault::BoxKeyPair::generate().publicKey != pair.publicKey);
}

TEST_CASE("sealed box: a stored seal opens with the seeded pair; a fresh seal round-trips") {
  const auto pair = vault::BoxKeyPair::fromSeed(filled<32>(2));
  const std::string note = "Mang theo giấy khai sinh";
  const auto stored = fromHex(
      "ffb6344bcddb7e06e56b9186eab345037867ff81448d29d59661efc011336f57f47620e301d3f698a099205ace0010d7ebe1b5dc"
      "077f35575dacf9509c85131016a5e15015941679d060");
  REQUIRE(stored.size() == note.size() + vault::kSealedBoxOverheadBytes);
  std::string text(note.size(), '\0');
  std::span<std::uint8_t> out(reinterpret_cast<std::uint8_t*>(text.data()), text.size());
  REQUIRE(vault::openSealedBox(out, stored, pair));
  CHECK(text == note);

  auto bad = stored;
  bad.back() ^= 0x01;
  CHECK_FALSE(vault::openSealedBox(out, bad, pair));
  CHECK_FALSE(vault::openSealedBox(out, stored, vault::BoxKeyPair::fromSeed(filled<32>(3))));

  std::vector<std::uint8_t> fresh(note.size() + vault::kSealedBoxOverheadBytes);
  REQUIRE(vault::sealBox(fresh, bytesOf(note), pair.publicKey));
  CHECK(fresh != stored);  // an ephemeral sender key per seal
  text.assign(note.size(), '\0');
  REQUIRE(vault::openSealedBox(out, fresh, pair));
  CHECK(text == note);
  // An all-zero public key is a small-order point: libsodium refuses to seal to it.
  CHECK_FALSE(vault::sealBox(fresh, bytesOf(note), vault::BoxPublicKey{}));
}

TEST_CASE("secretstream: a stored two-chunk stream pulls back with its tags and AD") {
  const auto key = secret(kKey);
  const auto header = fromHex("cb4dcbc4d34f522b45a40697a8e567efadfb67f156917090");
  const auto one = fromHex("701ec4dbd48912a3846e37ced9ed518d0a88c824052a74c95bae");
  const auto two = fromHex("cb1255c215d0cc6cc8e48bac88eac42d2f64a88f");
  std::vector<std::uint8_t> plain(64);

  vault::SecretStreamPull pull;
  REQUIRE(pull.init(std::span<const std::uint8_t, 24>(header.data(), 24), key));
  auto c1 = pull.pull(plain, one, bytesOf(kAd));
  REQUIRE(c1.has_value());
  CHECK(c1->tag == vault::StreamTag::Message);
  CHECK(std::string(plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(c1->length)) == "chunk one");
  auto c2 = pull.pull(plain, two, {});
  REQUIRE(c2.has_value());
  CHECK(c2->tag == vault::StreamTag::Final);
  CHECK(std::string(plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(c2->length)) == "end");

  SUBCASE("wrong AD, reordered or damaged chunks are refused") {
    vault::SecretStreamPull noAd;
    REQUIRE(noAd.init(std::span<const std::uint8_t, 24>(header.data(), 24), key));
    CHECK_FALSE(noAd.pull(plain, one, {}).has_value());
    vault::SecretStreamPull reordered;
    REQUIRE(reordered.init(std::span<const std::uint8_t, 24>(header.data(), 24), key));
    CHECK_FALSE(reordered.pull(plain, two, {}).has_value());
  }

  SUBCASE("push then pull round-trips") {
    vault::SecretStreamPush push;
    const auto h = push.init(key);
    std::vector<std::uint8_t> a(5 + vault::kStreamOverheadBytes), b(vault::kStreamOverheadBytes);
    push.push(a, bytesOf("hello"), bytesOf(kAd), vault::StreamTag::Message);
    push.push(b, {}, {}, vault::StreamTag::Final);
    vault::SecretStreamPull back;
    REQUIRE(back.init(h, key));
    auto r1 = back.pull(plain, a, bytesOf(kAd));
    REQUIRE(r1.has_value());
    CHECK(r1->length == 5);
    auto r2 = back.pull(plain, b, {});
    REQUIRE(r2.has_value());
    CHECK(r2->tag == vault::StreamTag::Final);
    CHECK(r2->length == 0);
  }
}

TEST_CASE("record AD: id || le64(revision), the layout every stored body is sealed under") {
  const auto id = counting<16>(0);
  CHECK(hexOf(vault::recordAd(id, 1)) == "000102030405060708090a0b0c0d0e0f0100000000000000");
  CHECK(hexOf(vault::recordAd(id, 0x0102030405060708)) == "000102030405060708090a0b0c0d0e0f0807060504030201");
}

TEST_CASE("misc: uniform random numbers stay below the bound; constant-time compare; memzero") {
  for (int i = 0; i < 1000; ++i) CHECK(vault::randomUniform(32) < 32);
  const auto a = counting<8>(1);
  auto b = a;
  CHECK(vault::constantTimeEqual(a, b));
  b[7] ^= 1;
  CHECK_FALSE(vault::constantTimeEqual(a, b));
  CHECK_FALSE(vault::constantTimeEqual(a, std::span<const std::uint8_t>(a).first(7)));
  vault::memzero(b.data(), b.size());
  CHECK(b == std::array<std::uint8_t, 8>{});
}
