// The sealed copy of the index between sessions (workspace/index_snapshot.h): an unlock opens it
// only when it is exactly what loading every record would give, on a real SQLite file.
#include <doctest/doctest.h>

#include <sstream>

#include "store/db.h"
#include "workspace/index_snapshot.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

struct Opened {
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<Session> s;
  Workspace::UnlockStats stats;
};

Opened unlockAt(const fs::path& dir) {
  Opened o;
  auto ws = Workspace::open(dir);
  REQUIRE(ws.ok());
  o.ws = std::move(*ws);
  auto s = o.ws->unlock("", kPass, &o.stats);
  REQUIRE(s.ok());
  o.s = std::move(*s);
  return o;
}

void sql(const fs::path& dir, const std::string& text) {
  auto db = store::Db::open(dir / "gocua.db", false);
  REQUIRE(db.ok());
  REQUIRE(db->exec(text).ok());
}

// Everything a session loads at unlock, as text, to compare a copy with a full load.
std::string loaded(Session& s) {
  std::ostringstream out;
  for (const auto& r : s.index().residents())
    out << core::formatRecordId(r.id) << '|' << r.fullName << '|' << r.folded << '|' << r.dateOfBirth << '|' << r.sex
        << '|' << r.personalId << '|' << r.phone << '|' << r.village << '|' << r.householdId << '\n';
  for (const auto& a : s.listApplications(std::nullopt))
    out << a.id << '|' << a.formId << '|' << a.residentId << '|' << a.status << '|' << a.createdAt << '|'
        << a.formVersion << '|' << a.problems << '\n';
  out << "households " << s.households() << '\n';
  for (const char* q : {"an", "nguyen", "hoa", "hhen", "0912", "1990", "05/03/1990", "binhh"})
    out << q << ": " << s.searchResidents(q, 20).dump() << '\n';
  return out.str();
}

// What a full load gives: the copy removed first.
std::string fullLoad(const fs::path& dir) {
  fs::remove(dir / detail::kIndexSnapshotFile);
  auto o = unlockAt(dir);
  CHECK_FALSE(o.stats.fromSnapshot);
  return loaded(*o.s);
}

json resident(const std::string& name, const std::string& dob, const std::string& id = "") {
  json r = {{"full_name", name}, {"date_of_birth", dob}, {"sex", "female"}, {"village", "Thôn Đông"}};
  if (!id.empty()) r["personal_id"] = id;
  return r;
}

// A workspace with residents of every kind the index treats apart, a household and an
// application; closed, so its lock wrote the copy.
struct Filled {
  TempDir t;
  fs::path dir = t.path / "ws";
  std::string residentId;

  Filled() {
    auto [ws, s] = createUnlocked(dir);
    Errors problems;
    auto an = s->addResident(resident("Nguyễn Văn An", "05/03/1990", "001190123456"), &problems);
    REQUIRE(an.ok());
    residentId = an->id;
    REQUIRE(s->addResident(resident("H'Hen Niê", "1980"), &problems).ok());
    REQUIRE(s->addResident(resident("Trần Thị Hoà", "12/2001"), &problems).ok());
    REQUIRE(s->addHousehold({{"head_name", "Nguyễn Văn An"}, {"village", "Thôn Đông"}}, &problems).ok());
    const auto* form = shippedForms().find("birth_registration");
    REQUIRE(form);
    forms::ValidationReport report;
    REQUIRE(s->newApplication(*form, residentId, json::object(), true, &report).ok());
    std::istringstream more(R"({"full_name":"Lê Thị Bình","date_of_birth":"01/01/1960","sex":"female"})"
                            "\n");
    REQUIRE(s->importResidents(more).ok());
  }
};

}  // namespace

TEST_CASE("index copy: the unlock after a lock opens it, and it holds what a full load builds") {
  Filled f;
  std::string fromCopy;
  {
    auto o = unlockAt(f.dir);
    CHECK(o.stats.fromSnapshot);
    CHECK(o.stats.records == 6);
    fromCopy = loaded(*o.s);
  }
  CHECK(fromCopy.find("Nguyễn Văn An") != std::string::npos);
  CHECK(fromCopy == fullLoad(f.dir));
}

TEST_CASE("index copy: what a session changes is in the next copy") {
  Filled f;
  {
    auto o = unlockAt(f.dir);
    REQUIRE(o.stats.fromSnapshot);
    Errors problems;
    REQUIRE(o.s->addResident(resident("Phạm Thị Hoa", "02/02/2002"), &problems).ok());
    REQUIRE(
        o.s->updateResident(f.residentId, resident("Nguyễn Văn Ân", "05/03/1990", "001190123457"), 1, &problems).ok());
  }
  std::string fromCopy;
  {
    auto o = unlockAt(f.dir);
    CHECK(o.stats.fromSnapshot);
    fromCopy = loaded(*o.s);
    CHECK(o.s->searchResidents("pham hoa", 5).size() == 1);
    CHECK(o.s->searchResidents("001190123456", 5).empty());  // the old ID number is gone
  }
  CHECK(fromCopy == fullLoad(f.dir));
}

TEST_CASE("index copy: rows changed outside GoCua, or a damaged copy, mean a full load") {
  Filled f;
  bool damagedRow = false;
  SUBCASE("a row deleted with sqlite3") { sql(f.dir, "DELETE FROM record WHERE kind = 'household'"); }
  SUBCASE("a state changed with sqlite3") {
    sql(f.dir,
        "UPDATE record SET sync_state = 'synced' WHERE seq = (SELECT min(seq) FROM record WHERE kind = 'resident')");
    damagedRow = true;  // its tag no longer matches: the full load reports it
  }
  SUBCASE("one byte of a body changed with sqlite3 (its length, facts and tag as they were)") {
    sql(f.dir,
        "UPDATE record_body SET sealed = CAST(substr(sealed, 1, 30) || "
        "(CASE WHEN substr(sealed, 31, 1) = x'00' THEN x'01' ELSE x'00' END) || substr(sealed, 32) AS BLOB) "
        "WHERE seq = (SELECT min(seq) FROM record WHERE kind = 'resident')");
    damagedRow = true;
  }
  SUBCASE("one byte of the copy changed") {
    auto bytes = readAll(f.dir / detail::kIndexSnapshotFile);
    bytes[bytes.size() / 2] ^= 1;
    std::ofstream(f.dir / detail::kIndexSnapshotFile, std::ios::binary | std::ios::trunc) << bytes;
  }
  SUBCASE("the copy cut short") {
    auto bytes = readAll(f.dir / detail::kIndexSnapshotFile);
    std::ofstream(f.dir / detail::kIndexSnapshotFile, std::ios::binary | std::ios::trunc)
        << bytes.substr(0, bytes.size() - 10);
  }
  SUBCASE("an older copy put back over newer rows (a restored backup of the folder)") {
    const auto older = f.t.path / "older.index";
    fs::copy_file(f.dir / detail::kIndexSnapshotFile, older);
    {
      auto o = unlockAt(f.dir);
      Errors problems;
      REQUIRE(o.s->addResident(resident("Nguyễn Thị Hoà", "04/04/1994"), &problems).ok());
    }
    fs::copy_file(older, f.dir / detail::kIndexSnapshotFile, fs::copy_options::overwrite_existing);
  }
  auto o = unlockAt(f.dir);
  CHECK_FALSE(o.stats.fromSnapshot);
  CHECK(o.s->damaged().empty() == !damagedRow);
  CHECK(o.s->searchResidents("tran thi hoa", 5).size() == 1);
}

TEST_CASE("index copy: not written over what another process wrote while this one was unlocked") {
  Filled f;
  auto mine = unlockAt(f.dir);
  {
    auto other = unlockAt(f.dir);  // a gocuactl run beside the app
    Errors problems;
    REQUIRE(other.s->addResident(resident("Võ Thị Mai", "03/03/1973"), &problems).ok());
  }
  mine.s->lock();  // its index lacks Mai: it must not be sealed as the truth
  auto o = unlockAt(f.dir);
  CHECK(o.s->searchResidents("vo thi mai", 5).size() == 1);
  CHECK(o.stats.fromSnapshot);  // the other process's lock wrote its own, complete copy
}
