// Form packs: the hub signs them, laptops read them only under the pinned key; a profile may
// carry one, and then it must be the same hub's pack for the same commune and version.
#include <doctest/doctest.h>

#include <string>

#include "../catalog_check.h"
#include "../fixed_keys.h"
#include "sync/keys/keys.h"

using namespace gocua;
using namespace gocua::sync;

namespace {

using fixedkeys::hub;
using fixedkeys::otherHub;

FormPack samplePack(int version = 2) {
  FormPack p;
  p.communeCode = "09619";
  p.version = version;
  p.issuedAt = "2026-11-23T08:00:00Z";
  p.files["birth_registration.json"] =
      "{\n  \"id\": \"birth_registration\",\n  \"title\": \"Khai sinh \\\"mới\\\"\"\n}\n";
  p.files["lists/ethnic_groups.json"] = "{\"id\": \"ethnic_groups\", \"choices\": []}";
  return p;
}

std::string writeOk(const FormPack& p, const HubIdentity& h = hub()) {
  auto f = writeFormPack(p, h);
  REQUIRE(f.ok());
  return *f;
}

CommuneProfile profileWith(const std::string& pack, int version) {
  CommuneProfile p;
  p.communeCode = "09619";
  p.communeName = "Xã Đông Hoà";
  p.hubUrl = "http://192.168.1.10:8443";
  p.hubSignPublic = hub().signPublic;
  p.hubBoxPublic = hub().box.publicKey;
  p.recoveryPublic = hub().recovery.publicKey;
  p.formPackVersion = version;
  p.issuedAt = "2026-11-23T08:00:00Z";
  p.formPack = pack;
  return p;
}

}  // namespace

TEST_CASE("form pack round trip: the files come back byte for byte") {
  const auto file = writeOk(samplePack());
  CHECK(file.starts_with("GOCUA-FORMPACK 1\n"));
  auto back = readFormPack(file, hub().signPublic);
  REQUIRE(back.ok());
  CHECK(back->version == 2);
  CHECK(back->communeCode == "09619");
  CHECK(back->files == samplePack().files);
}

TEST_CASE("a form pack under another hub's key, or changed in any byte, is refused") {
  const auto file = writeOk(samplePack());
  CHECK(readFormPack(file, otherHub().signPublic).error().code == "formpack.bad_signature");
  CHECK(readFormPack(writeOk(samplePack(), otherHub()), hub().signPublic).error().code == "formpack.bad_signature");
  for (std::size_t i = 0; i < file.size(); ++i) {
    std::string bad = file;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto r = readFormPack(bad, hub().signPublic);
    INFO("byte " << i);
    CHECK_FALSE(r.ok());
  }
  CHECK(readFormPack(file.substr(0, file.size() / 2), hub().signPublic).error().code == "formpack.format");
  std::string v2 = file;
  v2.replace(v2.find(" 1\n"), 3, " 2\n");
  CHECK(readFormPack(v2, hub().signPublic).error().code == "formpack.unknown_version");
}

TEST_CASE("form pack content rules: paths, version, commune, text") {
  auto refused = [](const FormPack& p) { return writeFormPack(p, hub()).error().code; };
  for (const char* path : {"../birth.json", "lists/../x.json", "Birth.json", "birth.txt", "a/b.json", ".json",
                           "lists/.json", "sub/lists/x.json"}) {
    auto p = samplePack();
    p.files[path] = "{}";
    INFO(path);
    CHECK(refused(p) == "formpack.invalid");
  }
  auto p = samplePack(0);
  CHECK(refused(p) == "formpack.invalid");
  p = samplePack();
  p.communeCode = "9619";
  CHECK(refused(p) == "formpack.invalid");
  p = samplePack();
  p.files.clear();
  CHECK(refused(p) == "formpack.invalid");
  p = samplePack();
  p.files["x.json"] = std::string("\xff\xfe", 2);
  CHECK(refused(p) == "formpack.invalid");
}

TEST_CASE("a profile carries the same hub's pack, for its commune and version") {
  const auto pack = writeOk(samplePack(2));
  auto file = writeProfile(profileWith(pack, 2), hub());
  REQUIRE(file.ok());
  auto back = readProfile(*file, hub().signPublic);
  REQUIRE(back.ok());
  CHECK(back->formPack == pack);
  CHECK(readFormPack(back->formPack, hub().signPublic).ok());
  // The version must match, and the pack must be this hub's.
  CHECK(writeProfile(profileWith(pack, 3), hub()).error().code == "profile.invalid");
  CHECK(writeProfile(profileWith(writeOk(samplePack(2), otherHub()), 2), hub()).error().code == "profile.invalid");
  auto otherCommune = samplePack(2);
  otherCommune.communeCode = "27001";
  CHECK(writeProfile(profileWith(writeOk(otherCommune), 2), hub()).error().code == "profile.invalid");
  // No pack at all is fine (a hub that never published one), and then the field is not written,
  // so laptops from before form packs still read the profile.
  auto plain = writeProfile(profileWith("", 0), hub());
  REQUIRE(plain.ok());
  CHECK(plain->find("formPack\"") == std::string::npos);
  CHECK(readProfile(*plain, hub().signPublic).ok());
}

TEST_CASE("every form pack error code has Vietnamese and English text") {
  checkCatalogCoversErrors(std::initializer_list<const char*>{"formpack.format", "formpack.unknown_version",
                                                              "formpack.bad_signature", "formpack.invalid"});
}
