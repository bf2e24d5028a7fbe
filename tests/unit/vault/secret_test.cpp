// SecretBytes, wipe() and toHex(): the secure-memory basics the rest of the vault stands on.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "vault/vault.h"

using namespace gocua;

TEST_CASE("init succeeds and is idempotent") {
  CHECK(vault::init().ok());
  CHECK(vault::init().ok());
}

TEST_CASE("SecretBytes is zero-filled, random, copyable from a span and move-only") {
  vault::SecretBytes zero(40);
  REQUIRE(zero.size() == 40);
  CHECK(std::all_of(zero.data(), zero.data() + zero.size(), [](std::uint8_t b) { return b == 0; }));

  auto a = vault::SecretBytes::random(32);
  auto b = vault::SecretBytes::random(32);
  CHECK(!std::equal(a.view().begin(), a.view().end(), b.view().begin()));

  const std::vector<std::uint8_t> src{1, 2, 3, 4, 5};
  auto c = vault::SecretBytes::copyOf(src);
  CHECK(std::equal(src.begin(), src.end(), c.view().begin(), c.view().end()));

  vault::SecretBytes moved(std::move(c));
  CHECK(moved.size() == 5);
  CHECK(c.size() == 0);  // NOLINT(bugprone-use-after-move): the moved-from state is part of the contract
  CHECK(c.data() == nullptr);
  moved = vault::SecretBytes::random(8);
  CHECK(moved.size() == 8);

  vault::SecretBytes empty(0);
  CHECK(empty.empty());
  CHECK(empty.view().empty());
  CHECK(vault::SecretBytes::copyOf({}).empty());

  static_assert(!std::is_copy_constructible_v<vault::SecretBytes>);
  static_assert(std::is_nothrow_move_constructible_v<vault::SecretBytes>);
}

TEST_CASE("newDataKey is 32 random bytes") {
  auto k1 = vault::newDataKey();
  auto k2 = vault::newDataKey();
  CHECK(k1.size() == vault::kDataKeyBytes);
  CHECK(!std::equal(k1.view().begin(), k1.view().end(), k2.view().begin()));
}

TEST_CASE("wipe zeroes and clears, including spare capacity") {
  std::string s(100, 'x');
  const char* p = s.data();
  s.resize(10);  // the 90 bytes past size() still hold 'x'
  vault::wipe(s);
  CHECK(s.empty());
  REQUIRE(s.data() == p);  // same buffer, so reading it back is meaningful
  CHECK(std::all_of(p, p + 100, [](char ch) { return ch == '\0'; }));

  std::vector<std::uint8_t> v(64, 0xAB);
  const std::uint8_t* q = v.data();
  v.resize(3);
  vault::wipe(v);
  CHECK(v.empty());
  REQUIRE(v.data() == q);
  CHECK(std::all_of(q, q + 64, [](std::uint8_t b) { return b == 0; }));
}

TEST_CASE("reserveWiping keeps the text, grows at least twofold, and leaves a roomy string alone") {
  std::string s(40, 'a');
  s += "tail";
  const std::size_t before = s.capacity();
  vault::reserveWiping(s, before + 1);
  CHECK(s == std::string(40, 'a') + "tail");
  CHECK(s.capacity() >= 2 * before);
  const char* p = s.data();
  vault::reserveWiping(s, s.capacity());
  CHECK(s.data() == p);
  vault::reserveWiping(s, 10'000);
  CHECK(s.capacity() >= 10'000);
  CHECK(s == std::string(40, 'a') + "tail");
}

TEST_CASE("toHex") {
  const std::vector<std::uint8_t> bytes{0x00, 0x0f, 0xa5, 0xff};
  CHECK(vault::toHex(bytes) == "000fa5ff");
  CHECK(vault::toHex({}).empty());
}
