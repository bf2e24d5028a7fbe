// Receiving over the network from the window: a real server on 127.0.0.1, a laptop's real upload
// client, the batch imported on the twin session while the window keeps its own; the latest
// uploads in words; receiving goes on while the desk is locked and stops when switched off.
#include <thread>

#include "core/i18n.h"
#include "office_fixture.h"
#include "store/db.h"
#include "sync/transport/errors.h"
#include "sync/transport/transport.h"

using namespace officetest;
namespace transport = gocua::sync::transport;

namespace {

// The laptop's side: sends a batch file to the desk as `gocuactl sync` does (again, when asked to).
Result<transport::UploadResult> send(DeskFixture& f, const fs::path& file, std::uint64_t sequence,
                                     int busyRetries = 0) {
  std::array<std::uint8_t, 16> id{};
  id[0] = static_cast<std::uint8_t>(sequence);
  transport::ClientOptions options;
  options.timeoutSeconds = 15;  // past the hub store's 5 s busy wait
  options.busyRetries = busyRetries;
  options.busyWait = std::chrono::milliseconds(200);
  return transport::uploadBatch("http://" + f.desk.receive.boundAddress(), file, id, f.device.keys, {}, options);
}

Result<transport::UploadResult> upload(DeskFixture& f, std::uint64_t sequence, const std::vector<std::string>& lines) {
  return send(f, f.file(makeBatch(f.device, sequence, lines, f.hubBox())), sequence);
}

}  // namespace

TEST_CASE("receive: switched on at unlock, a laptop's upload is imported and listed; the queue offers to re-read") {
  DeskFixture f;
  f.desk.receive.configure("127.0.0.1:0");
  CHECK_FALSE(f.desk.receive.running());  // no keys before unlock
  f.unlock();
  REQUIRE_MESSAGE(f.desk.receive.running(), f.desk.receive.problem());
  const std::string bound = f.desk.receive.boundAddress();
  CHECK(bound.rfind("127.0.0.1:", 0) == 0);
  CHECK(f.desk.receive.addresses() == std::vector<std::string>{"http://" + bound});
  CHECK(f.desk.queue.total() == 0);
  CHECK(f.desk.receive.latest().empty());

  const auto answers = sampleAnswers("birth_registration");
  auto sent = upload(f, 1, {residentLine(1, 1, "Trần Thị Bình"), applicationLine(2, "birth_registration", answers, 1)});
  REQUIRE_MESSAGE(sent.ok(), sent.error().code);
  // The answer is the hub's signed receipt for this laptop.
  CHECK(f.receipt(sent->receipt, f.device).records.size() == 2);
  CHECK(f.recordCount() == 2);

  const auto latest = f.desk.receive.latest();
  REQUIRE(latest.size() == 1);
  CHECK(latest[0].volunteers == "Lan");
  CHECK(latest[0].summary.file == i18n::tr("office.receive.batch_label", {{"sequence", "1"}}));
  CHECK(latest[0].summary.accepted == 2);
  CHECK(latest[0].summary.headline ==
        i18n::tr("office.inbox.batch.imported", {{"accepted", "2"}, {"duplicates", "0"}, {"rejected", "0"}}));
  CHECK(latest[0].at.size() == std::string("23/11/2026 17:05").size());

  // The queue was read before the upload: it says so, and reading it again shows the application.
  CHECK(f.desk.receive.uploadCount() == 1);
  CHECK(f.desk.queue.uploadsAtOpen == 0);
  f.desk.goQueue();
  CHECK(f.desk.queue.uploadsAtOpen == 1);
  CHECK(f.desk.queue.total() == 1);

  // Locked: the screens forget and the window's keys go, but volunteers can still send.
  f.desk.lock();
  CHECK(f.desk.model.session() == nullptr);
  CHECK_FALSE(f.desk.holdsPlaintext());
  REQUIRE(f.desk.receive.running());
  auto whileLocked = upload(f, 2, {residentLine(3, 1, "Lò Văn Pấng")});
  REQUIRE_MESSAGE(whileLocked.ok(), whileLocked.error().code);
  CHECK(f.recordCount() == 3);
  REQUIRE(f.desk.receive.latest().size() == 2);
  CHECK(f.desk.receive.latest()[0].summary.file == i18n::tr("office.receive.batch_label", {{"sequence", "2"}}));

  // Switched off (the lock screen offers it): nobody answers any more, and it stays off at unlock.
  f.desk.receive.switchOff();
  CHECK_FALSE(f.desk.receive.running());
  CHECK(f.desk.receive.addresses().empty());
  f.unlock();
  CHECK_FALSE(f.desk.receive.running());
}

TEST_CASE("receive: while another import holds the hub's database, a laptop hears \"busy\", waits and is received") {
  DeskFixture f;
  f.desk.receive.configure("127.0.0.1:0");
  f.unlock();
  REQUIRE(f.desk.receive.running());
  // Another writer (a stick's import on the desk) holds hub.db past the store's 5 s busy wait.
  auto other = store::Db::open(f.tmp.path / "hub" / "hub.db", false);
  REQUIRE(other.ok());
  REQUIRE(other->exec("BEGIN IMMEDIATE").ok());
  const auto batch = f.file(makeBatch(f.device, 1, {residentLine(1, 1, "Trần Thị Bình")}, f.hubBox()));
  auto refused = send(f, batch, 1);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().is(err::kTransportBusy));  // a 503, not a hub fault: the laptop tries again later
  CHECK(f.desk.receive.latest().empty());

  // Released while the laptop waits between tries: the same upload gets its receipt.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    CHECK(other->exec("COMMIT").ok());
  });
  auto sent = send(f, batch, 1, 2);
  release.join();
  REQUIRE_MESSAGE(sent.ok(), sent.error().code);
  CHECK(sent->bytesSent == 0);  // the hub kept what it had
  CHECK(f.recordCount() == 1);
}

TEST_CASE("receive: off unless asked; switching on needs the unlocked desk; a port in use is said in words") {
  DeskFixture f;
  f.unlock();
  CHECK_FALSE(f.desk.receive.running());
  f.desk.lock();
  f.desk.receive.switchOn(f.desk.model);
  CHECK_FALSE(f.desk.receive.running());
  CHECK(f.desk.receive.problem() == i18n::tr("office.receive.needs_unlock"));

  // Another desk already listens on the port this one is told to use.
  DeskFixture other;
  other.desk.receive.configure("127.0.0.1:0");
  other.unlock();
  REQUIRE(other.desk.receive.running());
  const std::string taken = other.desk.receive.boundAddress();
  f.desk.receive.configure(taken);
  f.unlock();
  CHECK_FALSE(f.desk.receive.running());
  CHECK(f.desk.receive.problem().find(taken) != std::string::npos);
  CHECK(f.desk.receive.problem().rfind(i18n::tr("office.receive.cannot_listen", {{"address", taken}, {"reason", ""}}),
                                       0) == 0);
  // The window still works on its own session.
  CHECK(f.desk.model.session() != nullptr);
}

TEST_CASE("receive: the default address follows the commune's hub address; what laptops can type") {
  CHECK(defaultListenAddress("") == "0.0.0.0:8080");
  CHECK(defaultListenAddress("http://192.168.1.10:9000") == "0.0.0.0:9000");
  CHECK(defaultListenAddress("http://xa-tan-lap.local") == "0.0.0.0:80");  // what laptops will ask
  CHECK(defaultListenAddress("not an address") == "0.0.0.0:8080");
  CHECK(reachableAddresses("127.0.0.1:5000") == std::vector<std::string>{"http://127.0.0.1:5000"});
  const auto any = reachableAddresses("0.0.0.0:5000");
  REQUIRE_FALSE(any.empty());
  for (const auto& a : any) {
    INFO(a);
    CHECK(a.rfind("http://", 0) == 0);
    CHECK(a.substr(a.size() - 5) == ":5000");
  }
  CHECK(reachableAddresses("nonsense").empty());
}

TEST_CASE("receive: the twin session has the same keys and staff, and outlives the session it came from") {
  Fixture f;
  auto twin = f.session->twin();
  REQUIRE_MESSAGE(twin.ok(), twin.error().code);
  CHECK(twin->session->staffName() == f.session->staffName());
  CHECK(twin->session->identity().signPublic == f.session->identity().signPublic);
  const auto box = f.hubBox();
  f.session.reset();
  auto r = twin->session->importFile(f.file(makeBatch(f.device, 1, {residentLine(1)}, box)));
  REQUIRE_MESSAGE(r.ok(), r.error().code);
  CHECK(r->accepted == 1);
  auto receipt = sync::readReceipt(r->receipt, twin->session->identity().signPublic, f.device.keys.publicKey, kCommune);
  CHECK(receipt.ok());
}
