// Record id text: the canonical check agrees with the round trip it replaces (parse, then format
// gives the same text back) on every near miss, not only on ids the program made.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/record_id.h"

using namespace gocua::core;

namespace {

bool roundTrips(std::string_view text) {
  const auto id = parseRecordId(text);
  return id && formatRecordId(*id) == text;
}

}  // namespace

TEST_CASE("record id text: canonical exactly when parse and format give it back") {
  const std::string good = "0193a000-0000-7000-8000-00000000002a";
  CHECK(isCanonicalRecordIdText(good));
  CHECK(isCanonicalRecordIdText(formatRecordId(makeRecordId(1765180800000, {}))));
  for (const std::string_view bad :
       {"0193A000-0000-7000-8000-00000000002a", "0193a000-0000-7000-8000-00000000002",
        "0193a000-0000-7000-8000-00000000002a0", "0193a0000-000-7000-8000-00000000002a",
        "0193a000-0000-7000-8000-00000000002g", "0193a000_0000-7000-8000-00000000002a", ""}) {
    INFO(bad);
    CHECK_FALSE(isCanonicalRecordIdText(bad));
    CHECK(isCanonicalRecordIdText(bad) == roundTrips(bad));
  }
  // Every single-character change of a canonical id, over an alphabet of near misses.
  const std::string alphabet = "0189afAFg-_ ";
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (char c : alphabet) {
      std::string text = good;
      text[i] = c;
      INFO(text);
      CHECK(isCanonicalRecordIdText(text) == roundTrips(text));
    }
  }
  // Random strings that are mostly hex and dashes.
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int n = 0; n < 20000; ++n) {
    std::string text = good;
    for (int k = 0; k < 2; ++k) text[rng() % text.size()] = alphabet[pick(rng)];
    CHECK(isCanonicalRecordIdText(text) == roundTrips(text));
  }
}
