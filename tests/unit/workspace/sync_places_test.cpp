// The sync screen's hub address and folder, kept sealed in the workspace across sessions.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "store/db.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

TEST_CASE("sync places: kept across a lock, sealed on disk, a swapped value is damage") {
  TempDir t;
  auto ws = Workspace::create(t.path / "ws", "Lan", kPass, false, kKdf);
  REQUIRE(ws.ok());
  {
    auto s = (*ws)->unlock("", kPass);
    REQUIRE(s.ok());
    auto none = (*s)->syncPlaces();
    REQUIRE(none.ok());
    CHECK(none->hubUrl.empty());
    CHECK(none->folder.empty());
    REQUIRE((*s)->saveSyncPlaces({"http://hub.xa-tan-lap.vn:8443", "/media/lan/XA_TAN_LAP"}).ok());
  }
  auto s = (*ws)->unlock("", kPass);
  REQUIRE(s.ok());
  auto kept = (*s)->syncPlaces();
  REQUIRE(kept.ok());
  CHECK(kept->hubUrl == "http://hub.xa-tan-lap.vn:8443");
  CHECK(kept->folder == "/media/lan/XA_TAN_LAP");

  // Neither value is readable in the database file or its log.
  for (const char* name : {"gocua.db", "gocua.db-wal"}) {
    const std::string bytes = readAll(t.path / "ws" / name);
    CHECK(bytes.find("tan-lap") == std::string::npos);
    CHECK(bytes.find("XA_TAN_LAP") == std::string::npos);
  }

  // One byte changed on disk: not obeyed, reported as damage.
  auto db = store::Db::open(t.path / "ws" / "gocua.db", false);
  REQUIRE(db.ok());
  REQUIRE(db->exec("UPDATE meta SET value=substr(value, 1, length(value) - 2) || "
                   "(CASE WHEN substr(value, -2) = '00' THEN '01' ELSE '00' END) WHERE key='sync.places_sealed'")
              .ok());
  auto swapped = (*s)->syncPlaces();
  REQUIRE_FALSE(swapped.ok());
  CHECK(swapped.error().code == "workspace.damaged");
}
