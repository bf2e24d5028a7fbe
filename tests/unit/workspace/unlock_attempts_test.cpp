// Wrong passphrases are counted in the workspace file (so a restart forgets nothing), reported by
// the next successful unlock, and after five each further try waits, longer each time. The clock
// is the test's own: no sleeping.
#include <doctest/doctest.h>

#include "workspace/unlock_attempts.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

constexpr const char* kWrong = "không phải mật khẩu này";

}  // namespace

TEST_CASE("unlock attempts: wrong passphrases are counted across restarts and reported once") {
  TempDir t;
  std::int64_t now = 1'800'000'000;
  {
    auto ws = Workspace::create(t.path, "Lan", kPass, false, kKdf);
    REQUIRE(ws.ok());
    (*ws)->setClock([&] { return now; });
    for (int i = 0; i < 3; ++i) CHECK((*ws)->unlock("Lan", kWrong).error().code == "vault.wrong_passphrase");
  }
  auto ws = Workspace::open(t.path);  // a new process: the count is in the file
  REQUIRE(ws.ok());
  (*ws)->setClock([&] { return now; });
  {
    auto s = (*ws)->unlock("Lan", kPass);
    REQUIRE(s.ok());
    CHECK((*s)->failedUnlocksBefore() == 3);
  }
  auto again = (*ws)->unlock("Lan", kPass);
  REQUIRE(again.ok());
  CHECK((*again)->failedUnlocksBefore() == 0);
  // An unknown volunteer is no passphrase guess.
  CHECK((*ws)->unlock("Không Có", kWrong).error().code == "volunteer.not_found");
  CHECK((*ws)->unlock("Lan", kPass).value()->failedUnlocksBefore() == 0);
}

TEST_CASE("unlock attempts: after five wrong tries each try waits, longer each time") {
  TempDir t;
  std::int64_t now = 1'800'000'000;
  auto ws = Workspace::create(t.path, "Lan", kPass, false, kKdf);
  REQUIRE(ws.ok());
  (*ws)->setClock([&] { return now; });
  for (int i = 0; i < 5; ++i) CHECK((*ws)->unlock("Lan", kWrong).error().code == "vault.wrong_passphrase");

  // Even the right passphrase waits now, and the refusal says how long.
  auto early = (*ws)->unlock("Lan", kPass);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "workspace.unlock_delayed");
  CHECK(early.error().detail == "30");
  now += 20;
  CHECK((*ws)->unlock("Lan", kPass).error().detail == "10");

  now += 10;  // waited: one more wrong try, and the next wait doubles
  CHECK((*ws)->unlock("Lan", kWrong).error().code == "vault.wrong_passphrase");
  CHECK((*ws)->unlock("Lan", kPass).error().detail == "60");
  now -= 3600;  // a clock set back does not lock anyone out for longer than the wait
  CHECK((*ws)->unlock("Lan", kPass).error().detail == "60");
  now += 3600 + 60;
  auto s = (*ws)->unlock("Lan", kPass);
  REQUIRE(s.ok());
  CHECK((*s)->failedUnlocksBefore() == 6);
  CHECK((*ws)->unlock("Lan", kWrong).error().code == "vault.wrong_passphrase");  // counting starts again
}

TEST_CASE("unlock attempts: the delay grows and stops at 15 minutes") {
  CHECK(unlockDelaySeconds(0) == 0);
  CHECK(unlockDelaySeconds(4) == 0);
  CHECK(unlockDelaySeconds(5) == 30);
  CHECK(unlockDelaySeconds(6) == 60);
  CHECK(unlockDelaySeconds(7) == 120);
  CHECK(unlockDelaySeconds(9) == 480);
  CHECK(unlockDelaySeconds(10) == 900);
  CHECK(unlockDelaySeconds(1000) == 900);
}
