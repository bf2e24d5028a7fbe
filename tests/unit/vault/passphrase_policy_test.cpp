// The shared new-passphrase rule: the weakest passphrases are refused, each with its own reason;
// ordinary Vietnamese sentences and the README's examples pass.
#include <doctest/doctest.h>

#include <string>

#include "core/i18n.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

using namespace gocua;

namespace {

std::string refusal(std::string_view passphrase) {
  auto st = vault::checkPassphrase(passphrase);
  return st.ok() ? std::string("ok") : st.error().code;
}

}  // namespace

TEST_CASE("passphrase policy: the weakest are refused with the reason they are weak") {
  CHECK(refusal("12345678") == "vault.passphrase_sequence");
  CHECK(refusal("87654321") == "vault.passphrase_sequence");
  CHECK(refusal("abcdefgh") == "vault.passphrase_sequence");
  CHECK(refusal("QWERTYUI") == "vault.passphrase_sequence");
  CHECK(refusal("aaaaaaaa") == "vault.passphrase_repeated");
  CHECK(refusal("AAAA aaaa") == "vault.passphrase_repeated");
  CHECK(refusal("12121212") == "vault.passphrase_repeated");
  CHECK(refusal("abcdabcd") == "vault.passphrase_repeated");
  CHECK(refusal("password") == "vault.passphrase_common");
  CHECK(refusal("PassWord123") == "vault.passphrase_common");
  CHECK(refusal("mật khẩu 123") == "vault.passphrase_common");
  CHECK(refusal("Mật Khẩu") == "vault.passphrase_common");
  CHECK(refusal("        ") == "vault.passphrase_only_spaces");
  CHECK(refusal("   ") == "vault.passphrase_only_spaces");
  CHECK(refusal("1234567") == "vault.passphrase_too_short");
  CHECK(refusal("") == "vault.passphrase_too_short");
  CHECK(refusal("mật khẩ") == "vault.passphrase_too_short");  // 7 letters in 11 bytes
}

TEST_CASE("passphrase policy: control characters are always refused, however long the rest") {
  CHECK(refusal(std::string("cây đa đầu làng\tTân Phú")) == "vault.passphrase_control_char");
  CHECK(refusal(std::string("cây đa đầu làng\nTân Phú")) == "vault.passphrase_control_char");
  CHECK(refusal(std::string("cây đa đầu làng\x1b[0m Tân Phú")) == "vault.passphrase_control_char");
  CHECK(refusal(std::string("cây đa đầu làng\x7f Tân Phú")) == "vault.passphrase_control_char");
  CHECK(refusal(std::string("cây đa đầu làng \xc2\x85 Tân Phú")) == "vault.passphrase_control_char");  // U+0085
  CHECK(refusal(std::string("cây đa đầu\0làng Tân Phú", 27)) == "vault.passphrase_control_char");
}

TEST_CASE("passphrase policy: ordinary passphrases pass") {
  for (std::string_view p :
       {"mây trắn", "mật khẩu của Lan", "một câu dài dễ nhớ", "taphuan2026", "hoalan12", "Hoa-Lan-2024",
        "mây trắng bay qua đồi 2026", "correct horse battery staple", "  hai  dấu cách  "})
    CHECK_MESSAGE(refusal(p) == "ok", p);
}

TEST_CASE("passphrase policy: wrapDataKey refuses a weak passphrase before any Argon2 work") {
  const auto dataKey = vault::newDataKey();
  auto slot = vault::wrapDataKey(dataKey, "password", vault::interactiveKdf());
  REQUIRE(!slot.ok());
  CHECK(slot.error().code == "vault.passphrase_common");
}

TEST_CASE("passphrase policy: every reason has plain Vietnamese and English text") {
  for (const char* code : {"vault.passphrase_control_char", "vault.passphrase_only_spaces", "vault.passphrase_repeated",
                           "vault.passphrase_sequence", "vault.passphrase_common"}) {
    const std::string key = std::string("error.") + code;
    INFO(key);
    CHECK(i18n::has(key));
    CHECK(i18n::tr(i18n::Lang::Vi, key) != i18n::tr(i18n::Lang::En, key));
  }
}
