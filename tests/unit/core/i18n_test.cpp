#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/i18n.h"

using namespace gocua;

TEST_CASE("catalog has no duplicate keys and every entry has both languages") {
  CHECK(i18n::duplicateKeys().empty());
  auto entries = i18n::allEntries();
  REQUIRE(!entries.empty());
  for (const auto& e : entries) {
    INFO("key " << e.key << " in " << e.file);
    CHECK(!e.vi.empty());
    CHECK(!e.en.empty());
  }
}

TEST_CASE("tr substitutes placeholders and falls back to the key") {
  CHECK(i18n::tr(i18n::Lang::En, "error.io", {{"detail", "x.db"}}) == "Could not read or write a file: x.db");
  CHECK(i18n::tr(i18n::Lang::Vi, "no.such.key") == "no.such.key");
  CHECK(i18n::message(Error::make(err::kInternal, "", "boom")).find("boom") != std::string::npos);
}
