// Possible duplicates across laptops: the same ID number, or the same name (diacritics and case
// folded) and date of birth, registered on two laptops; never two records of one laptop.
#include "hub_fixture.h"
#include "sync/hub/duplicates.h"

using namespace hubtest;

TEST_CASE("duplicates: the same person from two laptops, by ID number or by folded name and birth") {
  Fixture f;
  Device other{2};
  REQUIRE(f.session->enroll(other.request()).ok());
  const std::string id = "001090012345";
  REQUIRE(f.import(makeBatch(f.device, 1,
                             {residentLine(1, 1, "Nguyễn Văn An", {{"personal_id", id}}),
                              residentLine(2, 1, "Lê Thị Hồng"), residentLine(3, 1, "Lê Thị Hồng")},
                             f.hubBox()))
              .accepted == 3);
  REQUIRE(f.import(makeBatch(
                       other, 1,
                       {residentLine(11, 1, "Nguyen Van An", {{"personal_id", id}}), residentLine(12, 1, "LÊ THỊ HỒNG"),
                        residentLine(13, 1, "Lê Thị Hồng", {{"date_of_birth", "02/02/1990"}})},
                       f.hubBox()))
              .accepted == 3);

  auto pairs = hub::findDuplicates(*f.session);
  REQUIRE(pairs.ok());
  std::vector<std::string> got;
  for (const auto& p : *pairs) got.push_back(p.a.substr(30) + "~" + p.b.substr(30) + " " + p.reason);
  // 2 and 3 are one laptop's (its own warning covers them); 13 has another date of birth.
  CHECK(got == std::vector<std::string>{"000001~000011 same_personal_id", "000001~000011 same_name_and_birth",
                                        "000002~000012 same_name_and_birth", "000003~000012 same_name_and_birth"});
}
