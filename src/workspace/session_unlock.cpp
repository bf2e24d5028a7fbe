// Session lifetime: decrypting every record into memory at unlock, and wiping it at lock.
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/json_read.h"
#include "core/parallel.h"
#include "core/resident.h"
#include "core/text.h"
#include "store/migrations.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/record_count_seal.h"
#include "workspace/records_internal.h"
#include "workspace/row_tags.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

using namespace detail;

// [SECTION] Session: unlock and lock

Session::Session(Workspace& ws, std::string volunteer, vault::SecretBytes dataKey)
    : ws_(&ws), volunteer_(std::move(volunteer)), dataKey_(std::move(dataKey)) {
  cipher_.emplace(dataKey_);
  // Every record write of this session stores the row's tag (row_tags.h).
  ws.repo().setRowTagger([this](const store::RowFacts& f) {
    recordsWritten_ = true;
    return rowTag(*cipher_, f);
  });
  // The count as last sealed; a missing or damaged file is rewritten at the next record write.
  // Fewer records than sealed means the last commits were lost (a lost or torn -wal): remember how
  // many, and keep saying so in the file, so that the next write cannot hide it.
  if (auto sealed = readRecordCount(ws.dir(), *cipher_); sealed && *sealed) {
    sealed_ = *sealed;
    lostRecords_ = sealed_->lost;
    if (auto found = ws.repo().countRecords(""); found && *found < sealed_->count)
      lostRecords_ += sealed_->count - *found;
  }
  ws.db().onCommit([this] { sealRecordCount(); });
}

void Session::sealRecordCount() {
  if (!recordsWritten_ || !cipher_) return;
  recordsWritten_ = false;
  auto count = ws_->repo().countRecords("");
  if (!count) return;
  RecordCount next{*count, lostRecords_};
  if (sealed_ == next) return;
  // A failed write leaves the old count: verify then reports a mismatch, never a silent loss.
  if (writeRecordCount(ws_->dir(), *cipher_, next)) sealed_ = next;
}

Session::~Session() { lock(); }

void Session::lock() {
  keepIndexSnapshot();  // before the key goes: the next unlock opens this instead of every record
  indexMatchesDisk_ = false;
  ws_->repo().setRowTagger({});
  ws_->db().onCommit({});
  index_.clear();
  cipher_.reset();
  dataKey_ = vault::SecretBytes(0);
  for (auto& a : applications_) vault::wipe(a.residentId);
  applications_.clear();
  applications_.shrink_to_fit();
  ws_->db().releaseMemory();  // the unlock's pages: a locked app reads nothing until the next one
}

IndexedResident Session::indexEntry(const core::RecordId& id, const core::Resident& r) const {
  IndexedResident e;
  e.id = id;
  e.fullName = r.fullName;
  e.folded = core::foldKey(r.fullName);
  e.dateOfBirth = core::formatDate(r.dateOfBirth);
  e.sex = std::string(core::sexName(r.sex));
  e.personalId = r.personalId;
  e.phone = r.phone;
  e.village = r.village;
  e.householdId = r.householdId;
  return e;
}

namespace {

// One stored record as read from SQLite, copied out so workers can decrypt it off the cursor.
struct StoredRecord {
  core::RecordId id{};
  bool idOk = false;
  std::string kind;
  std::int64_t revision = 0;
  std::vector<std::uint8_t> sealed;
  std::string syncState;
  std::vector<std::uint8_t> rowTag;
};

// What a worker made of one record.
struct DecodedRecord {
  enum class Kind { Resident, Application, Household, Other, Damaged } kind = Kind::Other;
  IndexedResident resident;
  ApplicationInfo application;
};

std::string stringOr(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// Reads the top-level string members of a resident body straight into an index entry, without
// building a JSON tree: 100,000 of these make up most of an unlock.
class ResidentFields : public nlohmann::json_sax<json> {
 public:
  explicit ResidentFields(IndexedResident& r) : r_(r) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool string(string_t& v) override {
    if (depth_ == 1 && target_) *target_ = std::move(v);
    target_ = nullptr;
    return true;
  }
  bool start_object(std::size_t) override { return ++depth_ > 1 || !sawRoot_++; }
  bool end_object() override { return --depth_ >= 0; }
  bool start_array(std::size_t) override { return depth_++ > 0; }
  bool end_array() override { return --depth_ >= 0; }
  bool key(string_t& k) override {
    target_ = nullptr;
    if (depth_ != 1) return true;
    if (k == "full_name")
      target_ = &r_.fullName;
    else if (k == "date_of_birth")
      target_ = &r_.dateOfBirth;
    else if (k == "sex")
      target_ = &r_.sex;
    else if (k == "personal_id")
      target_ = &r_.personalId;
    else if (k == "phone")
      target_ = &r_.phone;
    else if (k == "village")
      target_ = &r_.village;
    else if (k == "household_id")
      target_ = &r_.householdId;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  IndexedResident& r_;
  std::string* target_ = nullptr;
  int depth_ = 0;
  int sawRoot_ = 0;
};

// Bodies were validated when written and are authenticated by the AEAD tag, so unlock only
// reads the fields the index needs instead of re-running every validator.
DecodedRecord decode(const vault::RecordCipher& cipher, StoredRecord& rec) {
  DecodedRecord out;
  out.kind = DecodedRecord::Kind::Damaged;
  if (!rec.idOk) return out;
  // A kind or state changed on disk: not trusted, so not searchable and reported.
  if (!rowTagMatches(cipher, store::RowFacts{rec.id, rec.revision, rec.kind, rec.syncState}, rec.rowTag)) return out;
  auto body = cipher.open(rec.sealed, associatedData(rec.id, rec.revision));
  vault::wipe(rec.sealed);
  if (!body) return out;
  if (rec.kind == "resident") {
    auto& r = out.resident;
    ResidentFields fields(r);
    bool parsed = json::sax_parse(*body, &fields, nlohmann::detail::input_format_t::json, /*strict=*/true);
    vault::wipe(*body);
    if (!parsed || r.fullName.empty() || r.dateOfBirth.empty()) return out;
    r.id = rec.id;
    r.folded = core::foldKey(r.fullName);
    out.kind = DecodedRecord::Kind::Resident;
    return out;
  }
  auto j = json::parse(*body, nullptr, false);
  vault::wipe(*body);
  if (!j.is_object()) return out;
  if (rec.kind == "application") {
    auto& a = out.application;
    a.id = core::formatRecordId(rec.id);
    a.formId = stringOr(j, "form_id");
    a.formVersion = jsonValue(j, "form_version", 0);
    a.residentId = stringOr(j, "resident_id");
    a.status = stringOr(j, "status");
    a.createdAt = stringOr(j, "created_at");
    auto problems = j.find("problems");
    a.problems = (problems != j.end() && problems->is_array()) ? static_cast<int>(problems->size()) : 0;
    out.kind = DecodedRecord::Kind::Application;
  } else if (rec.kind == "household") {
    out.kind = DecodedRecord::Kind::Household;
  } else {
    out.kind = DecodedRecord::Kind::Other;
  }
  return out;
}

}  // namespace

Status Session::loadAll() {
  auto count = ws_->repo().countRecords("resident");
  if (count) index_.reserve(static_cast<std::size_t>(*count));
  // Three stages: this thread reads a chunk from SQLite while the chunk before it is decrypted
  // and parsed on the other cores, then merges that one into the index (the index and SQLite
  // stay on this thread). Reading and merging take about as long as decoding, so overlapping
  // them is most of what two cores can give.
  constexpr std::size_t kChunk = 8192;
  std::vector<StoredRecord> chunk, decoding;
  std::future<std::vector<DecodedRecord>> decoded;
  chunk.reserve(kChunk);

  auto merge = [&](std::vector<StoredRecord>& stored, std::vector<DecodedRecord> done) {
    for (std::size_t i = 0; i < stored.size(); ++i) {
      auto& d = done[i];
      switch (d.kind) {
        case DecodedRecord::Kind::Resident:
          index_.upsert(std::move(d.resident));
          break;
        case DecodedRecord::Kind::Application:
          applications_.push_back(std::move(d.application));
          break;
        case DecodedRecord::Kind::Household:
          ++households_;
          break;
        case DecodedRecord::Kind::Other:
          break;
        case DecodedRecord::Kind::Damaged:
          // The kind as stored may be the damage itself: shown only when it is text.
          damaged_.push_back({stored[i].idOk ? core::formatRecordId(stored[i].id) : std::string("?"),
                              core::isValidUtf8(stored[i].kind) ? stored[i].kind : std::string("?")});
          break;
      }
    }
  };
  auto finishDecoding = [&] {
    if (!decoded.valid()) return;
    merge(decoding, decoded.get());
    decoding.clear();
  };
  auto flush = [&] {
    finishDecoding();
    decoding.swap(chunk);
    decoded = std::async(std::launch::async, [this, &decoding] {
      std::vector<DecodedRecord> out(decoding.size());
      parallelFor(decoding.size(), [&](std::size_t i) { out[i] = decode(*cipher_, decoding[i]); });
      return out;
    });
  };

  auto st = ws_->repo().forEachRecord("", [&](const store::RecordView& v) {
    StoredRecord rec;
    if (auto id = toRecordId(v.id)) {
      rec.id = *id;
      rec.idOk = true;
    }
    rec.kind = std::string(v.kind);
    rec.revision = v.revision;
    rec.sealed.assign(v.sealed.begin(), v.sealed.end());
    rec.syncState = std::string(v.syncState);
    rec.rowTag.assign(v.rowTag.begin(), v.rowTag.end());
    chunk.push_back(std::move(rec));
    if (chunk.size() == kChunk) flush();
  });
  if (!chunk.empty()) flush();
  finishDecoding();
  index_.finalize();
  return st;
}

}  // namespace gocua::workspace
