// The desk's tests: a real hub directory (the hub suites' fixture: fixed identity, one enrolled
// laptop, batches made with the real BatchWriter) and a Desk over it, with folder pickers rooted
// in a temp "home" so no real USB stick is involved.
#pragma once

#include "../hub/hub_fixture.h"
#include "office/model/desk.h"

namespace officetest {

using namespace hubtest;
using namespace gocua::office;

// A form's sample answers (tests/unit/forms/samples).
inline json sampleAnswers(const std::string& formId) {
  return json::parse(readAll(fs::path(GOCUA_SOURCE_DIR) / "tests/unit/forms/samples" / (formId + ".json")))
      .at("answers");
}

// An application record line for resident uuid(residentN), received by the hub like any other.
inline std::string applicationLine(int n, const std::string& formId, const json& answers, int residentN,
                                   const std::string& createdAt = "2026-11-20T10:00:00Z") {
  json line = json::parse(residentLine(n));
  line["kind"] = "application";
  line["form_id"] = formId;
  line["form_version"] = 1;
  line["created_at"] = createdAt;
  line["updated_at"] = createdAt;
  line["body"] = {{"resident_id", uuid(residentN)}, {"answers", answers}, {"status", "submitted"}};
  return line.dump();
}

struct DeskFixture : Fixture {
  TempDir home;
  fs::path stick = home.path / "usb";
  Desk desk;

  DeskFixture()
      : desk(OfficeOptions{tmp.path / "hub", "", home.path / "office.json", ""},
             ui::FolderPicker::Roots{{home.path / "media"}, home.path}) {
    fs::create_directories(stick);
    desk.model.start();
    REQUIRE(desk.model.screen() == Screen::Unlock);
    desk.unlock.load(desk.model);
  }

  void unlock(const std::string& passphrase = kPassphrase) {
    desk.unlock.passphrase = passphrase;
    desk.unlock.submit(desk.model);
    desk.finishUnlock(1.0);
  }

  // A batch file on the "stick".
  fs::path onStick(const std::string& name, const std::string& bytes) {
    writeAll(stick / name, bytes);
    return stick / name;
  }

  // Receives every batch on the stick, as the inbox's button does.
  void receiveStick() {
    desk.goInbox();
    desk.inbox.folder.path = stick.string();
    desk.inbox.folder.rescan();
    REQUIRE(desk.inbox.canImport());
    desk.inbox.importAll(desk.model);
    desk.inbox.finish(desk.model);
  }
};

}  // namespace officetest
