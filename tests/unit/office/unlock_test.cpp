// The desk's unlock: the staff list from the hub, a wrong passphrase in words, the queue after.
#include "office_fixture.h"
#include "vault/errors.h"

using namespace officetest;

TEST_CASE("unlock: staff from the hub, a wrong passphrase said plainly, then the review queue") {
  DeskFixture f;
  REQUIRE(f.desk.unlock.staff() == std::vector<std::string>{std::string(hub::kFirstStaffName)});
  CHECK_FALSE(f.desk.unlock.canSubmit());

  f.unlock("not the passphrase");
  CHECK(f.desk.model.screen() == Screen::Unlock);
  CHECK_FALSE(f.desk.model.session());
  CHECK(f.desk.unlock.error() == i18n::message(Error::make(err::kVaultWrongPassphrase)));
  CHECK(f.desk.unlock.passphrase.empty());  // wiped after the try

  f.unlock();
  CHECK(f.desk.unlock.error().empty());
  CHECK(f.desk.model.screen() == Screen::Queue);
  CHECK(f.desk.model.staffName() == hub::kFirstStaffName);
}

TEST_CASE("unlock: --staff chooses the staff member; each unlocks with their own passphrase") {
  TempDir home;
  Fixture hubOnly;
  REQUIRE(hubOnly.session->addStaff("Lò Thị Mai", "mật khẩu của chị Mai 2026", vault::interactiveKdf()).ok());
  Desk desk(OfficeOptions{hubOnly.tmp.path / "hub", "Lò Thị Mai", home.path / "office.json", ""},
            ui::FolderPicker::Roots{{}, home.path});
  desk.model.start();
  desk.unlock.load(desk.model);
  REQUIRE(desk.unlock.staff().size() == 2);
  CHECK(desk.unlock.staff()[static_cast<std::size_t>(desk.unlock.selected)] == "Lò Thị Mai");
  desk.unlock.passphrase = kPassphrase;  // the first staff member's, not hers
  desk.unlock.submit(desk.model);
  desk.finishUnlock(1.0);
  CHECK_FALSE(desk.model.session());
  desk.unlock.passphrase = "mật khẩu của chị Mai 2026";
  desk.unlock.submit(desk.model);
  desk.finishUnlock(1.0);
  REQUIRE(desk.model.session());
  CHECK(desk.model.staffName() == "Lò Thị Mai");
}

TEST_CASE("a folder without a hub opens on first run instead of offering an unlock") {
  TempDir t;
  Desk desk(OfficeOptions{t.path / "nothing-here", "", t.path / "office.json", ""},
            ui::FolderPicker::Roots{{}, t.path});
  desk.start();
  CHECK(desk.model.screen() == Screen::Setup);
  CHECK(desk.unlock.staff().empty());
}

TEST_CASE("idle lock: after the idle minutes, never while an import runs; every screen forgets") {
  DeskFixture f;
  f.unlock();
  REQUIRE(f.import(makeBatch(f.device, 1,
                             {residentLine(1),
                              applicationLine(2, "birth_registration", sampleAnswers("birth_registration"), 1)},
                             f.hubBox()))
              .accepted == 2);
  f.desk.goQueue();
  REQUIRE(f.desk.queue.rows().size() == 1);
  f.desk.openRecord(f.desk.queue.rows()[0].id);
  REQUIRE(f.desk.model.screen() == Screen::Record);
  f.desk.record.draft.choose("needs_documents");
  f.desk.record.draft.note = "Thiếu giấy chứng sinh";
  CHECK(f.desk.holdsPlaintext());

  const double idle = f.desk.model.settings().idleLockMinutes * 60.0;
  f.desk.model.noteActivity(10);
  CHECK_FALSE(f.desk.model.tick(10 + idle - 1));
  f.desk.model.setBusy(true);
  CHECK_FALSE(f.desk.model.tick(10 + idle + 1));  // an import holds the session
  f.desk.model.setBusy(false);
  CHECK(f.desk.model.tick(10 + idle + 1));
  CHECK(f.desk.model.screen() == Screen::Unlock);
  CHECK_FALSE(f.desk.model.session());
  CHECK_FALSE(f.desk.holdsPlaintext());
  CHECK(f.desk.model.notice().text ==
        i18n::tr("office.locked_idle", {{"minutes", std::to_string(f.desk.model.settings().idleLockMinutes)}}));
}
