// Session: households and residents (add, import, get, edit, search).
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/errors.h"
#include "core/json_read.h"
#include "core/json_strict.h"
#include "core/parallel.h"
#include "core/resident.h"
#include "core/text.h"
#include "store/errors.h"
#include "store/migrations.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

using namespace detail;

namespace {

// The same folded name with the same date of birth, or with a year-only date of birth and a full
// date in that year (either way round): old records often know only the year of someone the
// volunteer now writes down with a full date. A year-only date looks up each day of its year.
const IndexedResident* sameNameAndBirth(const SearchIndex& index, std::string_view folded, const core::Date& dob) {
  if (auto same = index.findSameNameAndBirth(folded, core::formatDate(dob))) return same;
  if (dob.precision() == core::DatePrecision::Day)
    return index.findSameNameAndBirth(folded, core::formatDate(core::Date{dob.year, 0, 0}));
  if (dob.precision() == core::DatePrecision::Year)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= core::daysInMonth(dob.year, m); ++d)
        if (auto same = index.findSameNameAndBirth(folded, core::formatDate(core::Date{dob.year, m, d}))) return same;
  return nullptr;
}

}  // namespace

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

store::RecordRow Session::sealNext(store::RecordRow head, std::int64_t expectedRevision, const std::string& body) {
  store::RecordRow next = std::move(head);
  next.parentHash = next.revHash;
  auto hash = cipher_->revisionHash(next.parentHash, vault::bytesOf(body));
  next.revHash.assign(hash.begin(), hash.end());
  next.revision = expectedRevision + 1;
  next.syncState = "unsynced";
  next.updatedAt = nowIso();
  next.sealed = cipher_->seal(body, associatedData(next.id, next.revision));
  return next;
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
  auto id = insertCreated(*row, "household");
  if (!id) return id.error();
  ++households_;
  return core::formatRecordId(*id);
}

Result<core::RecordId> Session::insertCreated(const store::RecordRow& row, std::string_view kind) {
  auto id = *toRecordId(row.id);
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertRecord(row));
  GOCUA_TRY(auditNow("create", id, kind));
  GOCUA_TRY(txn->commit());
  return id;
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
      return Error::make(err::kResidentDuplicate, "personal_id", other ? core::formatRecordId(*other) : "");
    }
  }
  AddResult result;
  auto entry = indexEntry({}, *r);
  if (auto same = sameNameAndBirth(index_, entry.folded, r->dateOfBirth))
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
      auto parsed = core::parseJsonNoDuplicateKeys(lines[i].second);
      vault::wipe(lines[i].second);
      if (!parsed || parsed->is_discarded()) {
        p.errors.push_back(parsed ? Error::make(err::kJsonMalformed) : parsed.error());
        return;
      }
      const json& j = *parsed;
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
        if (!claimed && !claimed.error().is(err::kStoreConstraint)) return claimed.error();
        if (!claimed) {
          auto existing = ws_->repo().recordForIdHash(p.idHash);
          if (!existing) return existing.error();
          auto other = *existing ? toRecordId(**existing) : std::nullopt;
          result.rejected.push_back(
              {p.line,
               {Error::make(err::kResidentDuplicate, "personal_id", other ? core::formatRecordId(*other) : "")}});
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

Result<vault::PlainJson> Session::openBody(std::span<const std::uint8_t> id, std::string_view expectedKind) {
  auto row = ws_->repo().record(id);
  if (!row) return row.error();
  if (!*row || (*row)->kind != expectedKind) return Error::make(err::kRecordNotFound);
  auto body = cipher_->open((*row)->sealed, associatedData(id, (*row)->revision));
  if (!body) return Error::make(err::kRecordDamaged);
  vault::PlainJson plain(json::parse(*body, nullptr, false));
  vault::wipe(*body);
  if (plain.get().is_discarded()) return Error::make(err::kRecordDamaged);
  json& j = plain.edit();
  j["id"] = core::formatRecordId(*toRecordId(id));
  j["revision"] = (*row)->revision;
  j["sync_state"] = (*row)->syncState;
  return plain;
}

Result<vault::PlainJson> Session::getResident(std::string_view idText) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make(err::kRecordBadId, "id");
  return openBody(span(*id), "resident");
}

Result<std::int64_t> Session::updateResident(std::string_view idText, const json& resident,
                                             std::int64_t expectedRevision, Errors* problems) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make(err::kRecordBadId, "id");
  auto r = core::parseResident(resident, core::today(), problems);
  if (!r) return r.error();
  auto head = ws_->repo().record(span(*id));
  if (!head) return head.error();
  if (!*head || (*head)->kind != "resident") return Error::make(err::kRecordNotFound);
  if ((*head)->revision != expectedRevision) return Error::make(err::kRecordConflict);
  auto old = openBody(span(*id), "resident");
  if (!old) return old.error();
  std::string oldPersonalId = jsonValue(old->get(), "personal_id", "");
  old->reset();

  std::array<std::uint8_t, 32> idHash{};
  if (!r->personalId.empty()) {
    idHash = cipher_->idHash(r->personalId);
    auto existing = ws_->repo().recordForIdHash(idHash);
    if (!existing) return existing.error();
    if (*existing && !std::equal(id->begin(), id->end(), (*existing)->begin(), (*existing)->end())) {
      auto other = toRecordId(**existing);
      return Error::make(err::kResidentDuplicate, "personal_id", other ? core::formatRecordId(*other) : "");
    }
  }
  std::string body = core::toJson(*r).dump();
  store::RecordRow next = sealNext(std::move(**head), expectedRevision, body);
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
    json j = {{"id", core::formatRecordId(r.id)},
              {"full_name", r.fullName},
              {"date_of_birth", r.dateOfBirth},
              {"sex", r.sex},
              {"score", hit.score}};
    if (!r.personalId.empty()) j["personal_id"] = r.personalId;
    if (!r.phone.empty()) j["phone"] = r.phone;
    if (!r.village.empty()) j["village"] = r.village;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace gocua::workspace
