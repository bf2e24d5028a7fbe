// Keyslots and the KDF/passphrase policy. Argon2 runs cost ~0.1-0.3 s each at the 64 MiB floor, so
// the full passphrase path runs a handful of times; AEAD-level tampering is tested through
// detail::unwrapWithKek with a fixed KEK, which isolates what the associated data protects.
#include <doctest/doctest.h>

#include "hex.h"

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "../catalog_check.h"
#include "core/i18n.h"
#include "vault/internal.h"
#include "vault/vault.h"

using namespace gocua;

namespace {

vault::SecretBytes counterKey(std::uint8_t start, std::size_t n = vault::kDataKeyBytes) {
  vault::SecretBytes k(n);
  for (std::size_t i = 0; i < n; ++i) k.data()[i] = static_cast<std::uint8_t>(start + i);
  return k;
}

std::vector<std::uint8_t> counterBytes(std::uint8_t start, std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(start + i);
  return v;
}

bool sameBytes(const vault::SecretBytes& a, const vault::SecretBytes& b) {
  return std::equal(a.view().begin(), a.view().end(), b.view().begin(), b.view().end());
}

// Sets an environment variable for one scope and restores the previous value.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

const std::string kLan = "Mật khẩu của Lan 2024";
const std::string kMinh = "minh-ban-tin-thon-3";

}  // namespace

TEST_CASE("KDF presets and the floor") {
  const auto floor = vault::interactiveKdf();
  CHECK(floor.opslimit == 2);
  CHECK(floor.memlimit == 64u << 20);
  CHECK(vault::moderateKdf().opslimit == 3);
  CHECK(vault::moderateKdf().memlimit == 256u << 20);

  CHECK(vault::checkKdfFloor(floor).ok());
  CHECK(vault::checkKdfFloor(vault::moderateKdf()).ok());
  for (auto weak : {vault::KdfParams{1, floor.memlimit}, vault::KdfParams{floor.opslimit, floor.memlimit - 1024},
                    vault::KdfParams{0, 0}}) {
    auto s = vault::checkKdfFloor(weak);
    REQUIRE(!s.ok());
    CHECK(s.error().code == "vault.kdf_too_weak");
  }
  for (auto huge : {vault::KdfParams{17, floor.memlimit}, vault::KdfParams{2, (std::size_t{4} << 30) + 1024},
                    vault::KdfParams{~std::uint64_t{0}, floor.memlimit}}) {
    auto s = vault::checkKdfFloor(huge);
    REQUIRE(!s.ok());
    CHECK(s.error().code == "vault.kdf_out_of_range");
  }
}

TEST_CASE("GOCUA_KDF selects the parameters for new keyslots") {
  {
    ScopedEnv env("GOCUA_KDF", "interactive");
    CHECK(vault::defaultKdfParams() == vault::interactiveKdf());
  }
  {
    ScopedEnv env("GOCUA_KDF", "moderate");
    CHECK(vault::defaultKdfParams() == vault::moderateKdf());
  }
  for (const char* value : {static_cast<const char*>(nullptr), "", "bogus"}) {
    ScopedEnv env("GOCUA_KDF", value);
    // Recompute the memory rule independently from /proc/meminfo.
    std::ifstream in("/proc/meminfo");
    std::string key, unit;
    std::uint64_t kib = 0, available = 0;
    while (in >> key >> kib >> unit)
      if (key == "MemAvailable:") available = kib;
    const auto expected = available >= (1u << 20) ? vault::moderateKdf() : vault::interactiveKdf();
    CHECK(vault::defaultKdfParams() == expected);
  }
}

TEST_CASE("passphrase policy counts code points, not bytes") {
  CHECK(vault::checkPassphrase("hoalan12").ok());
  auto s = vault::checkPassphrase("hoalan1");
  REQUIRE(!s.ok());
  CHECK(s.error().code == "vault.passphrase_too_short");
  CHECK(!vault::checkPassphrase("").ok());
  // "mật khẩ" is 7 letters in 11 bytes: too short, even though it is over 8 bytes.
  CHECK(!vault::checkPassphrase("mật khẩ").ok());
  CHECK(vault::checkPassphrase("mây trắn").ok());  // 8 letters

  CHECK(vault::passphraseStrength("") == 0);
  CHECK(vault::passphraseStrength("abc") == 0);
  CHECK(vault::passphraseStrength("aaaaaaaaaaaaaaaaaaaaaaaa") == 1);
  CHECK(vault::passphraseStrength("hoalan12") == 1);
  CHECK(vault::passphraseStrength("Hoa-Lan-2024") == 2);
  CHECK(vault::passphraseStrength("cây đa đầu làng xã Tân Phú") >= 3);
  CHECK(vault::passphraseStrength("Cây đa đầu làng, xã Tân Phú 1975!") == 4);
  for (std::string_view p : {"", "x", "abcdefgh", "Mật khẩu của Lan 2024"}) {
    const int v = vault::passphraseStrength(p);
    CHECK((v >= 0 && v <= 4));
  }
}

TEST_CASE("wrap and unwrap: right passphrase, wrong passphrase, two volunteers, tampering") {
  const auto dataKey = vault::newDataKey();
  const auto params = vault::interactiveKdf();

  auto lan = vault::wrapDataKey(dataKey, kLan, params);
  REQUIRE(lan.ok());
  CHECK(lan->params == params);
  CHECK(lan->salt.size() == 16);
  CHECK(lan->nonce.size() == 24);
  CHECK(lan->wrapped.size() == 48);

  auto opened = vault::unwrapDataKey(*lan, kLan);
  REQUIRE(opened.ok());
  CHECK(sameBytes(*opened, dataKey));

  auto wrong = vault::unwrapDataKey(*lan, "Mật khẩu của Lan 2025");
  REQUIRE(!wrong.ok());
  CHECK(wrong.error().code == "vault.wrong_passphrase");

  // A second volunteer gets an independent slot for the same key.
  auto minh = vault::wrapDataKey(dataKey, kMinh, params);
  REQUIRE(minh.ok());
  CHECK(minh->salt != lan->salt);
  CHECK(minh->wrapped != lan->wrapped);
  auto openedMinh = vault::unwrapDataKey(*minh, kMinh);
  REQUIRE(openedMinh.ok());
  CHECK(sameBytes(*openedMinh, dataKey));

  // Stored params edited upward: still refused (the KEK and the associated data both change).
  auto tampered = *lan;
  tampered.params.opslimit += 1;
  auto t = vault::unwrapDataKey(tampered, kLan);
  REQUIRE(!t.ok());
  CHECK(t.error().code == "vault.wrong_passphrase");

  // Stored params edited below the floor: refused before any Argon2 work.
  tampered = *lan;
  tampered.params.memlimit = 8u << 20;
  t = vault::unwrapDataKey(tampered, kLan);
  REQUIRE(!t.ok());
  CHECK(t.error().code == "vault.kdf_too_weak");
  tampered = *lan;
  tampered.params.opslimit = 1u << 20;
  t = vault::unwrapDataKey(tampered, kLan);
  REQUIRE(!t.ok());
  CHECK(t.error().code == "vault.kdf_out_of_range");

  // Wrong field sizes: refused before Argon2 as damaged.
  for (int field = 0; field < 3; ++field) {
    tampered = *lan;
    auto& v = field == 0 ? tampered.salt : field == 1 ? tampered.nonce : tampered.wrapped;
    v.pop_back();
    t = vault::unwrapDataKey(tampered, kLan);
    REQUIRE(!t.ok());
    CHECK(t.error().code == "vault.keyslot_damaged");
  }
}

TEST_CASE("wrap refuses weak parameters, short passphrases and a wrong-size key without Argon2") {
  const auto dataKey = vault::newDataKey();
  auto weak = vault::wrapDataKey(dataKey, kLan, {1, 8u << 20});
  REQUIRE(!weak.ok());
  CHECK(weak.error().code == "vault.kdf_too_weak");
  auto huge = vault::wrapDataKey(dataKey, kLan, {64, 64u << 20});
  REQUIRE(!huge.ok());
  CHECK(huge.error().code == "vault.kdf_out_of_range");
  auto shortPass = vault::wrapDataKey(dataKey, "1234567", vault::interactiveKdf());
  REQUIRE(!shortPass.ok());
  CHECK(shortPass.error().code == "vault.passphrase_too_short");
  auto badKey = vault::wrapDataKey(vault::SecretBytes(16), kLan, vault::interactiveKdf());
  REQUIRE(!badKey.ok());
  CHECK(badKey.error().code == "internal");
}

TEST_CASE("the associated data binds params and salt: any edit fails even with the right KEK") {
  const auto dataKey = counterKey(0x00);
  const auto kek = counterKey(0x80, vault::detail::kKekBytes);
  const auto params = vault::interactiveKdf();
  const auto slot = vault::detail::wrapWithKek(dataKey, kek, params, counterBytes(0xa0, 16), counterBytes(0xb0, 24));

  // Golden: computed independently in Python (label || le64 ops || le64 mem || salt as AD).
  CHECK(vault::toHex(slot.wrapped) ==
        "3af4bd71f2735df0c41cd44d96226f5957e2cb3fbb67640021ffed5c91478dff486ebe0270583ad13c6cdfad1ab813e1");

  auto ok = vault::detail::unwrapWithKek(slot, kek);
  REQUIRE(ok.ok());
  CHECK(sameBytes(*ok, dataKey));

  auto expectRefused = [&](const vault::Keyslot& s) {
    auto r = vault::detail::unwrapWithKek(s, kek);
    REQUIRE(!r.ok());
    CHECK(r.error().code == "vault.wrong_passphrase");
  };
  auto t = slot;
  t.params = vault::moderateKdf();  // "swap in other params" with the KEK unchanged
  expectRefused(t);
  t = slot;
  t.params.memlimit += 1024;
  expectRefused(t);
  for (std::size_t i = 0; i < 16; ++i) {
    t = slot;
    t.salt[i] ^= 1;
    expectRefused(t);
  }
  for (std::size_t i = 0; i < 24; ++i) {
    t = slot;
    t.nonce[i] ^= 1;
    expectRefused(t);
  }
  for (std::size_t i = 0; i < 48; ++i) {
    t = slot;
    t.wrapped[i] ^= 0x80;
    expectRefused(t);
  }
  expectRefused(vault::detail::wrapWithKek(dataKey, counterKey(0x81, 32), params, slot.salt, slot.nonce));
}

TEST_CASE("keyslot blob: round trip, and anything else is damaged") {
  const auto slot = vault::detail::wrapWithKek(counterKey(0x00), counterKey(0x80), vault::interactiveKdf(),
                                               counterBytes(0xa0, 16), counterBytes(0xb0, 24));
  const auto blob = vault::encodeKeyslot(slot);
  CHECK(blob.size() == vault::detail::kKeyslotBlobBytes);
  CHECK(vault::toHex(std::span(blob).first(22)) ==
        "47434b530102"
        "0200000000000000"
        "0000000400000000");
  auto back = vault::decodeKeyslot(blob);
  REQUIRE(back.ok());
  CHECK(*back == slot);

  for (std::size_t n = 0; n < blob.size(); ++n) {
    const std::vector<std::uint8_t> cut(blob.begin(), blob.begin() + static_cast<std::ptrdiff_t>(n));
    auto r = vault::decodeKeyslot(cut);
    REQUIRE(!r.ok());
    CHECK(r.error().code == "vault.keyslot_damaged");
  }
  for (std::size_t i : {0, 3, 4, 5}) {  // magic, version, algorithm
    auto bad = blob;
    bad[i] ^= 1;
    CHECK(!vault::decodeKeyslot(bad).ok());
  }
  auto longer = blob;
  longer.push_back(0);
  CHECK(!vault::decodeKeyslot(longer).ok());
}

TEST_CASE("golden: a version-1 keyslot stored by an earlier build still unlocks") {
  // Made by wrapDataKey(counterKey(0x20), kLan, interactiveKdf()) and encodeKeyslot. If this fails,
  // existing workspaces would no longer open.
  const auto blob = fromHex(
      "47434b530102"
      "0200000000000000"
      "0000000400000000"
      "f248defcb1a9130abb8c8dea79bc0291"
      "33593436014bd9b09cc2dc46ed8e2f789ac20a2c48fcc445"
      "19434f983572e1f8be1a2f2c239a4191dc793625d83c2c584306d8fefdd9a656181e57616b3677384a3a423886d1f449");
  auto slot = vault::decodeKeyslot(blob);
  REQUIRE(slot.ok());
  auto key = vault::unwrapDataKey(*slot, kLan);
  REQUIRE(key.ok());
  CHECK(sameBytes(*key, counterKey(0x20)));
}

TEST_CASE("every vault error code has Vietnamese and English text") {
  checkCatalogCoversErrors(std::initializer_list<const char*>{
      "vault.init", "vault.kdf_too_weak", "vault.kdf_out_of_range", "vault.passphrase_too_short",
      "vault.passphrase_control_char", "vault.passphrase_only_spaces", "vault.passphrase_repeated",
      "vault.passphrase_sequence", "vault.passphrase_common", "vault.wrong_passphrase", "vault.out_of_memory",
      "vault.damaged", "vault.keyslot_damaged"});
  CHECK(i18n::tr(i18n::Lang::Vi, "error.vault.wrong_passphrase") == "Sai mật khẩu. Không có gì bị thay đổi.");
}
