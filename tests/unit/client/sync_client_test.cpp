// "Sync now" against a real hub (gocua_hub) behind a real HTTP server on 127.0.0.1: twenty laptops
// uploading at once, a replay by HTTP, and an upload cut at byte K that resumes from K.
#include <doctest/doctest.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "../temp_dir.h"
#include "store/db.h"
#include "sync/batch/batch.h"
#include "sync/client/client.h"
#include "sync/hub/endpoint.h"
#include "sync/hub/hub.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"

using namespace gocua;
namespace fs = std::filesystem;

namespace {

const vault::KdfParams kKdf = vault::interactiveKdf();
constexpr const char* kPass = "mật khẩu thử nghiệm";
constexpr const char* kHubPass = "mật khẩu cán bộ xã";

using TempDir = gocua::test::TempDir;

// A hub with an unlocked session, serving HTTP on a free loopback port.
struct LiveHub {
  std::unique_ptr<hub::Hub> hub;
  std::unique_ptr<hub::HubSession> session;
  std::unique_ptr<sync::transport::HubEndpoint> endpoint;
  std::unique_ptr<sync::transport::HubServer> server;
  std::string url;

  explicit LiveHub(const fs::path& dir) {
    hub::CommuneInfo commune{"27001", "Xã Tân Lập", {"Thôn Đông"}, ""};
    auto created = hub::Hub::create(dir, commune, kHubPass, kKdf);
    REQUIRE(created.ok());
    hub = std::move(*created);
    auto unlocked = hub->unlock(kHubPass);
    REQUIRE(unlocked.ok());
    session = std::move(*unlocked);
    endpoint = hub::makeEndpoint(*session);
    auto started = sync::transport::HubServer::start("127.0.0.1:0", *endpoint, dir / "incoming");
    REQUIRE(started.ok());
    server = std::move(*started);
    url = "http://" + server->boundAddress();
  }

  std::size_t recordCount() { return hub->records(std::nullopt).value().size(); }
};

// An enrolled laptop with `residents` synthetic residents.
struct Laptop {
  std::unique_ptr<workspace::Workspace> ws;
  std::unique_ptr<workspace::Session> s;
  int residents = 0;

  Laptop(const fs::path& dir, LiveHub& hub, int count, std::uint64_t seed) {
    auto created = workspace::Workspace::create(dir, "Lan", kPass, false, kKdf);
    REQUIRE(created.ok());
    ws = std::move(*created);
    auto unlocked = ws->unlock("", kPass);
    REQUIRE(unlocked.ok());
    s = std::move(*unlocked);
    auto request = s->enrollmentRequest();
    REQUIRE(request.ok());
    REQUIRE(hub.session->enroll(*request).ok());
    auto profile = hub.session->profile();
    REQUIRE(profile.ok());
    REQUIRE(s->enroll(*profile).ok());
    workspace::DemoOptions options;
    options.residents = count;
    options.seed = seed;
    options.today = core::Date{2026, 11, 23};
    std::stringstream ndjson;
    workspace::writeDemoResidentsNdjson(ndjson, options);
    auto imported = s->importResidents(ndjson);
    REQUIRE(imported.ok());
    residents = imported->imported;
  }

  fs::path exportToOutbox() {
    fs::path outbox = sync::outboxDir(*s);
    fs::create_directories(outbox);
    auto info = s->exportBatch(outbox / "next.gcb");
    REQUIRE(info.ok());
    REQUIRE(info->records > 0);
    return outbox / "next.gcb";
  }
};

std::array<std::uint8_t, 16> batchIdOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  auto header = sync::readBatchHeader(in);
  REQUIRE(header.ok());
  return header->batchId;
}

}  // namespace

TEST_CASE("twenty laptops upload to one hub at the same time and nothing is lost") {
  TempDir t;
  LiveHub hub(t.path / "hub");
  constexpr int kLaptops = 20;
  std::vector<std::unique_ptr<Laptop>> laptops;
  int total = 0;
  for (int i = 0; i < kLaptops; ++i) {
    laptops.push_back(std::make_unique<Laptop>(t.path / ("ws" + std::to_string(i)), hub, 150, 100 + i));
    total += laptops.back()->residents;
    laptops.back()->exportToOutbox();  // the batches are ready; only the uploads race
  }

  std::atomic<int> inFlight{0}, maxInFlight{0};
  std::vector<Result<sync::SyncReport>> results(kLaptops, Error::fromText("not_run"));
  std::barrier start(kLaptops);
  sync::transport::ClientOptions options;
  options.chunkBytes = 2048;  // many small requests, so the uploads interleave
  options.timeoutSeconds = 60;
  std::vector<std::thread> threads;
  for (int i = 0; i < kLaptops; ++i) {
    threads.emplace_back([&, i] {
      bool counted = false;
      start.arrive_and_wait();
      results[i] = sync::syncWithHub(
          *laptops[i]->s, hub.url,
          [&](const sync::SyncProgress& p) {
            if (p.stage == sync::SyncProgress::Stage::Upload && !counted) {
              counted = true;
              int now = ++inFlight;
              for (int seen = maxInFlight; now > seen && !maxInFlight.compare_exchange_weak(seen, now);) {
              }
            }
            return true;
          },
          options);
      if (counted) --inFlight;
    });
  }
  for (auto& th : threads) th.join();

  for (int i = 0; i < kLaptops; ++i) {
    INFO("laptop " << i);
    REQUIRE(results[i].ok());
    CHECK(results[i]->batchReceipt.batchStatus == "imported");
    CHECK(results[i]->batchReceipt.synced == laptops[i]->residents);
    auto status = laptops[i]->s->syncStatus();
    REQUIRE(status.ok());
    CHECK(status->counts["synced"] == laptops[i]->residents);
    CHECK(status->counts["sent"] == 0);
  }
  CHECK(maxInFlight >= 10);
  CHECK(hub.recordCount() == static_cast<std::size_t>(total));
  // No partial upload left behind.
  for (const auto& e : fs::directory_iterator(t.path / "hub" / "incoming")) FAIL_CHECK("left over: " << e.path());
}

TEST_CASE("a batch replayed by HTTP gets the stored receipt and changes nothing") {
  TempDir t;
  LiveHub hub(t.path / "hub");
  Laptop laptop(t.path / "ws", hub, 40, 7);
  fs::path batch = laptop.exportToOutbox();
  fs::path copy = t.path / "copy.gcb";
  fs::copy_file(batch, copy);
  auto keys = laptop.s->deviceSignKeys();
  REQUIRE(keys.ok());
  auto first = sync::transport::uploadBatch(hub.url, copy, batchIdOf(copy), *keys);
  REQUIRE(first.ok());
  std::size_t rows = hub.recordCount();
  CHECK(rows == static_cast<std::size_t>(laptop.residents));
  auto again = sync::transport::uploadBatch(hub.url, copy, batchIdOf(copy), *keys);
  REQUIRE(again.ok());
  CHECK(again->receipt == first->receipt);
  CHECK(hub.recordCount() == rows);
  auto applied = laptop.s->applyReceipt(again->receipt);
  REQUIRE(applied.ok());
  CHECK(applied->batchStatus == "imported");
  CHECK(applied->synced == laptop.residents);
}

TEST_CASE("an upload cut at byte K resumes from K: exactly size - K more bytes travel") {
  TempDir t;
  LiveHub hub(t.path / "hub");
  Laptop laptop(t.path / "ws", hub, 400, 9);
  fs::path batch = laptop.exportToOutbox();
  std::uint64_t size = fs::file_size(batch);
  REQUIRE(size > 4096);
  auto keys = laptop.s->deviceSignKeys();
  REQUIRE(keys.ok());
  sync::transport::ClientOptions cut;
  cut.chunkBytes = 1024;
  cut.stopAfterBytes = size / 2 + 17;  // mid-chunk
  auto broken = sync::transport::uploadBatch(hub.url, batch, batchIdOf(batch), *keys, {}, cut);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().code == "transport.unreachable");
  CHECK(hub.recordCount() == 0);

  auto report = sync::syncWithHub(*laptop.s, hub.url);
  REQUIRE(report.ok());
  CHECK(report->resumed);
  CHECK(report->resumedFrom == size / 2 + 17);
  CHECK(report->bytesSent == size - (size / 2 + 17));
  CHECK(report->batchReceipt.synced == laptop.residents);
  CHECK(hub.recordCount() == static_cast<std::size_t>(laptop.residents));
  CHECK_FALSE(fs::exists(batch));  // the outbox is empty once the receipt is applied
}

TEST_CASE("a revoked laptop is told so: one copy kept at the hub, an error, and no export until re-enrolled") {
  TempDir t;
  LiveHub hub(t.path / "hub");
  Laptop laptop(t.path / "ws", hub, 5, 11);
  auto keys = laptop.s->deviceSignKeys();
  REQUIRE(keys.ok());
  REQUIRE(hub.hub->revoke(keys->publicKey).ok());

  auto report = sync::syncWithHub(*laptop.s, hub.url);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().is(err::kSyncRevoked));
  CHECK(report.error().kind == ErrorKind::Revoked);
  CHECK(hub.hub->quarantined()->size() == 1);
  CHECK(hub.recordCount() == 0);

  // Learned once, kept: the next sync and a stick export are refused on the laptop itself.
  auto again = sync::syncWithHub(*laptop.s, hub.url);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().is(err::kSyncRevoked));
  CHECK(hub.hub->quarantined()->size() == 1);
  auto exported = laptop.s->exportBatch(t.path / "stick.gcb");
  REQUIRE_FALSE(exported.ok());
  CHECK(exported.error().is(err::kSyncRevoked));
  CHECK_FALSE(fs::exists(t.path / "stick.gcb"));

  // Enrolling again (the office re-admits the laptop) lifts the laptop's own refusal.
  auto profile = hub.session->profile();
  REQUIRE(profile.ok());
  REQUIRE(laptop.s->enroll(*profile).ok());
  auto after = laptop.s->exportBatch(t.path / "stick.gcb");
  REQUIRE(after.ok());
  CHECK(after->records == laptop.residents);
}

TEST_CASE("an older receipt replayed after a newer one does not roll a review back, nor let retention purge") {
  TempDir t;
  LiveHub hub(t.path / "hub");
  Laptop laptop(t.path / "ws", hub, 3, 13);
  auto first = sync::syncWithHub(*laptop.s, hub.url);
  REQUIRE(first.ok());
  REQUIRE(first->batchReceipt.synced == laptop.residents);
  auto keys = laptop.s->deviceSignKeys();
  REQUIRE(keys.ok());
  const std::string id = hub.hub->records(std::nullopt).value().front().id;

  // Staff accept the record, then change their mind: documents are missing.
  REQUIRE(hub.session->setReview(id, "accepted", "").ok());
  auto older = hub.session->statusReceipt(keys->publicKey);
  REQUIRE(older.ok());
  REQUIRE(hub.session->setReview(id, "needs_documents", "Thiếu giấy khai sinh").ok());
  auto newer = hub.session->statusReceipt(keys->publicKey);
  REQUIRE(newer.ok());

  REQUIRE(laptop.s->applyReceipt(*newer).ok());
  auto replayed = laptop.s->applyReceipt(*older);  // a stick with last week's receipt on it
  REQUIRE(replayed.ok());
  CHECK(replayed->statusUpdates == 0);
  auto status = laptop.s->syncStatus();
  REQUIRE(status.ok());
  REQUIRE(status->needsDocuments.size() == 1);
  CHECK(status->needsDocuments[0].id == id);

  // Retention judges the newest decision: the record the office still needs stays on the laptop.
  REQUIRE(laptop.s->setRetentionDays(1).ok());
  {
    auto ws = workspace::Workspace::open(t.path / "ws");
    REQUIRE(ws.ok());
    auto aged = (*ws)->db().prepare("UPDATE record SET synced_at='2000-01-01T00:00:00Z' WHERE sync_state='synced'");
    REQUIRE(aged.ok());
    REQUIRE(aged->run().ok());
  }
  auto purging = laptop.s->applyReceipt(*older);
  REQUIRE(purging.ok());
  CHECK(purging->purged == laptop.residents - 1);
  CHECK(laptop.s->syncStatus()->needsDocuments.size() == 1);
  CHECK(laptop.s->getResident(id).ok());
}
