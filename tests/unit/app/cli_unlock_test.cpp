// The open-once and unlock steps gocuactl and gocua-hub share (cli/unlock.h) and the passphrase
// source they both build (cli/terminal.h).
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "cli/errors.h"
#include "cli/terminal.h"
#include "cli/unlock.h"
#include "vault/errors.h"

using namespace gocua;

TEST_CASE("openOnce makes the object once and keeps nothing from a failed make") {
  std::unique_ptr<int> slot;
  int makes = 0;
  auto failing = [&]() -> Result<std::unique_ptr<int>> {
    ++makes;
    return Error::make(err::kVaultWrongPassphrase);
  };
  auto first = cli::openOnce(slot, failing);
  REQUIRE_FALSE(first.ok());
  CHECK(first.error().code == "vault.wrong_passphrase");
  CHECK(slot == nullptr);

  auto making = [&]() -> Result<std::unique_ptr<int>> {
    ++makes;
    return std::make_unique<int>(42);
  };
  auto second = cli::openOnce(slot, making);
  auto third = cli::openOnce(slot, making);
  REQUIRE(second.ok());
  REQUIRE(third.ok());
  CHECK(*second == *third);
  CHECK(**third == 42);
  CHECK(makes == 2);
}

TEST_CASE("withPassphrase hands the passphrase on, returns the answer, and skips open without one") {
  std::string seen;
  auto opened = cli::withPassphrase(std::string("mật khẩu"), [&](std::string_view pass) -> Result<int> {
    seen = pass;
    return 7;
  });
  REQUIRE(opened.ok());
  CHECK(*opened == 7);
  CHECK(seen == "mật khẩu");

  bool called = false;
  auto missing = cli::withPassphrase(Error::make(err::kCliNoPassphrase), [&](std::string_view) -> Result<int> {
    called = true;
    return 1;
  });
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "cli.no_passphrase");
  CHECK_FALSE(called);
}

TEST_CASE("passphraseSource prompts with catalog text and reads the variable as NFC") {
  constexpr const char* kVar = "GOCUA_TEST_UNLOCK_PASSPHRASE";
  const auto source =
      cli::passphraseSource(kVar, "cli.prompt.passphrase", true, err::kCliNoPassphrase, err::kCliPassphraseMismatch);
  CHECK(source.confirm);
  CHECK_FALSE(source.prompt.empty());
  CHECK(source.prompt != "cli.prompt.passphrase");
  CHECK(std::string_view(source.mismatchCode.code) == "cli.passphrase_mismatch");
  // "Tiếng" typed as NFD (e, combining circumflex, combining acute), as some input methods send it.
  ::setenv(kVar, "Tie\xCC\x82\xCC\x81ng", 1);
  auto pass = cli::readPassphrase(source);
  ::unsetenv(kVar);
  REQUIRE(pass.ok());
  CHECK(*pass == "Ti\xE1\xBA\xBFng");
}
