// gocuactl scenario: list, start and check a practice scenario in a training workspace, as the
// app's practice screen does: a wrong answer is missed in words and scored, the right one passes,
// the score is listed; a malformed answer exits 2; a real workspace refuses practice.
#include <doctest/doctest.h>

#include "harness.h"

using namespace it;

TEST_CASE("gocuactl scenario: a missed check in words, then passed, scored; real workspaces refuse") {
  Sandbox sb;
  sb.init("Lan", true);
  auto listed = sb.ctl({"scenario", "list"});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  REQUIRE(listed.parsed().size() >= 10);
  CHECK(listed.parsed()[0]["score"].is_null());

  auto started = sb.ctl({"scenario", "start", "sim_in_sons_name"});
  REQUIRE_MESSAGE(started.exitCode == 0, started.describe());
  CHECK(started.parsed()["residents"].get<int>() >= 1);

  auto missed =
      sb.ctl({"scenario", "check", "otp_scam", "--answer", "never_share_otp=read_code", "--answer", "no_links=ignore"});
  REQUIRE_MESSAGE(missed.exitCode == 0, missed.describe());
  CHECK(missed.parsed()["passed"] == 1);
  CHECK(missed.parsed()["total"] == 2);
  CHECK(missed.parsed()["results"][0]["passed"] == false);
  CHECK(missed.parsed()["results"][0]["missed"].get<std::string>().find("OTP") != std::string::npos);
  auto passed =
      sb.ctl({"scenario", "check", "otp_scam", "--answer", "never_share_otp=hang_up", "--answer", "no_links=ignore"});
  REQUIRE_MESSAGE(passed.exitCode == 0, passed.describe());
  CHECK(passed.parsed()["passed"] == 2);

  bool scored = false;
  for (const auto& row : sb.ctl({"scenario", "list"}).parsed())
    if (row["id"] == "otp_scam") {
      scored = true;
      CHECK(row["score"]["passed"] == 2);
      CHECK(row["score"]["attempts"] == 2);
    }
  CHECK(scored);

  auto malformed = sb.ctl({"scenario", "check", "otp_scam", "--answer", "hang_up"});
  CHECK(malformed.exitCode == 2);
  CHECK(malformed.parsed()["errors"][0]["code"] == "scenario.bad_answer");
  CHECK(sb.ctl({"scenario", "check", "no_such_scenario"}).exitCode != 0);
  CHECK(sb.ctl({"scenario", "start"}).exitCode == 2);  // no id

  Sandbox real;
  real.init("Lan", false);
  auto refused = real.ctl({"scenario", "list"});
  CHECK(refused.exitCode != 0);
  CHECK(refused.err.find("sổ tập huấn") != std::string::npos);
}
