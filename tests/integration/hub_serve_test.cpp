// gocua-hub serve: prints its bound address once listening, takes a laptop's sync over HTTP
// (gocuactl sync --hub), and exits 0 on SIGTERM.
#ifdef GOCUA_HUB

#include <doctest/doctest.h>

#include <csignal>

#include "harness.h"
#include "hub_server_process.h"

using namespace it;

TEST_CASE("gocua-hub serve takes a sync over HTTP and stops on SIGTERM") {
  Sandbox sb;
  sb.init("Lan");
  sb.addResident({{"full_name", "Đỗ Thị Thu"}, {"date_of_birth", "01/02/1990"}, {"sex", "female"}});
  Env env = sb.env;
  env["GOCUA_HUB_PASSPHRASE"] = "mật khẩu cán bộ xã 2025";
  auto hubDir = sb.root / "hub";
  auto hub = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {GOCUA_HUB, "--data", hubDir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, "");
  };
  REQUIRE(hub({"init", "--commune-code", "27004", "--commune-name", "Xã Thử"}).exitCode == 0);
  auto gcq = sb.root / "req.gcq", gcp = sb.root / "p.gcp";
  REQUIRE(sb.ctl({"enroll-request", "--out", gcq.string()}).exitCode == 0);
  REQUIRE(hub({"device", "enroll", gcq.string(), "--profile-out", gcp.string()}).exitCode == 0);
  REQUIRE(sb.ctl({"enroll", "--profile", gcp.string()}).exitCode == 0);

  Server server({GOCUA_HUB, "--data", hubDir.string(), "serve", "--listen", "127.0.0.1:0"}, env);
  auto line = server.firstLine(20000);
  INFO("serve printed: " << line);
  auto j = json::parse(line, nullptr, false);
  REQUIRE(j.is_object());
  const std::string address = j.value("listening", "");
  REQUIRE(address.rfind("127.0.0.1:", 0) == 0);

  auto synced = sb.ctl({"sync", "--hub", "http://" + address});
  CHECK_MESSAGE(synced.exitCode == 0, synced.describe());
  CHECK(server.stop(SIGTERM) == 0);
  auto records = hub({"records", "list"}).parsed();
  REQUIRE(records.is_array());
  CHECK(records.size() == 1);
}

#endif  // GOCUA_HUB
