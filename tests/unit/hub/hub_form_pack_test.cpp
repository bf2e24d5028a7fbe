// Publishing form packs: a broken forms directory is refused and nothing changes; a published
// pack goes out in the profile, and in receipts only to laptops whose batches report an older one;
// the hub itself checks applications against the published forms from then on, across a restart.
#include <doctest/doctest.h>

#include "hub_fixture.h"

using namespace gocua;
using namespace hubtest;

namespace {

// A copy of the shipped forms directory to edit.
fs::path copyForms(const fs::path& to) {
  fs::copy(GOCUA_SOURCE_DIR "/forms", to, fs::copy_options::recursive);
  return to;
}

std::string manifestWithPack(std::size_t records, int pack) {
  auto m = json::parse(manifestLine(records));
  m["form_pack"] = pack;
  return m.dump();
}

sync::FormPack packOf(const std::string& file, const hub::HubSession& s) {
  auto p = sync::readFormPack(file, s.identity().signPublic);
  REQUIRE_MESSAGE(p.ok(), p.error().code);
  return *p;
}

}  // namespace

TEST_CASE("publishing forms: refused when a file does not load, then version 1, 2 in profile and receipts") {
  Fixture f;
  CHECK(f.session->formPackVersion() == 0);
  auto before = f.session->profile();
  REQUIRE(before.ok());
  CHECK(sync::readProfile(*before, std::nullopt)->formPack.empty());

  auto dir = copyForms(f.tmp.path / "forms");
  writeAll(dir / "broken.json", "{\"id\": \"broken\",");
  auto refused = f.session->publishForms(dir);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "hub.bad_forms");
  CHECK(refused.error().detail.find("broken.json") != std::string::npos);
  CHECK(f.session->formPackVersion() == 0);
  CHECK(f.session->publishForms(f.tmp.path / "missing").error().code == "hub.bad_forms");

  fs::remove(dir / "broken.json");
  auto published = f.session->publishForms(dir);
  REQUIRE_MESSAGE(published.ok(), published.error().detail);
  CHECK(published->version == 1);
  CHECK(published->forms >= 6);

  auto profile = sync::readProfile(*f.session->profile(), f.session->identity().signPublic);
  REQUIRE(profile.ok());
  CHECK(profile->formPackVersion == 1);
  auto pack = packOf(profile->formPack, *f.session);
  CHECK(pack.version == 1);
  CHECK(pack.communeCode == kCommune);
  CHECK(pack.files.count("birth_registration.json") == 1);
  CHECK(pack.files.count("lists/ethnic_groups.json") + pack.files.size() > 6);

  // A laptop on the built-in forms (0) gets the pack with its receipt; one on pack 1 does not.
  auto first = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 0, manifestWithPack(1, 0)));
  CHECK(packOf(f.receipt(first.receipt, f.device).formPack, *f.session).version == 1);
  // The status receipt follows what the device's last batch reported (0 so far).
  CHECK_FALSE(f.receipt(*f.session->statusReceipt(f.device.keys.publicKey), f.device).formPack.empty());
  auto second = f.import(makeBatch(f.device, 2, {residentLine(2)}, f.hubBox(), kCommune, 0, manifestWithPack(1, 1)));
  CHECK(f.receipt(second.receipt, f.device).formPack.empty());
  CHECK(f.receipt(*f.session->statusReceipt(f.device.keys.publicKey), f.device).formPack.empty());

  // A second publish is version 2, and survives closing and reopening the hub.
  REQUIRE(f.session->publishForms(dir).ok());
  f.session.reset();
  auto reopened = f.hub->unlock(kPassphrase);
  REQUIRE(reopened.ok());
  f.session = std::move(*reopened);
  CHECK(f.session->formPackVersion() == 2);
  CHECK_FALSE(f.receipt(*f.session->statusReceipt(f.device.keys.publicKey), f.device).formPack.empty());
}

TEST_CASE("after a publish the hub checks application form ids against the pack") {
  Fixture f;
  auto dir = copyForms(f.tmp.path / "forms");
  fs::remove(dir / "death_registration.json");
  REQUIRE(f.session->publishForms(dir).ok());
  auto application = [](int n, const std::string& formId) {
    json line = json::parse(residentLine(n));
    line["kind"] = "application";
    line["form_id"] = formId;
    line["form_version"] = 1;
    line["body"] = {{"resident_id", uuid(1)}, {"answers", json::object()}, {"status", "draft"}};
    return line.dump();
  };
  auto r = f.import(
      makeBatch(f.device, 1, {application(5, "birth_registration"), application(6, "death_registration")}, f.hubBox()));
  CHECK(r.accepted == 1);
  CHECK(r.rejectedRecords == 1);
  auto receipt = f.receipt(r.receipt, f.device);
  REQUIRE(receipt.records.size() == 2);
  CHECK(receipt.records[1].reason == "hub.unknown_form");
}

TEST_CASE("a publish numbers the pack above any a laptop reported (a hub rebuilt from its backup starts at 0)") {
  Fixture f;
  // This laptop's batch says it has pack 5 (from the hub before the rebuild).
  f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 0, manifestWithPack(1, 5)));
  auto published = f.session->publishForms(copyForms(f.tmp.path / "forms"));
  REQUIRE(published.ok());
  CHECK(published->version == 6);
  CHECK_FALSE(f.receipt(*f.session->statusReceipt(f.device.keys.publicKey), f.device).formPack.empty());
}
