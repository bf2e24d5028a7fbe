// Workspace (locked) and Session (unlocked); see workspace.h for the contract.
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <algorithm>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/resident.h"
#include "core/text.h"
#include "store/migrations.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/parallel.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kDbFile = "gocua.db";

std::string nowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

core::RecordId newRecordId() {
  std::array<std::uint8_t, 16> bytes{};
  vault::randomBytes(bytes);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch()).count();
  return core::makeRecordId(static_cast<std::uint64_t>(millis), bytes);
}

// Associated data binding a sealed body to its record and revision, so bodies cannot be swapped
// between records or rolled back to an older revision unnoticed.
std::array<std::uint8_t, 24> associatedData(std::span<const std::uint8_t> id, std::int64_t revision) {
  std::array<std::uint8_t, 24> ad{};
  std::copy(id.begin(), id.begin() + std::min<std::size_t>(id.size(), 16), ad.begin());
  for (int i = 0; i < 8; ++i) ad[16 + i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(revision) >> (8 * i));
  return ad;
}

std::span<const std::uint8_t> span(const core::RecordId& id) { return {id.data(), id.size()}; }

store::KeyslotRow toRow(std::string_view volunteer, const vault::Keyslot& k) {
  store::KeyslotRow row;
  row.volunteer = std::string(volunteer);
  row.opslimit = static_cast<std::int64_t>(k.params.opslimit);
  row.memlimit = static_cast<std::int64_t>(k.params.memlimit);
  row.salt = k.salt;
  row.nonce = k.nonce;
  row.wrapped = k.wrapped;
  row.createdAt = nowIso();
  return row;
}

vault::Keyslot fromRow(const store::KeyslotRow& row) {
  vault::Keyslot k;
  k.params.opslimit = static_cast<std::uint64_t>(row.opslimit);
  k.params.memlimit = static_cast<std::size_t>(row.memlimit);
  k.salt = row.salt;
  k.nonce = row.nonce;
  k.wrapped = row.wrapped;
  return k;
}

Result<std::string> volunteerName(std::string_view name) {
  auto n = core::normalizeName(name);
  if (!n) return Error::make("volunteer.name", "volunteer", n.error().code);
  return *n;
}

std::optional<core::RecordId> toRecordId(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != 16) return std::nullopt;
  core::RecordId id{};
  std::copy(bytes.begin(), bytes.end(), id.begin());
  return id;
}

}  // namespace

fs::path defaultWorkspaceDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "gocua" / "workspace";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "gocua" / "workspace";
}

// [SECTION] Workspace

Workspace::Workspace(fs::path dir, store::Db db) : dir_(std::move(dir)), db_(std::move(db)), repo_(db_) {}

Result<std::unique_ptr<Workspace>> Workspace::create(const fs::path& dir, std::string_view volunteer,
                                                     std::string_view passphrase, bool training,
                                                     const vault::KdfParams& kdf) {
  GOCUA_TRY(vault::init());
  auto name = volunteerName(volunteer);
  if (!name) return name.error();
  GOCUA_TRY(vault::checkPassphrase(passphrase));
  GOCUA_TRY(vault::checkKdfFloor(kdf));
  std::error_code ec;
  if (fs::exists(dir / kDbFile, ec)) return Error::make("workspace.exists", "", dir.filename().string());
  fs::create_directories(dir, ec);
  if (ec) return Error::make("io", "", ec.message());
  ::chmod(dir.c_str(), 0700);  // other users of a shared laptop have no business here

  auto dataKey = vault::newDataKey();
  auto slot = vault::wrapDataKey(dataKey, passphrase, kdf);
  if (!slot) return slot.error();

  auto ws = initialise(dir, *name, *slot, training);
  if (!ws) {
    // A half-made workspace (full disk, killed mid-way) would block the next init: remove it.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(dir / (std::string(kDbFile) + suffix), ec);
    return ws.error();
  }
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::initialise(const fs::path& dir, const std::string& volunteer,
                                                         const vault::Keyslot& slot, bool training) {
  auto db = store::Db::open(dir / kDbFile, true);
  if (!db) return db.error();
  ::chmod((dir / kDbFile).c_str(), 0600);  // SQLite gives the -wal and -shm files the same mode
  GOCUA_TRY(store::migrate(*db));
  std::unique_ptr<Workspace> ws(new Workspace(dir, std::move(*db)));
  auto txn = store::Txn::begin(ws->db_);
  if (!txn) return txn.error();
  GOCUA_TRY(ws->repo_.setMeta("workspace_id", core::formatRecordId(newRecordId())));
  GOCUA_TRY(ws->repo_.setMeta("training", training ? "1" : "0"));
  GOCUA_TRY(ws->repo_.setMeta("created_at", nowIso()));
  GOCUA_TRY(ws->repo_.insertKeyslot(toRow(volunteer, slot)));
  GOCUA_TRY(ws->repo_.audit(nowIso(), volunteer, "workspace_create"));
  GOCUA_TRY(txn->commit());
  ws->training_ = training;
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const fs::path& dir) {
  GOCUA_TRY(vault::init());
  std::error_code ec;
  if (!fs::exists(dir / kDbFile, ec)) return Error::make("workspace.not_found", "", dir.string());
  auto db = store::Db::open(dir / kDbFile, false);
  if (!db) return db.error();
  GOCUA_TRY(store::migrate(*db));
  std::unique_ptr<Workspace> ws(new Workspace(dir, std::move(*db)));
  auto training = ws->repo_.meta("training");
  if (!training) return training.error();
  ws->training_ = training->value_or("0") == "1";
  return ws;
}

Result<std::vector<std::string>> Workspace::volunteers() {
  auto slots = repo_.keyslots();
  if (!slots) return slots.error();
  std::vector<std::string> names;
  for (auto& s : *slots) names.push_back(s.volunteer);
  return names;
}

Result<std::unique_ptr<Session>> Workspace::unlock(std::string_view volunteer, std::string_view passphrase,
                                                   UnlockStats* stats) {
  std::optional<store::KeyslotRow> row;
  if (volunteer.empty()) {
    auto slots = repo_.keyslots();
    if (!slots) return slots.error();
    if (!slots->empty()) row = slots->front();
  } else {
    auto n = core::toNfc(volunteer);
    auto found = repo_.keyslot(n ? std::string_view(*n) : volunteer);
    if (!found) return found.error();
    row = *found;
  }
  if (!row) return Error::make("volunteer.not_found", "volunteer");

  auto t0 = std::chrono::steady_clock::now();
  auto key = vault::unwrapDataKey(fromRow(*row), passphrase);
  if (!key) return key.error();
  auto t1 = std::chrono::steady_clock::now();
  std::unique_ptr<Session> session(new Session(*this, row->volunteer, std::move(*key)));
  GOCUA_TRY(session->loadAll());
  auto t2 = std::chrono::steady_clock::now();
  if (stats) {
    stats->kdfSeconds = std::chrono::duration<double>(t1 - t0).count();
    stats->indexSeconds = std::chrono::duration<double>(t2 - t1).count();
    stats->records = session->index_.size() + session->applications_.size() + session->households_;
  }
  return session;
}

// [SECTION] Session: unlock and lock

Session::Session(Workspace& ws, std::string volunteer, vault::SecretBytes dataKey)
    : ws_(&ws), volunteer_(std::move(volunteer)), dataKey_(std::move(dataKey)) {
  cipher_.emplace(dataKey_);
}

Session::~Session() { lock(); }

void Session::lock() {
  index_.clear();
  cipher_.reset();
  dataKey_ = vault::SecretBytes(0);
  for (auto& a : applications_) vault::wipe(a.residentId);
  applications_.clear();
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
    if (k == "full_name") target_ = &r_.fullName;
    else if (k == "date_of_birth") target_ = &r_.dateOfBirth;
    else if (k == "sex") target_ = &r_.sex;
    else if (k == "personal_id") target_ = &r_.personalId;
    else if (k == "phone") target_ = &r_.phone;
    else if (k == "village") target_ = &r_.village;
    else if (k == "household_id") target_ = &r_.householdId;
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
    a.formVersion = j.value("form_version", 0);
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
  // Decrypting and parsing dominate unlock; spread each chunk over the cores, merge in order.
  constexpr std::size_t kChunk = 8192;
  std::vector<StoredRecord> chunk;
  std::vector<DecodedRecord> decoded;
  chunk.reserve(kChunk);

  auto flush = [&] {
    decoded.assign(chunk.size(), DecodedRecord{});
    parallelFor(chunk.size(), [&](std::size_t i) { decoded[i] = decode(*cipher_, chunk[i]); });
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      auto& d = decoded[i];
      switch (d.kind) {
        case DecodedRecord::Kind::Resident: index_.upsert(std::move(d.resident)); break;
        case DecodedRecord::Kind::Application: applications_.push_back(std::move(d.application)); break;
        case DecodedRecord::Kind::Household: ++households_; break;
        case DecodedRecord::Kind::Other: break;
        case DecodedRecord::Kind::Damaged:
          damaged_.push_back({chunk[i].idOk ? core::formatRecordId(chunk[i].id) : std::string("?"), chunk[i].kind});
          break;
      }
    }
    chunk.clear();
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
    chunk.push_back(std::move(rec));
    if (chunk.size() == kChunk) flush();
  });
  if (!chunk.empty()) flush();
  index_.finalize();
  return st;
}

// [SECTION] Session: writing records

Result<store::RecordRow> Session::sealNew(std::string_view kind, const std::string& body,
                                          std::optional<std::string> formId, std::optional<int> formVersion) {
  auto id = newRecordId();
  store::RecordRow row;
  row.id.assign(id.begin(), id.end());
  row.kind = std::string(kind);
  row.revision = 1;
  auto hash = cipher_->revisionHash({}, vault::bytesOf(body));
  row.revHash.assign(hash.begin(), hash.end());
  row.formId = std::move(formId);
  if (formVersion) row.formVersion = *formVersion;
  row.createdAt = row.updatedAt = nowIso();
  row.sealed = cipher_->seal(body, associatedData(row.id, row.revision));
  return row;
}

Status Session::auditNow(std::string_view action, const core::RecordId& id, std::string_view kind) {
  return ws_->repo().audit(nowIso(), volunteer_, action, span(id), kind);
}

Result<std::string> Session::addHousehold(const json& household, Errors* problems) {
  auto h = core::parseHousehold(household, problems);
  if (!h) return h.error();
  std::string body = core::toJson(*h).dump();
  auto row = sealNew("household", body, std::nullopt, std::nullopt);
  vault::wipe(body);
  if (!row) return row.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertRecord(*row));
  auto id = *toRecordId(row->id);
  GOCUA_TRY(auditNow("create", id, "household"));
  GOCUA_TRY(txn->commit());
  ++households_;
  return core::formatRecordId(id);
}

Result<AddResult> Session::addResident(const json& resident, Errors* problems) {
  auto r = core::parseResident(resident, core::today(), problems);
  if (!r) return r.error();
  std::array<std::uint8_t, 32> idHash{};
  if (!r->personalId.empty()) {
    idHash = cipher_->idHash(r->personalId);
    auto existing = ws_->repo().recordForIdHash(idHash);
    if (!existing) return existing.error();
    if (*existing) {
      auto other = toRecordId(**existing);
      return Error::make("resident.duplicate", "personal_id", other ? core::formatRecordId(*other) : "");
    }
  }
  AddResult result;
  auto entry = indexEntry({}, *r);
  if (auto same = index_.findSameNameAndBirth(entry.folded, entry.dateOfBirth))
    result.warnings.push_back({"possible_duplicate", core::formatRecordId(same->id)});

  std::string body = core::toJson(*r).dump();
  auto row = sealNew("resident", body, std::nullopt, std::nullopt);
  vault::wipe(body);
  if (!row) return row.error();
  auto id = *toRecordId(row->id);
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertRecord(*row));
  if (!r->personalId.empty()) GOCUA_TRY(ws_->repo().insertIdHash(idHash, row->id));
  GOCUA_TRY(auditNow("create", id, "resident"));
  GOCUA_TRY(txn->commit());
  entry.id = id;
  index_.upsert(std::move(entry));
  result.id = core::formatRecordId(id);
  return result;
}

namespace {

// One NDJSON line after the parallel stage: validated, serialised and sealed, or rejected.
struct PreparedLine {
  int line = 0;
  Errors errors;
  std::optional<core::Resident> resident;
  std::array<std::uint8_t, 32> idHash{};
  store::RecordRow row;
};

}  // namespace

Result<ImportResult> Session::importResidents(std::istream& in) {
  ImportResult result;
  const core::Date today = core::today();
  std::vector<IndexedResident> pending;
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();

  using Chunk = std::vector<std::pair<int, std::string>>;
  constexpr std::size_t kChunk = 4096;
  int lineNo = 0;
  // The next chunk of non-blank lines, with their 1-based line numbers.
  auto readChunk = [&] {
    Chunk lines;
    lines.reserve(kChunk);
    std::string line;
    while (lines.size() < kChunk && std::getline(in, line)) {
      ++lineNo;
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        vault::wipe(line);
        continue;
      }
      lines.emplace_back(lineNo, std::move(line));
      line = std::string();
    }
    return lines;
  };
  // Parsing, validation, serialisation and sealing: independent per line, so in parallel.
  auto prepare = [&](Chunk lines) {
    std::vector<PreparedLine> prepared(lines.size());
    parallelFor(lines.size(), [&](std::size_t i) {
      auto& p = prepared[i];
      p.line = lines[i].first;
      auto j = json::parse(lines[i].second, nullptr, false);
      vault::wipe(lines[i].second);
      if (j.is_discarded()) {
        p.errors.push_back(Error::make("json.malformed"));
        return;
      }
      auto r = core::parseResident(j, today, &p.errors);
      if (!r) return;
      if (!r->personalId.empty()) p.idHash = cipher_->idHash(r->personalId);
      std::string body = core::toJson(*r).dump();
      auto row = sealNew("resident", body, std::nullopt, std::nullopt);
      vault::wipe(body);
      p.row = std::move(*row);
      p.resident = std::move(*r);
    });
    return prepared;
  };
  // Duplicate checks and inserts, in file order, so a duplicate later in the file is the one
  // rejected. The unique key on the ID hash finds duplicates without a separate lookup.
  auto store = [&](std::vector<PreparedLine>& prepared) -> Status {
    for (auto& p : prepared) {
      if (!p.resident) {
        result.rejected.push_back({p.line, std::move(p.errors)});
        continue;
      }
      if (!p.resident->personalId.empty()) {
        auto claimed = ws_->repo().insertIdHash(p.idHash, p.row.id);
        if (!claimed && claimed.error().code != "store.constraint") return claimed.error();
        if (!claimed) {
          auto existing = ws_->repo().recordForIdHash(p.idHash);
          if (!existing) return existing.error();
          auto other = *existing ? toRecordId(**existing) : std::nullopt;
          result.rejected.push_back(
              {p.line, {Error::make("resident.duplicate", "personal_id", other ? core::formatRecordId(*other) : "")}});
          continue;
        }
      }
      GOCUA_TRY(ws_->repo().insertRecord(p.row));
      GOCUA_TRY(ws_->repo().audit(p.row.createdAt, volunteer_, "import", p.row.id, "resident"));
      pending.push_back(indexEntry(*toRecordId(p.row.id), *p.resident));
      ++result.imported;
    }
    return {};
  };

  // Pipeline: while this thread inserts chunk k, chunk k+1 is prepared on the other cores.
  auto current = prepare(readChunk());
  while (!current.empty()) {
    auto nextLines = readChunk();
    auto next = std::async(std::launch::async, prepare, std::move(nextLines));
    auto stored = store(current);
    current = next.get();
    GOCUA_TRY(stored);
  }
  GOCUA_TRY(txn->commit());
  // Only committed residents become searchable: a failed import leaves the index as it was.
  index_.reserve(index_.size() + pending.size());
  for (auto& e : pending) index_.upsert(std::move(e));
  return result;
}

Result<json> Session::openBody(std::span<const std::uint8_t> id, std::string_view expectedKind) {
  auto row = ws_->repo().record(id);
  if (!row) return row.error();
  if (!*row || (*row)->kind != expectedKind) return Error::make("record.not_found");
  auto body = cipher_->open((*row)->sealed, associatedData(id, (*row)->revision));
  if (!body) return Error::make("record.damaged");
  auto j = json::parse(*body, nullptr, false);
  vault::wipe(*body);
  if (j.is_discarded()) return Error::make("record.damaged");
  j["id"] = core::formatRecordId(*toRecordId(id));
  j["revision"] = (*row)->revision;
  j["sync_state"] = (*row)->syncState;
  return j;
}

Result<json> Session::getResident(std::string_view idText) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make("record.bad_id", "id");
  return openBody(span(*id), "resident");
}

Result<std::int64_t> Session::updateResident(std::string_view idText, const json& resident,
                                             std::int64_t expectedRevision, Errors* problems) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make("record.bad_id", "id");
  auto r = core::parseResident(resident, core::today(), problems);
  if (!r) return r.error();
  auto head = ws_->repo().record(span(*id));
  if (!head) return head.error();
  if (!*head || (*head)->kind != "resident") return Error::make("record.not_found");
  if ((*head)->revision != expectedRevision) return Error::make("record.conflict");
  auto old = openBody(span(*id), "resident");
  if (!old) return old.error();
  std::string oldPersonalId = old->value("personal_id", "");
  old->clear();

  std::array<std::uint8_t, 32> idHash{};
  if (!r->personalId.empty()) {
    idHash = cipher_->idHash(r->personalId);
    auto existing = ws_->repo().recordForIdHash(idHash);
    if (!existing) return existing.error();
    if (*existing && !std::equal(id->begin(), id->end(), (*existing)->begin(), (*existing)->end())) {
      auto other = toRecordId(**existing);
      return Error::make("resident.duplicate", "personal_id", other ? core::formatRecordId(*other) : "");
    }
  }
  std::string body = core::toJson(*r).dump();
  store::RecordRow next = std::move(**head);
  next.parentHash = next.revHash;
  auto hash = cipher_->revisionHash(next.parentHash, vault::bytesOf(body));
  next.revHash.assign(hash.begin(), hash.end());
  next.revision = expectedRevision + 1;
  next.syncState = "unsynced";
  next.updatedAt = nowIso();
  next.sealed = cipher_->seal(body, associatedData(next.id, next.revision));
  vault::wipe(body);

  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().updateRecord(next, expectedRevision));
  // A corrected ID number frees the old one for whoever really holds it.
  if (!oldPersonalId.empty() && oldPersonalId != r->personalId)
    GOCUA_TRY(ws_->repo().deleteIdHash(cipher_->idHash(oldPersonalId)));
  vault::wipe(oldPersonalId);
  if (!r->personalId.empty()) {
    auto existing = ws_->repo().recordForIdHash(idHash);
    if (!existing) return existing.error();
    if (!*existing) GOCUA_TRY(ws_->repo().insertIdHash(idHash, next.id));
  }
  GOCUA_TRY(auditNow("update", *id, "resident"));
  GOCUA_TRY(txn->commit());
  index_.upsert(indexEntry(*id, *r));
  return next.revision;
}

json Session::searchResidents(std::string_view query, std::size_t limit) {
  json out = json::array();
  for (const auto& hit : index_.search(query, limit)) {
    const auto& r = index_.residents()[hit.index];
    json j = {{"id", core::formatRecordId(r.id)}, {"full_name", r.fullName}, {"date_of_birth", r.dateOfBirth},
              {"sex", r.sex}, {"score", hit.score}};
    if (!r.personalId.empty()) j["personal_id"] = r.personalId;
    if (!r.phone.empty()) j["phone"] = r.phone;
    if (!r.village.empty()) j["village"] = r.village;
    out.push_back(std::move(j));
  }
  return out;
}

// [SECTION] Session: applications

namespace {

// The value of a resident attribute as a form answer ("full_name" → "Nguyễn Văn An").
std::optional<json> residentAttribute(const json& resident, std::string_view attribute) {
  auto it = resident.find(std::string(attribute));
  if (it == resident.end()) return std::nullopt;
  return *it;
}

void setPath(json& answers, std::string_view path, const json& value) {
  json* node = &answers;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    std::string key(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) {
      auto existing = node->find(key);
      if (existing == node->end() || existing->is_null() || (existing->is_string() && existing->get<std::string>().empty()))
        (*node)[key] = value;
      return;
    }
    if (!node->contains(key) || !(*node)[key].is_object()) (*node)[key] = json::object();
    node = &(*node)[key];
    start = dot + 1;
  }
}

}  // namespace

Result<std::string> Session::newApplication(const forms::Form& form, std::string_view residentIdText,
                                            const json& answersIn, bool draft, forms::ValidationReport* reportOut,
                                            std::vector<forms::DocumentItem>* checklist) {
  auto rid = core::parseRecordId(residentIdText);
  if (!rid) return Error::make("record.bad_id", "resident");
  auto resident = getResident(residentIdText);
  if (!resident) return resident.error();
  if (!answersIn.is_object()) return Error::make("field.type", "answers");

  json answers = answersIn;
  for (const auto& target : form.prefillTargets())
    if (auto v = residentAttribute(*resident, target.attribute)) setPath(answers, target.path, *v);
  resident->clear();

  auto today = core::today();
  auto report = form.validate(answers, today);
  if (reportOut) *reportOut = report;
  if (checklist) *checklist = form.checklist(answers, today);
  if (!report.valid() && !draft) return Error::make("application.invalid");

  json body = {{"form_id", form.id()},
               {"form_version", form.version()},
               {"resident_id", core::formatRecordId(*rid)},
               {"answers", answers},
               {"status", report.valid() ? "ready" : "draft"},
               {"created_at", nowIso()},
               {"created_by", volunteer_}};
  if (!report.valid()) {
    json problems = json::array();
    for (const auto& e : report.errors) problems.push_back({{"field", e.field}, {"code", e.code}});
    body["problems"] = problems;
  }
  std::string text = body.dump();
  auto row = sealNew("application", text, form.id(), form.version());
  vault::wipe(text);
  if (!row) return row.error();
  auto id = *toRecordId(row->id);
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertRecord(*row));
  GOCUA_TRY(auditNow("create", id, "application"));
  GOCUA_TRY(txn->commit());
  ApplicationInfo info{core::formatRecordId(id), form.id(), core::formatRecordId(*rid), body["status"],
                       body["created_at"], form.version(), static_cast<int>(report.errors.size())};
  applications_.push_back(std::move(info));
  return core::formatRecordId(id);
}

std::vector<ApplicationInfo> Session::listApplications(std::optional<std::string> residentId) const {
  std::vector<ApplicationInfo> out;
  for (const auto& a : applications_)
    if (!residentId || a.residentId == *residentId) out.push_back(a);
  return out;
}

// [SECTION] Session: volunteers and passphrases

Status Session::addVolunteer(std::string_view nameIn, std::string_view passphrase, const vault::KdfParams& kdf) {
  auto name = volunteerName(nameIn);
  if (!name) return name.error();
  GOCUA_TRY(vault::checkPassphrase(passphrase));
  auto existing = ws_->repo().keyslot(*name);
  if (!existing) return existing.error();
  if (*existing) return Error::make("volunteer.exists", "volunteer");
  auto slot = vault::wrapDataKey(dataKey_, passphrase, kdf);
  if (!slot) return slot.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertKeyslot(toRow(*name, *slot)));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "volunteer_add"));
  return txn->commit();
}

Status Session::removeVolunteer(std::string_view nameIn) {
  auto name = core::toNfc(nameIn);
  if (!name) return Error::make("volunteer.not_found", "volunteer");
  auto slots = ws_->repo().keyslots();
  if (!slots) return slots.error();
  bool found = false;
  for (auto& s : *slots) found = found || s.volunteer == *name;
  if (!found) return Error::make("volunteer.not_found", "volunteer");
  if (slots->size() == 1) return Error::make("volunteer.last", "volunteer");
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().deleteKeyslot(*name));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "volunteer_remove"));
  return txn->commit();
}

Status Session::changePassphrase(std::string_view newPassphrase, const vault::KdfParams& kdf) {
  GOCUA_TRY(vault::checkPassphrase(newPassphrase));
  auto slot = vault::wrapDataKey(dataKey_, newPassphrase, kdf);
  if (!slot) return slot.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().replaceKeyslot(toRow(volunteer_, *slot)));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "passphrase_change"));
  return txn->commit();
}

// [SECTION] Session: training data

Result<int> Session::addDemoData(int residents, std::uint64_t seed) {
  if (!ws_->training()) return Error::make("workspace.not_training");
  DemoOptions options;
  options.residents = residents;
  options.seed = seed;
  options.today = core::today();
  std::stringstream ndjson;
  writeDemoResidentsNdjson(ndjson, options);
  auto result = importResidents(ndjson);
  std::string buffer = ndjson.str();
  vault::wipe(buffer);
  if (!result) return result.error();
  return result->imported;
}

}  // namespace gocua::workspace
