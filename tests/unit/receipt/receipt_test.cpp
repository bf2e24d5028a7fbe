// Receipts: round trips, and every way a receipt can be damaged, forged, re-signed by another hub
// or sent to the wrong laptop must end in the right error code, never in a receipt the laptop acts
// on. Staff notes open only with the device they were sealed to. Keys come from fixed seeds.
#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../catalog_check.h"
#include "../file_bytes.h"
#include "../fixed_keys.h"
#include "../signed_file_edits.h"
#include "core/record_id.h"
#include "sync/receipt/receipt.h"
#include "sync/receipt/receipt_body.h"
#include "vault/primitives.h"
#include "vault/secret.h"

using namespace gocua;
using namespace gocua::sync;

namespace {

using fixedkeys::hub;
using fixedkeys::otherHub;
using fixedkeys::seed;
const std::array<std::uint8_t, 32>& deviceId() {
  static const auto id = DeviceKeys::fromSeed(seed(5)).publicKey;
  return id;
}
const std::array<std::uint8_t, 32>& otherDeviceId() {
  static const auto id = DeviceKeys::fromSeed(seed(9)).publicKey;
  return id;
}
const DeviceBoxKeys& box() {
  static const DeviceBoxKeys k = DeviceBoxKeys::fromSeed(seed(6));
  return k;
}
const DeviceBoxKeys& otherBox() {
  static const DeviceBoxKeys k = DeviceBoxKeys::fromSeed(seed(7));
  return k;
}

constexpr const char* kCommune = "09619";

std::string recordId(std::uint8_t n) {
  std::array<std::uint8_t, 16> random{};
  random.fill(n);
  return core::formatRecordId(core::makeRecordId(1763892000000 + n, random));
}

std::vector<std::uint8_t> sealed(std::string_view text, const DeviceBoxKeys& to = box()) {
  auto s = sealNote(text, to.publicKey);
  REQUIRE(s.ok());
  return *s;
}

const std::string kNote = "Thiếu giấy khai sinh của cháu; nhờ gia đình bổ sung bản sao.";

Receipt sampleReceipt() {
  Receipt r;
  r.communeCode = kCommune;
  r.deviceId = deviceId();
  for (std::size_t i = 0; i < r.batchId.size(); ++i) r.batchId[i] = static_cast<std::uint8_t>(0xa0 + i);
  r.sequence = 7;
  r.batchStatus = BatchStatus::Imported;
  r.hubTime = "2026-11-23T10:00:00Z";
  r.nextSequence = 8;
  r.records = {{recordId(1), 2, Outcome::Accepted, ""},
               {recordId(2), 1, Outcome::Duplicate, ""},
               {recordId(3), 3, Outcome::Rejected, "personal_id.province"}};
  r.updates = {{recordId(4), 2, ReviewStatus::NeedsDocuments, sealed(kNote), "2026-11-22T15:30:00Z"},
               {recordId(1), 1, ReviewStatus::Accepted, {}, "2026-11-22T16:00:00Z"}};
  return r;
}

// One record, no notes: every byte of it gets flipped.
Receipt smallReceipt() {
  Receipt r = sampleReceipt();
  r.records.resize(1);
  r.updates.clear();
  return r;
}

Receipt statusReceipt() {
  Receipt r = sampleReceipt();
  r.batchStatus = BatchStatus::Status;
  r.batchId = {};
  r.sequence = 0;
  r.records.clear();
  return r;
}

std::string writeOk(const Receipt& r, const HubIdentity& h = hub()) {
  auto f = writeReceipt(r, h);
  INFO((f.ok() ? std::string() : f.error().code + " " + f.error().field));
  REQUIRE(f.ok());
  return *f;
}

Result<Receipt> readOk(std::string_view file) { return readReceipt(file, hub().signPublic, deviceId(), kCommune); }
std::string codeOf(const Result<Receipt>& r) { return r.ok() ? "ok" : r.error().code; }
std::string codeOf(const Result<std::string>& r) { return r.ok() ? "ok" : r.error().code; }
std::string read(std::string_view file) { return codeOf(readOk(file)); }
std::string written(const Receipt& r) { return codeOf(writeReceipt(r, hub())); }

// Re-signs the body of an edited file with the real hub key: the reader must refuse on shape alone.
std::string resignedBody(const std::string& file, const vault::SecretBytes& secret = hub().signSecret) {
  return test::resignedBody(file, secret);
}
using test::replaced;

}  // namespace

TEST_CASE("receipt round trip with records, updates and a sealed note") {
  const Receipt r = sampleReceipt();
  const std::string file = writeOk(r);
  CHECK(
      file.starts_with("GOCUA-RECEIPT 1\n{\"batch_id\":\"a0a1a2a3a4a5a6a7a8a9aaabacadaeaf\",\"batch_status\":"
                       "\"imported\",\"commune_code\":\"09619\""));
  auto back = readOk(file);
  REQUIRE(back.ok());
  CHECK(back->communeCode == r.communeCode);
  CHECK(back->deviceId == r.deviceId);
  CHECK(back->batchId == r.batchId);
  CHECK(back->sequence == 7);
  CHECK((back->batchStatus == BatchStatus::Imported));  // parenthesised: doctest would print enums with our toString
  CHECK(back->reason.empty());
  CHECK(back->hubTime == r.hubTime);
  CHECK(back->nextSequence == 8);
  REQUIRE(back->records.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(back->records[i].id == r.records[i].id);
    CHECK(back->records[i].revision == r.records[i].revision);
    CHECK((back->records[i].outcome == r.records[i].outcome));
    CHECK(back->records[i].reason == r.records[i].reason);
  }
  REQUIRE(back->updates.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(back->updates[i].id == r.updates[i].id);
    CHECK(back->updates[i].revision == r.updates[i].revision);
    CHECK((back->updates[i].status == r.updates[i].status));
    CHECK(back->updates[i].sealedNote == r.updates[i].sealedNote);
    CHECK(back->updates[i].at == r.updates[i].at);
  }
  auto note = openNote(back->updates[0].sealedNote, box());
  REQUIRE(note.ok());
  CHECK(*note == kNote);
  CHECK(back->updates[1].sealedNote.empty());
  CHECK(writeOk(*back) == file);  // canonical body, deterministic Ed25519
  // The README's spellings.
  CHECK(file.find("\"outcome\":\"duplicate\"") != std::string::npos);
  CHECK(file.find("\"status\":\"needs_documents\"") != std::string::npos);
  CHECK(file.find("\"note\":\"\"") != std::string::npos);
}

TEST_CASE("quarantined and rejected receipts carry a reason; enum spellings") {
  Receipt r = sampleReceipt();
  r.batchStatus = BatchStatus::Quarantined;
  r.reason = "receipt.sequence_used";
  r.records.clear();
  auto back = readOk(writeOk(r));
  REQUIRE(back.ok());
  CHECK((back->batchStatus == BatchStatus::Quarantined));
  CHECK(back->reason == "receipt.sequence_used");
  r.batchStatus = BatchStatus::Replay;
  CHECK(written(r) == "receipt.invalid");  // a reason where nothing was refused
  r.reason.clear();
  CHECK(read(writeOk(r)) == "ok");

  CHECK(std::string(toString(BatchStatus::Status)) == "status");
  CHECK(std::string(toString(BatchStatus::Rejected)) == "rejected");
  CHECK(std::string(toString(Outcome::Accepted)) == "accepted");
  CHECK(std::string(toString(ReviewStatus::Returned)) == "returned");
  CHECK((parseReviewStatus("needs_documents") == ReviewStatus::NeedsDocuments));
  CHECK_FALSE(parseReviewStatus("Accepted").has_value());
  CHECK_FALSE(parseReviewStatus("").has_value());
}

TEST_CASE("status receipt: no batch, sequence 0") {
  const Receipt r = statusReceipt();
  const std::string file = writeOk(r);
  CHECK(file.find("\"batch_id\":\"\"") != std::string::npos);
  CHECK(file.find("\"batch_status\":\"status\"") != std::string::npos);
  auto back = readOk(file);
  REQUIRE(back.ok());
  CHECK((back->batchStatus == BatchStatus::Status));
  CHECK(back->batchId == std::array<std::uint8_t, 16>{});
  CHECK(back->sequence == 0);
  CHECK(back->nextSequence == 8);
  CHECK(back->records.empty());
  CHECK(back->updates.size() == 2);

  Receipt bad = statusReceipt();
  bad.batchId[3] = 1;
  CHECK(written(bad) == "receipt.invalid");
  bad = statusReceipt();
  bad.sequence = 7;
  CHECK(written(bad) == "receipt.invalid");
  bad = statusReceipt();
  bad.records = sampleReceipt().records;
  CHECK(written(bad) == "receipt.invalid");
  bad = sampleReceipt();
  bad.batchId = {};  // a batch receipt must name its batch
  CHECK(written(bad) == "receipt.invalid");
  bad = sampleReceipt();
  bad.sequence = 0;
  CHECK(written(bad) == "receipt.invalid");
  // A status receipt explains nothing refused, but may tell a revoked laptop so (and only that).
  bad = statusReceipt();
  bad.reason = "hub.sequence_used";
  CHECK(written(bad) == "receipt.invalid");
  Receipt revoked = statusReceipt();
  CHECK_FALSE(saysRevoked(revoked));
  revoked.reason = std::string(kReasonRevoked);
  auto told = readOk(writeOk(revoked));
  REQUIRE(told.ok());
  CHECK(saysRevoked(*told));
  revoked = sampleReceipt();  // imported: the same text is no revocation
  revoked.reason = std::string(kReasonRevoked);
  CHECK(written(revoked) == "receipt.invalid");
  CHECK_FALSE(saysRevoked(revoked));
  // The zero id spelled in hex is a second spelling of "": refused even when signed.
  const std::string zeroHex(32, '0');
  CHECK(read(resignedBody(replaced(file, "\"batch_id\":\"\"", "\"batch_id\":\"" + zeroHex + "\""))) ==
        "receipt.format");
}

TEST_CASE("any single-byte change or truncation of a receipt is refused") {
  const std::string file = writeOk(smallReceipt());
  REQUIRE(read(file) == "ok");
  for (std::size_t i = 0; i < file.size(); ++i) {
    for (std::uint8_t mask : {0x01, 0x20, 0x80}) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      const std::string code = read(bad);
      INFO("byte " << i << " mask " << int(mask) << " -> " << code);
      CHECK((code == "receipt.bad_signature" || code == "receipt.format" || code == "receipt.unknown_version"));
    }
  }
  for (std::size_t n = 0; n < file.size(); ++n) {
    INFO("truncated to " << n);
    CHECK_FALSE(readOk(std::string_view(file).substr(0, n)).ok());
  }
  CHECK(read(file + "x") == "receipt.format");
  CHECK(read(file + "\n") == "receipt.format");
  CHECK(read("") == "receipt.format");
  CHECK(read(replaced(file, "GOCUA-RECEIPT 1", "GOCUA-RECEIPT 2")) == "receipt.unknown_version");
  CHECK(read(replaced(file, "GOCUA-RECEIPT 1", "GOCUA-PROFILE 1")) == "receipt.format");
}

TEST_CASE("a receipt signed by another hub") {
  const std::string byOther = writeOk(sampleReceipt(), otherHub());
  CHECK(read(byOther) == "receipt.bad_signature");
  CHECK(read(resignedBody(writeOk(sampleReceipt()), otherHub().signSecret)) == "receipt.bad_signature");
  // The other hub's own key verifies it: the check is the pin, not the file.
  CHECK(codeOf(readReceipt(byOther, otherHub().signPublic, deviceId(), kCommune)) == "ok");
}

TEST_CASE("a receipt for another device or another commune") {
  const std::string file = writeOk(sampleReceipt());
  CHECK(codeOf(readReceipt(file, hub().signPublic, otherDeviceId(), kCommune)) == "receipt.wrong_device");
  CHECK(codeOf(readReceipt(file, hub().signPublic, deviceId(), "09620")) == "receipt.wrong_device");
  CHECK(codeOf(readReceipt(file, hub().signPublic, deviceId(), "")) == "receipt.wrong_device");
  Receipt forOther = sampleReceipt();
  forOther.deviceId = otherDeviceId();
  CHECK(read(writeOk(forOther)) == "receipt.wrong_device");
  Receipt otherCommune = sampleReceipt();
  otherCommune.communeCode = "27001";
  CHECK(read(writeOk(otherCommune)) == "receipt.wrong_device");
}

TEST_CASE("a body that is not canonical, has unknown or missing keys or wrong types is refused") {
  const std::string file = writeOk(sampleReceipt());
  REQUIRE(read(resignedBody(file)) == "ok");  // the helper keeps a good file good
  const auto format = [&](const std::string& from, const std::string& to) {
    INFO(from << " -> " << to);
    CHECK(read(resignedBody(replaced(file, from, to))) == "receipt.format");
  };
  format("\"sequence\":7", "\"sequence\": 7");
  format("\"sequence\":7", "\"sequence\":7.0");
  format("\"sequence\":7", "\"sequence\":\"7\"");
  format("\"sequence\":7", "\"sequence\":-7");
  format("{\"batch_id\"", "{\"admin\":true,\"batch_id\"");
  format("{\"batch_id\"", "{\"zzz\":1,\"batch_id\"");
  format("\"hub_time\":\"2026-11-23T10:00:00Z\",", "");
  format("{\"id\"", "{\"extra\":1,\"id\"");  // unknown key inside a record
  format("\"outcome\":\"accepted\"", "\"outcome\":\"ok\"");
  format("\"status\":\"accepted\"", "\"status\":\"approved\"");
  format("\"batch_status\":\"imported\"", "\"batch_status\":\"done\"");
  format("\"device_id\":\"" + vault::toHex(deviceId()).substr(0, 4), "\"device_id\":\"ABCD");
  format("\"batch_id\":\"a0a1", "\"batch_id\":\"A0A1");
  format("\"records\":[", "\"records\":[[],");
  format("\"records\":[", "\"records\":{\"a\":");  // unbalanced, and not an array
  format("\"note\":\"\"", "\"note\":\"0\"");
  format("\"revision\":2", "\"revision\":9223372036854775808");
  // Spellings the records reader takes apart from the tree, refused because they are not the
  // bytes the hub writes.
  format("\"revision\":2", "\"revision\":02");
  format("\"reason\":\"personal_id.province\"", "\"reason\":\"personal\\u005fid.province\"");
  // Signed by our hub but against the content rules.
  format(recordId(1), "01936F2A-0000-7000-8000-000000000000");
  format("\"reason\":\"personal_id.province\"", "\"reason\":\"Personal ID\"");
  format("\"reason\":\"personal_id.province\"", "\"reason\":\"\"");
  format("\"revision\":2", "\"revision\":0");
  format("\"next_sequence\":8", "\"next_sequence\":0");
  format("\"hub_time\":\"2026-11-23T10:00:00Z\"", "\"hub_time\":\"23/11/2026\"");
  // A future body format.
  CHECK(read(resignedBody(replaced(file, "\"format\":1", "\"format\":2"))) == "receipt.unknown_version");
  CHECK(read(resignedBody(replaced(file, "\"format\":1", "\"format\":\"1\""))) == "receipt.format");
}

TEST_CASE("too many entries and oversized receipts are refused") {
  Receipt r = statusReceipt();
  r.batchStatus = BatchStatus::Imported;
  r.batchId[0] = 1;
  r.sequence = 7;
  r.updates.clear();
  r.records.assign(kMaxReceiptEntries + 1, RecordOutcome{recordId(1), 1, Outcome::Accepted, ""});
  auto tooMany = writeReceipt(r, hub());
  REQUIRE_FALSE(tooMany.ok());
  CHECK(tooMany.error().code == "receipt.invalid");
  CHECK(tooMany.error().field == "records");
  r.records.clear();

  // The reader counts before it looks inside: kMaxReceiptEntries + 1 entries is over the bound,
  // kMaxReceiptEntries is not (and fails on the first entry instead).
  const std::string file = writeOk(r);
  const auto listOf = [](std::size_t n) {
    std::string list = "[";
    for (std::size_t i = 0; i < n; ++i) list += i == 0 ? "0" : ",0";
    return list + "]";
  };
  auto over = readOk(resignedBody(replaced(file, "\"records\":[]", "\"records\":" + listOf(kMaxReceiptEntries + 1))));
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().code == "receipt.format");
  CHECK(over.error().field == "records");
  auto atBound = readOk(resignedBody(replaced(file, "\"records\":[]", "\"records\":" + listOf(kMaxReceiptEntries))));
  REQUIRE_FALSE(atBound.ok());
  CHECK(atBound.error().field == "records[0]");

  CHECK(read(std::string(kMaxReceiptBytes + 1, 'x')) == "receipt.format");
  // Notes are the bulky part: enough full-size ones push the file over kMaxReceiptBytes.
  const std::size_t fullNote = vault::kSealedBoxOverheadBytes + kMaxNoteBytes;
  const std::size_t count = kMaxReceiptBytes / (2 * fullNote) + 1;
  r.updates.assign(count, StatusUpdate{recordId(2), 1, ReviewStatus::Returned,
                                       std::vector<std::uint8_t>(fullNote, 0x5a), "2026-11-22T15:30:00Z"});
  auto big = writeReceipt(r, hub());
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == "receipt.invalid");
  CHECK(big.error().detail == "too large");
  r.updates.resize(count / 2);
  CHECK(written(r) == "ok");
}

TEST_CASE("the writer refuses what the reader would refuse") {
  const auto refused = [](const Receipt& r) { CHECK(written(r) == "receipt.invalid"); };
  Receipt r = sampleReceipt();
  r.communeCode = "9619";
  refused(r);
  r = sampleReceipt();
  r.batchStatus = BatchStatus::Rejected;  // without a reason
  refused(r);
  r.reason = "batch.bad_signature";
  CHECK(written(r) == "ok");
  r.reason = "Batch.Bad";
  refused(r);
  r.reason = std::string(65, 'a');
  refused(r);
  r.reason = std::string(64, 'a');
  CHECK(written(r) == "ok");
  r = sampleReceipt();
  r.hubTime = "2026-11-23 10:00:00";
  refused(r);
  r = sampleReceipt();
  r.nextSequence = 0;
  refused(r);
  r = sampleReceipt();
  r.records[0].id = "not-a-uuid";
  refused(r);
  r = sampleReceipt();
  r.records[0].id = "01936F2A-0000-7000-8000-000000000000";  // uppercase: a second spelling
  refused(r);
  r = sampleReceipt();
  r.records[0].revision = 0;
  refused(r);
  r = sampleReceipt();
  r.records[0].reason = "resident.name";  // accepted, yet a reason
  refused(r);
  r = sampleReceipt();
  r.records[2].reason = "";  // rejected without one
  refused(r);
  r = sampleReceipt();
  r.updates[0].sealedNote.resize(vault::kSealedBoxOverheadBytes);  // a seal of nothing
  refused(r);
  r = sampleReceipt();
  r.updates[0].sealedNote.resize(vault::kSealedBoxOverheadBytes + kMaxNoteBytes + 1);
  refused(r);
  r = sampleReceipt();
  r.updates[0].at = "";
  refused(r);
  r = sampleReceipt();
  r.updates[1].id = recordId(9);
  CHECK(written(r) == "ok");
}

TEST_CASE("notes open only on the device they were sealed to") {
  const auto note = sealed(kNote);
  CHECK(note.size() == kNote.size() + vault::kSealedBoxOverheadBytes);
  CHECK(codeOf(openNote(note, box())) == "ok");
  CHECK(codeOf(openNote(note, otherBox())) == "receipt.note_damaged");
  std::vector<std::uint8_t> bad = note;
  bad[bad.size() / 2] ^= 1;
  CHECK(codeOf(openNote(bad, box())) == "receipt.note_damaged");
  CHECK(codeOf(openNote({}, box())) == "receipt.note_damaged");
  CHECK(codeOf(openNote(std::vector<std::uint8_t>(vault::kSealedBoxOverheadBytes, 0), box())) ==
        "receipt.note_damaged");
  CHECK(codeOf(openNote(std::vector<std::uint8_t>(vault::kSealedBoxOverheadBytes + kMaxNoteBytes + 1, 0), box())) ==
        "receipt.note_damaged");

  // Sealed by hand, bypassing sealNote: text that is not UTF-8 is refused on opening.
  const std::string latin1 = "Thi\xea\x75 gi\xe2\x79";
  std::vector<std::uint8_t> raw(latin1.size() + vault::kSealedBoxOverheadBytes);
  REQUIRE(vault::sealBox(raw, vault::bytesOf(latin1), box().publicKey));
  CHECK(codeOf(openNote(raw, box())) == "receipt.note_damaged");

  CHECK(sealNote("", box().publicKey).error().code == "receipt.invalid");
  CHECK(sealNote(latin1, box().publicKey).error().code == "receipt.invalid");
  CHECK(sealNote(std::string(kMaxNoteBytes + 1, 'a'), box().publicKey).error().code == "receipt.invalid");
  const std::string longest(kMaxNoteBytes, 'a');
  auto opened = openNote(sealed(longest), box());
  REQUIRE(opened.ok());
  CHECK(*opened == longest);
  CHECK(sealed(kNote) != note);  // an ephemeral key per seal
}

TEST_CASE("every receipt error code has Vietnamese and English text") {
  checkCatalogCoversErrors(std::initializer_list<const char*>{"receipt.format", "receipt.unknown_version",
                                                              "receipt.bad_signature", "receipt.wrong_device",
                                                              "receipt.invalid", "receipt.note_damaged"});
}

TEST_CASE("the fuzz seeds are valid receipts, so the replay starts from real inputs") {
  for (const char* name : {"imported.gcr", "quarantined.gcr", "status.gcr"}) {
    INFO(name);
    const std::string file = test::readAll(std::string(GOCUA_SOURCE_DIR) + "/tests/fuzz/seeds/receipt/" + name);
    auto r = readOk(file);
    REQUIRE(r.ok());
    for (const auto& u : r->updates) {
      if (!u.sealedNote.empty()) CHECK(openNote(u.sealedNote, box()).ok());
    }
  }
}

TEST_CASE("a receipt carries a form pack only when there is one; older receipts without it still read") {
  const std::string plain = writeOk(smallReceipt());
  CHECK(plain.find("form_pack") == std::string::npos);  // laptops from before form packs read it
  auto withPack = smallReceipt();
  withPack.formPack = "GOCUA-FORMPACK 1\n{}\n";  // carried as text; verified when the laptop installs it
  auto back = readOk(writeOk(withPack));
  REQUIRE(back.ok());
  CHECK(back->formPack == withPack.formPack);
  auto tooBig = smallReceipt();
  tooBig.formPack.assign(kMaxFormPackBytes + 1, 'x');
  CHECK(writeReceipt(tooBig, hub()).error().code == "receipt.invalid");
}

TEST_CASE("the records list as the hub writes it is read without a JSON tree") {
  const Receipt written = sampleReceipt();
  const std::string body = receipt_detail::receiptBody(written);
  std::size_t at = body.find("\"records\":") + std::string_view("\"records\":").size();
  std::vector<RecordOutcome> records;
  REQUIRE(receipt_detail::readWrittenRecords(body, at, records));
  CHECK(body.substr(at, 12) == ",\"sequence\":");
  REQUIRE(records.size() == written.records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    CHECK(records[i].id == written.records[i].id);
    CHECK(records[i].revision == written.records[i].revision);
    CHECK(static_cast<int>(records[i].outcome) == static_cast<int>(written.records[i].outcome));
    CHECK(records[i].reason == written.records[i].reason);
  }
  auto parsed = receipt_detail::parseReceiptBody(body);
  REQUIRE(parsed.ok());
  CHECK(receipt_detail::receiptBody(*parsed) == body);
  // What it does not expect it leaves to the tree: a space, an escape, a list cut short.
  for (const char* bad : {R"([ {"id":"x","outcome":"accepted","reason":"","revision":1}])",
                          R"([{"id":"x\u0041","outcome":"accepted","reason":"","revision":1}])",
                          R"([{"id":"x","outcome":"accepted","reason":"","revision":1})",
                          R"([{"id":"x","outcome":"kept","reason":"","revision":1}])"}) {
    INFO(bad);
    std::size_t from = 0;
    std::vector<RecordOutcome> none;
    CHECK_FALSE(receipt_detail::readWrittenRecords(bad, from, none));
  }
}
