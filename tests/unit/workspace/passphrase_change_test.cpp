// Changing a passphrase makes a new keyslot; it must never be cheaper to guess than the old one,
// whatever GOCUA_KDF (interactive, for tests and old laptops) asks for. Real workspace, real Argon2.
#include <doctest/doctest.h>

#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

TEST_CASE("passphrase change never lowers the slot's KDF cost below the old slot's") {
  TempDir t;
  // One pass more than the floor: costlier than GOCUA_KDF=interactive, still quick.
  const vault::KdfParams costlier{kKdf.opslimit + 1, kKdf.memlimit};
  auto ws = Workspace::create(t.path, "Lan", kPass, false, costlier);
  REQUIRE(ws.ok());
  {
    auto s = (*ws)->unlock("", kPass);
    REQUIRE(s.ok());
    REQUIRE((*s)->changePassphrase("mật khẩu mới của Lan", kKdf).ok());  // asks for the floor
  }
  auto slot = (*ws)->repo().keyslot("Lan");
  REQUIRE(slot.ok());
  REQUIRE(slot->has_value());
  CHECK((*slot)->opslimit == static_cast<std::int64_t>(costlier.opslimit));
  CHECK((*slot)->memlimit == static_cast<std::int64_t>(costlier.memlimit));
  CHECK((*ws)->unlock("Lan", "mật khẩu mới của Lan").ok());

  // Asking for more than the old slot had is honoured.
  const vault::KdfParams more{costlier.opslimit + 1, kKdf.memlimit};
  {
    auto s = (*ws)->unlock("", "mật khẩu mới của Lan");
    REQUIRE(s.ok());
    REQUIRE((*s)->changePassphrase("mật khẩu thứ ba của Lan", more).ok());
  }
  slot = (*ws)->repo().keyslot("Lan");
  REQUIRE(slot.ok());
  REQUIRE(slot->has_value());
  CHECK((*slot)->opslimit == static_cast<std::int64_t>(more.opslimit));
}
