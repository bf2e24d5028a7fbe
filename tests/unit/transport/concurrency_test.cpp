// Many laptops at once: 20 clients upload 2–4 MB each to one hub. Small
// chunks keep every upload open across many requests, so the hub must interleave them; each
// file must arrive intact exactly once.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "transport_fixture.h"

using namespace transport_test;

TEST_CASE("20 concurrent uploads interleave and all arrive intact exactly once") {
  Hub hub;
  hub.endpoint.trackInFlight = true;

  constexpr int kClients = 20;
  std::vector<DeviceKeys> devices;
  std::vector<std::string> data;
  std::vector<fs::path> files;
  for (int i = 0; i < kClients; ++i) {
    devices.push_back(deviceFromSeed(static_cast<std::uint8_t>(100 + i)));
    hub.endpoint.enroll(devices.back());
    data.push_back(bytes((2u << 20) + static_cast<std::size_t>(i) * 100'003, static_cast<std::uint32_t>(1000 + i)));
    files.push_back(hub.batchFile("c" + std::to_string(i) + ".gcb", data.back()));
  }

  ClientOptions options = smallChunks(96 << 10);
  options.timeoutSeconds = 60;  // a sanitizer build on two cores is slow, not broken
  std::vector<std::optional<Result<UploadResult>>> results(kClients);
  std::atomic<int> ready{0};
  {
    std::vector<std::jthread> clients;
    for (int i = 0; i < kClients; ++i) {
      clients.emplace_back([&, i] {
        ready.fetch_add(1);
        while (ready.load() < kClients) std::this_thread::yield();
        results[static_cast<std::size_t>(i)] =
            uploadBatch(hub.url(), files[static_cast<std::size_t>(i)], batchId(static_cast<std::uint8_t>(i)),
                        devices[static_cast<std::size_t>(i)], {}, options);
      });
    }
  }

  for (int i = 0; i < kClients; ++i) {
    INFO("client " << i);
    const auto& r = results[static_cast<std::size_t>(i)];
    REQUIRE(r.has_value());
    const std::string why = r->ok() ? "" : r->error().code + ": " + r->error().detail;
    INFO(why);
    REQUIRE(r->ok());
    CHECK(r->value().receipt == "RECEIPT:" + blake2b256Hex(data[static_cast<std::size_t>(i)]));
    CHECK(r->value().bytesSent == data[static_cast<std::size_t>(i)].size());
  }
  const auto imported = hub.endpoint.imported();
  REQUIRE(imported.size() == kClients);
  for (int i = 0; i < kClients; ++i) {
    const auto& dev = devices[static_cast<std::size_t>(i)].publicKey;
    const auto n = std::count_if(imported.begin(), imported.end(), [&](const Imported& x) { return x.device == dev; });
    CHECK(n == 1);
    for (const auto& x : imported)
      if (x.device == dev) CHECK(x.bytes == data[static_cast<std::size_t>(i)]);
  }
  MESSAGE("max uploads in flight at once: " << hub.endpoint.maxInFlight());
  CHECK(hub.endpoint.maxInFlight() >= 10);
  CHECK(fs::is_empty(hub.incoming));
  CHECK(hub.strayParts().empty());
}

TEST_CASE("two requests for the same upload never interleave") {
  // Several threads push the same chunks of one upload at once: each PUT either lands whole at
  // the held offset or gets a 409, so the part is always a prefix of the file.
  Hub hub;
  const std::string data = bytes(400'000, 77);
  const auto id = batchId(99);
  const std::string path = "/v1/uploads/" + vault::toHex(id);
  const std::size_t chunk = 40'000;
  std::atomic<int> okCount{0};
  {
    std::vector<std::jthread> racers;
    for (int t = 0; t < 4; ++t) {
      racers.emplace_back([&] {
        for (std::size_t off = 0; off < data.size(); off += chunk) {
          auto a = sendSigned(hub.hostPort(), hub.device, "PUT",
                              path + "?offset=" + std::to_string(off) + "&total=1000000", data.substr(off, chunk), {});
          if (a.ok() && a->status == 200) okCount.fetch_add(1);
        }
      });
    }
  }
  CHECK(okCount.load() == static_cast<int>(data.size() / chunk));
  CHECK(readFile(hub.partFor(hub.device, id)) == data);
}
