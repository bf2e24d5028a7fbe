// The hub the gocua-hub integration tests share: a sandbox workspace with one resident, a hub
// made for its commune with the laptop enrolled, and a way to run gocua-hub against it.
#pragma once

#ifdef GOCUA_HUB

#include <doctest/doctest.h>

#include "harness.h"

namespace it {

inline const std::string kHubPassphrase = "mật khẩu cán bộ xã 2025";
inline const std::string kName = "Nguyễn Thị Xuyến";

struct Hub {
  Sandbox sb;
  fs::path dir = sb.root / "hub";
  std::string stderrLog;

  Env env(const EnvOverrides& over = {}) const {
    Env e = sb.env;
    e["GOCUA_HUB_PASSPHRASE"] = kHubPassphrase;
    for (const auto& [k, v] : over) {
      if (v)
        e[k] = *v;
      else
        e.erase(k);
    }
    return e;
  }
  RunResult run(const std::vector<std::string>& args, const EnvOverrides& over = {}) {
    std::vector<std::string> argv = {GOCUA_HUB, "--data", dir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = runProcess(argv, env(over), "");
    stderrLog += r.err;
    return r;
  }
  // A hub with this sandbox's workspace enrolled; returns the device id.
  std::string setUp() {
    sb.init("Lan");
    sb.addResident({{"full_name", kName}, {"date_of_birth", "01/02/1990"}, {"sex", "female"}, {"village", "Thôn 1"}});
    auto init = run({"init", "--commune-code", "27004", "--commune-name", "Xã Thử", "--village", "Thôn 1"});
    REQUIRE_MESSAGE(init.exitCode == 0, init.describe());
    auto gcq = sb.root / "req.gcq", gcp = sb.root / "profile.gcp";
    REQUIRE(sb.ctl({"enroll-request", "--out", gcq.string()}).exitCode == 0);
    auto enrolled = run({"device", "enroll", gcq.string(), "--profile-out", gcp.string()});
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.describe());
    auto again = run({"device", "enroll", gcq.string()});
    CHECK(again.exitCode == 0);
    CHECK(again.parsed() == enrolled.parsed());
    REQUIRE(sb.ctl({"enroll", "--profile", gcp.string()}).exitCode == 0);
    return enrolled.parsed()["device_id"].get<std::string>();
  }
  fs::path exportBatch(const std::string& name) {
    auto gcb = sb.root / name;
    auto r = sb.ctl({"export", "--out", gcb.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.describe());
    return gcb;
  }
};

}  // namespace it

#endif  // GOCUA_HUB
