// gocuactl workspace-level behaviour: init (and the training flag), unlocking (wrong passphrase,
// no passphrase and no terminal), volunteers and passphrase changes, demo data, and what happens
// when one record's sealed body is damaged on disk.
//
// The database is read and tampered with directly through gocua::store::Db after gocuactl has
// exited, because "nothing changed" and "exactly that record is damaged" are claims about the
// file, not about what the CLI chooses to report.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <set>

#include "harness.h"
#include "store/db.h"

using it::json;

namespace {

// Every row of a table as text (hex for blobs via SQL), ordered, so two snapshots compare equal
// exactly when the rows are byte-identical.
std::vector<std::string> snapshot(const it::fs::path& ws, const std::string& sql) {
  auto db = gocua::store::Db::open(ws / "gocua.db", false);
  REQUIRE(db.ok());
  auto stmt = db->prepare(sql);
  REQUIRE(stmt.ok());
  std::vector<std::string> rows;
  while (true) {
    auto more = stmt->step();
    REQUIRE(more.ok());
    if (!*more) break;
    rows.push_back(stmt->columnText(0));
  }
  return rows;
}

std::vector<std::string> records(const it::fs::path& ws) {
  return snapshot(
      ws, "SELECT hex(id) || kind || revision || hex(sealed) FROM record JOIN record_body USING(seq) ORDER BY id");
}
std::vector<std::string> keyslots(const it::fs::path& ws) {
  return snapshot(ws,
                  "SELECT volunteer || opslimit || memlimit || hex(salt) || hex(nonce) || hex(wrapped) "
                  "FROM keyslot ORDER BY volunteer");
}

std::vector<std::uint8_t> uuidBytes(const std::string& uuid) {
  std::vector<std::uint8_t> out;
  std::string hex;
  for (char c : uuid)
    if (c != '-') hex += c;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

// Flips one byte in the middle of the ciphertext of record id (past the 24-byte nonce), the
// way a bad sector or a hand edit would.
void flipByteInSealed(const it::fs::path& ws, const std::string& id) {
  auto db = gocua::store::Db::open(ws / "gocua.db", false);
  REQUIRE(db.ok());
  auto key = uuidBytes(id);
  std::vector<std::uint8_t> sealed;
  {
    auto sel = db->prepare("SELECT sealed FROM record JOIN record_body USING(seq) WHERE id = ?");
    REQUIRE(sel.ok());
    sel->bind(1, std::span<const std::uint8_t>(key));
    auto row = sel->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    auto blob = sel->columnBlob(0);
    sealed.assign(blob.begin(), blob.end());
  }
  REQUIRE(sealed.size() > 24 + 16);
  sealed[24 + (sealed.size() - 24) / 2] ^= 0x01;
  auto upd = db->prepare("UPDATE record_body SET sealed = ? WHERE seq = (SELECT seq FROM record WHERE id = ?)");
  REQUIRE(upd.ok());
  upd->bind(1, std::span<const std::uint8_t>(sealed)).bind(2, std::span<const std::uint8_t>(key));
  REQUIRE(upd->run().ok());
  REQUIRE(db->changes() == 1);
}

// Overwrites record to's sealed body with record from's (a swap an attacker with file access
// could try, to make one person's data appear under another's id).
void copySealed(const it::fs::path& ws, const std::string& from, const std::string& to) {
  auto db = gocua::store::Db::open(ws / "gocua.db", false);
  REQUIRE(db.ok());
  auto src = uuidBytes(from), dst = uuidBytes(to);
  auto upd = db->prepare(
      "UPDATE record_body SET sealed = (SELECT sealed FROM record JOIN record_body USING(seq) WHERE id = ?) "
      "WHERE seq = (SELECT seq FROM record WHERE id = ?)");
  REQUIRE(upd.ok());
  upd->bind(1, std::span<const std::uint8_t>(src)).bind(2, std::span<const std::uint8_t>(dst));
  REQUIRE(upd->run().ok());
  REQUIRE(db->changes() == 1);
}

json verifyOk(it::Sandbox& box, const it::EnvOverrides& over = {}) {
  auto r = box.ctl({"verify"}, "", over);
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  return r.parsed();
}

// Moves the last wrong passphrase far into the past (a plaintext meta row), as if the wait were over.
void backdateLastFailure(const it::fs::path& ws) {
  auto db = gocua::store::Db::open(ws / "gocua.db", false);
  REQUIRE(db.ok());
  auto upd = db->prepare("UPDATE meta SET value = '1' WHERE key = 'unlock_last_failure'");
  REQUIRE(upd.ok());
  REQUIRE(upd->run().ok());
  REQUIRE(db->changes() == 1);
}

const json kResident = {
    {"full_name", "Trịnh Văn Tâm"}, {"date_of_birth", "1979"}, {"sex", "male"}, {"personal_id", "038079001122"}};

}  // namespace

TEST_CASE("init: creates a private workspace; --training marks it; init twice refused") {
  it::Sandbox box;
  auto r = box.ctl({"init", "--volunteer", "Lan"});
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  CHECK(j["training"] == false);
  CHECK(it::fs::exists(box.workspace / "gocua.db"));
  struct stat st {};
  REQUIRE(::stat(box.workspace.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);  // other accounts on a shared laptop cannot look inside

  auto v = verifyOk(box);
  CHECK(v["training"] == false);
  CHECK(v["residents"] == 0);
  CHECK(v["households"] == 0);
  CHECK(v["applications"] == 0);
  CHECK(v["damaged"] == json::array());
  CHECK(box.ctl({"volunteer", "list"}).parsed() == json::array({"Lan"}));

  // A second init must not replace the existing workspace (that would lose every record).
  box.addResident(kResident);
  auto again = box.ctl({"init", "--volunteer", "Minh"});
  INFO(again.describe());
  CHECK(again.exitCode != 0);
  CHECK(verifyOk(box)["residents"] == 1);

  auto training =
      box.ctlRaw({"--workspace", (box.root / "training").string(), "init", "--volunteer", "Lan", "--training"});
  INFO(training.describe());
  REQUIRE(training.exitCode == 0);
  CHECK(training.parsed()["training"] == true);
  auto tv = box.ctlRaw({"--workspace", (box.root / "training").string(), "verify"});
  INFO(tv.describe());
  REQUIRE(tv.exitCode == 0);
  CHECK(tv.parsed()["training"] == true);
}

TEST_CASE("unlock: a wrong passphrase exits 3 and changes nothing") {
  it::Sandbox box;
  box.init();
  box.addResident(kResident);
  const auto recordsBefore = records(box.workspace);
  const auto slotsBefore = keyslots(box.workspace);
  REQUIRE(recordsBefore.size() == 1);

  const it::EnvOverrides wrong = {{"GOCUA_PASSPHRASE", "mật khẩu sai hoàn toàn"},
                                  {"GOCUA_NEW_PASSPHRASE", "một mật khẩu mới rất dài"}};
  const json other = {{"full_name", "Mai Thị Hoa"}, {"date_of_birth", "1991"}, {"sex", "female"}};
  for (const auto& args : std::vector<std::vector<std::string>>{{"resident", "add"},
                                                                {"household", "add"},
                                                                {"passphrase", "change"},
                                                                {"volunteer", "add", "Minh"},
                                                                {"volunteer", "remove", "Lan"},
                                                                {"verify"}}) {
    auto r = box.ctl(args, args[0] == "household" ? R"({"village": "Thôn Đông"})" : other.dump(), wrong);
    INFO(r.describe());
    CHECK(r.exitCode == 3);
    CHECK(r.out.find("Mai Thị Hoa") == std::string::npos);
  }
  CHECK(records(box.workspace) == recordsBefore);
  CHECK(keyslots(box.workspace) == slotsBefore);

  // A volunteer name that does not exist is locked out the same way.
  auto nobody = box.ctl({"--volunteer", "Không Có", "verify"});
  INFO(nobody.describe());
  CHECK(nobody.exitCode == 3);

  // Five wrong passphrases were counted; the sixth try already had to wait (exit 3 all the same).
  auto waiting = box.ctl({"verify"});
  INFO(waiting.describe());
  CHECK(waiting.exitCode == 3);
  CHECK(waiting.err.find("giây") != std::string::npos);  // says how many seconds to wait
  backdateLastFailure(box.workspace);
  auto opened = box.ctl({"verify"});
  INFO(opened.describe());
  CHECK(opened.exitCode == 0);
  CHECK(opened.err.find("5 lần nhập sai mật khẩu") != std::string::npos);
  CHECK(box.ctl({"verify"}).err.find("nhập sai") == std::string::npos);  // reported once

  // The right passphrase still opens it, with the data intact, however its text is normalised
  // (some input methods hand over NFD).
  auto v = verifyOk(box);
  CHECK(v["residents"] == 1);
  REQUIRE(it::nfd(box.passphrase) != box.passphrase);
  CHECK(verifyOk(box, {{"GOCUA_PASSPHRASE", it::nfd(box.passphrase)}})["residents"] == 1);
}

TEST_CASE("unlock: no GOCUA_PASSPHRASE and no terminal exits 3 at once") {
  it::Sandbox box;
  box.init();
  for (const auto& args : std::vector<std::vector<std::string>>{{"verify"}, {"resident", "search", "an"}}) {
    auto r = box.ctl(args, "", {{"GOCUA_PASSPHRASE", std::nullopt}});
    INFO(r.describe());
    CHECK_FALSE(r.timedOut);
    CHECK(r.exitCode == 3);
    CHECK(r.seconds < 1.0);
    CHECK(r.err.find("GOCUA_PASSPHRASE") != std::string::npos);  // tells the user what to set
  }
  // init needs a new passphrase too, and must not leave a half-made workspace behind.
  auto fresh = box.root / "other";
  auto r = box.ctlRaw({"--workspace", fresh.string(), "init", "--volunteer", "Lan"}, "",
                      {{"GOCUA_PASSPHRASE", std::nullopt}});
  INFO(r.describe());
  CHECK(r.exitCode == 3);
  CHECK(r.seconds < 1.0);
  CHECK_FALSE(it::fs::exists(fresh / "gocua.db"));
}

TEST_CASE("volunteers: add, remove, passphrase change; the last volunteer cannot be removed") {
  it::Sandbox box;
  box.init("Lan");
  box.addResident(kResident);
  const std::string minhPass = "mật khẩu của Minh 2025";
  const std::string lanNew = "mật khẩu mới của Lan 2026";

  auto add = box.ctl({"volunteer", "add", "Minh"}, "", {{"GOCUA_NEW_PASSPHRASE", minhPass}});
  INFO(add.describe());
  REQUIRE(add.exitCode == 0);
  CHECK(box.ctl({"volunteer", "list"}).parsed() == json::array({"Lan", "Minh"}));
  // Adding the same name twice is refused.
  CHECK(box.ctl({"volunteer", "add", "Minh"}, "", {{"GOCUA_NEW_PASSPHRASE", minhPass}}).exitCode == 2);
  // Minh's passphrase opens the same data; Lan's passphrase does not open Minh's slot.
  CHECK(verifyOk(box, {{"GOCUA_VOLUNTEER", "Minh"}, {"GOCUA_PASSPHRASE", minhPass}})["residents"] == 1);
  CHECK(box.ctl({"--volunteer", "Minh", "verify"}).exitCode == 3);

  // Lan changes her passphrase: the old one is refused afterwards, the new one works, Minh unaffected.
  auto change = box.ctl({"passphrase", "change"}, "", {{"GOCUA_NEW_PASSPHRASE", lanNew}});
  INFO(change.describe());
  REQUIRE(change.exitCode == 0);
  CHECK(box.ctl({"verify"}).exitCode == 3);
  CHECK(verifyOk(box, {{"GOCUA_PASSPHRASE", lanNew}})["residents"] == 1);
  CHECK(verifyOk(box, {{"GOCUA_VOLUNTEER", "Minh"}, {"GOCUA_PASSPHRASE", minhPass}})["residents"] == 1);

  // A name typed in NFD is stored NFC and unlocks whichever way it is typed.
  const std::string thuPass = "mật khẩu của Thư 2025";
  auto thu = box.ctl({"volunteer", "add", it::nfd("Hoàng Thư")}, "",
                     {{"GOCUA_PASSPHRASE", lanNew}, {"GOCUA_NEW_PASSPHRASE", thuPass}});
  INFO(thu.describe());
  REQUIRE(thu.exitCode == 0);
  CHECK(box.ctl({"volunteer", "list"}).parsed() == json::array({"Lan", "Minh", "Hoàng Thư"}));
  CHECK(verifyOk(box, {{"GOCUA_VOLUNTEER", "Hoàng Thư"}, {"GOCUA_PASSPHRASE", thuPass}})["residents"] == 1);
  CHECK(box.ctl({"volunteer", "remove", "Hoàng Thư"}, "", {{"GOCUA_PASSPHRASE", lanNew}}).exitCode == 0);

  // Minh leaves: his passphrase no longer opens anything.
  auto remove = box.ctl({"volunteer", "remove", "Minh"}, "", {{"GOCUA_PASSPHRASE", lanNew}});
  INFO(remove.describe());
  REQUIRE(remove.exitCode == 0);
  CHECK(box.ctl({"volunteer", "list"}).parsed() == json::array({"Lan"}));
  CHECK(box.ctl({"verify"}, "", {{"GOCUA_VOLUNTEER", "Minh"}, {"GOCUA_PASSPHRASE", minhPass}}).exitCode == 3);

  // Removing Lan, the last one, would make the data unreadable forever.
  auto last = box.ctl({"volunteer", "remove", "Lan"}, "", {{"GOCUA_PASSPHRASE", lanNew}});
  INFO(last.describe());
  CHECK(last.exitCode != 0);
  CHECK(box.ctl({"volunteer", "list"}).parsed() == json::array({"Lan"}));
  CHECK(verifyOk(box, {{"GOCUA_PASSPHRASE", lanNew}})["residents"] == 1);
}

TEST_CASE("weak passphrases: init, volunteer add and passphrase change refuse them with the reason") {
  it::Sandbox box;
  const std::string weak[] = {"12345678", "aaaaaaaa", "password", "        ", "mây trắng\tbay qua đồi"};
  const std::string reasons[] = {"vault.passphrase_sequence", "vault.passphrase_repeated", "vault.passphrase_common",
                                 "vault.passphrase_only_spaces", "vault.passphrase_control_char"};
  for (std::size_t i = 0; i < std::size(weak); ++i) {
    auto r = box.ctl({"init", "--volunteer", "Lan"}, "", {{"GOCUA_PASSPHRASE", weak[i]}});
    INFO(r.describe());
    CHECK(r.exitCode == 2);
    CHECK(r.out.find(reasons[i]) != std::string::npos);
    CHECK_FALSE(it::fs::exists(box.workspace / "gocua.db"));
  }
  box.init("Lan");
  const auto slotsBefore = keyslots(box.workspace);
  auto add = box.ctl({"volunteer", "add", "Minh"}, "", {{"GOCUA_NEW_PASSPHRASE", "12345678"}});
  INFO(add.describe());
  CHECK(add.exitCode == 2);
  CHECK(add.out.find("vault.passphrase_sequence") != std::string::npos);
  auto change = box.ctl({"passphrase", "change"}, "", {{"GOCUA_NEW_PASSPHRASE", "password"}});
  INFO(change.describe());
  CHECK(change.exitCode == 2);
  CHECK(change.out.find("vault.passphrase_common") != std::string::npos);
  CHECK(change.out.find("phổ biến") != std::string::npos);  // the plain Vietnamese reason
  CHECK(keyslots(box.workspace) == slotsBefore);
}

TEST_CASE("demo-data: refused in a real workspace, works in a training one") {
  it::Sandbox box;
  box.init();
  auto refused = box.ctl({"demo-data", "--residents", "20"});
  INFO(refused.describe());
  CHECK(refused.exitCode != 0);
  CHECK(verifyOk(box)["residents"] == 0);

  auto training = box.root / "training";
  auto init = box.ctlRaw({"--workspace", training.string(), "init", "--volunteer", "Lan", "--training"});
  REQUIRE(init.exitCode == 0);
  auto demo = box.ctlRaw({"--workspace", training.string(), "demo-data", "--residents", "100", "--seed", "7"});
  INFO(demo.describe());
  REQUIRE(demo.exitCode == 0);
  CHECK(demo.parsed()["imported"] == 100);
  auto v = box.ctlRaw({"--workspace", training.string(), "verify"});
  INFO(v.describe());
  REQUIRE(v.exitCode == 0);
  CHECK(v.parsed()["residents"] == 100);
  CHECK(v.parsed()["training"] == true);

  // With a hundred residents the commonest surname has more than 20 bearers: search stops at
  // the default limit of 20, and those 20 are the best 20.
  auto all =
      box.ctlRaw({"--workspace", training.string(), "resident", "search", "nguyen", "--limit", "10000"}).parsed();
  auto top = box.ctlRaw({"--workspace", training.string(), "resident", "search", "nguyen"}).parsed();
  REQUIRE(all.is_array());
  REQUIRE(all.size() > 20);
  REQUIRE(top.size() == 20);
  for (std::size_t i = 0; i < top.size(); ++i) CHECK(top[i]["score"] == all[i]["score"]);
}

TEST_CASE("damage: one flipped byte makes exactly that record damaged; the rest stay readable") {
  it::Sandbox box;
  box.init();
  auto a = box.addResident(kResident);
  auto b = box.addResident({{"full_name", "Mai Thị Hoa"}, {"date_of_birth", "1991"}, {"sex", "female"}});
  auto c = box.addResident({{"full_name", "Hà Văn Sơn"}, {"date_of_birth", "1960"}, {"sex", "male"}});
  flipByteInSealed(box.workspace, b);

  auto v = box.ctl({"verify"});
  INFO(v.describe());
  CHECK(v.exitCode == 1);
  auto j = v.parsed();
  REQUIRE(j.is_object());
  CHECK(j["damaged"] == json::array({{{"id", b}, {"kind", "resident"}}}));
  CHECK(j["residents"] == 2);

  auto get = box.ctl({"resident", "get", b}, "", {{"GOCUA_LANG", "en"}});
  INFO(get.describe());
  CHECK(get.exitCode != 0);
  CHECK(get.out.find("Mai") == std::string::npos);
  const auto damagedText = it::catalogText("error.record.damaged", "en");
  REQUIRE_FALSE(damagedText.empty());
  CHECK(get.err.find(damagedText) != std::string::npos);  // the record.damaged message

  for (const auto& id : {a, c}) {
    auto r = box.ctl({"resident", "get", id});
    INFO(r.describe());
    CHECK(r.exitCode == 0);
    CHECK(r.parsed()["id"] == id);
  }
  // Still usable for new work.
  box.addResident({{"full_name", "Lý Thị Nga"}, {"date_of_birth", "1999"}, {"sex", "female"}});

  // A body moved from one record to another does not open either: the sealed bytes are bound
  // to their record's id, so c is now damaged too while a (whose body was copied) is intact.
  copySealed(box.workspace, a, c);
  auto moved = box.ctl({"verify"});
  INFO(moved.describe());
  CHECK(moved.exitCode == 1);
  const json movedJson = moved.parsed();  // (a range-for over a temporary's member would dangle)
  std::set<std::string> damagedIds;
  for (const auto& d : movedJson["damaged"]) damagedIds.insert(d.value("id", ""));
  CHECK(damagedIds == std::set<std::string>{b, c});
  CHECK(movedJson["residents"] == 2);  // a and Lý Thị Nga
}
