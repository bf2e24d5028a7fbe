// gocuactl against a workspace changed outside GoCua (sqlite3, a failing disk): `verify` names
// what it finds in its "integrity" list and exits 1, and export refuses instead of trusting it.
// The SQLite file is edited directly through gocua::store::Db, as an attacker with sqlite3 would.
#include <doctest/doctest.h>

#include "harness.h"
#include "store/db.h"

using it::json;
using it::RunResult;
using it::Sandbox;
using it::fs::path;

namespace {

const std::string kHubPass = "mật khẩu cán bộ xã 2026";

RunResult hub(Sandbox& sb, const path& data, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {GOCUA_HUB, "--data", data.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  it::Env env = sb.env;
  env.erase("GOCUA_PASSPHRASE");
  env["GOCUA_HUB_PASSPHRASE"] = kHubPass;
  return it::runProcess(argv, env, "", 120);
}

// A laptop enrolled with a hub made here, through the real binaries.
void enroll(Sandbox& sb) {
  path hubDir = sb.root / "hub", usb = sb.root / "usb";
  it::fs::create_directories(usb);
  auto init =
      hub(sb, hubDir, {"init", "--commune-code", "27004", "--commune-name", "Xã Tân Lập", "--village", "Thôn Đông"});
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());
  auto request = sb.ctl({"enroll-request", "--out", (usb / "lan.gcq").string()});
  REQUIRE_MESSAGE(request.exitCode == 0, request.describe());
  auto enrolled =
      hub(sb, hubDir, {"device", "enroll", (usb / "lan.gcq").string(), "--profile-out", (usb / "xa.gcp").string()});
  REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.describe());
  auto joined = sb.ctl({"enroll", "--profile", (usb / "xa.gcp").string()});
  REQUIRE_MESSAGE(joined.exitCode == 0, joined.describe());
}

void tamper(const path& ws, const std::string& sql) {
  auto db = gocua::store::Db::open(ws / "gocua.db", false);
  REQUIRE(db.ok());
  REQUIRE(db->exec(sql).ok());
}

std::vector<std::string> integrityCodes(const json& verify) {
  std::vector<std::string> codes;
  if (!verify.contains("integrity")) return codes;
  for (const auto& p : verify["integrity"]) codes.push_back(p["code"].get<std::string>());
  return codes;
}

const json kResident = {
    {"full_name", "Trịnh Văn Tâm"}, {"date_of_birth", "1979"}, {"sex", "male"}, {"personal_id", "038079001122"}};

}  // namespace

TEST_CASE("verify and export: a hub pin whose binding is gone is reported and nothing is exported") {
  Sandbox sb;
  sb.init("Lan");
  enroll(sb);
  sb.addResident(kResident);
  auto clean = sb.ctl({"verify"});
  INFO(clean.describe());
  REQUIRE(clean.exitCode == 0);
  CHECK(integrityCodes(clean.parsed()).empty());

  tamper(sb.workspace, "DELETE FROM meta WHERE key='hub.binding'");
  auto v = sb.ctl({"verify"});
  INFO(v.describe());
  CHECK(v.exitCode == 1);
  CHECK(integrityCodes(v.parsed()) == std::vector<std::string>{"sync.pin_damaged"});
  auto out = sb.root / "usb" / "lan-1.gcb";
  auto exported = sb.ctl({"export", "--out", out.string()});
  INFO(exported.describe());
  CHECK(exported.exitCode == 1);
  CHECK(exported.err.find(it::catalogText("error.sync.pin_damaged", "vi").substr(0, 20)) != std::string::npos);
  CHECK_FALSE(it::fs::exists(out));
}

TEST_CASE("verify and export: an invalid UTF-8 volunteer name is reported as damage, not an abort") {
  Sandbox sb;
  sb.init("Lan");
  enroll(sb);
  sb.addResident(kResident);
  tamper(sb.workspace, "UPDATE keyslot SET volunteer=CAST(X'4C61FF6E' AS TEXT)");
  // The passphrase still opens the (only) keyslot: --volunteer is not given.
  auto v = sb.ctl({"verify"});
  INFO(v.describe());
  CHECK(v.exitCode == 1);
  CHECK(integrityCodes(v.parsed()) == std::vector<std::string>{"workspace.damaged"});
  auto exported = sb.ctl({"export", "--out", (sb.root / "usb" / "lan-1.gcb").string()});
  INFO(exported.describe());
  CHECK(exported.exitCode == 1);
  CHECK(exported.signal == 0);
  CHECK(exported.err.find("keyslot") != std::string::npos);  // names the place
  auto list = sb.ctl({"volunteer", "list"});
  INFO(list.describe());
  CHECK(list.exitCode == 1);
  CHECK(list.signal == 0);
}

TEST_CASE("a 0-byte gocua.db: commands say the workspace is damaged, not that the volunteer is unknown") {
  Sandbox sb;
  sb.init("Lan");
  sb.addResident(kResident);
  for (const char* suffix : {"-wal", "-shm"}) it::fs::remove(sb.workspace / (std::string("gocua.db") + suffix));
  it::fs::resize_file(sb.workspace / "gocua.db", 0);
  for (const auto& args : std::vector<std::vector<std::string>>{{"verify"}, {"volunteer", "list"}}) {
    auto r = sb.ctl(args);
    INFO(r.describe());
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("gocua.db") != std::string::npos);
  }
  CHECK(it::fs::file_size(sb.workspace / "gocua.db") == 0);
}
