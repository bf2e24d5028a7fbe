// A lost or torn -wal takes the last committed import with it, and SQLite opens what is left as a
// sound database. The record count sealed next to gocua.db (record_count_seal.h) makes verify say
// what was lost. Each case copies the files of a live workspace, as a power cut leaves them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

const std::string kDb = "gocua.db";

std::string residentLine(int i) {
  return R"({"full_name": "Nguyễn Văn An", "date_of_birth": "05/03/19)" + std::to_string(70 + i) +
         R"(", "sex": "male"})"
         "\n";
}

// A workspace with one resident checkpointed into gocua.db, then an import of two more still
// only in the -wal; the files are copied to crashed/ while the session is open (no checkpoint).
struct Crashed {
  TempDir t;
  fs::path dir = t.path / "ws", crashed = t.path / "crashed", countAfterFirst = t.path / "count-after-first";

  Crashed() {
    {
      auto [ws, s] = createUnlocked(dir);
      std::istringstream one(residentLine(0));
      REQUIRE(s->importResidents(one).ok());
    }  // closing checkpoints the WAL into gocua.db
    if (fs::exists(dir / "gocua.db.count")) fs::copy_file(dir / "gocua.db.count", countAfterFirst);
    auto ws = Workspace::open(dir);
    REQUIRE(ws.ok());
    auto s = (*ws)->unlock("", kPass);
    REQUIRE(s.ok());
    std::istringstream two(residentLine(1) + residentLine(2));
    REQUIRE((*s)->importResidents(two).ok());
    REQUIRE(fs::file_size(dir / (kDb + "-wal")) > 0);
    fs::create_directories(crashed);
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().filename() != kDb + "-shm") fs::copy(entry.path(), crashed / entry.path().filename());
  }

  IntegrityReport verify() {
    auto ws = Workspace::open(crashed);
    REQUIRE(ws.ok());
    auto s = (*ws)->unlock("", kPass);
    REQUIRE(s.ok());
    return (*s)->checkIntegrity();
  }
};

}  // namespace

TEST_CASE("WAL loss: a truncated -wal drops the last import and verify says how many records are missing") {
  Crashed c;
  fs::resize_file(c.crashed / (kDb + "-wal"), 0);
  auto report = c.verify();
  // Old code: 0 problems, the two residents gone without a word.
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].code == "workspace.records_lost");
  auto expected = std::stoll(report.problems[0].field), found = std::stoll(report.problems[0].detail);
  CHECK(expected - found == 2);
}

TEST_CASE("WAL loss: flipped bytes in the -wal's last frame are reported too") {
  Crashed c;
  auto wal = c.crashed / (kDb + "-wal");
  std::fstream f(wal, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(fs::file_size(wal)) - 100);
  f.put('\x5a').put('\xa5');
  f.close();
  auto report = c.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].code == "workspace.records_lost");
}

TEST_CASE("WAL loss: an intact workspace has no count problem; a missing count file is none either; an edited one is") {
  Crashed c;
  CHECK(c.verify().problems.empty());
  fs::remove(c.crashed / "gocua.db.count");
  CHECK(c.verify().problems.empty());
  std::ofstream(c.crashed / "gocua.db.count", std::ios::trunc)
      << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233";
  auto report = c.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].code == "workspace.damaged");
  CHECK(report.problems[0].detail == "gocua.db.count");
}

TEST_CASE("WAL loss: a resident saved after the loss does not hide it, in this session or the next") {
  Crashed c;
  fs::resize_file(c.crashed / (kDb + "-wal"), 0);
  {
    auto ws = Workspace::open(c.crashed);
    REQUIRE(ws.ok());
    auto s = (*ws)->unlock("", kPass);
    REQUIRE(s.ok());
    std::istringstream more(residentLine(3));
    REQUIRE((*s)->importResidents(more).ok());
    auto report = (*s)->checkIntegrity();
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].code == "workspace.records_lost");
    CHECK(std::stoll(report.problems[0].field) - std::stoll(report.problems[0].detail) == 2);
  }
  auto report = c.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].code == "workspace.records_lost");
  CHECK(std::stoll(report.problems[0].field) - std::stoll(report.problems[0].detail) == 2);
}

TEST_CASE("WAL loss: more records than sealed (power cut between the commit and the count) is no loss") {
  Crashed c;
  // The count as sealed before the last import: the import committed, its count did not land.
  if (fs::exists(c.countAfterFirst))
    fs::copy_file(c.countAfterFirst, c.crashed / "gocua.db.count", fs::copy_options::overwrite_existing);
  CHECK(c.verify().problems.empty());
}
