// The 2025 administrative units list as shipped, and the diacritics-folding commune search.
#include <doctest/doctest.h>

#include "sync/hub/communes.h"

using namespace gocua;

namespace {

const std::vector<hub::AdminUnit>& units() {
  static const auto loaded = hub::loadAdminUnits(GOCUA_SOURCE_DIR "/forms/lists/vn-admin-units-2025.csv");
  REQUIRE_MESSAGE(loaded.ok(), loaded.error().code);
  return *loaded;
}

std::vector<std::string> names(const std::vector<hub::AdminUnit>& found) {
  std::vector<std::string> out;
  for (const auto& u : found) out.push_back(u.name + ", " + u.provinceName);
  return out;
}

}  // namespace

TEST_CASE("communes: the shipped list has 3,321 communes with their provinces") {
  REQUIRE(units().size() == 3321);
  auto first = hub::communeByCode(units(), "00004");
  REQUIRE(first);
  CHECK(first->name == "Phường Ba Đình");
  CHECK(first->provinceName == "Thành phố Hà Nội");
  CHECK(first->provinceCode == "01");
  CHECK_FALSE(hub::communeByCode(units(), "27001"));
  CHECK(hub::loadAdminUnits("/no/such/list.csv").error().code == "hub.io");
}

TEST_CASE("communes: search folds diacritics and đ/d, by name, province or code") {
  auto found = names(hub::findCommunes(units(), "ba dinh"));
  REQUIRE(found.size() >= 3);
  std::vector<std::string> baDinh(found.begin(), found.begin() + 3);  // the names holding "ba dinh" first
  CHECK(baDinh == std::vector<std::string>{"Phường Ba Đình, Thành phố Hà Nội", "Xã Ba Đình, Tỉnh Thanh Hóa",
                                           "Xã Ba Dinh, Tỉnh Quảng Ngãi"});
  CHECK(names(hub::findCommunes(units(), "BA ĐÌNH")) == found);
  CHECK(names(hub::findCommunes(units(), "ba đinh hà nội")) == std::vector<std::string>{baDinh[0]});
  CHECK(names(hub::findCommunes(units(), "27004")) ==
        std::vector<std::string>{"Phường Tân Bình, Thành phố Hồ Chí Minh"});
  CHECK(hub::findCommunes(units(), "lam dong").size() > 100);  // a whole province
  CHECK(hub::findCommunes(units(), "  ").empty());
  CHECK(hub::findCommunes(units(), "không có xã này").empty());
}
