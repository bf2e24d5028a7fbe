// gocua-hub import killed (SIGKILL, as a power cut) at every named crash point: the database
// must stay intact and importing the same batch again must give exactly one copy of every record
// and exit 0. The batch comes from the real gocuactl (enroll-request → hub enroll → export).
// The crashing import runs the test build gocua-hub-crash; everything else, the shipped gocua-hub,
// which must have no crash hooks at all.
#if defined(GOCUA_HUB) && defined(GOCUA_HUB_CRASH)

#include <doctest/doctest.h>

#include <csignal>

#include "../../sync/hub/crash_points.h"
#include "harness.h"
#include "store/db.h"

namespace {

using namespace it;

const std::string kHubPassphrase = "mật khẩu cán bộ xã 2025";

struct HubSandbox {
  Sandbox sb;
  fs::path hubDir = sb.root / "hub";
  Env hubEnv() const {
    Env e = sb.env;
    e["GOCUA_HUB_PASSPHRASE"] = kHubPassphrase;
    e["GOCUA_LANG"] = "en";
    return e;
  }
  RunResult hub(const fs::path& data, const std::vector<std::string>& args, const Env& env,
                const char* binary = GOCUA_HUB) {
    std::vector<std::string> argv = {binary, "--data", data.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, "");
  }
};

std::string integrity(const fs::path& db) {
  auto opened = gocua::store::Db::open(db, false);
  if (!opened.ok()) return "open failed: " + opened.error().code;
  auto st = opened->prepare("PRAGMA integrity_check");
  if (!st.ok()) return "prepare failed";
  auto row = st->step();
  if (!row.ok() || !*row) return "step failed";
  return st->columnText(0);
}

}  // namespace

TEST_CASE("hub import: a crash at every crash point loses nothing and duplicates nothing") {
  HubSandbox h;
  h.sb.init("Lan");
  const std::vector<std::string> names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"};
  for (const auto& n : names)
    h.sb.addResident({{"full_name", n}, {"date_of_birth", "01/02/1990"}, {"sex", "male"}, {"village", "Thôn 1"}});

  auto env = h.hubEnv();
  auto init =
      h.hub(h.hubDir, {"init", "--commune-code", "27004", "--commune-name", "Xã Thử", "--village", "Thôn 1"}, env);
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());
  auto gcq = h.sb.root / "req.gcq", gcp = h.sb.root / "profile.gcp", gcb = h.sb.root / "batch.gcb";
  auto req = h.sb.ctl({"enroll-request", "--out", gcq.string()});
  REQUIRE_MESSAGE(req.exitCode == 0, req.describe());
  auto enrolled = h.hub(h.hubDir, {"device", "enroll", gcq.string(), "--profile-out", gcp.string()}, env);
  REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.describe());
  auto joined = h.sb.ctl({"enroll", "--profile", gcp.string()});
  REQUIRE_MESSAGE(joined.exitCode == 0, joined.describe());
  auto exported = h.sb.ctl({"export", "--out", gcb.string()});
  REQUIRE_MESSAGE(exported.exitCode == 0, exported.describe());

  // The shipped binary carries no hook: it neither reads GOCUA_HUB_CRASH_AT nor announces a point.
  const std::string shipped = readFile(GOCUA_HUB);
  REQUIRE(!shipped.empty());
  CHECK(shipped.find("GOCUA_HUB_CRASH_AT") == std::string::npos);
  CHECK(shipped.find("GOCUA-CRASH-POINT") == std::string::npos);
  {
    fs::path data = h.sb.root / "hub-shipped";
    fs::copy(h.hubDir, data, fs::copy_options::recursive);
    Env crashEnv = env;
    crashEnv["GOCUA_HUB_CRASH_AT"] = "import.before_commit";
    auto imported = h.hub(data, {"import", gcb.string()}, crashEnv);
    CHECK_MESSAGE(imported.exitCode == 0, imported.describe());
    CHECK(imported.err.find("GOCUA-CRASH-POINT") == std::string::npos);
    fs::remove_all(data);
  }

  for (std::string_view point : gocua::hub::kCrashPoints) {
    const std::string name(point);
    INFO("crash point " << name);
    // Each point starts from the enrolled, empty hub.
    fs::path data = h.sb.root / ("hub-" + name);
    fs::copy(h.hubDir, data, fs::copy_options::recursive);
    auto gcr = h.sb.root / ("receipt-" + name + ".gcr");

    Env crashEnv = env;
    crashEnv["GOCUA_HUB_CRASH_AT"] = name;
    auto crashed = h.hub(data, {"import", gcb.string(), "--receipt-out", gcr.string()}, crashEnv, GOCUA_HUB_CRASH);
    CHECK_MESSAGE(crashed.signal == SIGKILL, crashed.describe());
    CHECK(crashed.err.find("GOCUA-CRASH-POINT " + name + "\n") != std::string::npos);

    CHECK(integrity(data / "hub.db") == "ok");

    auto again = h.hub(data, {"import", gcb.string(), "--receipt-out", gcr.string()}, env);
    CHECK_MESSAGE(again.exitCode == 0, again.describe());
    auto status = again.parsed().value("status", "");
    CHECK((status == "imported" || status == "replay"));
    CHECK(fs::exists(gcr));

    auto list = h.hub(data, {"records", "list"}, env);
    REQUIRE_MESSAGE(list.exitCode == 0, list.describe());
    auto records = list.parsed();
    REQUIRE(records.is_array());
    CHECK(records.size() == names.size());
    fs::remove_all(data);
  }
}

#endif  // GOCUA_HUB && GOCUA_HUB_CRASH
