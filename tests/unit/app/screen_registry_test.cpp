// The screen registry: every screen has its row, and locking the app wipes every screen's
// view-model. Each screen's view-model is filled with what a volunteer's day leaves in it (a
// resident opened, a search typed, a VNeID application and the appointment list, a staff note
// from the hub, a previewed commune profile, a passphrase typed), then the app locks and no
// view-model may still hold any of it.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include "app/model/screen_registry.h"
#include "app_fixture.h"
#include "core/i18n.h"
#include "sync/hub/hub.h"

using namespace apptest;
using gocua::app::kScreens;
using gocua::app::Screen;
using gocua::app::ScreenModels;
using nlohmann::json;

TEST_CASE("screen registry: one row per screen, names unique, every row complete") {
  std::set<std::string> names;
  for (const auto& s : kScreens) {
    CHECK(s.name != nullptr);
    CHECK(names.insert(s.name).second);
    const bool complete = s.wipe != nullptr && s.holdsPlaintext != nullptr;
    CHECK(complete);
  }
  CHECK(names.size() == gocua::app::kScreenCount);
  CHECK(std::string(gocua::app::screenInfo(Screen::Application).name) == "application");
}

TEST_CASE("lock wipes every screen's copy of residents' data") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  ScreenModels m;
  gocua::app::wipeScreensOnLock(a.model, m);
  auto& s = a.session();

  // A resident, and a commune hub the laptop is enrolled with.
  Errors problems;
  auto added = s.addResident({{"full_name", "Nguyễn Văn Bình"},
                              {"date_of_birth", "20/07/1980"},
                              {"sex", "male"},
                              {"personal_id", "038080001234"},
                              {"phone", "0987654321"},
                              {"village", "Thôn Đông"}},
                             &problems);
  REQUIRE(added.ok());
  const std::string rid = added->id;
  TempDir hubDir;
  auto created = hub::Hub::create(hubDir.path / "hub", hub::CommuneInfo{"27001", "Xã Tân Lập", {"Thôn Đông"}, ""},
                                  "mật khẩu cán bộ xã", vault::interactiveKdf());
  REQUIRE(created.ok());
  auto hubSession = (*created)->unlock("mật khẩu cán bộ xã");
  REQUIRE(hubSession.ok());
  auto request = s.enrollmentRequest();
  REQUIRE(request.ok());
  REQUIRE((*hubSession)->enroll(*request).ok());
  auto profile = (*hubSession)->profile();
  REQUIRE(profile.ok());
  REQUIRE(s.enroll(*profile).ok());
  const fs::path stick = a.tmp.path / "stick";
  fs::create_directories(stick);

  // What each screen holds after a day's work. A new screen needs its own line here.
  const std::map<Screen, std::function<void()>> fill = {
      {Screen::FirstRun,
       [&] {
         m.firstRun.passphrase = "một câu dài dễ nhớ";
         m.firstRun.confirm = "một câu dài dễ nhớ";
       }},
      {Screen::Unlock, [&] { m.unlock.passphrase = kPassphrase; }},
      {Screen::Home,
       [&] {
         m.home.open(a.model);
         m.home.query = "binh";
         m.home.queryChanged();
         REQUIRE(m.home.rowCount() == 1);
       }},
      {Screen::Resident,
       [&] {
         m.resident.openExisting(a.model, rid);
         REQUIRE(m.resident.fullName == "Nguyễn Văn Bình");
       }},
      {Screen::Application,
       [&] {
         m.wizard.start(a.model, rid);
         m.wizard.chooseProcedure("vneid_level2");
         REQUIRE(m.wizard.saveDraft());
         REQUIRE_FALSE(m.wizard.antiScamCard().helper.empty());
         m.wizard.showAppointments();
         REQUIRE(m.wizard.appointments().size() == 1);
         CHECK(m.wizard.appointments()[0].name == "Nguyễn Văn Bình");
       }},
      {Screen::Sync,
       [&] {
         // The hub sends the record back for documents: its note and the resident's name.
         auto batch = s.exportBatch(stick / "1.gcb");
         REQUIRE(batch.ok());
         auto imported = (*hubSession)->importFile(stick / "1.gcb");
         REQUIRE(imported.ok());
         writeAll(stick / "1.gcr", imported->receipt);
         REQUIRE((*hubSession)->setReview(rid, "needs_documents", "Thiếu bản sao giấy khai sinh").ok());
         auto devices = (*created)->devices();
         REQUIRE(devices.ok());
         auto status = (*hubSession)->statusReceipt((*devices)[0].id);
         REQUIRE(status.ok());
         writeAll(stick / "2.gcr", *status);
         m.sync.folder = gocua::app::FolderPicker({{}, a.tmp.path});
         m.sync.open(a.model);
         m.sync.folder.path = stick.string();
         m.sync.folder.edited();
         m.sync.folder.rescan();
         m.sync.applyReceipts(a.model);
         m.sync.finish(a.model);
         REQUIRE(m.sync.needsDocuments().size() == 1);
       }},
      {Screen::Join,
       [&] {
         writeAll(stick / "xa.gcp", *profile);
         m.join.open(a.model);
         REQUIRE(m.join.preview(stick / "xa.gcp"));
       }},
      {Screen::Settings, [&] { m.settings.open(a.model); }},  // no resident data to hold
      {Screen::Sessions,
       [&] {
         m.sessions.open(a.model, core::Date{2026, 12, 5}, {"Thôn Đông"});
         m.sessions.notes = "bà Tư cần hướng dẫn thêm";
       }},
      {Screen::Scenarios, [&] { m.scenarios.open(a.model); }},  // a real workspace: nothing listed
      {Screen::Presentation,                                    // guides only: no resident's data to hold
       [&] {
         m.presentation.open(a.model);
         REQUIRE(m.presentation.start(0));
       }},
  };

  for (const auto& screen : kScreens) {
    INFO("screen ", std::string(screen.name));
    REQUIRE_MESSAGE(fill.count(screen.id), "fill this new screen's view-model in this test");
    fill.at(screen.id)();
    const bool holdsNone = screen.id == Screen::Settings || screen.id == Screen::Scenarios ||
                           screen.id == Screen::Presentation;  // no resident's data on these
    if (!holdsNone) CHECK(screen.holdsPlaintext(m));
  }

  a.model.lock();
  CHECK(a.model.session() == nullptr);
  for (const auto& screen : kScreens) {
    INFO("screen ", std::string(screen.name));
    CHECK_FALSE(screen.holdsPlaintext(m));
  }
  CHECK(m.wizard.appointments().empty());
  CHECK(m.wizard.antiScamCard().helper.empty());
  CHECK(m.wizard.residentName().empty());
  CHECK(m.home.rowCount() == 0);
  CHECK(m.resident.fullName.empty());
  CHECK(m.sync.needsDocuments().empty());
  CHECK_FALSE(m.join.shown().has_value());
}
