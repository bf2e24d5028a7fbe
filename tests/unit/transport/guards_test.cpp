// The hub's guards against clients that never authenticate (issue 15, "the hub can be taken
// offline without credentials"): connection caps, the request-head deadline and size cap,
// authentication before any body is read, and the expiry of abandoned parts. Attackers connect
// from other loopback addresses (127.0.0.2...) so the per-address cap is what is exercised.
#include <chrono>
#include <thread>

#include "../raw_connection.h"
#include "sync/transport/connection_gate.h"
#include "transport_fixture.h"

using namespace transport_test;
using Clock = std::chrono::steady_clock;
using test_net::RawConnection;

TEST_CASE("connection gate: a cap per address and one overall, places given back") {
  ConnectionGate gate(3, 2);
  auto a1 = gate.admit("10.0.0.1");
  auto a2 = gate.admit("10.0.0.1");
  CHECK(a1.has_value());
  CHECK(a2.has_value());
  CHECK_FALSE(gate.admit("10.0.0.1").has_value());
  auto b1 = gate.admit("10.0.0.2");
  CHECK(b1.has_value());
  CHECK_FALSE(gate.admit("10.0.0.3").has_value());  // 3 held overall
  a1.reset();
  CHECK(gate.heldFrom("10.0.0.1") == 1);
  CHECK(gate.admit("10.0.0.3").has_value());  // the ticket went out of scope at once
  CHECK(gate.held() == 2);
}

TEST_CASE("idle connections from one address cannot keep an honest laptop out") {
  ServerLimits limits;
  limits.maxConnectionsPerAddress = 8;
  Hub hub(limits);
  const int port = hub.hostPort().port;
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 40; ++i) idle.push_back(std::make_unique<RawConnection>("127.0.0.2", port));
  // Eight are held (whichever threads reach the gate first); the other 32 are answered 503 at once.
  std::size_t refused = 0, held = 0;
  for (auto& c : idle) {
    if (c->closedWithin(std::chrono::milliseconds(100)))
      ++refused;
    else
      ++held;
  }
  CHECK(held == 8);
  CHECK(refused == 32);

  ClientOptions quick;
  quick.timeoutSeconds = 3;
  const auto started = Clock::now();
  auto status = fetchStatus(hub.url(), hub.device, quick);
  REQUIRE(status.ok());
  CHECK(Clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("a request head must arrive whole, in time and under the size cap") {
  ServerLimits limits;
  limits.headTime = std::chrono::milliseconds(400);
  Hub hub(limits);
  const int port = hub.hostPort().port;

  SUBCASE("a client that trickles its head is cut at the deadline") {
    RawConnection slow("127.0.0.3", port);
    REQUIRE(slow.send("GET /v1/status HTTP/1.1\r\n"));
    const auto started = Clock::now();
    bool cut = false;
    for (int i = 0; i < 40 && !cut; ++i) {  // one header byte every 50 ms, for up to 2 s
      cut = !slow.send("X") || slow.closedWithin(std::chrono::milliseconds(50));
    }
    CHECK(cut);
    CHECK(Clock::now() - started < std::chrono::milliseconds(1500));
  }
  SUBCASE("an endless stream of header lines is answered 431 and dropped") {
    RawConnection flood("127.0.0.4", port);
    const std::string line = "X-Flood: " + std::string(100, 'a') + "\r\n";
    std::string block;
    while (block.size() < (64 << 10)) block += line;
    REQUIRE(flood.send("GET /v1/status HTTP/1.1\r\n"));
    std::size_t sent = 0;
    while (sent < (std::size_t{64} << 20) && flood.send(block)) sent += block.size();
    CHECK(sent < (std::size_t{64} << 20));  // the hub stopped reading long before 64 MB
  }
  SUBCASE("the same head sent whole in time is served") {
    ClientOptions quick;
    quick.timeoutSeconds = 3;
    CHECK(fetchStatus(hub.url(), hub.device, quick).ok());
  }
}

TEST_CASE("bodies are never read, inflated or stored before the headers authenticate") {
  Hub hub;
  const std::string path = "/v1/uploads/" + vault::toHex(batchId(40));
  const std::string target = path + "?offset=0&total=1000000";
  const std::string body = bytes(200'000, 40);

  SUBCASE("a compressed body is refused (415), even from an enrolled device") {
    const auto auth = signRequest(hub.device, "PUT", target, body, std::time(nullptr));
    RawConnection c("127.0.0.1", hub.hostPort().port);
    REQUIRE(c.send("PUT " + target + " HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\nX-GoCua-Device: " + auth.device +
                   "\r\nX-GoCua-Time: " + auth.time + "\r\nX-GoCua-Signature: " + auth.signature +
                   "\r\nX-GoCua-Body-Hash: " + auth.bodyHash + "\r\n\r\n"));
    CHECK(test_net::statusLineOf(c.answer(std::chrono::milliseconds(3000))) == "HTTP/1.1 415 Unsupported Media Type");
  }
  SUBCASE("a bogus signature is a 401 answered without waiting for the body") {
    for (int i = 0; i < 20; ++i) {
      auto auth = signRequest(hub.device, "PUT", target, body, std::time(nullptr));
      auth.signature[static_cast<std::size_t>(i)] = auth.signature[static_cast<std::size_t>(i)] == 'a' ? 'b' : 'a';
      RawConnection c("127.0.0.5", hub.hostPort().port);
      // Only the head: a hub that waited for the body to hash it would not answer.
      REQUIRE(c.send("PUT " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
                     "\r\nX-GoCua-Device: " + auth.device + "\r\nX-GoCua-Time: " + auth.time +
                     "\r\nX-GoCua-Signature: " + auth.signature + "\r\nX-GoCua-Body-Hash: " + auth.bodyHash +
                     "\r\n\r\n"));
      CHECK(test_net::statusLineOf(c.answer(std::chrono::milliseconds(3000))) == "HTTP/1.1 401 Unauthorized");
    }
  }
  SUBCASE("a signed request without the body hash (an older laptop) is told so") {
    const auto auth = signRequest(hub.device, "PUT", target, body, std::time(nullptr));
    RequestAuth old = auth;
    old.bodyHash.clear();
    auto a = sendWithAuth(hub.hostPort(), old, "PUT", target, body, {});
    REQUIRE(a.ok());
    CHECK(a->status == 400);
    CHECK(a->body.find("body_hash_required") != std::string::npos);
  }
  SUBCASE("a GET carrying a body is refused") {
    const auto auth = signRequest(hub.device, "GET", "/v1/status", "", std::time(nullptr));
    RawConnection c("127.0.0.1", hub.hostPort().port);
    REQUIRE(c.send("GET /v1/status HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nX-GoCua-Device: " + auth.device +
                   "\r\nX-GoCua-Time: " + auth.time + "\r\nX-GoCua-Signature: " + auth.signature + "\r\n\r\nhello"));
    CHECK(test_net::statusLineOf(c.answer(std::chrono::milliseconds(3000))) == "HTTP/1.1 400 Bad Request");
  }
  SUBCASE("an enrolled device's body that does not match its signed hash is not kept") {
    const auto auth = signRequest(hub.device, "PUT", target, body, std::time(nullptr));
    auto a = sendWithAuth(hub.hostPort(), auth, "PUT", target, bytes(200'000, 41), {});
    REQUIRE(a.ok());
    CHECK(a->status == 401);
  }
  CHECK(fs::is_empty(hub.incoming));
  CHECK(hub.endpoint.imported().empty());
}

TEST_CASE("unfinished uploads: capped per laptop, and abandoned ones expire") {
  SUBCASE("a laptop may keep only so many unfinished uploads") {
    ServerLimits limits;
    limits.maxPartsPerDevice = 2;
    Hub hub(limits);
    auto put = [&](std::uint8_t id) {
      auto a = sendSigned(hub.hostPort(), hub.device, "PUT",
                          "/v1/uploads/" + vault::toHex(batchId(id)) + "?offset=0&total=1000000", "abc", {});
      REQUIRE(a.ok());
      return a->status;
    };
    CHECK(put(50) == 200);
    CHECK(put(51) == 200);
    CHECK(put(52) == 429);
    CHECK_FALSE(fs::exists(hub.partFor(hub.device, batchId(52))));
  }
  SUBCASE("parts untouched too long, and empty ones, are removed when the hub starts") {
    TempDir dir;
    const fs::path incoming = dir.path / "incoming";
    fs::create_directories(incoming);
    const auto now = fs::file_time_type::clock::now();
    auto part = [&](const std::string& name, std::size_t size, std::chrono::hours age) {
      writeFile(incoming / name, std::string(size, 'x'));
      fs::last_write_time(incoming / name, now - age);
    };
    const std::string dev = vault::toHex(deviceFromSeed(1).publicKey);
    part(dev + "-" + vault::toHex(batchId(60)) + ".part", 1000, std::chrono::hours(8 * 24));  // abandoned
    part(dev + "-" + vault::toHex(batchId(61)) + ".part", 0, std::chrono::hours(2));          // empty
    part(dev + "-" + vault::toHex(batchId(62)) + ".part", 1000, std::chrono::hours(24));      // resumable
    FakeEndpoint endpoint;
    auto server = HubServer::start("127.0.0.1:0", endpoint, incoming);
    REQUIRE(server.ok());
    for (int i = 0; i < 200 && fs::exists(incoming / (dev + "-" + vault::toHex(batchId(61)) + ".part")); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK_FALSE(fs::exists(incoming / (dev + "-" + vault::toHex(batchId(60)) + ".part")));
    CHECK_FALSE(fs::exists(incoming / (dev + "-" + vault::toHex(batchId(61)) + ".part")));
    CHECK(fs::exists(incoming / (dev + "-" + vault::toHex(batchId(62)) + ".part")));
  }
}
