// Uploads against a real server on 127.0.0.1: whole, cut at any byte and resumed, refused,
// oversized, mismatched, and the raw protocol answers a client would never provoke.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "../catalog_check.h"
#include "sync/transport/errors.h"
#include "transport_fixture.h"

using namespace transport_test;

namespace {

std::uint64_t heldOffset(const Hub& hub, const DeviceKeys& k, const std::array<std::uint8_t, 16>& id) {
  auto a = sendSigned(hub.hostPort(), k, "GET", "/v1/uploads/" + vault::toHex(id), {}, ClientOptions{});
  REQUIRE(a.ok());
  REQUIRE(a->status == 200);
  return nlohmann::json::parse(a->body)["offset"].get<std::uint64_t>();
}

}  // namespace

TEST_CASE("a whole upload arrives byte-identical and the receipt comes back") {
  Hub hub;
  const std::string data = bytes(300'000, 1);
  const auto file = hub.batchFile("a.gcb", data);
  std::vector<UploadProgress> seen;
  auto r = uploadBatch(
      hub.url(), file, batchId(1), hub.device,
      [&](const UploadProgress& p) {
        seen.push_back(p);
        return true;
      },
      smallChunks(64 << 10));
  REQUIRE(r.ok());
  CHECK(r->receipt == "RECEIPT:" + blake2b256Hex(data));
  CHECK(r->resumedFrom == 0);
  CHECK(r->bytesSent == data.size());
  REQUIRE(seen.size() == 5);  // 4 full chunks of 64 KiB and the rest
  CHECK(seen.front().sent == 64 << 10);
  CHECK(seen.back().sent == data.size());
  CHECK(seen.back().total == data.size());

  const auto imported = hub.endpoint.imported();
  REQUIRE(imported.size() == 1);
  CHECK(imported[0].device == hub.device.publicKey);
  CHECK(imported[0].bytes == data);
  CHECK(imported[0].path.parent_path() == hub.incoming);
  CHECK_FALSE(fs::exists(hub.partFor(hub.device, batchId(1))));
  CHECK(fs::is_empty(hub.incoming));
  CHECK((fs::status(hub.incoming).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK(hub.strayParts().empty());
}

TEST_CASE("an upload cut at byte K resumes from K and sends exactly the rest") {
  Hub hub;
  const std::size_t chunk = 64 << 10;
  const std::string data = bytes(200'000, 2);
  const auto file = hub.batchFile("b.gcb", data);
  std::uint8_t n = 10;
  for (std::uint64_t k : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{1000}, std::uint64_t{chunk},
                          std::uint64_t{chunk + 7}, std::uint64_t{data.size() - 1}, std::uint64_t{data.size()}}) {
    INFO("K = " << k);
    const auto id = batchId(n++);
    ClientOptions cut = smallChunks(chunk);
    cut.stopAfterBytes = k;
    auto first = uploadBatch(hub.url(), file, id, hub.device, {}, cut);
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().code == "transport.unreachable");
    CHECK(heldOffset(hub, hub.device, id) == k);

    auto second = uploadBatch(hub.url(), file, id, hub.device, {}, smallChunks(chunk));
    REQUIRE(second.ok());
    CHECK(second->resumedFrom == k);
    CHECK(second->bytesSent == data.size() - k);
    CHECK(second->receipt == "RECEIPT:" + blake2b256Hex(data));
    CHECK(hub.endpoint.imported().back().bytes == data);
    CHECK_FALSE(fs::exists(hub.partFor(hub.device, id)));
  }
  CHECK(hub.endpoint.imported().size() == 7);
  CHECK(hub.strayParts().empty());
}

TEST_CASE("a PUT at the wrong offset is a 409 naming the held offset, and changes nothing") {
  Hub hub;
  const std::string data = bytes(10'000, 3);
  const auto id = batchId(3);
  const std::string path = "/v1/uploads/" + vault::toHex(id);
  auto first =
      sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=0&total=1000000", data.substr(0, 4000), {});
  REQUIRE(first.ok());
  CHECK(first->status == 200);
  CHECK(nlohmann::json::parse(first->body)["offset"] == 4000);

  for (std::uint64_t wrong : {0, 3999, 4001, 9000}) {
    auto a = sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=" + std::to_string(wrong) + "&total=1000000",
                        data.substr(4000, 1000), {});
    REQUIRE(a.ok());
    CHECK(a->status == 409);
    CHECK(nlohmann::json::parse(a->body)["offset"] == 4000);
    CHECK(readFile(hub.partFor(hub.device, id)) == data.substr(0, 4000));
  }
  for (const std::string query : {"", "?offset=", "?offset=-1", "?offset=1x", "?offset=4000&offset=4001"}) {
    INFO(query);
    auto a = sendSigned(hub.hostPort(), hub.device, "PUT", path + query, data.substr(4000, 10), {});
    REQUIRE(a.ok());
    CHECK(a->status == 400);
  }
  CHECK(readFile(hub.partFor(hub.device, id)) == data.substr(0, 4000));

  // The client itself resumes from the held bytes.
  auto r = uploadBatch(hub.url(), hub.batchFile("c.gcb", data), id, hub.device, {}, smallChunks(4096));
  REQUIRE(r.ok());
  CHECK(r->resumedFrom == 4000);
  CHECK(hub.endpoint.imported().back().bytes == data);
}

TEST_CASE("batch ids in the path are exactly 32 lowercase hex digits") {
  Hub hub;
  const std::string good = vault::toHex(batchId(4));
  std::string upper = good;
  upper[0] = 'A';
  upper[1] = 'B';
  for (const std::string& id : {good.substr(1), good + "0", upper, std::string("zz") + good.substr(2), std::string()}) {
    INFO(id);
    auto get = sendSigned(hub.hostPort(), hub.device, "GET", "/v1/uploads/" + id, {}, {});
    REQUIRE(get.ok());
    CHECK(get->status == 400);
    auto put =
        sendSigned(hub.hostPort(), hub.device, "PUT", "/v1/uploads/" + id + "?offset=0&total=1000000", "abc", {});
    REQUIRE(put.ok());
    CHECK(put->status == 400);
    auto fin = sendSigned(hub.hostPort(), hub.device, "POST", "/v1/uploads/" + id + "/finish",
                          R"({"size":3,"hash":"00"})", {});
    REQUIRE(fin.ok());
    CHECK(fin->status == 400);
  }
  CHECK(fs::is_empty(hub.incoming));
}

TEST_CASE("an unknown device is refused and leaves nothing behind") {
  Hub hub;
  const auto stranger = deviceFromSeed(77);
  const auto file = hub.batchFile("d.gcb", bytes(5000, 4));
  auto r = uploadBatch(hub.url(), file, batchId(5), stranger, {}, smallChunks(1024));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "transport.refused");
  auto s = fetchStatus(hub.url(), stranger);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == "transport.refused");
  // Even a PUT straight away, which the client would not send first.
  auto put = sendSigned(hub.hostPort(), stranger, "PUT",
                        "/v1/uploads/" + vault::toHex(batchId(5)) + "?offset=0&total=1000000", "abc", {});
  REQUIRE(put.ok());
  CHECK(put->status == 401);
  CHECK(hub.endpoint.imported().empty());
  CHECK(fs::is_empty(hub.incoming));
}

TEST_CASE("a tampered request is a 401 and changes nothing") {
  Hub hub;
  const auto id = batchId(6);
  const std::string path = "/v1/uploads/" + vault::toHex(id);
  const std::string body(3000, 'x');
  REQUIRE(sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=0&total=1000000", body, {})->status == 200);
  const auto now = static_cast<std::int64_t>(std::time(nullptr));

  SUBCASE("flipped signature digit") {
    auto auth = signRequest(hub.device, "PUT", path + "?offset=3000&total=1000000", body, now);
    auth.signature[10] = auth.signature[10] == '0' ? '1' : '0';
    auto a = sendWithAuth(hub.hostPort(), auth, "PUT", path + "?offset=3000&total=1000000", body, {});
    REQUIRE(a.ok());
    CHECK(a->status == 401);
  }
  SUBCASE("body changed after signing") {
    const auto auth = signRequest(hub.device, "PUT", path + "?offset=3000&total=1000000", body, now);
    auto a = sendWithAuth(hub.hostPort(), auth, "PUT", path + "?offset=3000&total=1000000", std::string(3000, 'y'), {});
    REQUIRE(a.ok());
    CHECK(a->status == 401);
  }
  SUBCASE("offset changed after signing") {
    const auto auth = signRequest(hub.device, "PUT", path + "?offset=3000&total=1000000", body, now);
    auto a = sendWithAuth(hub.hostPort(), auth, "PUT", path + "?offset=0&total=1000000", body, {});
    REQUIRE(a.ok());
    CHECK(a->status == 401);
  }
  SUBCASE("signed by another key in the enrolled device's name") {
    auto auth = signRequest(deviceFromSeed(78), "PUT", path + "?offset=3000&total=1000000", body, now);
    auth.device = vault::toHex(hub.device.publicKey);
    auto a = sendWithAuth(hub.hostPort(), auth, "PUT", path + "?offset=3000&total=1000000", body, {});
    REQUIRE(a.ok());
    CHECK(a->status == 401);
  }
  SUBCASE("no headers at all, on every route") {
    const RequestAuth none;
    CHECK(sendWithAuth(hub.hostPort(), none, "GET", path, {}, {})->status == 401);
    CHECK(sendWithAuth(hub.hostPort(), none, "GET", "/v1/status", {}, {})->status == 401);
    CHECK(sendWithAuth(hub.hostPort(), none, "PUT", path + "?offset=3000&total=1000000", body, {})->status == 401);
    CHECK(sendWithAuth(hub.hostPort(), none, "POST", path + "/finish", "{}", {})->status == 401);
  }
  CHECK(readFile(hub.partFor(hub.device, id)) == body);
  CHECK(hub.endpoint.imported().empty());
}

TEST_CASE("over the hub's size cap: too_large, and the part never grows past it") {
  ServerLimits limits;
  limits.maxBatchBytes = 100'000;
  Hub hub(limits);
  const auto file = hub.batchFile("e.gcb", bytes(150'000, 5));

  SUBCASE("one chunk bigger than the cap (httplib's payload limit)") {
    auto r = uploadBatch(hub.url(), file, batchId(7), hub.device, {}, smallChunks(1 << 20));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.too_large");
    CHECK(heldOffset(hub, hub.device, batchId(7)) == 0);
  }
  SUBCASE("small chunks of a batch declared over the cap: refused at the first one") {
    auto r = uploadBatch(hub.url(), file, batchId(8), hub.device, {}, smallChunks(32 << 10));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.too_large");
    CHECK(heldOffset(hub, hub.device, batchId(8)) == 0);
  }
  SUBCASE("a part never grows past the size its PUTs declare") {
    const std::string path = "/v1/uploads/" + vault::toHex(batchId(10));
    REQUIRE(sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=0&total=5000", bytes(4000, 8), {})->status ==
            200);
    auto over = sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=4000&total=5000", bytes(2000, 9), {});
    REQUIRE(over.ok());
    CHECK(over->status == 413);
    auto lying = sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=4000&total=100001", bytes(2000, 9), {});
    REQUIRE(lying.ok());
    CHECK(lying->status == 413);  // a declared size over the hub's cap
    CHECK(heldOffset(hub, hub.device, batchId(10)) == 4000);
  }
  SUBCASE("a batch exactly at the cap is fine") {
    const auto exact = hub.batchFile("f.gcb", bytes(100'000, 6));
    auto r = uploadBatch(hub.url(), exact, batchId(9), hub.device, {}, smallChunks(32 << 10));
    CHECK(r.ok());
  }
  CHECK(hub.strayParts().empty());
}

TEST_CASE("bytes that do not match size or hash at finish: rejected, and the part is dropped") {
  Hub hub;
  std::string data = bytes(50'000, 7);
  const auto file = hub.batchFile("g.gcb", data);
  const auto id = batchId(20);

  SUBCASE("file changed between the last chunk and finish") {
    ClientOptions noFinish = smallChunks(16 << 10);
    noFinish.stopAfterBytes = data.size();
    REQUIRE(uploadBatch(hub.url(), file, id, hub.device, {}, noFinish).error().code == "transport.unreachable");
    CHECK(fs::file_size(hub.partFor(hub.device, id)) == data.size());
    data[123] = static_cast<char>(data[123] ^ 1);
    writeFile(file, data);
    auto r = uploadBatch(hub.url(), file, id, hub.device, {}, smallChunks(16 << 10));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.rejected");
    CHECK_FALSE(fs::exists(hub.partFor(hub.device, id)));
    // The next try starts clean and succeeds.
    auto again = uploadBatch(hub.url(), file, id, hub.device, {}, smallChunks(16 << 10));
    REQUIRE(again.ok());
    CHECK(again->resumedFrom == 0);
    CHECK(hub.endpoint.imported().size() == 1);
    CHECK(hub.endpoint.imported()[0].bytes == data);
  }
  SUBCASE("raw finish with a wrong size or hash") {
    const std::string path = "/v1/uploads/" + vault::toHex(id);
    for (const auto& finish : {nlohmann::json{{"size", 10}, {"hash", blake2b256Hex(data.substr(0, 10))}},
                               nlohmann::json{{"size", 20}, {"hash", blake2b256Hex(data.substr(0, 10))}},
                               nlohmann::json{{"size", 10}, {"hash", blake2b256Hex("0123456789")}}}) {
      REQUIRE(sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=0&total=1000000", data.substr(0, 10), {})
                  ->status == 200);
      auto a = sendSigned(hub.hostPort(), hub.device, "POST", path + "/finish", finish.dump(), {});
      REQUIRE(a.ok());
      if (finish["size"] == 10 && finish["hash"] == blake2b256Hex(data.substr(0, 10))) {
        CHECK(a->status == 200);
        CHECK(a->body == "RECEIPT:" + blake2b256Hex(data.substr(0, 10)));
      } else {
        CHECK(a->status == 422);
      }
      CHECK_FALSE(fs::exists(hub.partFor(hub.device, id)));
    }
    // Finish with nothing held, and malformed finish bodies.
    CHECK(sendSigned(hub.hostPort(), hub.device, "POST", path + "/finish", R"({"size":1,"hash":"00"})", {})->status ==
          422);
    for (const std::string body : {"", "not json", "[]", R"({"size":-1,"hash":"00"})", R"({"size":"1","hash":"00"})",
                                   R"({"hash":"00"})", R"({"size":1})"}) {
      INFO(body);
      CHECK(sendSigned(hub.hostPort(), hub.device, "POST", path + "/finish", body, {})->status == 400);
    }
    CHECK(sendSigned(hub.hostPort(), hub.device, "POST", path + "/finish", std::string(5000, ' '), {})->status == 400);
  }
  CHECK(hub.strayParts().empty());
}

TEST_CASE("an endpoint error is a 500 carrying its code; the part is kept for another try") {
  Hub hub;
  const std::string data = bytes(20'000, 8);
  const auto file = hub.batchFile("h.gcb", data);
  hub.endpoint.failImport = true;
  auto r = uploadBatch(hub.url(), file, batchId(21), hub.device, {}, smallChunks(8 << 10));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "transport.server");
  CHECK(r.error().detail.find("500") != std::string::npos);
  CHECK(r.error().detail.find("hub.store") != std::string::npos);
  CHECK(fs::file_size(hub.partFor(hub.device, batchId(21))) == data.size());
  hub.endpoint.failImport = false;
  auto again = uploadBatch(hub.url(), file, batchId(21), hub.device, {}, smallChunks(8 << 10));
  REQUIRE(again.ok());
  CHECK(again->bytesSent == 0);
  CHECK(again->resumedFrom == data.size());
}

TEST_CASE("a busy hub store is a 503: the laptop waits, asks again and gets its receipt") {
  Hub hub;
  const std::string data = bytes(20'000, 10);
  const auto file = hub.batchFile("busy.gcb", data);
  auto options = smallChunks(8 << 10);
  options.busyWait = std::chrono::milliseconds(10);
  hub.endpoint.busyImports = 2;  // a desk import holds the database for two tries
  auto r = uploadBatch(hub.url(), file, batchId(23), hub.device, {}, options);
  REQUIRE(r.ok());
  CHECK(hub.endpoint.imported().size() == 1);
  CHECK(hub.endpoint.busyImports == 0);

  // Busy past every retry: the laptop hears "busy" (not a server fault) and the part is kept.
  const auto second = hub.batchFile("busy2.gcb", bytes(20'000, 11));
  hub.endpoint.busyImports = options.busyRetries + 1;
  auto late = uploadBatch(hub.url(), second, batchId(24), hub.device, {}, options);
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().is(gocua::err::kTransportBusy));
  CHECK(late.error().kind == ErrorKind::Busy);
  CHECK(fs::file_size(hub.partFor(hub.device, batchId(24))) == 20'000);
  auto again = uploadBatch(hub.url(), second, batchId(24), hub.device, {}, options);
  REQUIRE(again.ok());
  CHECK(again->bytesSent == 0);
}

TEST_CASE("the progress callback can cancel; what was sent is kept") {
  Hub hub;
  const std::string data = bytes(40'000, 9);
  const auto file = hub.batchFile("i.gcb", data);
  int calls = 0;
  auto r = uploadBatch(
      hub.url(), file, batchId(22), hub.device, [&](const UploadProgress&) { return ++calls < 2; },
      smallChunks(10'000));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "transport.cancelled");
  CHECK(heldOffset(hub, hub.device, batchId(22)) == 20'000);
  auto again = uploadBatch(hub.url(), file, batchId(22), hub.device, {}, smallChunks(10'000));
  REQUIRE(again.ok());
  CHECK(again->resumedFrom == 20'000);
}

TEST_CASE("status fetch returns the endpoint's status receipt for the caller") {
  Hub hub;
  auto s = fetchStatus(hub.url() + "/", hub.device);
  REQUIRE(s.ok());
  CHECK(*s == "STATUS:" + vault::toHex(hub.device.publicKey));
}

TEST_CASE("client failures: bad URL, missing file, hub gone") {
  Hub hub;
  const auto file = hub.batchFile("j.gcb", bytes(1000, 10));
  auto https = uploadBatch("https://" + hub.server->boundAddress(), file, batchId(23), hub.device);
  REQUIRE_FALSE(https.ok());
  CHECK(https.error().code == "transport.bad_url");
  CHECK(fetchStatus("hub.local", hub.device).error().code == "transport.bad_url");

  auto missing = uploadBatch(hub.url(), hub.tmp.path / "nope.gcb", batchId(23), hub.device);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "transport.io");

  const std::string url = hub.url();
  hub.server->stop();
  hub.server->stop();  // twice is harmless
  ClientOptions quick;
  quick.timeoutSeconds = 2;
  auto gone = uploadBatch(url, file, batchId(23), hub.device, {}, quick);
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().code == "transport.unreachable");
  CHECK(fetchStatus(url, hub.device, quick).error().code == "transport.unreachable");
}

TEST_CASE("server failures: bad listen address, port in use, unusable incoming dir") {
  Hub hub;
  auto bad = HubServer::start("localhost", hub.endpoint, hub.incoming);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "transport.listen");
  auto busy = HubServer::start(hub.server->boundAddress(), hub.endpoint, hub.incoming);
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code == "transport.listen");
  const auto blocker = hub.batchFile("not-a-dir", "x");
  auto io = HubServer::start("127.0.0.1:0", hub.endpoint, blocker / "incoming");
  REQUIRE_FALSE(io.ok());
  CHECK(io.error().code == "transport.io");
}

TEST_CASE("every transport error code has catalog text") {
  checkCatalogCoversErrors(std::vector<std::string>{"transport.bad_url", "transport.unreachable", "transport.refused",
                                                    "transport.too_large", "transport.rejected", "transport.server",
                                                    "transport.cancelled", "transport.listen", "transport.io"});
}

TEST_CASE("a body cut off mid-request is not kept: the hub holds only whole signed chunks") {
  Hub hub;
  const auto id = batchId(30);
  const std::string path = "/v1/uploads/" + vault::toHex(id);
  const std::string first(1000, 'a');
  REQUIRE(sendSigned(hub.hostPort(), hub.device, "PUT", path + "?offset=0&total=1000000", first, {})->status == 200);

  // A well-signed PUT whose connection drops after half its body.
  const std::string body(4000, 'b');
  const std::string target = path + "?offset=1000&total=1000000";
  const auto auth = signRequest(hub.device, "PUT", target, body, 1700000000);
  const std::string head = "PUT " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n" +
                           "Content-Length: 4000\r\nX-GoCua-Device: " + auth.device + "\r\nX-GoCua-Time: " + auth.time +
                           "\r\nX-GoCua-Signature: " + auth.signature + "\r\nX-GoCua-Body-Hash: " + auth.bodyHash +
                           "\r\n\r\n" + body.substr(0, 2000);
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(hub.hostPort().port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
  REQUIRE(::send(sock, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
  ::close(sock);

  // The GET waits for that request's lock, so it sees the outcome.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(heldOffset(hub, hub.device, id) == 1000);
  CHECK(readFile(hub.partFor(hub.device, id)) == first);
}
