// The receipt's body: Receipt → canonical JSON for the hub, and JSON → Receipt for the laptop.
// The parser checks shape only (exact keys, types, hex, enum spellings, list sizes); content rules
// live in receipt_rules.cpp so the writer and the reader share them.
#include <algorithm>
#include <climits>
#include <initializer_list>

#include "sync/keys/signed_file.h"
#include "sync/receipt/errors.h"
#include "sync/receipt/receipt_body.h"
#include "vault/primitives.h"

namespace gocua::sync::receipt_detail {

// The signed-file body helpers (canonical JSON, hex, typed fields) are keys' (sync/keys/signed_file.h).
using namespace keys_detail;

namespace {

constexpr std::size_t kMaxSealedNoteHex = 2 * (vault::kSealedBoxOverheadBytes + kMaxNoteBytes);

Error shapeError(std::string field) { return Error::make(err::kReceiptFormat, std::move(field)); }

std::string entry(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

bool hasExactly(const nlohmann::json& obj, std::initializer_list<const char*> keys, const char* optional = nullptr) {
  if (!obj.is_object()) return false;
  const std::size_t extra = optional && obj.contains(optional) ? 1 : 0;
  if (obj.size() != keys.size() + extra) return false;
  return std::all_of(keys.begin(), keys.end(), [&](const char* k) { return obj.contains(k); });
}

bool getU64(const nlohmann::json& obj, const char* key, std::uint64_t& out) {
  const auto& v = obj.at(key);
  if (!v.is_number_unsigned()) return false;
  out = v.get<std::uint64_t>();
  return true;
}

bool getI64(const nlohmann::json& obj, const char* key, std::int64_t& out) {
  const auto& v = obj.at(key);
  if (!v.is_number_integer()) return false;
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) return false;
  out = v.get<std::int64_t>();
  return true;
}

// "" for a status receipt's all-zero id; the zero id spelled in hex would be a second spelling.
bool getBatchId(const nlohmann::json& obj, std::array<std::uint8_t, 16>& out) {
  const auto& v = obj.at("batch_id");
  if (!v.is_string()) return false;
  const auto& hex = v.get_ref<const std::string&>();
  out.fill(0);
  if (hex.empty()) return true;
  return decodeHex(hex, out) && std::any_of(out.begin(), out.end(), [](std::uint8_t b) { return b != 0; });
}

bool getNote(const nlohmann::json& obj, std::vector<std::uint8_t>& out) {
  const auto& v = obj.at("note");
  if (!v.is_string()) return false;
  const auto& hex = v.get_ref<const std::string&>();
  if (hex.size() % 2 != 0 || hex.size() > kMaxSealedNoteHex) return false;
  out.resize(hex.size() / 2);
  return decodeHex(hex, out);
}

Result<RecordOutcome> parseRecord(const nlohmann::json& v, std::size_t i) {
  RecordOutcome o;
  if (!hasExactly(v, {"id", "outcome", "reason", "revision"})) return shapeError(entry("records", i));
  std::string outcome;
  if (!getString(v, "id", o.id) || !getI64(v, "revision", o.revision) || !getString(v, "outcome", outcome) ||
      !getString(v, "reason", o.reason)) {
    return shapeError(entry("records", i));
  }
  const auto parsed = parseOutcome(outcome);
  if (!parsed) return shapeError(entry("records", i) + ".outcome");
  o.outcome = *parsed;
  return o;
}

Result<StatusUpdate> parseUpdate(const nlohmann::json& v, std::size_t i) {
  StatusUpdate u;
  // "decision" is absent only in receipts from before decisions were numbered.
  if (!hasExactly(v, {"at", "id", "note", "revision", "status"}, "decision")) return shapeError(entry("updates", i));
  std::string status;
  if (!getString(v, "id", u.id) || !getI64(v, "revision", u.revision) || !getString(v, "status", status) ||
      !getNote(v, u.sealedNote) || !getString(v, "at", u.at) ||
      (v.contains("decision") && (!getI64(v, "decision", u.decision) || u.decision < 1))) {
    return shapeError(entry("updates", i));
  }
  const auto parsed = parseReviewStatus(status);
  if (!parsed) return shapeError(entry("updates", i) + ".status");
  u.status = *parsed;
  return u;
}

}  // namespace

namespace {

// The records list written straight to text: a 100,000-record batch's receipt built as a JSON
// tree cost more than the import's inserts. The bytes are those canonicalDump gives the same list
// (keys in order, no spaces): every value is a canonical id, an enum spelling, a reason code
// ([a-z0-9._], checkReceipt) or an integer, none of which JSON escapes.
void appendRecords(std::string& out, const std::vector<RecordOutcome>& records) {
  out += '[';
  for (const RecordOutcome& o : records) {
    if (out.back() != '[') out += ',';
    out += R"({"id":")";
    out += o.id;
    out += R"(","outcome":")";
    out += toString(o.outcome);
    out += R"(","reason":")";
    out += o.reason;
    out += R"(","revision":)";
    out += std::to_string(o.revision);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string receiptBody(const Receipt& r) {
  nlohmann::json updates = nlohmann::json::array();
  for (const StatusUpdate& u : r.updates) {
    nlohmann::json e = nlohmann::json::object();
    e["at"] = u.at;
    if (u.decision > 0) e["decision"] = u.decision;  // absent = numbered before; one spelling each
    e["id"] = u.id;
    e["note"] = vault::toHex(u.sealedNote);
    e["revision"] = u.revision;
    e["status"] = toString(u.status);
    updates.push_back(std::move(e));
  }
  const bool noBatch = r.batchStatus == BatchStatus::Status;
  nlohmann::json body = nlohmann::json::object();
  body["batch_id"] = noBatch ? std::string() : vault::toHex(r.batchId);
  body["batch_status"] = toString(r.batchStatus);
  body["commune_code"] = r.communeCode;
  body["device_id"] = vault::toHex(r.deviceId);
  if (!r.formPack.empty()) body["form_pack"] = r.formPack;  // absent: readable by older laptops
  body["format"] = kReceiptFormat;
  body["hub_time"] = r.hubTime;
  body["next_sequence"] = r.nextSequence;
  body["reason"] = r.reason;
  body["records"] = nullptr;  // holds its place in the key order; written by appendRecords
  body["sequence"] = r.sequence;
  body["updates"] = std::move(updates);
  // The members in canonical key order, the records list spliced in at its place.
  std::string out = "{";
  out.reserve(r.records.size() * 96 + 1024);
  for (const auto& [key, value] : body.items()) {
    if (out.size() > 1) out += ',';
    out += canonicalDump(key);
    out += ':';
    if (key == "records")
      appendRecords(out, r.records);
    else
      out += canonicalDump(value);
  }
  out += '}';
  return out;
}

namespace {

// The body as a canonical object with exactly the receipt's keys.
bool parseBodyObject(std::string_view text, nlohmann::json& obj) {
  return parseCanonicalObject(text,
                              {"batch_id", "batch_status", "commune_code", "device_id", "format", "hub_time",
                               "next_sequence", "reason", "records", "sequence", "updates"},
                              obj, /*maxDepth=*/3, {"form_pack"});
}

// The receipt from its parsed body; spliced, when given, are the records read apart
// (readWrittenRecords), the tree holding null in their place.
Result<Receipt> receiptFromTree(const nlohmann::json& obj, std::vector<RecordOutcome>* spliced) {
  const auto& version = obj.at("format");
  if (!version.is_number_integer()) return shapeError("format");
  if (!version.is_number_unsigned() || version.get<std::uint64_t>() != kReceiptFormat) {
    return Error::make(err::kReceiptUnknownVersion);
  }

  Receipt r;
  std::string batchStatus;
  const bool fieldsOk = getString(obj, "commune_code", r.communeCode) && getKey(obj, "device_id", r.deviceId) &&
                        getBatchId(obj, r.batchId) && getU64(obj, "sequence", r.sequence) &&
                        getString(obj, "batch_status", batchStatus) && getString(obj, "reason", r.reason) &&
                        getString(obj, "hub_time", r.hubTime) && getU64(obj, "next_sequence", r.nextSequence);
  if (!fieldsOk) return shapeError({});
  if (obj.contains("form_pack")) {
    const auto& pack = obj.at("form_pack");
    if (!pack.is_string() || pack.get_ref<const std::string&>().size() > kMaxFormPackBytes)
      return shapeError("form_pack");
    r.formPack = pack.get<std::string>();
  }
  const auto status = parseBatchStatus(batchStatus);
  if (!status) return shapeError("batch_status");
  r.batchStatus = *status;

  const auto& records = obj.at("records");
  const auto& updates = obj.at("updates");
  if (spliced) {
    if (!records.is_null()) return shapeError("records");
    r.records = std::move(*spliced);
  } else {
    if (!records.is_array() || records.size() > kMaxReceiptEntries) return shapeError("records");
    r.records.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      auto o = parseRecord(records[i], i);
      if (!o.ok()) return o.error();
      r.records.push_back(std::move(*o));
    }
  }
  if (!updates.is_array() || updates.size() > kMaxReceiptEntries) return shapeError("updates");
  r.updates.reserve(updates.size());
  for (std::size_t i = 0; i < updates.size(); ++i) {
    auto u = parseUpdate(updates[i], i);
    if (!u.ok()) return u.error();
    r.updates.push_back(std::move(*u));
  }
  return r;
}

// A body as receiptBody writes it, the records list read apart and the rest as a small tree;
// nullopt for anything else. Accepted only when writing the result again gives the signed bytes
// back, so this path can never accept what the whole-tree path refuses.
std::optional<Receipt> readWrittenBody(std::string_view body) {
  constexpr std::string_view kRecordsKey = R"(,"records":)";
  const std::size_t key = body.find(kRecordsKey);
  if (key == std::string_view::npos) return std::nullopt;
  std::size_t end = key + kRecordsKey.size();
  std::vector<RecordOutcome> records;
  if (!readWrittenRecords(body, end, records)) return std::nullopt;
  std::string rest;
  rest.reserve(body.size() - (end - key) + 16);
  rest.append(body.substr(0, key)).append(R"(,"records":null)").append(body.substr(end));
  nlohmann::json obj;
  if (!parseBodyObject(rest, obj)) return std::nullopt;
  auto r = receiptFromTree(obj, &records);
  if (!r.ok() || receiptBody(*r) != body) return std::nullopt;
  return std::move(*r);
}

}  // namespace

Result<Receipt> parseReceiptBody(std::string_view body) {
  if (auto written = readWrittenBody(body)) return std::move(*written);
  // Anything else, valid or not, goes the whole-tree way, which names what is wrong.
  nlohmann::json obj;
  if (!parseBodyObject(body, obj)) return shapeError("body");
  return receiptFromTree(obj, nullptr);
}

}  // namespace gocua::sync::receipt_detail
