// BackgroundCheckpoint with Db::deferCheckpoints: a large commit no longer copies its pages back
// into the file itself; the thread does, while the writer goes on, and nothing is lost.
#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "../temp_dir.h"
#include "store/background_checkpoint.h"
#include "store/db.h"

using namespace gocua;
using namespace gocua::store;
namespace fs = std::filesystem;

namespace {

Db openWithTable(const fs::path& path) {
  auto db = Db::open(path, true);
  REQUIRE(db);
  REQUIRE(db->exec("CREATE TABLE t(n INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
  REQUIRE(db->checkpoint());  // the table's page in the file: only the rows below are in the WAL
  return std::move(*db);
}

// One transaction of rows from first on, about 8 MB: 2,000 pages, past the 1,000-page mark.
void insertRows(Db& db, int first, int count = 2000) {
  REQUIRE(db.exec("BEGIN"));
  auto st = db.prepare("INSERT INTO t(n, body) VALUES(?1, ?2)");
  REQUIRE(st);
  const std::vector<std::uint8_t> body(4000, 0x42);
  for (int i = first; i < first + count; ++i) REQUIRE(st->bind(1, i).bind(2, body).run());
  REQUIRE(db.exec("COMMIT"));
}

std::int64_t rows(Db& db) {
  auto st = db.prepare("SELECT count(*) FROM t");
  REQUIRE(st);
  REQUIRE(st->step().value());
  return st->columnInt(0);
}

}  // namespace

TEST_CASE("a deferred checkpoint leaves a large commit's pages in the WAL until the thread copies them") {
  const test::TempDir dir("gocua-ckpt");
  const fs::path path = dir.path / "t.db";
  auto db = openWithTable(path);
  const auto before = fs::file_size(path);

  SUBCASE("nobody copies: the commit itself did not") {
    int asked = 0;
    db.deferCheckpoints([&] { ++asked; });
    insertRows(db, 0);
    CHECK(asked == 1);
    CHECK(fs::file_size(path) == before);
    CHECK(fs::file_size(fs::path(path) += "-wal") > 8'000'000);
    db.deferCheckpoints({});
  }
  SUBCASE("the background thread copies them, and the file alone then holds every row") {
    auto cp = BackgroundCheckpoint::start(path);
    REQUIRE(cp);
    BackgroundCheckpoint* raw = cp->get();
    db.deferCheckpoints([raw] { raw->request(); });
    insertRows(db, 0);
    CHECK(raw->drain());
    CHECK(fs::file_size(path) > before + 8'000'000);
    db.deferCheckpoints({});
    cp->reset();
  }
  db = Db();
  auto reopened = Db::open(path, false);
  REQUIRE(reopened);
  CHECK(rows(*reopened) == 2000);
  CHECK(reopened->integrityCheck().value().empty());
}

TEST_CASE("the writer keeps committing while checkpoints run, and the file stays whole") {
  const test::TempDir dir("gocua-ckpt");
  const fs::path path = dir.path / "t.db";
  {
    auto db = openWithTable(path);
    auto cp = BackgroundCheckpoint::start(path);
    REQUIRE(cp);
    BackgroundCheckpoint* raw = cp->get();
    db.deferCheckpoints([raw] { raw->request(); });
    for (int round = 0; round < 8; ++round) insertRows(db, round * 1500, 1500);
    CHECK(rows(db) == 8 * 1500);
    CHECK(raw->drain());
    // Stopped with a request pending: nothing hangs, nothing is lost (the writer's close copies).
    insertRows(db, 100'000, 1500);
    db.deferCheckpoints({});
    cp->reset();
  }
  CHECK_FALSE(fs::exists(fs::path(path) += "-wal"));  // the last close copied everything back
  auto reopened = Db::open(path, false);
  REQUIRE(reopened);
  CHECK(rows(*reopened) == 9 * 1500);
  CHECK(reopened->integrityCheck().value().empty());
}
