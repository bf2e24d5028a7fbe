// Locking and unlocking again (the Khoá button, the idle lock) goes back to where the volunteer
// was: the resident editor with the typed text, the wizard at its section; another volunteer
// starts Home.
#include <doctest/doctest.h>

#include "app/model/screen_registry.h"
#include "app_fixture.h"
#include "core/i18n.h"

using namespace apptest;
using gocua::app::Screen;
using gocua::app::ScreenModels;
using gocua::app::WizardStep;

namespace {

std::string addMai(UnlockedApp& a) {
  Errors problems;
  auto added = a.session().addResident(
      {{"full_name", "Lê Thị Mai"}, {"date_of_birth", "02/09/1995"}, {"sex", "female"}, {"village", "Thôn Đông"}},
      &problems);
  REQUIRE(added.ok());
  return added->id;
}

}  // namespace

TEST_CASE("after lock and unlock the resident editor is back with what was typed") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  ScreenModels m;
  gocua::app::wipeScreensOnLock(a.model, m);
  m.resident.openNew(a.model);
  a.model.go(Screen::Resident);
  m.resident.fullName = "Trần Văn Nam";  // typed, not left, no autosave tick yet
  a.model.lock();                        // the Khoá button
  CHECK(m.resident.fullName.empty());

  unlockAs(a.model);
  gocua::app::returnAfterUnlock(a.model, m);
  CHECK(a.model.screen() == Screen::Resident);
  CHECK_FALSE(m.resident.draftOffered());  // taken up again at once, no question
  CHECK(m.resident.isNew());
  CHECK(m.resident.fullName == "Trần Văn Nam");
}

TEST_CASE("after an idle lock the wizard is back at its section with the typed text") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addMai(a);
  ScreenModels m;
  gocua::app::wipeScreensOnLock(a.model, m);
  m.wizard.start(a.model, rid);
  m.wizard.chooseProcedure("birth_registration");
  m.wizard.editSection("child");
  *m.wizard.textBuffer("child.surname") = "Lê";
  a.model.go(Screen::Application);
  a.model.noteActivity(0);
  REQUIRE(a.model.tick(a.model.settings().idleLockMinutes * 60.0 + 1));
  CHECK(m.wizard.answers().empty());

  unlockAs(a.model);
  gocua::app::returnAfterUnlock(a.model, m);
  CHECK(a.model.screen() == Screen::Application);
  REQUIRE(m.wizard.step() == WizardStep::Section);
  CHECK(m.wizard.sectionId() == "child");
  CHECK(*m.wizard.textBuffer("child.surname") == "Lê");
}

TEST_CASE("another volunteer unlocking starts home; the draft waits in the editor") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  REQUIRE(a.session().addVolunteer("Hùng", "mật khẩu của Hùng 2026", vault::interactiveKdf()).ok());
  ScreenModels m;
  gocua::app::wipeScreensOnLock(a.model, m);
  m.resident.openNew(a.model);
  a.model.go(Screen::Resident);
  m.resident.fullName = "Trần Văn Nam";
  a.model.lock();

  unlockAs(a.model, 1, "mật khẩu của Hùng 2026");
  REQUIRE(a.model.session()->volunteer() == "Hùng");
  gocua::app::returnAfterUnlock(a.model, m);
  CHECK(a.model.screen() == Screen::Home);
  CHECK_FALSE(m.resident.isOpen());
  m.resident.openNew(a.model);
  REQUIRE(m.resident.draftOffered());
  CHECK(m.resident.offeredName() == "Trần Văn Nam");
}
