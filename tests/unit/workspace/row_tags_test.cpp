// Row tags (row_tags.h): keyed hashes of a row's plaintext facts, with golden vectors computed
// apart (Python hashlib BLAKE2b over the documented facts encoding), and the tags older builds
// wrote (AEAD seals of nothing) still accepted, so no workspace becomes "damaged" by an upgrade.
#include <doctest/doctest.h>

#include <vector>

#include "vault/primitives.h"
#include "vault/secret.h"
#include "workspace/row_tags.h"

using namespace gocua;
using workspace::detail::rowTag;
using workspace::detail::rowTagMatches;

namespace {

vault::RecordCipher fixedCipher(std::uint8_t first) {
  std::vector<std::uint8_t> key(vault::kDataKeyBytes);
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(first + i);
  return vault::RecordCipher(vault::SecretBytes::copyOf(key));
}

std::vector<std::uint8_t> fixedId() {
  std::vector<std::uint8_t> id(16);
  for (std::size_t i = 0; i < id.size(); ++i) id[i] = static_cast<std::uint8_t>(0xa0 + i);
  return id;
}

std::vector<std::uint8_t> unhex(std::string_view hex) {
  auto bytes = vault::fromHex(hex);
  REQUIRE(bytes.has_value());
  return *bytes;
}

}  // namespace

TEST_CASE("row tags: a keyed BLAKE2b-256 of the row's facts, as the independent reference computes it") {
  const auto cipher = fixedCipher(0x40);
  const auto id = fixedId();
  const store::RowFacts facts{id, 3, "resident", "synced"};
  const auto tag = rowTag(cipher, facts);
  CHECK(tag.size() == workspace::detail::kRowTagBytes);
  CHECK(vault::toHex(tag) == "9c63491c2929ba81a85f2c2886d6b859417d459dbc1f165236b51ac24dc3e787");
  CHECK(rowTagMatches(cipher, facts, tag));

  // Every fact is covered, and the key.
  CHECK_FALSE(rowTagMatches(cipher, {id, 4, "resident", "synced"}, tag));
  CHECK_FALSE(rowTagMatches(cipher, {id, 3, "application", "synced"}, tag));
  CHECK_FALSE(rowTagMatches(cipher, {id, 3, "resident", "unsynced"}, tag));
  auto otherId = id;
  otherId[15] ^= 1;
  CHECK_FALSE(rowTagMatches(cipher, {otherId, 3, "resident", "synced"}, tag));
  CHECK_FALSE(rowTagMatches(fixedCipher(0x41), facts, tag));
  // Length prefixes: moving a byte from the kind to the state is another row.
  CHECK(rowTag(cipher, {id, 3, "ab", "c"}) != rowTag(cipher, {id, 3, "a", "bc"}));

  auto flipped = tag;
  flipped[7] ^= 0x10;
  CHECK_FALSE(rowTagMatches(cipher, facts, flipped));
  CHECK_FALSE(rowTagMatches(cipher, facts, std::span(tag).first(31)));
  CHECK_FALSE(rowTagMatches(cipher, facts, {}));
}

TEST_CASE("row tags: a tag an older build wrote (a seal of nothing) still matches its row, and only it") {
  const auto cipher = fixedCipher(0x40);
  const auto id = fixedId();
  const store::RowFacts facts{id, 3, "resident", "synced"};
  // Written by GoCua before row tags were keyed hashes (main at b2f38a0), for these facts and key.
  const auto legacy = unhex("056887f81a5111a2a3d9bd5eab078083207ad645eacf5dc66cfe3fc1c11d450552a91a11c12ed3de");
  CHECK(legacy.size() == vault::RecordCipher::kOverheadBytes);
  CHECK(rowTagMatches(cipher, facts, legacy));
  CHECK_FALSE(rowTagMatches(cipher, {id, 3, "resident", "unsynced"}, legacy));
  CHECK_FALSE(rowTagMatches(fixedCipher(0x41), facts, legacy));
  auto flipped = legacy;
  flipped[30] ^= 0x01;
  CHECK_FALSE(rowTagMatches(cipher, facts, flipped));
  // A new tag cut or padded to the old length is neither kind.
  auto padded = rowTag(cipher, facts);
  padded.resize(legacy.size());
  CHECK_FALSE(rowTagMatches(cipher, facts, padded));
}
