// Staff accounts from the settings screen: a colleague added with their own passphrase (checked
// before anything runs, the buffers wiped once the worker has them), then removed, asked twice;
// nobody removes themselves. Both audited, as `gocua-hub staff add|remove`.
#include "core/i18n.h"
#include "core/text.h"
#include "office_fixture.h"
#include "vault/keyslot.h"

using namespace officetest;

namespace {
const std::string kColleaguePass = "mật khẩu của anh Nam 2026";
}

TEST_CASE("staff: a colleague is added with their own passphrase and can unlock; then removed, asked twice") {
  DeskFixture f;
  f.unlock();
  f.desk.goSettings();
  auto& m = f.desk.staff;
  REQUIRE(m.rows().size() == 1);
  CHECK(m.rows()[0].name == std::string(hub::kFirstStaffName));
  CHECK(m.rows()[0].me);
  CHECK(m.rows()[0].added.size() == std::string("06/12/2026").size());

  // What to fix comes one problem at a time, in words.
  CHECK(m.problem() == i18n::message(core::normalizeName("").error()));
  m.name = "cán bộ 1";  // the same name without its capitals: taken
  CHECK(m.problem() == i18n::tr("office.staff.taken", {{"name", std::string(hub::kFirstStaffName)}}));
  m.name = "  Hà Văn Nam ";
  m.passphrase = "ngắn";
  CHECK(m.problem() == i18n::message(vault::checkPassphrase("ngắn").error()));
  m.passphrase = kColleaguePass;
  m.confirm = kColleaguePass + "!";
  CHECK(m.problem() == i18n::tr("office.setup.confirm_differs"));
  m.confirm = kColleaguePass;
  CHECK(m.problem().empty());
  CHECK(f.desk.holdsPlaintext());

  m.add(f.desk.model);
  CHECK_FALSE(f.desk.holdsPlaintext());  // wiped as soon as the worker has its copy
  CHECK(f.desk.model.busy());
  m.finish(f.desk.model);
  CHECK_FALSE(f.desk.model.busy());
  REQUIRE_MESSAGE(m.error().empty(), m.error());
  REQUIRE(m.rows().size() == 2);
  CHECK(m.rows()[1].name == "Hà Văn Nam");
  CHECK(m.rows()[1].addedBy == std::string(hub::kFirstStaffName));
  CHECK_FALSE(m.rows()[1].me);
  CHECK(f.desk.model.notice().text == i18n::tr("office.staff.added", {{"name", "Hà Văn Nam"}}));
  CHECK(m.name.empty());
  {
    auto theirs = f.hub->unlock("Hà Văn Nam", kColleaguePass);
    REQUIRE_MESSAGE(theirs.ok(), theirs.error().code);
    CHECK((*theirs)->staffName() == "Hà Văn Nam");
  }

  m.askRemove(0);  // oneself: not offered
  CHECK_FALSE(m.removing().has_value());
  m.askRemove(1);
  REQUIRE(m.removing() == std::optional<std::size_t>{1});
  m.cancelRemove();
  CHECK(m.rows().size() == 2);
  m.askRemove(1);
  m.confirmRemove(f.desk.model);
  REQUIRE(m.rows().size() == 1);
  CHECK(f.desk.model.notice().text == i18n::tr("office.staff.removed", {{"name", "Hà Văn Nam"}}));
  CHECK(f.hub->unlock("Hà Văn Nam", kColleaguePass).error().code == "hub.unknown_staff");

  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  REQUIRE(audit->size() >= 2);
  CHECK(audit->back().action == "staff.remove");
  CHECK(audit->back().target == "Hà Văn Nam");
  CHECK((*audit)[audit->size() - 2].action == "staff.add");
}

TEST_CASE("staff: the lock wipes a passphrase being typed and forgets the list") {
  DeskFixture f;
  f.unlock();
  f.desk.goSettings();
  f.desk.staff.name = "Hà Văn Nam";
  f.desk.staff.passphrase = kColleaguePass;
  f.desk.staff.confirm = kColleaguePass;
  f.desk.lock();
  CHECK_FALSE(f.desk.holdsPlaintext());
  CHECK(f.desk.staff.rows().empty());
  CHECK(f.desk.staff.name.empty());
}
