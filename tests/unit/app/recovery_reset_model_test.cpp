// "Quên mật khẩu?" in the app, with the real parts: an enrolled workspace, a real hub (in-process)
// that learned the recovery slot from a batch and made the one-time .gcx file and its code, the
// file on a "USB stick" (a temp dir under a fake /media). A wrong code changes nothing; the right
// one sets the new passphrase and opens the book.
#include "app/model/recovery_reset_model.h"

#include "app/model/unlock_model.h"
#include "app_fixture.h"
#include "core/i18n.h"
#include "live_hub.h"

using namespace apptest;
using gocua::app::FolderPicker;
using gocua::app::UnlockModel;

TEST_CASE("unlock: a forgotten passphrase is reset in the app with the office's recovery file and code") {
  UnlockedApp a;
  LiveHub hub(false);
  enroll(a.session(), hub);
  addResidents(a.session(), 3, 1);
  REQUIRE(a.session().exportBatch(a.tmp.path / "1.gcb").ok());
  REQUIRE(hub.session->importFile(a.tmp.path / "1.gcb").ok());  // the hub learns the recovery slot
  auto devices = hub.hub->devices();
  REQUIRE(devices.ok());
  REQUIRE(devices->size() == 1);
  auto made = hub.session->recovery((*devices)[0].id);
  REQUIRE(made.ok());
  const fs::path stick = a.tmp.path / "media" / "lan" / "USB";
  fs::create_directories(stick);
  writeAll(stick / "khoi-phuc.gcx", made->second);
  a.model.lock();

  UnlockModel unlock;
  unlock.load(a.model);
  unlock.recovery.folder = FolderPicker({{a.tmp.path / "media" / "lan"}, a.tmp.path});
  unlock.recovery.open();
  auto& r = unlock.recovery;
  REQUIRE(r.files().size() == 1);  // the stick is chosen by itself
  r.chosen = r.files()[0].path;
  const std::string newPass = "mật khẩu mới sau khi quên";

  r.code = "AAAA-AAAA-AAAA-AAAA-AAAA";
  r.passphrase = r.confirm = newPass;
  REQUIRE(r.canSubmit());
  r.submit(a.model, "Lan");
  CHECK_FALSE(r.holdsPlaintext());  // the buffers are wiped at once
  r.finish(a.model, 0);
  CHECK(a.model.session() == nullptr);
  CHECK(r.error() == i18n::tr("error.recovery.wrong_code"));
  CHECK(a.model.workspace()->unlock("Lan", kPassphrase).ok());  // nothing changed

  r.code = made->first.code;
  r.passphrase = newPass;
  r.confirm = newPass + "!";  // as long as the first, and different
  CHECK_FALSE(r.canSubmit());
  CHECK_FALSE(r.confirmError().empty());
  r.confirm = newPass;
  r.submit(a.model, "Lan");
  r.finish(a.model, 1);
  REQUIRE(a.model.session() != nullptr);
  CHECK(a.model.screen() == app::Screen::Home);
  CHECK(a.model.notice().text == i18n::tr("app.recovery.done"));
  CHECK(a.model.workspace()->unlock("Lan", kPassphrase).error().code == "vault.wrong_passphrase");
  CHECK(a.model.workspace()->unlock("Lan", newPass).ok());

  unlock.recovering = true;
  r.code = "x";
  unlock.reset();  // the lock wipes it all
  CHECK_FALSE(unlock.recovering);
  CHECK_FALSE(unlock.holdsPlaintext());
}
