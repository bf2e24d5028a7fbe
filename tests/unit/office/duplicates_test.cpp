// Người đăng ký trùng on a real hub: the search runs in the background and shows each pair from
// two laptops side by side with the reason in words; lock wipes the pairs.
#include "office_fixture.h"

using namespace officetest;

TEST_CASE("duplicates: pairs from two laptops side by side, reason in words, wiped at lock") {
  DeskFixture f;
  f.unlock();
  Device other{2};
  REQUIRE(f.session->enroll(other.request()).ok());
  const std::string id = "001090012345";
  f.import(makeBatch(f.device, 1, {residentLine(1, 1, "Nguyễn Văn An", {{"personal_id", id}})}, f.hubBox()));
  f.import(makeBatch(other, 1, {residentLine(11, 1, "Nguyễn Văn Ân", {{"personal_id", id}, {"village", "Thôn 2"}})},
                     f.hubBox()));

  f.desk.goDuplicates();
  CHECK(f.desk.model.screen() == Screen::Duplicates);
  auto& d = f.desk.duplicates;
  CHECK_FALSE(d.searched());
  d.find(f.desk.model);
  d.finish(f.desk.model);
  CHECK_FALSE(f.desk.model.busy());
  CHECK(d.searched());
  CHECK(d.error().empty());
  // The same ID, and the same name once diacritics are folded (and the same birth): one pair, both
  // reasons.
  REQUIRE(d.pairs().size() == 1);
  const DuplicateView& pair = d.pairs()[0];
  CHECK(pair.reason == i18n::tr("office.duplicates.reason.same_personal_id") + " · " +
                           i18n::tr("office.duplicates.reason.same_name_and_birth"));
  CHECK(pair.a.name == "Nguyễn Văn An");
  CHECK(pair.b.name == "Nguyễn Văn Ân");
  CHECK(pair.a.personalId == id);
  CHECK(pair.b.village == "Thôn 2");
  CHECK(pair.a.volunteer == "Lan");
  CHECK(pair.a.laptop == hub::deviceHex(f.device.keys.publicKey).substr(0, 12));
  CHECK(pair.b.laptop == hub::deviceHex(other.keys.publicKey).substr(0, 12));
  CHECK(f.desk.holdsPlaintext());

  f.desk.lock();
  CHECK(d.pairs().empty());
  CHECK_FALSE(d.searched());
  CHECK_FALSE(f.desk.holdsPlaintext());
}

TEST_CASE("duplicates: nobody registered twice is said so") {
  DeskFixture f;
  f.unlock();
  f.import(makeBatch(f.device, 1, {residentLine(1), residentLine(2, 1, "Lê Thị Hồng")}, f.hubBox()));
  f.desk.goDuplicates();
  f.desk.duplicates.find(f.desk.model);
  f.desk.duplicates.finish(f.desk.model);
  CHECK(f.desk.duplicates.searched());
  CHECK(f.desk.duplicates.pairs().empty());
}
