// The sync screen's view-model with the real parts: a real workspace enrolled with a real hub
// (in-process, and behind a real HTTP server on 127.0.0.1 for uploads), batches written to a
// "USB stick" folder, the hub's own receipts applied back.
#include "app/model/sync_model.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "app_fixture.h"
#include "core/i18n.h"
#include "live_hub.h"
#include "sync/hub/endpoint.h"
#include "sync/hub/hub.h"
#include "sync/transport/errors.h"
#include "workspace/demo_data.h"

using namespace apptest;
using gocua::app::FolderPicker;
using gocua::app::SyncModel;
using gocua::app::SyncSummary;

namespace {

// The unlocked app and its sync view-model, with a "USB stick" at <tmp>/media/lan/USB.
struct SyncSetup {
  UnlockedApp app;
  SyncModel sync;
  fs::path stick;
  explicit SyncSetup(bool training = false) : app(training) {
    stick = app.tmp.path / "media" / "lan" / "USB";
    fs::create_directories(stick);
    sync.folder = FolderPicker({{app.tmp.path / "media" / "lan"}, app.tmp.path});
    sync.open(app.model);
  }
  std::vector<fs::path> batches() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(stick))
      if (e.path().extension() == ".gcb") out.push_back(e.path());
    return out;
  }
};

// Exports to the stick with the view-model, imports the batch at the hub and leaves its receipt
// on the stick under receiptName, as staff would hand it back.
void exportToHub(SyncSetup& s, LiveHub& hub, const std::string& receiptName) {
  s.sync.open(s.app.model);
  s.sync.exportToFolder(s.app.model);
  s.sync.finish(s.app.model);
  auto imported = hub.session->importFile(s.sync.summary().file);
  REQUIRE(imported.ok());
  writeAll(s.stick / receiptName, imported->receipt);
}

}  // namespace

TEST_CASE("sync: export to the stick writes a batch the hub imports; its receipt marks the records synced") {
  LiveHub hub(false);
  SyncSetup s;
  CHECK_FALSE(s.sync.enrolled());
  CHECK(s.sync.exportBlocked() == i18n::tr("app.sync.join_first"));
  enroll(s.app.session(), hub);
  const int residents = addResidents(s.app.session(), 6, 3);
  s.sync.open(s.app.model);
  CHECK(s.sync.enrolled());
  CHECK(s.sync.communeName() == "Xã Tân Lập");
  CHECK(s.sync.count("unsynced") == residents);
  CHECK(s.sync.lastSync().empty());
  REQUIRE(s.sync.canExport());

  s.sync.exportToFolder(s.app.model);
  s.sync.finish(s.app.model);
  const auto& done = s.sync.summary();
  REQUIRE(done.ok);
  CHECK(done.kind == SyncSummary::Kind::Export);
  CHECK(done.records == residents);
  CHECK(done.file.parent_path() == s.stick);
  CHECK(done.file.filename().string().rfind("gocua-", 0) == 0);
  CHECK(done.details == std::vector<std::string>{i18n::tr("app.sync.safe_to_unplug")});
  CHECK(s.sync.count("sent") == residents);
  CHECK(s.sync.count("unsynced") == 0);

  auto imported = hub.session->importFile(done.file);
  REQUIRE(imported.ok());
  CHECK((imported->status == sync::BatchStatus::Imported));  // doctest would print it with sync::toString
  CHECK(imported->accepted == static_cast<std::size_t>(residents));
  CHECK(hub.records() == static_cast<std::size_t>(residents));

  // The office hands back the receipt on the stick.
  writeAll(s.stick / "bien-nhan.gcr", imported->receipt);
  s.sync.folder.rescan();
  REQUIRE(s.sync.receipts().size() == 1);
  CHECK(s.sync.receiptChosen("bien-nhan.gcr"));
  REQUIRE(s.sync.canApplyReceipts());
  s.sync.applyReceipts(s.app.model);
  s.sync.finish(s.app.model);
  const auto& applied = s.sync.summary();
  REQUIRE(applied.ok);
  CHECK(applied.receiptsApplied == 1);
  CHECK(applied.accepted == residents);
  CHECK(applied.headline == i18n::tr("app.sync.receipts_applied", {{"count", "1"}}));
  CHECK(s.sync.count("synced") == residents);
  CHECK(s.sync.count("sent") == 0);
  CHECK_FALSE(s.sync.lastSync().empty());

  // Nothing new (sent records travel again until a receipt acknowledges them; now none is left).
  s.sync.exportToFolder(s.app.model);
  s.sync.finish(s.app.model);
  CHECK(s.sync.summary().nothingToSend);
  CHECK(s.sync.summary().headline == i18n::tr("app.sync.nothing_to_send"));
  CHECK(s.batches().size() == 1);

  // One more record, one more batch: a second file beside the first, never over it.
  addResidents(s.app.session(), 1, 99);
  s.sync.exportToFolder(s.app.model);
  s.sync.finish(s.app.model);
  REQUIRE(s.sync.summary().records == 1);
  CHECK(s.batches().size() == 2);
  CHECK(s.sync.count("sent") == 1);

  // An applied receipt is unticked; the volunteer may tick it again (a replay changes nothing).
  CHECK_FALSE(s.sync.receiptChosen("bien-nhan.gcr"));
  CHECK_FALSE(s.sync.canApplyReceipts());
  s.sync.toggleReceipt("bien-nhan.gcr");
  CHECK(s.sync.canApplyReceipts());
}

TEST_CASE("sync: needs-documents decisions arrive with the office's note; a foreign receipt is refused plainly") {
  LiveHub hub(false);
  SyncSetup s;
  enroll(s.app.session(), hub);
  addResidents(s.app.session(), 2, 5);
  exportToHub(s, hub, "1.gcr");

  const auto& residents = s.app.session().index().residents();
  REQUIRE(!residents.empty());
  const std::string id = core::formatRecordId(residents[0].id);
  REQUIRE(hub.session->setReview(id, "needs_documents", "Thiếu bản sao giấy khai sinh").ok());
  auto devices = hub.hub->devices();
  REQUIRE(devices.ok());
  REQUIRE(devices->size() == 1);
  auto status = hub.session->statusReceipt((*devices)[0].id);
  REQUIRE(status.ok());
  writeAll(s.stick / "2.gcr", *status);
  writeAll(s.stick / "3.gcr", "GOCUA-RECEIPT 1\nnot really\n");

  s.sync.folder.rescan();
  REQUIRE(s.sync.receipts().size() == 3);
  s.sync.applyReceipts(s.app.model);
  s.sync.finish(s.app.model);
  const auto& sum = s.sync.summary();
  CHECK(sum.ok);
  CHECK(sum.receiptsApplied == 2);
  CHECK(sum.updates == 1);
  REQUIRE(sum.warnings.size() == 1);  // the damaged one, by name
  CHECK(sum.warnings[0].find("3.gcr") != std::string::npos);
  REQUIRE(s.sync.needsDocuments().size() == 1);
  CHECK(s.sync.needsDocuments()[0].name == residents[0].fullName);
  CHECK(s.sync.needsDocuments()[0].note == "Thiếu bản sao giấy khai sinh");

  s.sync.reset();  // lock: names and notes leave memory
  CHECK(s.sync.needsDocuments().empty());
  CHECK(s.sync.summary().kind == SyncSummary::Kind::None);
}

TEST_CASE("sync: a returned application is listed with the resident, its procedure and the office's note") {
  i18n::setLang(i18n::Lang::Vi);
  LiveHub hub(false);
  SyncSetup s;
  enroll(s.app.session(), hub);
  addResidents(s.app.session(), 1, 8);
  const auto& resident = s.app.session().index().residents().at(0);
  const std::string residentId = core::formatRecordId(resident.id);
  const auto* form = s.app.model.forms().find("vneid_level2");
  REQUIRE(form != nullptr);
  forms::ValidationReport report;
  auto application = s.app.session().newApplication(*form, residentId, nlohmann::json::object(), true, &report);
  REQUIRE(application.ok());
  exportToHub(s, hub, "1.gcr");
  REQUIRE(hub.session->setReview(*application, "needs_documents", "Thiếu ảnh chụp căn cước").ok());
  auto devices = hub.hub->devices();
  REQUIRE(devices.ok());
  auto status = hub.session->statusReceipt((*devices)[0].id);
  REQUIRE(status.ok());
  writeAll(s.stick / "2.gcr", *status);
  s.sync.folder.rescan();
  s.sync.applyReceipts(s.app.model);
  s.sync.finish(s.app.model);
  REQUIRE(s.sync.summary().ok);

  REQUIRE(s.sync.needsDocuments().size() == 1);
  const auto& row = s.sync.needsDocuments()[0];
  CHECK(row.id == *application);
  CHECK(row.name == resident.fullName);
  CHECK(row.procedure == form->plainTitle().in(i18n::Lang::Vi));
  CHECK_FALSE(row.procedure.empty());
  CHECK(row.note == "Thiếu ảnh chụp căn cước");
}

TEST_CASE("sync: upload to a live hub on 127.0.0.1 with progress reaching the total, then a plain summary") {
  LiveHub hub(true);
  SyncSetup s;
  enroll(s.app.session(), hub);
  const int residents = addResidents(s.app.session(), 40, 11);
  s.sync.open(s.app.model);
  CHECK(s.sync.uploadBlocked() == i18n::tr("app.sync.no_hub_url"));  // this commune's profile has no address
  s.sync.hubUrl = hub.url + "/";
  REQUIRE(s.sync.canUpload());

  std::mutex mu;
  float best = -1;
  std::atomic<int> wakes{0};
  s.sync.upload(s.app.model, [&] {
    ++wakes;
    std::lock_guard lock(mu);
    best = std::max(best, s.sync.fraction());
  });
  s.sync.finish(s.app.model);
  const auto& sum = s.sync.summary();
  INFO(sum.headline);
  REQUIRE(sum.ok);
  CHECK(sum.kind == SyncSummary::Kind::Upload);
  CHECK(sum.records == residents);
  CHECK(sum.accepted == residents);
  CHECK(sum.rejected.empty());
  CHECK(sum.bytes > 0);
  CHECK(sum.headline.find(std::to_string(residents)) != std::string::npos);
  CHECK(wakes.load() > 1);
  CHECK(best == doctest::Approx(1.0f));
  CHECK(hub.records() == static_cast<std::size_t>(residents));
  CHECK(s.sync.count("synced") == residents);
  CHECK_FALSE(s.sync.lastSync().empty());

  // Again: nothing new, said so; the hub is still asked for review decisions.
  s.sync.upload(s.app.model);
  s.sync.finish(s.app.model);
  CHECK(s.sync.summary().ok);
  CHECK(s.sync.summary().nothingToSend);
}

TEST_CASE("sync: no hub listening gives the plain network error and keeps the records") {
  LiveHub hub(false);
  SyncSetup s;
  enroll(s.app.session(), hub);
  addResidents(s.app.session(), 3, 2);
  s.sync.open(s.app.model);
  s.sync.hubUrl = "http://127.0.0.1:1";
  s.sync.upload(s.app.model);
  s.sync.finish(s.app.model);
  CHECK_FALSE(s.sync.summary().ok);
  CHECK(s.sync.summary().errorCode == "transport.unreachable");
  CHECK(s.sync.summary().headline == i18n::message(Error::make(err::kTransportUnreachable)));
  CHECK(s.sync.count("synced") == 0);
}

TEST_CASE("sync: the hub address and the folder last used come back on a new sync screen and after a lock") {
  LiveHub hub(false);
  SyncSetup s;
  enroll(s.app.session(), hub);
  addResidents(s.app.session(), 2, 4);
  const fs::path office = s.app.tmp.path / "gui-xa";
  fs::create_directories(office);
  s.sync.open(s.app.model);
  REQUIRE(s.sync.folder.path == s.stick.string());  // the plugged-in stick comes first
  s.sync.folder.path = office.string();
  s.sync.folder.edited();
  s.sync.hubUrl = "http://192.168.1.20:8443";
  s.sync.exportToFolder(s.app.model);
  s.sync.finish(s.app.model);
  REQUIRE(s.sync.summary().ok);

  auto opened = [&](SyncModel& m) {
    m.folder = FolderPicker({{s.app.tmp.path / "media" / "lan"}, s.app.tmp.path});
    m.open(s.app.model);
    CHECK(m.hubUrl == "http://192.168.1.20:8443");
    CHECK(m.folder.path == office.string());
  };
  SyncModel restarted;
  opened(restarted);
  s.sync.reset();  // the idle lock wipes the screen's fields
  opened(s.sync);
}

TEST_CASE("sync: a training workspace never exports or uploads, and the reason is shown") {
  SyncSetup s(true);
  CHECK(s.sync.training());
  CHECK(s.sync.exportBlocked() == i18n::tr("app.sync.training"));
  CHECK(s.sync.uploadBlocked() == i18n::tr("app.sync.training"));
  s.sync.hubUrl = "http://127.0.0.1:1";
  s.sync.exportToFolder(s.app.model);
  s.sync.upload(s.app.model);
  CHECK_FALSE(s.sync.busy());
  s.sync.finish(s.app.model);
  CHECK(s.sync.summary().kind == SyncSummary::Kind::None);
  CHECK(s.batches().empty());
}

TEST_CASE("sync: times and sizes as the screen shows them") {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  ::setenv("TZ", "ICT-7", 1);  // POSIX form: UTC+7 without tzdata
  ::tzset();
  CHECK(gocua::app::formatLocalTime("2026-11-23T10:05:00Z") == "23/11/2026 17:05");
  CHECK(gocua::app::formatLocalTime("") == "");
  CHECK(gocua::app::formatLocalTime("yesterday") == "");
  if (old)
    ::setenv("TZ", saved.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  CHECK(gocua::app::formatBytes(850) == "850 B");
  CHECK(gocua::app::formatBytes(34 * 1024) == "34 KB");
  CHECK(gocua::app::formatBytes(3355443) == "3,2 MB");
}

TEST_CASE("sync: a receipt bringing the commune's form pack installs it and the wizard offers its forms") {
  LiveHub hub(false);
  SyncSetup s;
  enroll(s.app.session(), hub);
  addResidents(s.app.session(), 1, 9);
  CHECK(s.app.model.forms().find("death_registration") != nullptr);

  // The office publishes a pack without the death registration form.
  fs::path officeForms = s.app.tmp.path / "forms-xa";
  fs::copy(GOCUA_SOURCE_DIR "/forms", officeForms, fs::copy_options::recursive);
  fs::remove(officeForms / "death_registration.json");
  REQUIRE(hub.session->publishForms(officeForms).ok());

  exportToHub(s, hub, "1.gcr");
  s.sync.folder.rescan();
  s.sync.applyReceipts(s.app.model);
  s.sync.finish(s.app.model);
  const auto& sum = s.sync.summary();
  CHECK(sum.formPack == 1);
  bool said = false;
  for (const auto& d : sum.details)
    said = said || (d.find("1") != std::string::npos && d.find("biểu mẫu") != std::string::npos);
  CHECK(said);
  CHECK(s.app.model.forms().find("death_registration") == nullptr);
  CHECK(s.app.model.forms().find("birth_registration") != nullptr);

  // Locking and unlocking again keeps the commune's forms.
  s.app.model.lock();
  auto again = s.app.model.workspace()->unlock("", apptest::kPassphrase);
  REQUIRE(again.ok());
  s.app.model.adoptSession(std::move(*again), 0);
  CHECK(s.app.model.forms().find("death_registration") == nullptr);
}
