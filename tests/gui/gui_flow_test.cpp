// The whole door-to-door flow through the real window, by X events only: first run (language,
// new workspace) → join the commune by USB stick (request → hub enrolls → profile, fingerprint
// confirmed) → add a resident → birth-registration application through the wizard → export a
// batch to the stick. Then the workspace is checked with gocuactl and the batch imported at a real
// hub. Screenshots of every screen land in <build>/gui-screenshots/flow/.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "gui_session.h"

namespace fs = std::filesystem;

namespace {

const std::string kPassphrase = "Lan đi từng ngõ 2026";

// The newest file in dir with the extension, waiting up to seconds for one to appear.
fs::path waitForFile(const fs::path& dir, const std::string& ext, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ext) return e.path();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return {};
}

// A long drop-down (ethnicity, nationality, province): open it, narrow it by typing, pick.
void pick(gui::Driver& d, const std::string& path, const std::string& filter, const std::string& value) {
  REQUIRE_MESSAGE(d.click("wizard.field." + path), d.failure());
  d.type(filter);
  REQUIRE_MESSAGE(d.click("wizard.choice." + path + "." + value), d.failure());
}

void fill(gui::Driver& d, const std::string& id, const std::string& text) {
  REQUIRE_MESSAGE(d.fill(id, text), d.failure());
  d.key("Tab");  // leave the field, as a volunteer moving on would
}

void next(gui::Driver& d) { REQUIRE_MESSAGE(d.click("wizard.next"), d.failure()); }

// Every other click of the flow: on failure, say what was on screen and keep a screenshot.
void click(gui::Driver& d, const std::string& id) { REQUIRE_MESSAGE(d.click(id), d.failure()); }

}  // namespace

TEST_CASE("gui: a new volunteer's whole door-to-door flow, checked with gocuactl and the hub") {
  gui::Session s("flow");
  const fs::path stick = s.sandbox.root / "usb";
  fs::create_directories(stick);
  auto init = s.hub({"init", "--commune-code", "27004", "--commune-name", "Xã Đông Anh", "--village", "Thôn Đông"});
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());

  REQUIRE_MESSAGE(s.start(), it::readFile(s.log()));
  auto& d = *s.driver;
  INFO(it::readFile(s.log()));

  // First run: language, then the workspace.
  REQUIRE_MESSAGE(d.waitScreen("first_run"), d.lastError());
  click(d, "first_run.lang.vi");
  click(d, "first_run.next");
  fill(d, "first_run.volunteer", "Nguyễn Thị Lan");
  REQUIRE_MESSAGE(d.fillNewPassphrase("first_run.passphrase", "first_run.confirm", kPassphrase, "first_run.create"),
                  d.failure());
  d.screenshot();
  click(d, "first_run.create");
  // Creating runs Argon2id (256 MiB) for the slots: on a loaded 2-core machine this once took over 60 s.
  REQUIRE_MESSAGE(d.waitScreen("home", 180), d.lastError());

  // Join the commune by USB stick: request out, the office enrolls it, profile back in.
  click(d, "nav.sync");
  REQUIRE(d.waitScreen("sync"));
  click(d, "sync.join");
  REQUIRE(d.waitScreen("join"));
  fill(d, "join.folder", stick.string());
  click(d, "join.write_request");
  const auto request = waitForFile(stick, ".gcq", 20);
  REQUIRE_MESSAGE(!request.empty(), "no enrollment request on the stick");
  auto enrolled = s.hub({"device", "enroll", request.string(), "--profile-out", (stick / "xa-dong-anh.gcp").string()});
  REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.describe());
  click(d, "join.folder.refresh");
  REQUIRE_MESSAGE(d.click("join.profile.0", 15), d.failure());
  REQUIRE_MESSAGE(d.reveal("join.confirm"), d.failure());
  d.screenshot();  // the fingerprint, large, to compare with the office's poster
  click(d, "join.confirm");
  d.settle(1.0);

  // A resident at the door.
  click(d, "nav.home");
  REQUIRE(d.waitScreen("home"));
  click(d, "home.add_resident");
  REQUIRE(d.waitScreen("resident"));
  fill(d, "resident.full_name", "Lò Văn Pấng");
  fill(d, "resident.date_of_birth", "12/04/1985");
  click(d, "resident.sex.male");
  fill(d, "resident.personal_id", "001085012345");
  fill(d, "resident.phone", "0912345678");
  fill(d, "resident.village", "Thôn Đông");
  click(d, "resident.consent.spoken");
  d.screenshot();
  click(d, "resident.new_application");
  REQUIRE_MESSAGE(d.waitScreen("application"), d.failure());

  // Birth registration for his newborn daughter, section by section.
  click(d, "wizard.procedure.birth_registration");
  click(d, "wizard.choice.requester.id_document_type.cccd");
  fill(d, "wizard.field.requester.id_document_issue_date", "10/05/2021");
  fill(d, "wizard.field.requester.id_document_issue_place", "Cục Cảnh sát QLHC về TTXH");
  fill(d, "wizard.field.requester.residence", "Thôn Đông, xã Đông Anh");
  pick(d, "requester.relationship", "Cha", "father");  // six kinds of requester: a drop-down
  d.screenshot();
  next(d);
  fill(d, "wizard.field.child.surname", "Lò");
  fill(d, "wizard.field.child.given_name", "Hoa");
  fill(d, "wizard.field.child.date_of_birth", it::dateFromToday(-10));
  // "ngày sinh ghi bằng chữ" is written from the date by the wizard (the form checks they match).
  click(d, "wizard.choice.child.sex.female");
  pick(d, "child.ethnicity", "Thai", "thai");
  pick(d, "child.nationality", "Viet", "VN");
  fill(d, "wizard.field.child.place_of_birth", "Trạm y tế xã Đông Anh");
  pick(d, "child.place_of_birth_province", "Ha Noi", "01");
  fill(d, "wizard.field.child.hometown", "Xã Đông Anh");
  d.screenshot();
  next(d);
  fill(d, "wizard.field.mother.full_name", "Lò Thị Mai");
  fill(d, "wizard.field.mother.date_of_birth", "1990");
  pick(d, "mother.ethnicity", "Thai", "thai");
  pick(d, "mother.nationality", "Viet", "VN");
  fill(d, "wizard.field.mother.residence", "Thôn Đông, xã Đông Anh");
  next(d);
  fill(d, "wizard.field.father.full_name", "Lò Văn Pấng");
  fill(d, "wizard.field.father.date_of_birth", "12/04/1985");
  pick(d, "father.ethnicity", "Thai", "thai");
  pick(d, "father.nationality", "Viet", "VN");
  fill(d, "wizard.field.father.residence", "Thôn Đông, xã Đông Anh");
  next(d);
  click(d, "wizard.bool.marriage.parents_married.no");
  next(d);
  click(d, "wizard.bool.request.linked_mode.no");
  next(d);
  d.screenshot();  // documents checklist
  next(d);
  REQUIRE_MESSAGE(d.reveal("wizard.confirm"), d.failure());
  d.screenshot();  // read-back in large type
  click(d, "wizard.confirm");
  REQUIRE_MESSAGE(d.reveal("wizard.done", 15), d.failure());
  d.screenshot();
  click(d, "wizard.done");

  // Export to the stick.
  click(d, "nav.sync");
  REQUIRE(d.waitScreen("sync"));
  fill(d, "sync.folder", stick.string());
  click(d, "sync.export");
  const auto batch = waitForFile(stick, ".gcb", 30);
  REQUIRE_MESSAGE(!batch.empty(), "no batch on the stick");
  d.settle(1.0);
  d.screenshot();
  s.app->stop();

  // The laptop's workspace, read with the CLI: one resident, one submitted birth registration.
  it::EnvOverrides pass{{"GOCUA_PASSPHRASE", kPassphrase}};
  auto apps = s.sandbox.ctl({"application", "list"}, "", pass);
  REQUIRE_MESSAGE(apps.exitCode == 0, apps.describe());
  const auto list = apps.parsed();
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  CHECK(list[0]["form_id"] == "birth_registration");
  CHECK(list[0]["status"] != "draft");
  auto found = s.sandbox.ctl({"resident", "search", "lo van pang"}, "", pass);
  REQUIRE(found.exitCode == 0);
  if (found.parsed().size() != 1) {
    // Seen once under load (not reproduced): keep what verify says to find out why.
    auto verify = s.sandbox.ctl({"verify"}, "", pass);
    MESSAGE(verify.describe());
  }
  REQUIRE_MESSAGE(found.parsed().size() == 1, found.describe());
  CHECK(found.parsed()[0]["personal_id"] == "001085012345");

  // The commune hub imports the batch from the stick.
  auto imported = s.hub({"import", batch.string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  auto records = s.hub({"records", "list", "--procedure", "birth_registration"});
  REQUIRE(records.exitCode == 0);
  CHECK(records.parsed().size() == 1);

  // Nothing the app printed or left in TMPDIR names the resident.
  const std::map<std::string, std::string> needles = {
      {"name", "Pấng"}, {"id", "001085012345"}, {"phone", "0912345678"}};
  CHECK(it::scanText("gocua log", it::readFile(s.log()), needles).empty());
  CHECK(it::scanDir(s.sandbox.tmp, needles).empty());
}
