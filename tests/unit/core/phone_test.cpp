// Unit tests for core/phone: normalisation of the ways numbers are written, prefixes, carriers.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "core/phone.h"

using namespace gocua;
using namespace gocua::core;

namespace {
std::string code(const Result<std::string>& r) { return r.ok() ? std::string() : r.error().code; }

const std::map<std::string, std::string> kPrefixes = {
    {"032", "Viettel"},      {"033", "Viettel"},      {"034", "Viettel"},      {"035", "Viettel"},
    {"036", "Viettel"},      {"037", "Viettel"},      {"038", "Viettel"},      {"039", "Viettel"},
    {"086", "Viettel"},      {"096", "Viettel"},      {"097", "Viettel"},      {"098", "Viettel"},
    {"070", "MobiFone"},     {"076", "MobiFone"},     {"077", "MobiFone"},     {"078", "MobiFone"},
    {"079", "MobiFone"},     {"089", "MobiFone"},     {"090", "MobiFone"},     {"093", "MobiFone"},
    {"081", "VinaPhone"},    {"082", "VinaPhone"},    {"083", "VinaPhone"},    {"084", "VinaPhone"},
    {"085", "VinaPhone"},    {"088", "VinaPhone"},    {"091", "VinaPhone"},    {"094", "VinaPhone"},
    {"052", "Vietnamobile"}, {"056", "Vietnamobile"}, {"058", "Vietnamobile"}, {"092", "Vietnamobile"},
    {"059", "Gmobile"},      {"099", "Gmobile"},      {"087", "Itelecom"},     {"055", "Wintel"}};
}  // namespace

TEST_CASE("every mobile prefix is accepted with its carrier") {
  CHECK(kPrefixes.size() == 36);
  for (const auto& [prefix, carrier] : kPrefixes) {
    const std::string n = prefix + "1234567";
    INFO("number " << n);
    auto r = normalizePhone(n);
    REQUIRE(r.ok());
    CHECK(r.value() == n);
    CHECK(carrierOf(n) == carrier);
    CHECK(normalizePhone("+84" + n.substr(1)).value() == n);
  }
}

TEST_CASE("every other 0xx prefix is refused") {
  int refused = 0;
  for (int p = 0; p < 100; ++p) {
    std::string prefix = std::string("0") + char('0' + p / 10) + char('0' + p % 10);
    if (kPrefixes.count(prefix)) continue;
    const std::string n = prefix + "1234567";
    INFO("number " << n);
    CHECK(code(normalizePhone(n)) == "phone.prefix");
    CHECK(carrierOf(n).empty());
    ++refused;
  }
  CHECK(refused == 64);
  CHECK(code(normalizePhone("0111234567")) == "phone.prefix");
  CHECK(code(normalizePhone("0201234567")) == "phone.prefix");  // landline area code
  CHECK(code(normalizePhone("0951234567")) == "phone.prefix");
  CHECK(code(normalizePhone("+84241234567")) == "phone.prefix");
}

TEST_CASE("international and spaced forms normalise to 0xxxxxxxxx") {
  CHECK(normalizePhone("0912345678").value() == "0912345678");
  CHECK(normalizePhone("+84912345678").value() == "0912345678");
  CHECK(normalizePhone("84912345678").value() == "0912345678");
  CHECK(normalizePhone("+84 912 345 678").value() == "0912345678");
  CHECK(normalizePhone("84 912 345 678").value() == "0912345678");
  CHECK(normalizePhone("0912 345 678").value() == "0912345678");
  CHECK(normalizePhone("0912.345.678").value() == "0912345678");
  CHECK(normalizePhone("0912-345-678").value() == "0912345678");
  CHECK(normalizePhone("  0912345678  ").value() == "0912345678");
  CHECK(normalizePhone("+84 0912 345 678").value() == "0912345678");
  CHECK(normalizePhone("840912345678").value() == "0912345678");
}

TEST_CASE("wrong length or characters") {
  for (const char* bad : {"",
                          " ",
                          "+",
                          "+84",
                          "091234567",
                          "09123456789",
                          "912345678",
                          "+8491234567",
                          "+849123456789",
                          "8491234567",
                          "0912345678a",
                          "o912345678",
                          "0912/345/678",
                          "0912_345_678",
                          "+0912345678",
                          "++84912345678",
                          "84+912345678",
                          "+1 912 345 678",
                          "+44912345678",
                          "00849123456789",
                          "0912345678\n",
                          "０912345678",
                          "0912345678901234567"})
    CHECK_MESSAGE(code(normalizePhone(bad)) == "phone.format", bad);
}

TEST_CASE("carrierOf wants a normalised number") {
  CHECK(carrierOf("0912345678") == "VinaPhone");
  CHECK(carrierOf("0981234567") == "Viettel");
  CHECK(carrierOf("+84912345678").empty());
  CHECK(carrierOf("091234567").empty());
  CHECK(carrierOf("").empty());
  CHECK(carrierOf("09123x5678").empty());
}
