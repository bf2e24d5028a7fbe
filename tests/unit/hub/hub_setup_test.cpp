// Hub setup: init, unlock with the right and a wrong passphrase, the signed profile, enrollment
// (idempotent), listing and revocation, key backup, and catalog text for every hub error code.
#include "../catalog_check.h"
#include "hub_fixture.h"
#include "sync/hub/crash_points.h"

#include <sys/stat.h>
#include <set>

using namespace hubtest;

TEST_CASE("init creates a private data dir; unlock needs the staff passphrase") {
  Fixture f;
  struct stat st {};
  REQUIRE(::stat((f.tmp.path / "hub").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat((f.tmp.path / "hub" / "hub.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0077) == 0);

  auto again = hub::Hub::open(f.tmp.path / "hub");
  REQUIRE(again.ok());
  auto wrong = (*again)->unlock("not the passphrase");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "vault.wrong_passphrase");
  auto right = (*again)->unlock(kPassphrase);
  REQUIRE(right.ok());
  CHECK((*right)->identity().signPublic == testIdentity().signPublic);
  CHECK((*right)->identity().recovery.publicKey == testIdentity().recovery.publicKey);

  hub::CommuneInfo c{kCommune, "Xã Khác", {}, ""};
  auto twice = hub::Hub::create(f.tmp.path / "hub", c, kPassphrase, vault::interactiveKdf());
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == "hub.exists");
  auto none = hub::Hub::open(f.tmp.path / "nothing");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == "hub.not_initialised");
}

TEST_CASE("init refuses invalid commune details and weak passphrases") {
  TempDir tmp;
  hub::CommuneInfo bad{"2700", "Xã", {}, ""};
  auto r = hub::Hub::create(tmp.path / "a", bad, kPassphrase, vault::interactiveKdf());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "hub.invalid");
  hub::CommuneInfo dup{kCommune, "Xã", {"Thôn 1", "Thôn 1"}, ""};
  r = hub::Hub::create(tmp.path / "b", dup, kPassphrase, vault::interactiveKdf());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "hub.invalid");
  hub::CommuneInfo ok{kCommune, "Xã", {}, ""};
  r = hub::Hub::create(tmp.path / "c", ok, "short", vault::interactiveKdf());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "vault.passphrase_too_short");
  // Staff passphrases follow the volunteers' rule.
  r = hub::Hub::create(tmp.path / "d", ok, "12345678", vault::interactiveKdf());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "vault.passphrase_sequence");
  r = hub::Hub::create(tmp.path / "e", ok, "matkhau123", vault::interactiveKdf());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "vault.passphrase_common");
}

TEST_CASE("the profile is signed by the hub and carries its public keys") {
  Fixture f;
  auto file = f.session->profile();
  REQUIRE(file.ok());
  auto p = sync::readProfile(*file, f.session->identity().signPublic);
  REQUIRE_MESSAGE(p.ok(), p.error().code);
  CHECK(p->communeCode == kCommune);
  CHECK(p->communeName == "Xã Thử Nghiệm");
  CHECK(p->villages == std::vector<std::string>{"Thôn 1", "Thôn 2"});
  CHECK(p->hubUrl == "http://127.0.0.1:8080");
  CHECK(p->hubBoxPublic == testIdentity().box.publicKey);
  CHECK(p->recoveryPublic == testIdentity().recovery.publicKey);
}

TEST_CASE("enrollment is idempotent; list and revoke") {
  Fixture f;
  auto again = f.session->enroll(f.device.request());
  REQUIRE(again.ok());
  CHECK(*again == f.device.keys.publicKey);
  Device second(2);
  REQUIRE(f.session->enroll(second.request()).ok());
  auto list = f.hub->devices();
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].volunteers == std::vector<std::string>{"Lan"});
  CHECK_FALSE((*list)[0].revokedAt);

  // Same device id, another box key: refused rather than silently re-keyed.
  sync::EnrollmentRequest r{
      f.device.keys.publicKey, second.box.publicKey, {"Lan"}, "ws-test-1", "2026-11-23T10:00:00Z"};
  auto forged = sync::writeEnrollmentRequest(r, f.device.keys);
  REQUIRE(forged.ok());
  auto conflict = f.session->enroll(*forged);
  REQUIRE_FALSE(conflict.ok());
  CHECK(conflict.error().code == "hub.device_conflict");
  auto junk = f.session->enroll("GOCUA-ENROLL 1\n{}\n00\n");
  CHECK_FALSE(junk.ok());

  REQUIRE(f.hub->revoke(second.keys.publicKey).ok());
  REQUIRE(f.hub->revoke(second.keys.publicKey).ok());
  list = f.hub->devices();
  REQUIRE(list.ok());
  int revoked = 0;
  for (const auto& d : *list) revoked += d.revokedAt ? 1 : 0;
  CHECK(revoked == 1);
  auto unknown = f.hub->revoke(Device(9).keys.publicKey);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "hub.unknown_device");
}

TEST_CASE("device ids parse from 64 hex digits only") {
  Device d(1);
  auto hexId = hub::deviceHex(d.keys.publicKey);
  auto back = hub::parseDeviceId(hexId);
  REQUIRE(back.ok());
  CHECK(*back == d.keys.publicKey);
  CHECK_FALSE(hub::parseDeviceId(hexId.substr(2)).ok());
  CHECK_FALSE(hub::parseDeviceId(std::string(64, 'z')).ok());
}

TEST_CASE("key backup holds no secret in clear") {
  Fixture f;
  auto backup = f.session->backup("mật khẩu sao lưu 2025", vault::interactiveKdf());
  REQUIRE(backup.ok());
  CHECK(backup->rfind("GOCUA-HUB-BACKUP 1\n", 0) == 0);
  auto id = testIdentity();
  auto secretHex = vault::toHex(id.signSecret.view().first(32));
  CHECK(backup->find(secretHex) == std::string::npos);
  CHECK(backup->find(vault::toHex(id.signPublic)) != std::string::npos);
  auto weak = f.session->backup("short", vault::interactiveKdf());
  CHECK_FALSE(weak.ok());
}

TEST_CASE("a hub rebuilt from its key backup has the same keys; wrong passphrase, altered file, used dir refused") {
  Fixture f;
  const std::string backupPass = "mật khẩu sao lưu 2025";
  auto backup = f.session->backup(backupPass, vault::interactiveKdf());
  REQUIRE(backup.ok());
  const hub::CommuneInfo info{"", "Xã Thử Nghiệm", {"Thôn 1"}, ""};
  auto restore = [&](const fs::path& dir, const std::string& file, const std::string& pass) {
    return hub::Hub::restore(dir, file, pass, info, kPassphrase, vault::interactiveKdf());
  };

  auto wrong = restore(f.tmp.path / "a", *backup, "không phải mật khẩu này");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "vault.wrong_passphrase");
  CHECK_FALSE(fs::exists(f.tmp.path / "a" / "hub.db"));
  CHECK(restore(f.tmp.path / "a", "GOCUA-PROFILE 1\n{}", backupPass).error().code == "hub.bad_backup");
  std::string altered = *backup;
  const auto sealedAt = altered.find("\"sealed\":\"") + 12;
  altered[sealedAt] = altered[sealedAt] == '0' ? '1' : '0';
  CHECK(restore(f.tmp.path / "a", altered, backupPass).error().code == "hub.bad_backup");
  // Fields of the wrong type are refused like missing ones (they aborted the restore, exit 134).
  for (auto [from, to] : {std::pair{"\"format\":1", "\"format\":\"1\""},
                          {"\"keyslot\":", "\"keyslot\":1,\"k0\":"},
                          {"\"commune_code\":", "\"commune_code\":7,\"c0\":"}}) {
    std::string typed = *backup;
    const auto at = typed.find(from);
    REQUIRE(at != std::string::npos);
    typed.replace(at, std::string(from).size(), to);
    INFO(typed.substr(0, 80));
    auto r = restore(f.tmp.path / "a", typed, backupPass);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "hub.bad_backup");
  }

  auto restored = restore(f.tmp.path / "b", *backup, backupPass);
  REQUIRE_MESSAGE(restored.ok(), restored.error().code);
  const auto original = testIdentity();
  auto key = (*restored)->signPublic();
  REQUIRE(key.ok());
  CHECK(*key == original.signPublic);
  auto commune = (*restored)->commune();
  REQUIRE(commune.ok());
  CHECK(commune->code == kCommune);
  CHECK(commune->name == "Xã Thử Nghiệm");
  auto session = (*restored)->unlock(kPassphrase);
  REQUIRE(session.ok());
  CHECK((*session)->identity().box.publicKey == original.box.publicKey);
  CHECK((*session)->identity().recovery.publicKey == original.recovery.publicKey);
  // The laptop enrolled at the old hub enrolls again, and its pinned key still matches.
  CHECK((*session)->enroll(f.device.request()).ok());

  auto again = restore(f.tmp.path / "b", *backup, backupPass);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "hub.exists");
}

TEST_CASE("crash point names are unique and at least 32") {
  std::set<std::string_view> names(hub::kCrashPoints.begin(), hub::kCrashPoints.end());
  CHECK(names.size() == hub::kCrashPoints.size());
  CHECK(names.size() >= 32);
}

TEST_CASE("every hub error and reason code has catalog text") {
  checkCatalogCoversErrors(std::vector<std::string>{"hub.not_initialised",
                                                    "hub.exists",
                                                    "hub.bad_backup",
                                                    "hub.invalid",
                                                    "hub.damaged",
                                                    "hub.unknown_device",
                                                    "hub.device_conflict",
                                                    "hub.bad_device_id",
                                                    "hub.bad_record_id",
                                                    "hub.record_not_found",
                                                    "hub.bad_status",
                                                    "hub.note_too_long",
                                                    "hub.no_recovery_slot",
                                                    "hub.io",
                                                    "hub.too_large",
                                                    "hub.wrong_commune",
                                                    "hub.bad_manifest",
                                                    "hub.sequence_used",
                                                    "hub.revoked",
                                                    "hub.bad_line",
                                                    "hub.unknown_kind",
                                                    "hub.field_too_long",
                                                    "hub.bad_record",
                                                    "hub.bad_revision",
                                                    "hub.unknown_form",
                                                    "hub.foreign_record",
                                                    "hub.kind_changed",
                                                    "hub.bad_hex",
                                                    "hub.no_passphrase",
                                                    "hub.no_backup_passphrase",
                                                    "hub.passphrase_mismatch",
                                                    "hub.bad_arg"});
}
