// The workspace at rest against someone with sqlite3 and the file: values the code trusts are
// bound to the data key, so a change made outside GoCua is found (verify) and refused (export)
// instead of silently obeyed. Each case edits the real SQLite file the way an attacker would.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "store/db.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

sync::HubIdentity hubIdentity(std::uint8_t b) {
  std::array<std::uint8_t, 32> s1{}, s2{}, s3{};
  s1.fill(b);
  s2.fill(static_cast<std::uint8_t>(b + 1));
  s3.fill(static_cast<std::uint8_t>(b + 2));
  return sync::HubIdentity::fromSeed(s1, s2, s3);
}

std::string profileFor(const sync::HubIdentity& hub) {
  sync::CommuneProfile p;
  p.communeCode = "27001";
  p.communeName = "Xã Tân Lập";
  p.villages = {"Thôn Đông"};
  p.hubUrl = "http://127.0.0.1:8080";
  p.hubSignPublic = hub.signPublic;
  p.hubBoxPublic = hub.box.publicKey;
  p.recoveryPublic = hub.recovery.publicKey;
  p.issuedAt = "2026-11-20T08:00:00Z";
  auto file = sync::writeProfile(p, hub);
  REQUIRE(file.ok());
  return *file;
}

// Runs SQL on the workspace file with no GoCua code in between, as sqlite3 would.
void tamper(const fs::path& dir, const std::string& sql) {
  auto db = store::Db::open(dir / "gocua.db", false);
  REQUIRE(db.ok());
  REQUIRE(db->exec(sql).ok());
}

std::string metaValue(const fs::path& dir, const std::string& key) {
  auto db = store::Db::open(dir / "gocua.db", false);
  REQUIRE(db.ok());
  auto st = db->prepare("SELECT value FROM meta WHERE key=?1");
  REQUIRE(st.ok());
  st->bind(1, key);
  auto row = st->step();
  REQUIRE(row.ok());
  return *row ? st->columnText(0) : std::string();
}

std::string sqlText(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += (c == '\'') ? std::string("''") : std::string(1, c);
  return out + "'";
}

// An enrolled laptop with one resident, locked again (closed) so the test can edit the file.
struct Enrolled {
  TempDir t;
  fs::path dir = t.path / "ws";
  sync::HubIdentity hub = hubIdentity(1);
  std::string seedsAtRequest;  // the device seeds as an older GoCua left them (before binding)

  Enrolled() {
    auto [ws, s] = createUnlocked(dir);
    REQUIRE(s->enrollmentRequest().ok());
    seedsAtRequest = metaValue(dir, "device.seeds");
    REQUIRE(s->enroll(profileFor(hub)).ok());
    Errors problems;
    json r = {{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "05/03/1990"}, {"sex", "male"}};
    REQUIRE(s->addResident(r, &problems).ok());
  }

  struct Opened {
    std::unique_ptr<Workspace> ws;
    std::unique_ptr<Session> s;
  };
  Opened unlock() {
    Opened o;
    auto ws = Workspace::open(dir);
    REQUIRE(ws.ok());
    o.ws = std::move(*ws);
    auto s = o.ws->unlock("", kPass);
    REQUIRE(s.ok());
    o.s = std::move(*s);
    return o;
  }
};

// An export refused as damage, with no batch left behind.
void exportRefusedAsDamaged(Session& s, const fs::path& out) {
  auto exported = s.exportBatch(out);
  REQUIRE_FALSE(exported.ok());
  CHECK(exported.error().code == "workspace.damaged");
  CHECK_FALSE(fs::exists(out));
}

bool reports(const IntegrityReport& r, const std::string& code) {
  for (const auto& p : r.problems)
    if (p.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("hub pin: a hub key and profile swapped in with sqlite3 are refused at export and reported") {
  Enrolled e;
  auto rogue = hubIdentity(50);
  auto rogueProfile = profileFor(rogue);
  tamper(e.dir, "UPDATE meta SET value=" + sqlText(vault::toHex(rogue.signPublic)) +
                    " WHERE key='hub.sign_public'; UPDATE meta SET value=" + sqlText(rogueProfile) +
                    " WHERE key='hub.profile'; DELETE FROM meta WHERE key='hub.binding';");
  auto o = e.unlock();
  auto out = e.t.path / "b.gcb";
  auto exported = o.s->exportBatch(out);
  REQUIRE_FALSE(exported.ok());
  CHECK(exported.error().code == "sync.pin_damaged");
  CHECK_FALSE(fs::exists(out));  // nothing went to the rogue hub's key
  CHECK(o.s->hubUrl().error().code == "sync.pin_damaged");
  CHECK(reports(o.s->checkIntegrity(), "sync.pin_damaged"));
}

TEST_CASE("hub pin: a workspace enrolled by an older GoCua is bound at its first unlock and still exports") {
  Enrolled e;
  // As an older version left it: seeds sealed the old way, no binding row.
  tamper(e.dir, "UPDATE meta SET value=" + sqlText(e.seedsAtRequest) +
                    " WHERE key='device.seeds'; DELETE FROM meta WHERE key='hub.binding';");
  {
    auto o = e.unlock();
    CHECK(o.s->checkIntegrity().problems.empty());
    auto exported = o.s->exportBatch(e.t.path / "1.gcb");
    REQUIRE(exported.ok());
    CHECK(exported->records == 1);
  }
  CHECK_FALSE(metaValue(e.dir, "hub.binding").empty());
  // Once bound, deleting the binding does not make it look old again.
  tamper(e.dir, "DELETE FROM meta WHERE key='hub.binding';");
  auto o = e.unlock();
  CHECK(o.s->exportBatch(e.t.path / "2.gcb").error().code == "sync.pin_damaged");
}

TEST_CASE(
    "metadata: an invalid UTF-8 byte in a volunteer name, the workspace id or the recovery slot is a "
    "clear damaged error, never an abort") {
  for (const std::string& sql :
       {std::string("UPDATE keyslot SET volunteer=CAST(X'4C61FF6E' AS TEXT)"),
        std::string("UPDATE meta SET value=CAST(X'61FF62' AS TEXT) WHERE key='device.workspace_id'"),
        std::string("UPDATE meta SET value=CAST(X'61FF62' AS TEXT) WHERE key='recovery.slot'")}) {
    CAPTURE(sql);
    Enrolled e;
    tamper(e.dir, sql);
    auto o = e.unlock();
    auto exported = o.s->exportBatch(e.t.path / "b.gcb");
    REQUIRE_FALSE(exported.ok());
    CHECK(exported.error().code == "workspace.damaged");
    CHECK_FALSE(fs::exists(e.t.path / "b.gcb"));
    auto request = o.s->enrollmentRequest();
    CHECK_FALSE(request.ok());
    CHECK(reports(o.s->checkIntegrity(), "workspace.damaged"));
  }
}

TEST_CASE("row metadata: a flipped kind byte is found by verify, kept out of search and refused by export") {
  Enrolled e;
  tamper(e.dir, "UPDATE record SET kind='residenu' WHERE kind='resident'");
  auto o = e.unlock();
  CHECK(o.s->damaged().size() == 1);  // old code: read as an unknown kind, silently not searchable
  CHECK(o.s->index().size() == 0);
  CHECK(reports(o.s->checkIntegrity(), "workspace.damaged"));
  auto exported = o.s->exportBatch(e.t.path / "b.gcb");
  REQUIRE_FALSE(exported.ok());
  CHECK(exported.error().code == "workspace.damaged");
  CHECK_FALSE(fs::exists(e.t.path / "b.gcb"));
}

TEST_CASE("row metadata: a sync state set to synced with sqlite3 does not silently drop the record from export") {
  Enrolled e;
  tamper(e.dir, "UPDATE record SET sync_state='synced'");
  auto o = e.unlock();
  CHECK(reports(o.s->checkIntegrity(), "workspace.damaged"));
  auto exported = o.s->exportBatch(e.t.path / "b.gcb");
  REQUIRE_FALSE(exported.ok());  // old code: ok with 0 records, the resident never reaches the hub
  CHECK(exported.error().code == "workspace.damaged");
}

TEST_CASE("row metadata: a state changed after the lock is caught at the unlock though an index copy is there") {
  Enrolled e;
  { auto warm = e.unlock(); }  // its lock seals the index copy
  tamper(e.dir, "UPDATE record SET sync_state='synced'");
  auto ws = Workspace::open(e.dir);
  REQUIRE(ws.ok());
  Workspace::UnlockStats stats;
  auto s = (*ws)->unlock("", kPass, &stats);
  REQUIRE(s.ok());
  CHECK_FALSE(stats.fromSnapshot);  // the rows no longer match it
  CHECK_FALSE((*s)->damaged().empty());
  exportRefusedAsDamaged(**s, e.t.path / "b.gcb");
}

TEST_CASE("row metadata: a sync state changed while the laptop is unlocked is still caught at export") {
  Enrolled e;
  auto o = e.unlock();
  REQUIRE(o.s->damaged().empty());
  // The unlock found every row sound; another connection (sqlite3, another program) writes after.
  tamper(e.dir, "UPDATE record SET sync_state='synced'");
  exportRefusedAsDamaged(*o.s, e.t.path / "b.gcb");
}

TEST_CASE("row metadata: a purged stub changed on disk is caught at export though the unlock skips stubs") {
  Enrolled e;
  {
    auto o = e.unlock();
    Errors problems;
    REQUIRE(o.s->addResident({{"full_name", "Trần Thị Bình"}, {"date_of_birth", "01/01/1960"}, {"sex", "female"}},
                             &problems)
                .ok());
  }
  // One record made a stub as a purge leaves it (no body, synced, its tag as it was), then its
  // state changed with sqlite3: the unlock does not load stubs, so only the export's check sees it.
  tamper(e.dir,
         "UPDATE record_body SET sealed=x'' WHERE seq=(SELECT min(seq) FROM record); "
         "UPDATE record SET purged_at='2026-01-01T00:00:00Z', sync_state='synced' "
         "WHERE seq=(SELECT min(seq) FROM record)");
  auto o = e.unlock();
  CHECK(o.s->damaged().empty());
  exportRefusedAsDamaged(*o.s, e.t.path / "b.gcb");
}

TEST_CASE("row metadata: exports in one session after a sound unlock go on, and tag what they change") {
  Enrolled e;
  auto o = e.unlock();
  auto first = o.s->exportBatch(e.t.path / "1.gcb");
  REQUIRE(first.ok());
  CHECK(first->records == 1);
  Errors problems;
  REQUIRE(o.s->addResident({{"full_name", "Lê Văn Cường"}, {"date_of_birth", "07/05/1985"}, {"sex", "male"}}, &problems)
              .ok());
  auto second = o.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(second.ok());
  CHECK(second->records == 2);  // nothing acknowledged yet: both travel
  // What this session wrote is tagged: a fresh unlock and a full check find nothing.
  o.s->lock();
  auto again = e.unlock();
  CHECK(again.s->damaged().empty());
  CHECK_FALSE(reports(again.s->checkIntegrity(), "workspace.damaged"));
}

TEST_CASE("row metadata: SQLite's own integrity check runs in verify") {
  Enrolled e;
  // An index whose declared columns no longer match its entries, as a torn write can leave it.
  tamper(e.dir,
         "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql='CREATE INDEX record_kind ON record(created_at)' "
         "WHERE name='record_kind'");
  auto o = e.unlock();
  CHECK(reports(o.s->checkIntegrity(), "store.corrupt"));
}

TEST_CASE("row metadata: a workspace from schema v1 is bound at first unlock, then changes show") {
  TempDir t;
  fs::copy(fs::path(GOCUA_SOURCE_DIR) / "tests/fixtures/workspace-v1", t.path / "ws");
  {
    auto ws = Workspace::open(t.path / "ws");
    REQUIRE(ws.ok());
    auto s = (*ws)->unlock("Lan", "fixture-v1-pass");
    REQUIRE(s.ok());
    CHECK((*s)->damaged().empty());
    CHECK((*s)->checkIntegrity().problems.empty());
  }
  tamper(t.path / "ws", "UPDATE record SET kind='household' WHERE kind='resident'");
  auto ws = Workspace::open(t.path / "ws");
  REQUIRE(ws.ok());
  auto s = (*ws)->unlock("Lan", "fixture-v1-pass");
  REQUIRE(s.ok());
  CHECK((*s)->damaged().size() == 2);
  CHECK(reports((*s)->checkIntegrity(), "workspace.damaged"));
}

TEST_CASE("a 0-byte gocua.db is a damaged workspace, not a new empty one") {
  TempDir t;
  auto dir = t.path / "ws";
  {
    auto ws = Workspace::create(dir, "Lan", kPass, false, kKdf);
    REQUIRE(ws.ok());
  }
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(dir / (std::string("gocua.db") + suffix));
  fs::resize_file(dir / "gocua.db", 0);
  auto opened = Workspace::open(dir);
  REQUIRE_FALSE(opened.ok());  // old code: opened, re-created empty, "no volunteer with that name"
  CHECK(opened.error().code == "workspace.damaged");
  CHECK(fs::file_size(dir / "gocua.db") == 0);  // left as found, for whoever recovers it
}
