// Máy tình nguyện viên on a real hub: the joined laptops with their figures, joining one from the
// request on a stick (the profile written beside it), a damaged request refused in words, revoking
// asked twice, and a recovery file whose one-time code opens the laptop's key and is forgotten at
// lock — each through the same HubSession call as `gocua-hub device`, audited.
#include "office_fixture.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"

using namespace officetest;

TEST_CASE("laptops: the joined laptop with its last batch and records; a new one joined from the stick") {
  DeskFixture f;
  f.unlock();
  f.import(makeBatch(f.device, 1, {residentLine(1), residentLine(2)}, f.hubBox()));
  f.desk.goLaptops();
  CHECK(f.desk.model.screen() == Screen::Laptops);
  auto& l = f.desk.laptops;
  CHECK(l.error().empty());
  CHECK(l.fingerprint() == sync::fingerprint(f.session->identity().signPublic));
  REQUIRE(l.laptops().size() == 1);
  const LaptopRow& first = l.laptops()[0];
  CHECK(first.id == hub::deviceHex(f.device.keys.publicKey));
  CHECK(first.shortId == first.id.substr(0, 12));
  CHECK(first.volunteers == "Lan");
  CHECK(first.lastBatch == 1);
  CHECK(first.records == 2);
  CHECK(first.revoked.empty());
  CHECK_FALSE(first.canRecover);  // no batch brought a recovery slot

  writeAll(f.stick / "minh.gcq", Device(2).request());
  writeAll(f.stick / "hong.gcq", "GOCUA-ENROLL 1\nnot a request");
  l.folder.path = f.stick.string();
  l.folder.rescan();
  REQUIRE(l.requests().size() == 2);
  std::size_t minh = 0, broken = 0;
  for (std::size_t i = 0; i < l.requests().size(); ++i) (l.requests()[i].name == "minh.gcq" ? minh : broken) = i;
  CHECK_FALSE(l.enroll(f.desk.model, broken));
  CHECK_FALSE(l.error().empty());
  CHECK_FALSE(fs::exists(f.stick / "hong.gcp"));
  REQUIRE(l.enroll(f.desk.model, minh));
  CHECK(l.error().empty());
  CHECK(l.lastProfile() == f.stick / "minh.gcp");
  auto profile = sync::readProfile(readAll(f.stick / "minh.gcp"), f.session->identity().signPublic);
  REQUIRE(profile.ok());
  CHECK(profile->communeCode == kCommune);
  REQUIRE(l.laptops().size() == 2);
  CHECK(f.desk.model.notice().text.find("minh.gcp") != std::string::npos);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "device.enroll");
  CHECK(audit->back().target == hub::deviceHex(Device(2).keys.publicKey));
}

TEST_CASE("laptops: revoking asks first; a recovery file and its code, forgotten at lock") {
  DeskFixture f;
  f.unlock();
  auto dataKey = vault::newDataKey();
  auto slot = sync::sealRecoverySlot(dataKey, f.session->identity().recovery.publicKey);
  REQUIRE(slot.ok());
  f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 0, manifestLine(1, vault::toHex(*slot))));
  f.desk.goLaptops();
  auto& l = f.desk.laptops;
  REQUIRE(l.laptops().size() == 1);
  REQUIRE(l.laptops()[0].canRecover);

  l.folder.path = (f.home.path / "missing").string();
  CHECK_FALSE(l.makeRecovery(f.desk.model, 0));
  CHECK(l.error() == i18n::message(Error::fromText("folder.missing")));
  l.folder.path = f.stick.string();
  REQUIRE(l.makeRecovery(f.desk.model, 0));
  CHECK(l.recoveryFile().parent_path() == f.stick);
  CHECK(l.recoveryFile().extension() == ".gcx");
  auto file =
      sync::readRecoveryFile(readAll(l.recoveryFile()), f.session->identity().signPublic, f.device.keys.publicKey);
  REQUIRE(file.ok());
  auto opened = sync::openRecoveryFile(*file, l.recoveryCode());
  REQUIRE(opened.ok());
  CHECK(std::equal(opened->view().begin(), opened->view().end(), dataKey.view().begin()));
  CHECK(f.desk.holdsPlaintext());  // the code, until read out
  l.forgetRecovery();
  CHECK(l.recoveryCode().empty());

  l.askRevoke(0);
  CHECK(l.confirmingRevoke == 0u);
  l.confirmingRevoke.reset();  // "Thôi": nothing happens
  CHECK(l.laptops()[0].revoked.empty());
  l.askRevoke(0);
  REQUIRE(l.confirmRevoke(f.desk.model));
  CHECK_FALSE(l.laptops()[0].revoked.empty());
  CHECK_FALSE(l.laptops()[0].canRecover);  // a lost laptop gets no way into its data
  CHECK_FALSE(l.confirmingRevoke);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "device.revoke");

  REQUIRE(l.makeRecovery(f.desk.model, 0) == false);
  CHECK(l.error() == i18n::message(Error::fromText("hub.recovery_revoked")));
  f.desk.lock();
  CHECK_FALSE(f.desk.holdsPlaintext());
  CHECK(l.laptops().empty());
}
