// The request signature and the two address spellings: pure functions, checked without a network.
#include <doctest/doctest.h>

#include "transport_fixture.h"

using namespace transport_test;

TEST_CASE("canonical request text is the README's, byte for byte") {
  CHECK(canonicalRequest("PUT", "/v1/uploads/00?offset=5", "1700000000", "ab") ==
        "GOCUA-HTTP 1\nPUT\n/v1/uploads/00?offset=5\n1700000000\nab\n");
  // BLAKE2b-256 of the empty string (RFC 7693 parameters, 32-byte output).
  CHECK(blake2b256Hex("") == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST_CASE("a signed request verifies, and any change to it does not") {
  const auto k = deviceFromSeed(9);
  const auto auth = signRequest(k, "PUT", "/v1/uploads/x?offset=0", "body", 1700000000);
  CHECK(auth.device == vault::toHex(k.publicKey));
  CHECK(auth.time == "1700000000");
  CHECK(auth.signature.size() == 128);
  const auto h = blake2b256Hex("body");
  CHECK(verifyRequest(auth, "PUT", "/v1/uploads/x?offset=0", h));
  CHECK_FALSE(verifyRequest(auth, "POST", "/v1/uploads/x?offset=0", h));
  CHECK_FALSE(verifyRequest(auth, "PUT", "/v1/uploads/x?offset=1", h));
  CHECK_FALSE(verifyRequest(auth, "PUT", "/v1/uploads/x?offset=0", blake2b256Hex("bodY")));
  auto later = auth;
  later.time = "1700000001";
  CHECK_FALSE(verifyRequest(later, "PUT", "/v1/uploads/x?offset=0", h));
  auto other = auth;
  other.device = vault::toHex(deviceFromSeed(10).publicKey);
  CHECK_FALSE(verifyRequest(other, "PUT", "/v1/uploads/x?offset=0", h));
  auto upper = auth;
  for (auto& c : upper.signature) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK_FALSE(verifyRequest(upper, "PUT", "/v1/uploads/x?offset=0", h));
  auto badTime = auth;
  badTime.time = "17e8";
  CHECK_FALSE(verifyRequest(badTime, "PUT", "/v1/uploads/x?offset=0", h));
  auto shortSig = auth;
  shortSig.signature.pop_back();
  CHECK_FALSE(verifyRequest(shortSig, "PUT", "/v1/uploads/x?offset=0", h));
}

TEST_CASE("ids are exactly 2N lowercase hex digits") {
  CHECK(parseLowerHex<2>("0aff").has_value());
  CHECK_FALSE(parseLowerHex<2>("0AFF").has_value());
  CHECK_FALSE(parseLowerHex<2>("0af").has_value());
  CHECK_FALSE(parseLowerHex<2>("0aff0").has_value());
  CHECK_FALSE(parseLowerHex<2>("0agf").has_value());
}

TEST_CASE("hub URLs: only http://host[:port] with an optional trailing slash") {
  auto a = parseHubUrl("http://127.0.0.1:8080");
  REQUIRE(a.ok());
  CHECK(a->host == "127.0.0.1");
  CHECK(a->port == 8080);
  auto b = parseHubUrl("http://hub.xa-26734.local/");
  REQUIRE(b.ok());
  CHECK(b->host == "hub.xa-26734.local");
  CHECK(b->port == 80);
  auto c = parseHubUrl("HTTP://[::1]:9000/");
  REQUIRE(c.ok());
  CHECK(c->host == "::1");
  CHECK(formatHostPort(*c) == "[::1]:9000");

  auto https = parseHubUrl("https://hub:443");
  REQUIRE_FALSE(https.ok());
  CHECK(https.error().code == "transport.bad_url");
  CHECK(https.error().detail.find("https") != std::string::npos);

  for (const std::string bad : {"", "hub:8080", "ftp://hub", "http://", "http:///", "http://hub/v1", "http://hub:80/x",
                                "http://hub?x=1", "http://user@hub", "http://hub:", "http://hub:0", "http://hub:65536",
                                "http://hub:80a", "http://hu b", "http://[::1", "http://[zz]:80", "http://hub//"}) {
    INFO(bad);
    auto r = parseHubUrl(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.bad_url");
  }
}

TEST_CASE("listen addresses: ADDR:PORT, port 0 allowed") {
  auto a = parseListenAddress("0.0.0.0:0");
  REQUIRE(a.ok());
  CHECK(a->port == 0);
  auto b = parseListenAddress("[::]:8080");
  REQUIRE(b.ok());
  CHECK(b->host == "::");
  for (const std::string bad : {"", "8080", "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:99999", "a b:1"}) {
    INFO(bad);
    auto r = parseListenAddress(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.listen");
  }
}
