// Automatic sync against a real hub on 127.0.0.1 with an injected clock: the hub is down
// (backoff 1, 2, 4, 8 min, then every 15), comes up (sent, receipt applied), an upload is cut
// mid-way (the next attempt resumes it), and it comes back after going down again. Also the
// rules that keep it quiet: training, no address, the setting, a low battery, a save's debounce.
#include "app/model/auto_sync.h"

#include "app/model/home_model.h"
#include "app/model/power_supply.h"
#include "app_fixture.h"
#include "core/i18n.h"
#include "core/record_id.h"
#include "live_hub.h"
#include "sync/client/client.h"
#include "ui/model/folder_picker.h"

using namespace apptest;
using gocua::app::AutoSync;
using gocua::app::readPowerState;
using gocua::app::SessionGate;
using State = gocua::app::AutoSync::State;

namespace {

void writeText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  writeAll(file, text + "\n");
}

// An unlocked app, the gate and automatic sync on a clock the test moves; the power supply is a
// temp dir (empty: mains), never the machine's own battery.
struct AutoSetup {
  UnlockedApp app;
  SessionGate gate;
  std::int64_t now = 1'764'900'000;
  TempDir power;
  AutoSync autoSync;
  explicit AutoSetup(bool training = false) : app(training), autoSync(gate, [this] { return now; }) {
    autoSync.config().powerRoot = power.path;
  }
  // One attempt, if one is due now: started by tick() and waited for. True when it ran.
  bool attempt() {
    autoSync.tick(app.model, false);
    // Not running(): against a hub that is down the attempt can end before this line.
    if (!autoSync.attemptPending()) return false;
    autoSync.finish();
    return true;
  }
  std::int64_t synced() {
    auto st = app.session().syncStatus();
    REQUIRE(st.ok());
    return st->counts["synced"];
  }
  std::size_t outboxFiles() {
    std::error_code ec;
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(sync::outboxDir(app.session()), ec))
      n += e.path().extension() == ".gcb";
    return n;
  }
};

std::string hubAddressDown(int port) { return "http://127.0.0.1:" + std::to_string(port); }

}  // namespace

TEST_CASE("auto sync: power supply — no battery or plugged in is mains; discharging reports its charge") {
  TempDir root;
  CHECK_FALSE(readPowerState(root.path / "absent").onBattery);
  writeText(root.path / "BAT0" / "capacity", "15");
  writeText(root.path / "BAT0" / "status", "Discharging");
  writeText(root.path / "AC" / "online", "0");
  auto battery = readPowerState(root.path);
  CHECK(battery.onBattery);
  CHECK(battery.percent == 15);
  writeText(root.path / "AC" / "online", "1");
  CHECK_FALSE(readPowerState(root.path).onBattery);
  writeText(root.path / "AC" / "online", "0");
  writeText(root.path / "BAT0" / "status", "Charging");
  CHECK_FALSE(readPowerState(root.path).onBattery);
}

TEST_CASE("auto sync: a training workspace never attempts and says why") {
  AutoSetup s(true);
  s.autoSync.open(s.app.model);
  CHECK(s.autoSync.state() == State::Training);
  CHECK(s.autoSync.statusText() == i18n::tr("app.autosync.training"));
  CHECK_FALSE(s.attempt());
  CHECK_FALSE(s.autoSync.nextAttempt().has_value());
  CHECK(s.autoSync.secondsToNextAttempt() == -1);
}

TEST_CASE("auto sync: hidden without a hub address, off when the setting is off") {
  LiveHub noAddress(false);
  AutoSetup s;
  s.autoSync.open(s.app.model);
  CHECK(s.autoSync.state() == State::Hidden);  // not enrolled
  enroll(s.app.session(), noAddress);
  s.autoSync.open(s.app.model);
  CHECK(s.autoSync.state() == State::Hidden);  // a USB-only commune
  CHECK(s.autoSync.statusText().empty());

  LiveHub hub(false, hubAddressDown(freeLoopbackPort()));
  AutoSetup t;
  enroll(t.app.session(), hub);
  CHECK(t.app.model.settings().autoSync);  // on by default
  t.app.model.settings().autoSync = false;
  t.autoSync.open(t.app.model);
  CHECK(t.autoSync.state() == State::Off);
  CHECK(t.autoSync.statusText() == i18n::tr("app.autosync.off"));
  CHECK_FALSE(t.attempt());
  t.app.model.settings().autoSync = true;
  t.autoSync.open(t.app.model);
  CHECK(t.autoSync.state() == State::Waiting);
  CHECK(t.autoSync.nextAttempt() == t.now);  // at once
}

TEST_CASE("auto sync: hub down backs off 1, 2, 4, 8, then every 15 minutes; up again → sent, counters reset") {
  const int port = freeLoopbackPort();
  LiveHub hub(false, hubAddressDown(port));
  AutoSetup s;
  enroll(s.app.session(), hub);
  const int residents = addResidents(s.app.session(), 5, 11);
  s.autoSync.open(s.app.model);

  for (std::int64_t wait : {60, 120, 240, 480, 900, 900}) {
    REQUIRE(s.attempt());
    CHECK(s.autoSync.state() == State::Unreachable);
    REQUIRE(s.autoSync.nextAttempt() == s.now + wait);
    CHECK(s.autoSync.statusText() ==
          i18n::tr("app.autosync.unreachable", {{"time", ui::localClockTime(s.now + wait)}}));
    s.now += wait - 1;
    CHECK_FALSE(s.attempt());  // not due yet
    s.now += 1;
  }
  CHECK(s.autoSync.failures() == 6);

  hub.up("127.0.0.1:" + std::to_string(port));
  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Sent);
  CHECK(s.autoSync.failures() == 0);
  CHECK(s.autoSync.statusText() == i18n::tr("app.autosync.sent", {{"time", ui::localClockTime(s.now)}}));
  CHECK(hub.records() == static_cast<std::size_t>(residents));
  CHECK(s.synced() == residents);                  // the receipt was applied
  CHECK(s.autoSync.nextAttempt() == s.now + 900);  // then a quiet check for review decisions
}

TEST_CASE("auto sync: saves are debounced; a low battery pauses it until charged") {
  const int port = freeLoopbackPort();
  LiveHub target(false, hubAddressDown(port));
  AutoSetup s;
  enroll(s.app.session(), target);
  target.up("127.0.0.1:" + std::to_string(port));
  s.autoSync.open(s.app.model);
  REQUIRE(s.attempt());
  REQUIRE(s.autoSync.state() == State::Sent);
  const std::int64_t quietCheck = *s.autoSync.nextAttempt();

  addResidents(s.app.session(), 2, 12);
  s.autoSync.noteSave();
  s.now += 10;
  s.autoSync.noteSave();  // a second save pushes the attempt back
  CHECK(s.autoSync.nextAttempt() == s.now + 20);
  CHECK(quietCheck > s.now + 20);
  s.now += 19;
  CHECK_FALSE(s.attempt());

  writeText(s.power.path / "BAT0" / "capacity", "19");
  writeText(s.power.path / "BAT0" / "status", "Discharging");
  s.now += 1;
  CHECK_FALSE(s.attempt());
  CHECK(s.autoSync.state() == State::PausedBattery);
  CHECK(s.autoSync.statusText() == i18n::tr("app.autosync.battery", {{"percent", "19"}}));
  CHECK(s.autoSync.nextAttempt() == s.now + 60);

  writeText(s.power.path / "BAT0" / "capacity", "20");  // 20 % is enough
  s.now += 60;
  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Sent);
  CHECK(s.synced() == 2);
}

TEST_CASE(
    "auto sync: cut mid-upload resumes on the next attempt; returned records reach Home at once; "
    "down and back") {
  const int port = freeLoopbackPort();
  LiveHub hub(false, hubAddressDown(port));
  AutoSetup s;
  enroll(s.app.session(), hub);
  const int residents = addResidents(s.app.session(), 200, 13);
  hub.up("127.0.0.1:" + std::to_string(port));
  s.autoSync.config().client.chunkBytes = 1024;
  s.autoSync.config().client.stopAfterBytes = 4096;  // the line drops after 4 KB
  s.autoSync.open(s.app.model);

  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Unreachable);
  CHECK(s.outboxFiles() == 1);  // kept for the resume
  CHECK(hub.records() == 0);

  s.autoSync.config().client.stopAfterBytes = UINT64_MAX;
  s.now += 60;
  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Sent);
  CHECK(s.outboxFiles() == 0);
  CHECK(hub.records() == static_cast<std::size_t>(residents));
  CHECK(s.synced() == residents);

  // The office returns one record for documents; the next check brings it, and Home shows it.
  app::HomeModel home;
  home.open(s.app.model);
  CHECK(home.needsDocuments() == 0);
  const auto& people = s.app.session().index().residents();
  REQUIRE(!people.empty());
  REQUIRE(hub.session->setReview(core::formatRecordId(people[0].id), "needs_documents", "Thiếu giấy khai sinh").ok());
  s.now += 900;
  s.autoSync.tick(s.app.model, false);
  REQUIRE(s.autoSync.attemptPending());
  CHECK(s.autoSync.finish());  // it brought news: the shell re-reads Home
  home.open(s.app.model);
  CHECK(home.needsDocuments() == 1);

  // Down, then back.
  hub.down();
  addResidents(s.app.session(), 3, 14);
  s.autoSync.noteSave();
  s.now += 20;
  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Unreachable);
  hub.up("127.0.0.1:" + std::to_string(port));
  s.now += 60;
  REQUIRE(s.attempt());
  CHECK(s.autoSync.state() == State::Sent);
  CHECK(hub.records() == static_cast<std::size_t>(residents + 3));
}

TEST_CASE("auto sync: a manual sync running holds it back; lock cancels it even while the UI holds the gate") {
  LiveHub target(false, hubAddressDown(freeLoopbackPort()));
  AutoSetup s;
  enroll(s.app.session(), target);
  s.autoSync.open(s.app.model);
  s.autoSync.tick(s.app.model, true);  // the sync screen is uploading
  CHECK_FALSE(s.autoSync.running());

  std::unique_lock frame(s.gate.mutex());  // the UI thread, mid-frame
  s.autoSync.tick(s.app.model, false);
  REQUIRE(s.autoSync.running());  // waits at the gate for its first Session step
  s.autoSync.reset();             // lock: must not wait for a gate this thread holds
  CHECK_FALSE(s.autoSync.running());
  CHECK(s.autoSync.state() == State::Hidden);
}

TEST_CASE("auto sync: the setting is on by default, kept in the settings file, a wrong type keeps the default") {
  CHECK(app::parseSettings("{}")->autoSync);
  CHECK_FALSE(app::parseSettings(R"({"auto_sync": false})")->autoSync);
  CHECK(app::parseSettings(R"({"auto_sync": "no"})")->autoSync);
  TempDir dir;
  app::Settings off;
  off.autoSync = false;
  REQUIRE(app::saveSettings(dir.path / "settings.json", off).ok());
  CHECK_FALSE(app::loadSettings(dir.path / "settings.json")->autoSync);
}

TEST_CASE("auto sync: a record saved on any screen schedules an attempt after the debounce") {
  LiveHub hub(false, hubAddressDown(freeLoopbackPort()));
  AutoSetup s;
  enroll(s.app.session(), hub);
  s.autoSync.open(s.app.model);
  REQUIRE(s.attempt());
  REQUIRE(s.autoSync.nextAttempt() == s.now + 60);
  s.app.model.noteRecordSaved();  // as the resident editor and the wizard do
  CHECK_FALSE(s.attempt());       // the tick notices the save; not due yet
  CHECK(s.autoSync.nextAttempt() == s.now + 20);
}
