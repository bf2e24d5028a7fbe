// Recovery: the slot a laptop seals its data key into, the one-time code, and the hub-signed
// recovery file. A forged, re-signed or misdirected file must be refused before any Argon2 work,
// and only the right code may give the data key back. Keys come from fixed seeds.
#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "../catalog_check.h"
#include "../file_bytes.h"
#include "../fixed_keys.h"
#include "../signed_file_edits.h"
#include "sync/keys/keys.h"
#include "sync/keys/recovery_internal.h"
#include "vault/keyslot.h"
#include "vault/primitives.h"
#include "vault/secret.h"

using namespace gocua;
using namespace gocua::sync;

namespace {

using fixedkeys::seed;

const HubIdentity& hub() {
  static const HubIdentity h = HubIdentity::fromSeed(seed(1), seed(2), seed(10));
  return h;
}
const HubIdentity& otherHub() {
  static const HubIdentity h = HubIdentity::fromSeed(seed(3), seed(4), seed(11));
  return h;
}
const std::array<std::uint8_t, 32>& deviceId() {
  static const auto id = DeviceKeys::fromSeed(seed(5)).publicKey;
  return id;
}

vault::SecretBytes sampleKey() {
  std::array<std::uint8_t, 32> k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(i * 7 + 1);
  return vault::SecretBytes::copyOf(k);
}

bool sameBytes(const vault::SecretBytes& a, const vault::SecretBytes& b) {
  return vault::constantTimeEqual(a.view(), b.view());
}

constexpr const char* kCode = "7K2M-Q9XR-4TVW-B8HN-3DJC";

// One file per test run: each Argon2 run costs 64 MiB and a fraction of a second.
const std::string& recoveryFile() {
  static const std::string f = [] {
    auto made = makeRecoveryFile(deviceId(), sampleKey(), kCode, hub());
    REQUIRE(made.ok());
    return *made;
  }();
  return f;
}

std::string codeOf(const Result<RecoveryFile>& r) { return r.ok() ? "ok" : r.error().code; }
std::string codeOf(const Result<vault::SecretBytes>& r) { return r.ok() ? "ok" : r.error().code; }

using test::replaced;
using test::resignedBody;

}  // namespace

TEST_CASE("recovery code: 5 groups of 4 Crockford base32 characters, new every time") {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::set<std::string> seen;
  for (int n = 0; n < 50; ++n) {
    const std::string code = newRecoveryCode();
    INFO(code);
    REQUIRE(code.size() == 24);
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (i % 5 == 4)
        CHECK(code[i] == '-');
      else
        CHECK(kAlphabet.find(code[i]) != std::string_view::npos);
    }
    seen.insert(code);
  }
  CHECK(seen.size() == 50);
}

TEST_CASE("recovery slot: the recovery key opens it, nothing else does") {
  const vault::SecretBytes key = sampleKey();
  auto slot = sealRecoverySlot(key, hub().recovery.publicKey);
  REQUIRE(slot.ok());
  CHECK(slot->size() == 80);
  auto opened = openRecoverySlot(*slot, hub().recovery);
  REQUIRE(opened.ok());
  CHECK(sameBytes(*opened, key));

  CHECK(codeOf(openRecoverySlot(*slot, otherHub().recovery)) == "recovery.damaged");
  CHECK(codeOf(openRecoverySlot(*slot, hub().box)) == "recovery.damaged");  // the batch key is not the recovery key
  std::vector<std::uint8_t> bad = *slot;
  bad[40] ^= 1;
  CHECK(codeOf(openRecoverySlot(bad, hub().recovery)) == "recovery.damaged");
  bad = *slot;
  bad.pop_back();
  CHECK(codeOf(openRecoverySlot(bad, hub().recovery)) == "recovery.damaged");
  CHECK(codeOf(openRecoverySlot({}, hub().recovery)) == "recovery.damaged");

  CHECK(sealRecoverySlot(vault::SecretBytes(16), hub().recovery.publicKey).error().code == "recovery.invalid");
}

TEST_CASE("recovery file round trip; the code is accepted however the volunteer types it") {
  const std::string& file = recoveryFile();
  CHECK(file.starts_with("GOCUA-RECOVERY 1\n{\"created_at\":\""));
  auto read = readRecoveryFile(file, hub().signPublic, deviceId());
  REQUIRE(read.ok());
  CHECK(read->deviceId == deviceId());
  CHECK(read->wrapped.size() == 72);
  CHECK(read->opslimit >= static_cast<std::int64_t>(vault::interactiveKdf().opslimit));
  CHECK(read->memlimit >= static_cast<std::int64_t>(vault::interactiveKdf().memlimit));
  CHECK(read->createdAt.size() == 20);
  CHECK(read->recoveryId != std::array<std::uint8_t, 16>{});

  for (const char* typed : {kCode, "7k2m-q9xr-4tvw-b8hn-3djc", "7K2MQ9XR4TVWB8HN3DJC", "7K2M Q9XR 4TVW B8HN 3DJC"}) {
    INFO(typed);
    auto key = openRecoveryFile(*read, typed);
    REQUIRE(key.ok());
    CHECK(sameBytes(*key, sampleKey()));
  }
}

TEST_CASE("recovery file: a wrong code does not open it") {
  auto read = readRecoveryFile(recoveryFile(), hub().signPublic, deviceId());
  REQUIRE(read.ok());
  CHECK(codeOf(openRecoveryFile(*read, "7K2M-Q9XR-4TVW-B8HN-3DJD")) == "recovery.wrong_code");  // last char
  CHECK(codeOf(openRecoveryFile(*read, "7K2M-Q9XR-4TVW-B8HN")) == "recovery.wrong_code");       // too short
  CHECK(codeOf(openRecoveryFile(*read, "7K2M-Q9XR-4TVW-B8HN-3DJC-0")) == "recovery.wrong_code");
  CHECK(codeOf(openRecoveryFile(*read, "7K2M-Q9XR-4TVW-B8HN-3DJ!")) == "recovery.wrong_code");
  CHECK(codeOf(openRecoveryFile(*read, "")) == "recovery.wrong_code");

  RecoveryFile damaged = *read;
  damaged.wrapped[30] ^= 1;
  CHECK(codeOf(openRecoveryFile(damaged, kCode)) == "recovery.wrong_code");
  damaged = *read;
  damaged.wrapped.pop_back();
  CHECK(codeOf(openRecoveryFile(damaged, kCode)) == "recovery.damaged");
  damaged = *read;
  damaged.opslimit = 1;  // below the vault's floor
  CHECK(codeOf(openRecoveryFile(damaged, kCode)) == "recovery.damaged");
}

TEST_CASE("recovery file: another hub, another device, damage") {
  const std::string& file = recoveryFile();
  CHECK(codeOf(readRecoveryFile(file, otherHub().signPublic, deviceId())) == "recovery.bad_signature");
  CHECK(codeOf(readRecoveryFile(resignedBody(file, otherHub().signSecret), hub().signPublic, deviceId())) ==
        "recovery.bad_signature");
  CHECK(codeOf(readRecoveryFile(file, hub().signPublic, DeviceKeys::fromSeed(seed(9)).publicKey)) ==
        "recovery.wrong_device");

  for (std::size_t i = 0; i < file.size(); ++i) {
    for (std::uint8_t mask : {0x01, 0x20, 0x80}) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      const std::string code = codeOf(readRecoveryFile(bad, hub().signPublic, deviceId()));
      INFO("byte " << i << " mask " << int(mask) << " -> " << code);
      CHECK((code == "recovery.bad_signature" || code == "recovery.format" || code == "recovery.unknown_version"));
    }
  }
  for (std::size_t n = 0; n < file.size(); ++n) {
    CHECK_FALSE(readRecoveryFile(file.substr(0, n), hub().signPublic, deviceId()).ok());
  }
  CHECK(codeOf(readRecoveryFile(replaced(file, "GOCUA-RECOVERY 1", "GOCUA-RECOVERY 2"), hub().signPublic,
                                deviceId())) == "recovery.unknown_version");
  CHECK(codeOf(readRecoveryFile(replaced(file, "GOCUA-RECOVERY 1", "GOCUA-PROFILE 1"), hub().signPublic, deviceId())) ==
        "recovery.format");
}

TEST_CASE("recovery file: a well-signed body must still have the right shape") {
  const std::string& file = recoveryFile();
  const auto& secret = hub().signSecret;
  auto read = [&](const std::string& f) { return codeOf(readRecoveryFile(f, hub().signPublic, deviceId())); };
  CHECK(read(resignedBody(file, secret)) == "ok");  // the helper itself keeps a good file good
  CHECK(read(resignedBody(replaced(file, "{\"created_at\"", "{\"admin\":true,\"created_at\""), secret)) ==
        "recovery.format");
  const std::string ops = "\"opslimit\":" + std::to_string(vault::interactiveKdf().opslimit);
  CHECK(read(resignedBody(replaced(file, ops, "\"opslimit\":1"), secret)) == "recovery.format");
  CHECK(read(resignedBody(replaced(file, ops, "\"opslimit\":-2"), secret)) == "recovery.format");
  CHECK(read(resignedBody(replaced(file, ops, "\"opslimit\":\"2\""), secret)) == "recovery.format");
  CHECK(read(resignedBody(replaced(file, ops, "\"opslimit\": 2"), secret)) == "recovery.format");
  CHECK(read(resignedBody(replaced(file, "\"wrapped\":\"", "\"wrapped\":\"00"), secret)) == "recovery.format");
  CHECK(read(resignedBody(replaced(file, "\"salt\":\"", "\"salt\":\"00"), secret)) == "recovery.format");
}

TEST_CASE("makeRecoveryFile refuses what it cannot make well") {
  CHECK(makeRecoveryFile(deviceId(), sampleKey(), "not a code", hub()).error().code == "recovery.invalid");
  CHECK(makeRecoveryFile(deviceId(), sampleKey(), "7K2M-Q9XR-4TVW-B8HN", hub()).error().code == "recovery.invalid");
  CHECK(makeRecoveryFile(deviceId(), vault::SecretBytes(31), kCode, hub()).error().code == "recovery.invalid");
}

TEST_CASE("every recovery error code has Vietnamese and English text") {
  checkCatalogCoversErrors(std::initializer_list<const char*>{
      "recovery.format", "recovery.unknown_version", "recovery.bad_signature", "recovery.wrong_device",
      "recovery.wrong_code", "recovery.damaged", "recovery.invalid", "vault.out_of_memory"});
}

TEST_CASE("the fuzz seeds are valid files, so the replays start from real inputs") {
  const auto slurp = [](const std::string& rel) {
    return test::readAll(std::string(GOCUA_SOURCE_DIR) + "/tests/fuzz/seeds/" + rel);
  };
  const HubIdentity seedHub = HubIdentity::fromSeed(seed(1), seed(2));
  CHECK(codeOf(readRecoveryFile(slurp("request/recovery.gcx"), seedHub.signPublic, deviceId())) == "ok");
  CHECK(readEnrollmentRequest(slurp("request/request.gcq")).ok());
  CHECK(readEnrollmentRequest(slurp("profile/request.gcq")).ok());
  auto profile = readProfile(slurp("profile/profile.gcp"), seedHub.signPublic);
  REQUIRE(profile.ok());
  CHECK(profile->recoveryPublic == seedHub.recovery.publicKey);
  CHECK(readFormPack(slurp("profile/pack.gcf"), seedHub.signPublic).ok());
  auto withPack = readProfile(slurp("profile/profile_with_pack.gcp"), seedHub.signPublic);
  REQUIRE(withPack.ok());
  CHECK(withPack->formPackVersion == 4);
}

TEST_CASE("recovery code normal form: case, separators and read-aloud look-alikes") {
  std::string out;
  CHECK(keys_detail::normaliseRecoveryCode("0a1b-2c3d-4e5f-6g7h-8j9k", out));
  CHECK(out == "0A1B2C3D4E5F6G7H8J9K");
  CHECK(keys_detail::normaliseRecoveryCode("oOiI-lL00-1111-AAAA-BBBB", out));
  CHECK(out == "001111001111AAAABBBB");
  CHECK(keys_detail::normaliseRecoveryCode(" 7K2M Q9XR-4TVW--B8HN 3DJC ", out));
  CHECK(out == "7K2MQ9XR4TVWB8HN3DJC");
  CHECK_FALSE(keys_detail::normaliseRecoveryCode("7K2M-Q9XR-4TVW-B8HN-3DJU", out));  // U is not in the alphabet
  CHECK_FALSE(keys_detail::normaliseRecoveryCode("7K2M-Q9XR-4TVW-B8HN-3DJ", out));
  CHECK_FALSE(keys_detail::normaliseRecoveryCode("7K2M-Q9XR-4TVW-B8HN-3DJCC", out));
  CHECK_FALSE(keys_detail::normaliseRecoveryCode("7K2M_Q9XR_4TVW_B8HN_3DJC", out));
  CHECK_FALSE(keys_detail::normaliseRecoveryCode("", out));
  // Every code newRecoveryCode makes is already in the normal form, dashes aside.
  const std::string code = newRecoveryCode();
  REQUIRE(keys_detail::normaliseRecoveryCode(code, out));
  std::string undashed = code;
  std::erase(undashed, '-');
  CHECK(out == undashed);
}
