// Enrollment files and fingerprints: round trips, and every way a file can be damaged, forged or
// re-signed by another hub must end in the right error code, never a profile the device trusts.
// Keys come from fixed seeds so failures reproduce.
#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <string>

#include "../catalog_check.h"
#include "../fixed_keys.h"
#include "../signed_file_edits.h"
#include "core/i18n.h"
#include "sync/keys/keys.h"
#include "vault/primitives.h"
#include "vault/secret.h"

using namespace gocua;
using namespace gocua::sync;

namespace {

using fixedkeys::hub;
using fixedkeys::otherHub;
using fixedkeys::seed;
const DeviceKeys& device() {
  static const DeviceKeys k = DeviceKeys::fromSeed(seed(5));
  return k;
}

CommuneProfile sampleProfile(const HubIdentity& h = hub()) {
  CommuneProfile p;
  p.communeCode = "09619";
  p.communeName = "Xã Đông Hoà";
  p.villages = {"Thôn 1", "Thôn Đồng Tâm", "Ấp Mỹ Lợi"};
  p.hubUrl = "http://192.168.1.10:8443";
  p.hubSignPublic = h.signPublic;
  p.hubBoxPublic = h.box.publicKey;
  p.recoveryPublic = h.recovery.publicKey;
  p.formPackVersion = 3;
  p.issuedAt = "2026-11-23T08:00:00Z";
  return p;
}

std::string writeOk(const CommuneProfile& p, const HubIdentity& h = hub()) {
  auto f = writeProfile(p, h);
  REQUIRE(f.ok());
  return *f;
}

EnrollmentRequest sampleRequest() {
  EnrollmentRequest r;
  r.deviceSignPublic = device().publicKey;
  r.deviceBoxPublic = DeviceBoxKeys::fromSeed(seed(6)).publicKey;
  r.volunteers = {"Nguyễn Thị Hà", "Trần Văn Đức"};
  r.workspaceId = "2f0c9a1e-7b7d-4c1a-9d55-0e6a3f1b2c3d";
  r.createdAt = "2026-11-23T09:30:00Z";
  return r;
}

std::string requestOk(const EnrollmentRequest& r, const DeviceKeys& k = device()) {
  auto f = writeEnrollmentRequest(r, k);
  REQUIRE(f.ok());
  return *f;
}

using test::resignedBody;

std::string codeOf(const Result<CommuneProfile>& r) { return r.ok() ? "ok" : r.error().code; }
std::string codeOf(const Result<EnrollmentRequest>& r) { return r.ok() ? "ok" : r.error().code; }

using test::replaced;

}  // namespace

TEST_CASE("profile round trip, with and without a pinned key") {
  const CommuneProfile p = sampleProfile();
  const std::string file = writeOk(p);
  CHECK(file.starts_with("GOCUA-PROFILE 1\n{\"communeCode\":\"09619\""));
  for (const auto& pinned : {std::optional<std::array<std::uint8_t, 32>>{}, std::optional{hub().signPublic}}) {
    auto r = readProfile(file, pinned);
    REQUIRE(r.ok());
    CHECK(r->communeCode == p.communeCode);
    CHECK(r->communeName == p.communeName);
    CHECK(r->villages == p.villages);
    CHECK(r->hubUrl == p.hubUrl);
    CHECK(r->hubSignPublic == p.hubSignPublic);
    CHECK(r->hubBoxPublic == p.hubBoxPublic);
    CHECK(r->recoveryPublic == p.recoveryPublic);
    CHECK(r->formPackVersion == 3);
    CHECK(r->issuedAt == p.issuedAt);
  }
  CHECK(writeOk(p) == file);  // Ed25519 is deterministic and the body canonical
}

TEST_CASE("fingerprint: 8 groups of 4 uppercase hex digits, fixed for a fixed key") {
  const std::string fp = fingerprint(hub().signPublic);
  CHECK(fp.size() == 39);
  for (std::size_t i = 0; i < fp.size(); ++i) {
    INFO(i);
    if (i % 5 == 4)
      CHECK(fp[i] == ' ');
    else
      CHECK(((fp[i] >= '0' && fp[i] <= '9') || (fp[i] >= 'A' && fp[i] <= 'F')));
  }
  // Public key from seed 0x01..01 and its BLAKE2b-256 prefix, both computed outside GoCua (Python
  // cryptography and hashlib).
  CHECK(vault::toHex(hub().signPublic) == "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
  CHECK(fp == "C5E2 1AB1 C9F6 022D 81C3 B25E 3436 CB7F");
  CHECK(fingerprint(hub().signPublic) == fp);
  CHECK(fingerprint(otherHub().signPublic) != fp);
}

TEST_CASE("a profile re-signed by another hub key") {
  const std::string resigned = writeOk(sampleProfile(otherHub()), otherHub());
  // Self-consistent, so without a pin it verifies: the first enrollment is trust on first use,
  // guarded by the fingerprint on the office wall.
  CHECK(codeOf(readProfile(resigned, std::nullopt)) == "ok");
  CHECK(codeOf(readProfile(resigned, hub().signPublic)) == "profile.key_changed");

  // The original body (naming hub()) with otherHub()'s signature is not self-consistent.
  const std::string original = writeOk(sampleProfile());
  const std::string forged = original.substr(0, original.size() - 129) + resigned.substr(resigned.size() - 129);
  CHECK(codeOf(readProfile(forged, std::nullopt)) == "profile.bad_signature");
  CHECK(codeOf(readProfile(forged, hub().signPublic)) == "profile.bad_signature");
}

TEST_CASE("any single-byte change or truncation of a profile is refused") {
  const std::string file = writeOk(sampleProfile());
  for (std::size_t i = 0; i < file.size(); ++i) {
    for (std::uint8_t mask : {0x01, 0x20, 0x80}) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      const std::string code = codeOf(readProfile(bad, std::nullopt));
      INFO("byte " << i << " mask " << int(mask) << " -> " << code);
      CHECK((code == "profile.bad_signature" || code == "profile.format" || code == "profile.unknown_version"));
    }
  }
  for (std::size_t n = 0; n < file.size(); ++n) {
    INFO("truncated to " << n);
    CHECK_FALSE(readProfile(std::string_view(file).substr(0, n), std::nullopt).ok());
  }
  CHECK(codeOf(readProfile(file + "x", std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(file + "\n", std::nullopt)) == "profile.format");
}

TEST_CASE("wrong magic, unknown version, oversized file") {
  const std::string file = writeOk(sampleProfile());
  CHECK(codeOf(readProfile(replaced(file, "GOCUA-PROFILE 1", "GOCUA-PROFILE 2"), std::nullopt)) ==
        "profile.unknown_version");
  CHECK(codeOf(readProfile(replaced(file, "GOCUA-PROFILE", "GOCUA-PROFILX"), std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(replaced(file, "GOCUA-PROFILE 1", "GOCUA-ENROLL 1"), std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile("", std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(std::string(kMaxSignedFileBytes + 1, 'x'), std::nullopt)) == "profile.format");
  // An enrollment request is not a profile, and the other way round.
  CHECK(codeOf(readProfile(requestOk(sampleRequest()), std::nullopt)) == "profile.format");
  CHECK(codeOf(readEnrollmentRequest(file)) == "enroll.format");
}

TEST_CASE("profile content rules, on writing and on reading") {
  for (const char* code : {"1234", "123456", "1234a", "１２３４５"}) {
    INFO(code);
    CommuneProfile p = sampleProfile();
    p.communeCode = code;
    CHECK(writeProfile(p, hub()).error().code == "profile.invalid");
  }
  CommuneProfile p = sampleProfile();
  p.communeName = "";
  CHECK_FALSE(writeProfile(p, hub()).ok());
  p = sampleProfile();
  p.villages.push_back("Thôn\tBa");
  CHECK_FALSE(writeProfile(p, hub()).ok());
  p = sampleProfile();
  p.villages.push_back("Tho\xcc\x82n 4");  // NFD: not what GoCua writes
  CHECK_FALSE(writeProfile(p, hub()).ok());
  p = sampleProfile();
  p.villages.push_back(p.villages[0]);
  CHECK_FALSE(writeProfile(p, hub()).ok());
  p = sampleProfile();
  p.hubUrl = "ftp://hub";
  CHECK_FALSE(writeProfile(p, hub()).ok());
  p = sampleProfile();
  p.hubSignPublic = otherHub().signPublic;  // must be the signer's key
  CHECK_FALSE(writeProfile(p, hub()).ok());

  // A well-signed body with a bad commune code: even the real hub's signature does not make the
  // content acceptable.
  const std::string good = writeOk(sampleProfile());
  const std::string badCode = resignedBody(replaced(good, "\"09619\"", "\"0961\""), hub().signSecret);
  CHECK(codeOf(readProfile(badCode, hub().signPublic)) == "profile.invalid");
  const std::string ctrl = resignedBody(replaced(good, "Thôn 1", "Thôn\\u00071"), hub().signSecret);
  CHECK(codeOf(readProfile(ctrl, hub().signPublic)) == "profile.invalid");
}

TEST_CASE("unknown or missing keys and wrong types in a body are format errors") {
  // Re-signed with the real key, so the reader must refuse them on shape alone.
  const std::string file = writeOk(sampleProfile());
  CHECK(codeOf(readProfile(
            resignedBody(replaced(file, "{\"communeCode\"", "{\"admin\":true,\"communeCode\""), hub().signSecret),
            std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(
            resignedBody(replaced(file, "\"formPackVersion\":3", "\"formPackVersion\":\"3\""), hub().signSecret),
            std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(resignedBody(replaced(file, "\"formPackVersion\":3,", ""), hub().signSecret),
                           std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(
            resignedBody(replaced(file, "\"formPackVersion\":3", "\"formPackVersion\": 3"), hub().signSecret),
            std::nullopt)) == "profile.format");
  CHECK(codeOf(readProfile(replaced(file, "{\"communeCode\"", "{\"admin\":true,\"communeCode\""), std::nullopt)) ==
        "profile.format");
  CHECK(codeOf(readProfile(replaced(file, "\"formPackVersion\":3", "\"formPackVersion\":\"3\""), std::nullopt)) ==
        "profile.format");
  CHECK(codeOf(readProfile(replaced(file, "\"formPackVersion\":3", "\"formPackVersion\": 3"), std::nullopt)) ==
        "profile.format");
  // recovery_public is required and spelled in lowercase hex like the other keys.
  const std::string recoveryHex = "\"recovery_public\":\"" + vault::toHex(hub().recovery.publicKey) + "\"";
  CHECK(codeOf(readProfile(resignedBody(replaced(file, recoveryHex + ",", ""), hub().signSecret), std::nullopt)) ==
        "profile.format");
  std::string upper = recoveryHex;
  for (char& c : upper) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  }
  upper.replace(0, 17, "\"recovery_public\"");
  CHECK(codeOf(readProfile(resignedBody(replaced(file, recoveryHex, upper), hub().signSecret), std::nullopt)) ==
        "profile.format");
  CHECK(
      codeOf(readProfile(resignedBody(replaced(file, recoveryHex, recoveryHex.substr(0, recoveryHex.size() - 3) + "\""),
                                      hub().signSecret),
                         std::nullopt)) == "profile.format");
  const std::string request = requestOk(sampleRequest());
  CHECK(codeOf(readEnrollmentRequest(resignedBody(replaced(request, "{\"createdAt\"", "{\"admin\":true,\"createdAt\""),
                                                  device().secretKey))) == "enroll.format");
}

TEST_CASE("enrollment request round trip") {
  const EnrollmentRequest r = sampleRequest();
  const std::string file = requestOk(r);
  CHECK(file.starts_with("GOCUA-ENROLL 1\n{"));
  auto back = readEnrollmentRequest(file);
  REQUIRE(back.ok());
  CHECK(back->deviceSignPublic == r.deviceSignPublic);
  CHECK(back->deviceBoxPublic == r.deviceBoxPublic);
  CHECK(back->volunteers == r.volunteers);
  CHECK(back->workspaceId == r.workspaceId);
  CHECK(back->createdAt == r.createdAt);
}

TEST_CASE("enrollment request signed by another device key") {
  const DeviceKeys other = DeviceKeys::fromSeed(seed(9));
  EnrollmentRequest r = sampleRequest();
  // The writer refuses to sign a request naming a key it does not hold.
  CHECK(writeEnrollmentRequest(r, other).error().code == "enroll.invalid");
  // A forger's file: the body names device(), the signature is other's.
  EnrollmentRequest mine = sampleRequest();
  mine.deviceSignPublic = other.publicKey;
  const std::string byOther = requestOk(mine, other);
  const std::string original = requestOk(r);
  const std::string forged = original.substr(0, original.size() - 129) + byOther.substr(byOther.size() - 129);
  CHECK(codeOf(readEnrollmentRequest(forged)) == "enroll.bad_signature");
  CHECK(codeOf(readEnrollmentRequest(byOther)) == "ok");
}

TEST_CASE("enrollment request damage and content rules") {
  const std::string file = requestOk(sampleRequest());
  for (std::size_t i = 0; i < file.size(); ++i) {
    std::string bad = file;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    const std::string code = codeOf(readEnrollmentRequest(bad));
    INFO("byte " << i << " -> " << code);
    CHECK((code == "enroll.bad_signature" || code == "enroll.format" || code == "enroll.unknown_version"));
  }
  for (std::size_t n = 0; n < file.size(); ++n) CHECK_FALSE(readEnrollmentRequest(file.substr(0, n)).ok());
  CHECK(codeOf(readEnrollmentRequest(replaced(file, "GOCUA-ENROLL 1", "GOCUA-ENROLL 7"))) == "enroll.unknown_version");

  EnrollmentRequest r = sampleRequest();
  r.volunteers = {};
  CHECK(writeEnrollmentRequest(r, device()).error().code == "enroll.invalid");
  r = sampleRequest();
  r.volunteers = {"  Nguyễn  Hà "};  // not the stored form
  CHECK(writeEnrollmentRequest(r, device()).error().code == "enroll.invalid");
  r = sampleRequest();
  r.workspaceId = "../etc";
  CHECK(writeEnrollmentRequest(r, device()).error().code == "enroll.invalid");
  r = sampleRequest();
  r.createdAt = "23/11/2026";
  CHECK(writeEnrollmentRequest(r, device()).error().code == "enroll.invalid");
}

TEST_CASE("device box keys: fixed seed gives a fixed key, generate() differs each time") {
  CHECK(DeviceBoxKeys::fromSeed(seed(6)).publicKey == DeviceBoxKeys::fromSeed(seed(6)).publicKey);
  CHECK(DeviceBoxKeys::fromSeed(seed(6)).publicKey != DeviceBoxKeys::fromSeed(seed(7)).publicKey);
  CHECK(DeviceBoxKeys::generate().publicKey != DeviceBoxKeys::generate().publicKey);
  const HubIdentity a = HubIdentity::generate();
  const HubIdentity b = HubIdentity::generate();
  CHECK(a.signPublic != b.signPublic);
  CHECK(a.box.publicKey != b.box.publicKey);
  CHECK(a.recovery.publicKey != b.recovery.publicKey);
  CHECK(a.recovery.publicKey != a.box.publicKey);
}

TEST_CASE("hub identity from seeds: the recovery pair is its own key, fixed for fixed seeds") {
  // Two seeds: the recovery pair is derived from the box seed, yet is not the box pair.
  CHECK(hub().recovery.publicKey != hub().box.publicKey);
  CHECK(HubIdentity::fromSeed(seed(1), seed(2)).recovery.publicKey == hub().recovery.publicKey);
  CHECK(otherHub().recovery.publicKey != hub().recovery.publicKey);
  // Three seeds: the recovery pair is exactly the one its seed gives.
  const HubIdentity three = HubIdentity::fromSeed(seed(1), seed(2), seed(8));
  CHECK(three.signPublic == hub().signPublic);
  CHECK(three.box.publicKey == hub().box.publicKey);
  CHECK(three.recovery.publicKey == HubKeys::fromSeed(seed(8)).publicKey);
  CHECK(three.recovery.publicKey != hub().recovery.publicKey);
}

TEST_CASE("every keys error code has Vietnamese and English text") {
  checkCatalogCoversErrors(std::initializer_list<const char*>{
      "profile.format", "profile.unknown_version", "profile.bad_signature", "profile.key_changed", "profile.invalid",
      "enroll.format", "enroll.unknown_version", "enroll.bad_signature", "enroll.invalid"});
  CHECK(i18n::tr(i18n::Lang::Vi, "error.profile.key_changed") ==
        "Khoá của máy chủ xã đã thay đổi so với lần tham gia xã trước. Không dùng tệp này; hãy hỏi bộ phận một cửa.");
}
