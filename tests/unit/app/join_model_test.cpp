// Joining a commune with the real parts: a real workspace, a real hub (in-process) that enrolls
// the request and signs the profile, files on a "USB stick" (a temp dir under a fake /media).
// Also the folder picker's detection and listings.
#include "app/model/join_model.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../fixed_keys.h"
#include "app_fixture.h"
#include "core/i18n.h"
#include "sync/hub/hub.h"
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "ui/model/errors.h"
#include "ui/model/folder_picker.h"
#include "workspace/errors.h"

using namespace apptest;
using gocua::app::FolderPicker;
using gocua::app::JoinModel;

namespace {

using fixedkeys::seed;

// A commune hub in its own temp dir, with a fixed identity per commune.
struct TestHub {
  TempDir dir;
  std::unique_ptr<hub::Hub> hub;
  std::unique_ptr<hub::HubSession> session;
  TestHub(std::uint8_t key, const std::string& name) {
    hub::CommuneInfo c{"27001", name, {"Thôn Đông", "Thôn Tây"}, "http://127.0.0.1:8080"};
    auto h = hub::Hub::create(dir.path / "hub", c, "mật khẩu cán bộ xã", vault::interactiveKdf(),
                              sync::HubIdentity::fromSeed(seed(key), seed(key + 1), seed(key + 2)));
    REQUIRE_MESSAGE(h.ok(), h.error().code);
    hub = std::move(*h);
    auto s = hub->unlock("mật khẩu cán bộ xã");
    REQUIRE(s.ok());
    session = std::move(*s);
  }
  std::string profile() {
    auto p = session->profile();
    REQUIRE(p.ok());
    return *p;
  }
  std::string fingerprint() const { return sync::fingerprint(session->identity().signPublic); }
};

// The app unlocked, with a "USB stick" at <tmp>/media/lan/USB and a home folder.
struct JoinSetup {
  UnlockedApp app;
  JoinModel join;
  fs::path stick, home;
  explicit JoinSetup(bool training = false) : app(training) {
    stick = app.tmp.path / "media" / "lan" / "USB";
    home = app.tmp.path / "home";
    fs::create_directories(stick);
    fs::create_directories(home);
    join.folder = FolderPicker({{app.tmp.path / "media" / "lan"}, home});
    join.open(app.model);
  }
  bool enrolled() {
    auto st = app.session().syncStatus();
    REQUIRE(st.ok());
    return st->enrolled;
  }
};

}  // namespace

TEST_CASE("join step 1: the request goes to the stick, never over an earlier one, and the hub enrolls it") {
  JoinSetup s;
  REQUIRE(s.join.folder.path == s.stick.string());  // the plugged-in stick is chosen by itself
  REQUIRE(s.join.writeRequest(s.app.model));
  const fs::path first = s.stick / s.join.requestFile();
  CHECK(first.extension() == ".gcq");
  CHECK(fs::exists(first));
  CHECK(s.join.message().find(i18n::tr("app.join.request_written", {{"file", s.join.requestFile()}})) == 0);
  REQUIRE(s.join.writeRequest(s.app.model));
  CHECK(s.join.requestFile() != first.filename().string());
  CHECK(fs::exists(first));

  auto request = sync::readEnrollmentRequest(readAll(first));
  REQUIRE(request.ok());
  CHECK(request->volunteers == std::vector<std::string>{"Lan"});
  TestHub hub(21, "Xã Tân Lập");
  CHECK(hub.session->enroll(readAll(first)).ok());
  CHECK_FALSE(s.enrolled());

  s.join.folder.path = (s.app.tmp.path / "no-such-stick").string();
  CHECK_FALSE(s.join.writeRequest(s.app.model));
  CHECK(s.join.error() == i18n::message(Error::make(err::kFolderMissing)));
}

TEST_CASE("join step 2: the preview shows the hub's fingerprint and stores nothing; confirming enrolls") {
  JoinSetup s;
  TestHub hub(21, "Xã Tân Lập");
  REQUIRE(s.join.writeRequest(s.app.model));
  REQUIRE(hub.session->enroll(readAll(s.stick / s.join.requestFile())).ok());
  writeAll(s.stick / "xa-tan-lap.gcp", hub.profile());
  s.join.folder.rescan();
  REQUIRE(s.join.profiles().size() == 1);

  REQUIRE(s.join.preview(s.join.profiles()[0].path));
  REQUIRE(s.join.shown());
  CHECK(s.join.shown()->fingerprint == hub.fingerprint());
  CHECK(s.join.shown()->communeName == "Xã Tân Lập");
  CHECK(s.join.shown()->villages == std::vector<std::string>{"Thôn Đông", "Thôn Tây"});
  CHECK_FALSE(s.enrolled());  // nothing pinned before the volunteer compares

  REQUIRE(s.join.confirm(s.app.model));
  CHECK(s.join.done());
  CHECK(s.join.enrolledCommune() == "Xã Tân Lập");
  auto st = s.app.session().syncStatus();
  REQUIRE(st.ok());
  CHECK(st->enrolled);
  CHECK(st->communeName == "Xã Tân Lập");
}

TEST_CASE("join: a profile carrying the commune's form pack (larger than other files) installs its forms") {
  JoinSetup s;
  TestHub hub(21, "Xã Tân Lập");
  fs::path officeForms = hub.dir.path / "forms-xa";
  fs::copy(GOCUA_SOURCE_DIR "/forms", officeForms, fs::copy_options::recursive);
  fs::remove(officeForms / "marriage_registration.json");
  REQUIRE(hub.session->publishForms(officeForms).ok());
  REQUIRE(s.join.writeRequest(s.app.model));
  REQUIRE(hub.session->enroll(readAll(s.stick / s.join.requestFile())).ok());
  const std::string profile = hub.profile();
  CHECK(profile.size() > sync::kMaxSignedFileBytes);
  writeAll(s.stick / "xa.gcp", profile);
  CHECK(s.app.model.forms().find("marriage_registration") != nullptr);

  REQUIRE_MESSAGE(s.join.preview(s.stick / "xa.gcp"), s.join.error());
  REQUIRE(s.join.confirm(s.app.model));
  CHECK(s.app.model.forms().find("marriage_registration") == nullptr);
  CHECK(s.app.model.forms().find("birth_registration") != nullptr);
}

TEST_CASE("join: a rejected preview pins nothing, so another commune's key can still be chosen; then it is pinned") {
  JoinSetup s;
  REQUIRE(s.join.writeRequest(s.app.model));
  TestHub wrong(31, "Xã Giả Mạo");
  TestHub right(41, "Xã Tân Lập");
  writeAll(s.stick / "a.gcp", wrong.profile());
  writeAll(s.stick / "b.gcp", right.profile());

  REQUIRE(s.join.preview(s.stick / "a.gcp"));
  CHECK(s.join.shown()->fingerprint == wrong.fingerprint());
  s.join.reject();
  CHECK_FALSE(s.join.shown());
  CHECK(s.join.error() == i18n::tr("app.join.rejected"));
  CHECK_FALSE(s.enrolled());

  REQUIRE(s.join.preview(s.stick / "b.gcp"));
  REQUIRE(s.join.confirm(s.app.model));
  CHECK(s.enrolled());

  // Now the key is pinned: the other commune's profile previews, but confirming it is refused.
  s.join.open(s.app.model);
  CHECK(s.join.enrolledCommune() == "Xã Tân Lập");
  REQUIRE(s.join.preview(s.stick / "a.gcp"));
  CHECK_FALSE(s.join.confirm(s.app.model));
  CHECK(s.join.error() == i18n::message(Error::make(err::kProfileKeyChanged)));
  auto st = s.app.session().syncStatus();
  REQUIRE(st.ok());
  CHECK(st->communeName == "Xã Tân Lập");
}

TEST_CASE("join: a tampered or foreign file is refused in plain words at preview") {
  JoinSetup s;
  REQUIRE(s.join.writeRequest(s.app.model));
  TestHub hub(21, "Xã Tân Lập");
  std::string bytes = hub.profile();
  const auto at = bytes.find("T\xC3\xA2n L");  // "Tân L" → "Tán L": still canonical JSON, signature broken
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 3, "T\xC3\xA1n");
  writeAll(s.stick / "sua.gcp", bytes);
  CHECK_FALSE(s.join.preview(s.stick / "sua.gcp"));
  CHECK(s.join.error() == i18n::message(Error::make(err::kProfileBadSignature)));
  CHECK_FALSE(s.join.shown());

  writeAll(s.stick / "rac.gcp", "not a profile at all");
  CHECK_FALSE(s.join.preview(s.stick / "rac.gcp"));
  CHECK(s.join.error() == i18n::message(Error::make(err::kProfileFormat)));
  CHECK_FALSE(s.join.confirm(s.app.model));
  CHECK_FALSE(s.enrolled());
}

TEST_CASE("join: a training workspace cannot join, and says why") {
  JoinSetup s(true);
  CHECK(s.join.blocked());
  CHECK_FALSE(s.join.writeRequest(s.app.model));
  CHECK(s.join.error() == i18n::message(Error::make(err::kSyncTraining)));
  CHECK(fs::is_empty(s.stick));
}

TEST_CASE("folder picker: sticks and home, files of one kind newest first, a typed path stays") {
  TempDir t;
  const fs::path userMedia = t.path / "media" / "lan", media = t.path / "media", home = t.path / "home";
  fs::create_directories(userMedia / "KINGSTON");
  fs::create_directories(media / "SANDISK");
  fs::create_directories(home);
  FolderPicker p({{userMedia, media}, home});
  p.refresh();
  REQUIRE(p.places().size() == 3);
  CHECK(p.places()[2].path == home);
  CHECK_FALSE(p.places()[2].removable);
  std::vector<std::string> names{p.places()[0].name, p.places()[1].name};
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"KINGSTON", "SANDISK"});  // /media/lan itself is no stick
  CHECK(p.chosenIsRemovable());

  const fs::path dir = userMedia / "KINGSTON";
  p.choose(p.places()[0].path == dir ? 0 : 1);
  CHECK(p.folder() == dir);
  writeAll(dir / "old.gcr", "1");
  writeAll(dir / "new.GCR", "22");
  writeAll(dir / ".partial.gcr", "3");
  writeAll(dir / "batch.gcb", "4");
  fs::create_directories(dir / "folder.gcr");
  fs::last_write_time(dir / "old.gcr", fs::last_write_time(dir / "new.GCR") - std::chrono::hours(2));
  p.rescan();
  const auto& files = p.files(".gcr");
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "new.GCR");
  CHECK(files[0].bytes == 2);
  CHECK(files[1].name == "old.gcr");
  CHECK(p.files(".gcp").empty());

  CHECK(gocua::app::uniqueFileIn(dir, "old", ".gcr") == dir / "old-2.gcr");
  CHECK(gocua::app::uniqueFileIn(dir, "fresh", ".gcb") == dir / "fresh.gcb");

  p.chooseHome();
  CHECK(p.folder() == home);
  CHECK_FALSE(p.chosenIsRemovable());
  fs::create_directories(media / "NEWSTICK");
  p.refresh();  // an explicit choice is kept when another stick appears
  CHECK(p.folder() == home);

  FolderPicker fresh({{userMedia, media}, home});
  fresh.refresh();
  fs::remove_all(fresh.folder());  // the chosen stick is pulled out
  fresh.refresh();
  CHECK(fresh.exists());
  p.path = (t.path / "nowhere").string();
  CHECK_FALSE(p.exists());
}
