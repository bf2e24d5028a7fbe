// localDayOfUtc: a report's month is the people's own; 20:00 UTC on 30/11 is already 01/12 in Vietnam.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "core/date.h"

using namespace gocua;

TEST_CASE("localDayOfUtc: the local calendar day of a stored UTC time; anything else is nullopt") {
  const char* before = std::getenv("TZ");
  const std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
  ::setenv("TZ", "ICT-7", 1);  // POSIX form of UTC+7: needs no tzdata
  ::tzset();
  auto late = core::localDayOfUtc("2026-11-30T20:00:00Z");
  REQUIRE(late.has_value());
  CHECK(core::formatDate(*late) == "01/12/2026");
  CHECK(core::formatDate(*core::localDayOfUtc("2026-11-30T16:59:59Z")) == "30/11/2026");
  for (const char* bad : {"", "2026-11-30", "2026-11-30T20:00:00", "2026-13-01T00:00:00Z", "2026-11-30T25:00:00Z",
                          "2026-11-30 20:00:00Z", "x026-11-30T20:00:00Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(core::localDayOfUtc(bad).has_value());
  }
  if (saved)
    ::setenv("TZ", saved->c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
}
