// The commune desk's day through the real gocua-office window, by X events only: first run makes
// the commune's hub (the commune from the 2025 list, a village, the first staff member; the key
// code poster printed to the stick) → Máy tình nguyện viên joins two laptops from their requests on a stick (the
// profiles written beside them) → each laptop makes its batch → Nhận gói hồ sơ (both imported, a
// receipt beside each) → the queue, filtered by procedure and status → open the application → needs documents with a
// ready note → its declaration printed to the stick → the laptop's next batch comes on the stick and the receipt beside
// it brings the note (gocuactl receipt apply) → the laptop syncs over the network with the desk (receiving on loopback
// since first run) → Tổng quan: this week's bar opens the queue on the application, and the month's report (with the
// laptop's skills session) goes to the stick as Excel → Xuất danh sách writes the VNeID applications as Excel and the
// police's appointment list as PDF → Cài đặt adds a colleague. Then gocua-hub reads the decision and the staff back
// from the same hub directory and the files are read back. Screenshots land in <build>/gui-screenshots/office/.
#include <doctest/doctest.h>

#include <algorithm>

#include <chrono>
#include <ctime>
#include <thread>

#include "../unit/free_port.h"
#include "gui_session.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

bool waitForFile(const fs::path& file, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
    if (fs::exists(file)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

void click(gui::Driver& d, const std::string& id) { REQUIRE_MESSAGE(d.click(id), d.failure()); }

// Today in local time with a strftime format ("%d/%m/%Y", "%Y-%m").
std::string today(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, format, &local);
  return text;
}

}  // namespace

TEST_CASE("gui: the commune desk imports a stick, opens the application and asks for documents") {
  gui::Session s("office");
  const fs::path stick = s.sandbox.root / "usb";
  fs::create_directories(stick);

  // A laptop's request to join the commune, on the stick.
  s.sandbox.init("Lan");
  REQUIRE(s.sandbox.ctl({"enroll-request", "--out", (stick / "lan.gcq").string()}).exitCode == 0);
  it::Sandbox minh;  // Minh's laptop
  minh.init("Minh");
  REQUIRE(minh.ctl({"enroll-request", "--out", (stick / "minh.gcq").string()}).exitCode == 0);

  // First run: no hub yet, so the desk makes it. The commune from the 2025 list by a search
  // without accents, one village, the first staff member and a passphrase typed twice.
  // The desk receives over the network from the first unlock, here on loopback only.
  const std::string hubUrl = "http://127.0.0.1:" + std::to_string(gocua::test::freeLoopbackPort());
  REQUIRE_MESSAGE(s.launch({GOCUA_OFFICE, "--data", (s.sandbox.root / "hub").string(), "--listen",
                            hubUrl.substr(std::string("http://").size())}),
                  it::readFile(s.log()));
  auto& d = *s.driver;
  REQUIRE_MESSAGE(d.waitScreen("setup"), d.failure());
  REQUIRE_MESSAGE(d.fill("setup.search", "tan lap tay ninh"), d.failure());
  click(d, "setup.commune.0");
  click(d, "setup.next");
  REQUIRE_MESSAGE(d.fill("setup.village", "Thôn Đông"), d.failure());
  click(d, "setup.village_add");
  REQUIRE_MESSAGE(d.fill("setup.staff", "Lò Thị Mai"), d.failure());
  REQUIRE_MESSAGE(d.fillNewPassphrase("setup.passphrase", "setup.confirm", gui::Session::kHubPass, "setup.create"),
                  d.failure());
  d.settle(0.5);
  d.key("F12");
  click(d, "setup.create");
  REQUIRE_MESSAGE(d.waitItem("setup.fingerprint", 60), d.failure());
  REQUIRE_MESSAGE(d.fill("setup.folder", stick.string()), d.failure());
  d.key("Return");
  click(d, "setup.print");
  const fs::path poster = stick / "ma-khoa-xa-25489.pdf";
  REQUIRE_MESSAGE(waitForFile(poster, 30), "no key code poster on the stick");
  d.settle(0.5);
  d.key("F12");
  auto staff = s.hub({"staff", "list"});
  REQUIRE_MESSAGE(staff.exitCode == 0, staff.describe());
  CHECK(staff.parsed()[0]["name"] == "Lò Thị Mai");
  const auto posterText = it::pdfText(poster);
  CHECK(posterText.find("Xã Tân Lập") != std::string::npos);
  CHECK(posterText.find("Tỉnh Tây Ninh") != std::string::npos);

  // Máy tình nguyện viên comes next: the laptop joins from the request on the stick; the profile
  // lands beside it.
  click(d, "setup.done");
  REQUIRE_MESSAGE(d.waitScreen("laptops"), d.failure());
  REQUIRE_MESSAGE(d.fill("laptops.folder", stick.string()), d.failure());
  d.key("Return");
  // The requests are listed newest first: which of the two is row 0 depends on the clock.
  click(d, "laptops.enroll.0");
  const auto eitherProfile = [&] { return fs::exists(stick / "lan.gcp") || fs::exists(stick / "minh.gcp"); };
  for (int i = 0; i < 300 && !eitherProfile(); ++i) d.settle(0.1);
  REQUIRE_MESSAGE(eitherProfile(), d.failure());
  click(d, "laptops.enroll.1");  // a second volunteer's laptop, on the same stick
  REQUIRE_MESSAGE(waitForFile(stick / "lan.gcp", 30), "no profile beside Lan's request\n" << d.failure());
  REQUIRE_MESSAGE(waitForFile(stick / "minh.gcp", 30), "no profile beside Minh's request\n" << d.failure());
  d.settle(0.5);
  d.key("F12");
  d.settle(0.5);

  // Meanwhile at the laptop: one resident with a VNeID level-2 application and a skills session.
  // The volunteer takes the profile home on the stick and joins.
  REQUIRE(s.sandbox.ctl({"enroll", "--profile", (stick / "lan.gcp").string()}).exitCode == 0);
  const std::string resident = s.sandbox.addResident({{"full_name", "Nguyễn Thị Hoa"},
                                                      {"date_of_birth", "12/03/1956"},
                                                      {"sex", "female"},
                                                      {"personal_id", "001156012345"},
                                                      {"phone", "0912345678"},
                                                      {"village", "Thôn Đông"}});
  json answers = it::sampleAnswers("vneid_level2");
  for (const char* f : {"full_name", "date_of_birth", "sex", "personal_id"}) answers["person"].erase(f);
  answers["phone"].erase("number");  // both filled from the resident
  auto app = s.sandbox.ctl({"application", "new", "--form", "vneid_level2", "--resident", resident, "--file", "-"},
                           answers.dump());
  REQUIRE_MESSAGE(app.exitCode == 0, app.describe());
  const std::string applicationId = app.parsed()["id"].get<std::string>();
  // A trainer's skills session, held today in the same village: 29 people.
  const json session = {{"date", today("%d/%m/%Y")},
                        {"village", "Thôn Đông"},
                        {"place", "Nhà văn hoá thôn"},
                        {"topics", {"vneid_install"}},
                        {"trainers", {"Lan"}},
                        {"attendees",
                         {{"female", {{"under_18", 0}, {"18_59", 12}, {"60_plus", 5}}},
                          {"male", {{"under_18", 1}, {"18_59", 8}, {"60_plus", 3}}}}},
                        {"helped", {{"vneid_installed", 9}, {"vneid_activated", 7}, {"platform_enrolled", 4}}},
                        {"notes", ""}};
  auto logged = s.sandbox.ctl({"session", "add"}, session.dump());
  REQUIRE_MESSAGE(logged.exitCode == 0, logged.describe());
  REQUIRE(s.sandbox.ctl({"export", "--out", (stick / "lan-1.gcb").string()}).exitCode == 0);
  // Minh met one resident in another village; his batch goes on the same stick.
  REQUIRE(minh.ctl({"enroll", "--profile", (stick / "minh.gcp").string()}).exitCode == 0);
  minh.addResident(
      {{"full_name", "Đặng Văn Quý"}, {"date_of_birth", "05/07/1949"}, {"sex", "male"}, {"village", "Thôn Tây"}});
  REQUIRE(minh.ctl({"export", "--out", (stick / "minh-1.gcb").string()}).exitCode == 0);

  click(d, "nav.inbox");
  REQUIRE_MESSAGE(d.waitScreen("inbox"), d.failure());
  REQUIRE_MESSAGE(d.fill("inbox.folder", stick.string()), d.failure());
  d.key("Return");
  click(d, "inbox.import");
  CHECK_MESSAGE(waitForFile(stick / "lan-1.gcr", 30), "no receipt beside the batch");
  CHECK_MESSAGE(waitForFile(stick / "minh-1.gcr", 30), "no receipt beside the second laptop's batch");
  d.settle(1.0);

  click(d, "nav.queue");
  REQUIRE_MESSAGE(d.waitScreen("queue"), d.failure());
  // Filtered as staff would: the procedure's drop-down, then the status buttons.
  click(d, "queue.filter.procedure");
  click(d, "queue.filter.procedure.1");
  REQUIRE_MESSAGE(d.waitItem("queue.row.0", 10), d.failure());
  click(d, "queue.status.accepted");
  d.settle(0.5);
  CHECK_FALSE(d.has("queue.row.0"));  // nothing decided yet
  click(d, "queue.status.new");
  REQUIRE_MESSAGE(d.waitItem("queue.row.0", 10), d.failure());
  click(d, "queue.row.0");
  REQUIRE_MESSAGE(d.waitScreen("record"), d.failure());
  click(d, "record.choose.needs_documents");
  click(d, "record.template.0");                          // a ready note, as staff would pick it
  const std::string needsNote = "Thiếu giấy chứng sinh";  // office.note.needs_documents.1, the first
  click(d, "record.confirm");
  d.settle(1.0);
  d.key("F12");  // the decision as staff see it, for a person to look at
  d.settle(0.5);
  // The declaration for the resident to sign: "In tờ khai", below the decision in the right
  // column, which scrolls on its own; the PDF goes to the stick.
  REQUIRE_MESSAGE(d.fill("record.print_folder", stick.string()), d.failure());
  d.key("Return");
  click(d, "record.print");
  const fs::path declaration = stick / ("to-khai-" + applicationId.substr(0, 8) + ".pdf");
  REQUIRE_MESSAGE(waitForFile(declaration, 30), "no declaration on the stick\n" << d.failure());
  d.settle(0.5);
  d.key("F12");
  const auto declarationText = it::pdfText(declaration);
  CHECK(declarationText.find("Nguyễn Thị Hoa") != std::string::npos);
  CHECK(declarationText.find(applicationId) != std::string::npos);

  // Back from the villages by USB: the volunteer's next batch goes on the stick (the resident met
  // since), the desk imports the stick again, and the receipt beside the batch carries the
  // decision with its note to the laptop.
  s.sandbox.addResident(
      {{"full_name", "Lường Văn Tâm"}, {"date_of_birth", "02/09/1948"}, {"sex", "male"}, {"village", "Thôn Đông"}});
  REQUIRE(s.sandbox.ctl({"export", "--out", (stick / "lan-2.gcb").string()}).exitCode == 0);
  click(d, "nav.inbox");
  REQUIRE_MESSAGE(d.waitScreen("inbox"), d.failure());
  click(d, "inbox.import");
  REQUIRE_MESSAGE(waitForFile(stick / "lan-2.gcr", 30), "no receipt beside the second batch\n" << d.failure());
  d.settle(1.0);
  auto applied = s.sandbox.ctl({"receipt", "apply", (stick / "lan-2.gcr").string()});
  REQUIRE_MESSAGE(applied.exitCode == 0, applied.describe());
  auto laptop = s.sandbox.ctl({"status"});
  REQUIRE_MESSAGE(laptop.exitCode == 0, laptop.describe());
  const json needs = laptop.parsed()["needs_documents"];
  REQUIRE(needs.size() == 1);
  CHECK(needs[0]["id"] == applicationId);
  CHECK(needs[0]["note"].get<std::string>() == needsNote);

  // Then over the office network with the desk, which has been receiving since first run: the
  // inbox lists the upload (the resident met since is what travels).
  s.sandbox.addResident(
      {{"full_name", "Hà Thị Nụ"}, {"date_of_birth", "19/11/1952"}, {"sex", "female"}, {"village", "Thôn Đông"}});
  auto synced = s.sandbox.ctl({"sync", "--hub", hubUrl});
  REQUIRE_MESSAGE(synced.exitCode == 0, synced.describe());
  click(d, "nav.inbox");
  REQUIRE_MESSAGE(d.waitScreen("inbox"), d.failure());
  CHECK(d.has("inbox.network"));
  REQUIRE_MESSAGE(d.waitItem("inbox.upload.0", 10), d.failure());
  d.settle(0.5);
  d.key("F12");
  d.settle(0.5);

  // The overview: this week's bar (the last) opens the queue on the week's one application.
  click(d, "nav.dashboard");
  REQUIRE_MESSAGE(d.waitScreen("dashboard"), d.failure());
  d.settle(0.5);
  d.key("F12");
  d.settle(0.5);
  click(d, "dashboard.week.7");
  REQUIRE_MESSAGE(d.waitScreen("queue"), d.failure());
  CHECK(d.has("queue.row.0"));
  CHECK_FALSE(d.has("queue.row.1"));
  CHECK(d.has("queue.week.clear"));
  click(d, "nav.dashboard");
  REQUIRE_MESSAGE(d.waitScreen("dashboard"), d.failure());
  // The month's report onto the stick.
  REQUIRE_MESSAGE(d.fill("dashboard.export_folder", stick.string()), d.failure());
  d.key("Return");
  click(d, "dashboard.export");
  const fs::path report = stick / ("bao-cao-thang-" + today("%Y-%m") + ".xlsx");
  CHECK_MESSAGE(waitForFile(report, 30), "no monthly report on the stick");
  d.settle(0.5);

  // Xuất danh sách: the VNeID applications as Excel onto the stick.
  click(d, "nav.export");
  REQUIRE_MESSAGE(d.waitScreen("export"), d.failure());
  click(d, "export.procedure");
  click(d, "export.procedure.1");  // the one procedure with applications
  REQUIRE_MESSAGE(d.fill("export.folder", stick.string()), d.failure());
  d.key("Return");
  click(d, "export.start");
  const fs::path list = stick / ("danh-sach-vneid_level2-" + today("%Y-%m-%d") + ".xlsx");
  CHECK_MESSAGE(waitForFile(list, 30), "no export on the stick");
  d.settle(0.5);
  // The commune police's VNeID level-2 list of the village, into the same folder.
  click(d, "appointments.print");
  const fs::path appointments = stick / ("lich-hen-vneid-thon-dong-" + today("%Y-%m-%d") + ".pdf");
  CHECK_MESSAGE(waitForFile(appointments, 30), "no appointment list on the stick");
  d.settle(0.5);
  d.key("F12");
  d.settle(0.5);

  // Cài đặt: a colleague joins the desk with their own passphrase.
  click(d, "nav.settings");
  REQUIRE_MESSAGE(d.waitScreen("settings"), d.failure());
  REQUIRE_MESSAGE(d.fill("staff.name", "Hà Văn Nam"), d.failure());
  REQUIRE_MESSAGE(d.fillNewPassphrase("staff.passphrase", "staff.confirm", "mật khẩu của anh Nam 2026", "staff.add"),
                  d.failure());
  click(d, "staff.add");
  REQUIRE_MESSAGE(d.waitItem("staff.row.1", 60), d.failure());
  d.settle(0.5);
  d.key("F12");
  d.settle(0.5);
  s.app->stop();
  auto team = s.hub({"staff", "list"});
  REQUIRE_MESSAGE(team.exitCode == 0, team.describe());
  REQUIRE(team.parsed().size() == 2);
  CHECK(team.parsed()[1]["name"] == "Hà Văn Nam");
  CHECK(team.parsed()[1]["added_by"] == "Lò Thị Mai");
  const auto listText = it::pdfText(appointments);
  CHECK(listText.find("Nguyễn Thị Hoa") != std::string::npos);
  CHECK(listText.find("001156012345") != std::string::npos);

  // The decision is in the hub, with the note, for the laptop's next receipt.
  auto listed = s.hub({"records", "list", "--status", "needs_documents"});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  INFO(listed.out);
  REQUIRE(listed.parsed().is_array());
  REQUIRE(listed.parsed().size() == 1);
  CHECK(listed.parsed()[0]["id"] == applicationId);

  // The report the desk wrote counts the laptop's session: 29 people trained in Thôn Đông.
  const json rows = it::xlsxRows(report);
  INFO(rows.dump());
  REQUIRE(rows.size() == 6);  // the header, Thôn Đông and Thôn Tây, Lan and Minh, the total
  const auto village = std::find_if(rows.begin(), rows.end(), [](const json& r) { return r[1] == "Thôn Đông"; });
  REQUIRE(village != rows.end());
  CHECK((*village)[3] == 1);    // the VNeID level-2 application
  CHECK((*village)[9] == 1);    // sessions
  CHECK((*village)[10] == 29);  // people trained

  // The export the desk wrote: the header and the one application, whose resident is named.
  const json exported = it::xlsxRows(list);
  REQUIRE(exported.size() == 2);
  CHECK(exported[1][0] == applicationId);

  // The window wrote nothing of the resident's in plain text: not in its log, not in the sandbox.
  const std::map<std::string, std::string> needles = {{"name", "Nguyễn Thị Hoa"}, {"id", "001156012345"}};
  for (const auto& leak : it::scanText("gocua-office log", it::readFile(s.log()), needles))
    FAIL(leak.what, " in ", leak.where);
  for (const auto& leak : it::scanDir(s.sandbox.home, needles)) FAIL(leak.what, " in ", leak.where);
}
