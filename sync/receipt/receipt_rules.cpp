// What a well-formed receipt says, checked the same way by the hub before signing and by the
// laptop after verifying: a status receipt names no batch, a batch receipt names one; reasons are
// catalog codes exactly where something was refused; ids, revisions, notes and times in range.
#include <algorithm>

#include "core/record_id.h"
#include "sync/batch/batch.h"  // isCommuneCode
#include "sync/keys/signed_file.h"
#include "sync/receipt/errors.h"
#include "sync/receipt/receipt_body.h"
#include "vault/primitives.h"

namespace gocua::sync::receipt_detail {

// The signed-file body helpers (canonical JSON, hex, typed fields) are keys' (sync/keys/signed_file.h).
using namespace keys_detail;

namespace {

// Empty exactly when nothing was refused; otherwise a code the catalog can explain.
bool reasonFits(std::string_view reason, bool refused) { return refused ? isReasonCode(reason) : reason.empty(); }

std::string at(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

Status invalid(std::string field) { return Error::make(err::kReceiptInvalid, std::move(field)); }

}  // namespace

bool isReasonCode(std::string_view s) {
  return !s.empty() && s.size() <= kMaxReasonChars && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
  });
}

Status checkReceipt(const Receipt& r) {
  if (!sync::isCommuneCode(r.communeCode)) return invalid("commune_code");
  const bool status = r.batchStatus == BatchStatus::Status;
  const bool noBatch = std::all_of(r.batchId.begin(), r.batchId.end(), [](std::uint8_t b) { return b == 0; });
  if (status != noBatch) return invalid("batch_id");
  if ((status ? r.sequence != 0 : r.sequence == 0) || r.sequence > kMaxSequence) return invalid("sequence");
  const bool refused = r.batchStatus == BatchStatus::Quarantined || r.batchStatus == BatchStatus::Rejected;
  // A status receipt has nothing refused to explain, but may tell a revoked laptop so.
  if (!reasonFits(r.reason, refused) && !(status && r.reason == kReasonRevoked)) return invalid("reason");
  if (!isUtcTimestamp(r.hubTime)) return invalid("hub_time");
  if (r.nextSequence == 0 || r.nextSequence > kMaxSequence) return invalid("next_sequence");
  if (r.records.size() > kMaxReceiptEntries || (status && !r.records.empty())) return invalid("records");
  if (r.updates.size() > kMaxReceiptEntries) return invalid("updates");
  if (r.formPack.size() > kMaxFormPackBytes) return invalid("form_pack");

  for (std::size_t i = 0; i < r.records.size(); ++i) {
    const RecordOutcome& o = r.records[i];
    if (!core::isCanonicalRecordIdText(o.id)) return invalid(at("records", i, "id"));
    // 0 only on a rejected line whose revision was unusable (the hub names it with its reason).
    const bool unusable = o.revision == 0 && o.outcome == Outcome::Rejected;
    if (o.revision < 1 && !unusable) return invalid(at("records", i, "revision"));
    if (!reasonFits(o.reason, o.outcome == Outcome::Rejected)) return invalid(at("records", i, "reason"));
  }
  for (std::size_t i = 0; i < r.updates.size(); ++i) {
    const StatusUpdate& u = r.updates[i];
    if (!core::isCanonicalRecordIdText(u.id)) return invalid(at("updates", i, "id"));
    if (u.revision < 1) return invalid(at("updates", i, "revision"));
    // Sealing adds vault::kSealedBoxOverheadBytes to 1..kMaxNoteBytes bytes of text.
    const std::size_t n = u.sealedNote.size();
    if (n != 0 && (n <= vault::kSealedBoxOverheadBytes || n > vault::kSealedBoxOverheadBytes + kMaxNoteBytes)) {
      return invalid(at("updates", i, "note"));
    }
    if (!isUtcTimestamp(u.at)) return invalid(at("updates", i, "at"));
    if (u.decision < 0) return invalid(at("updates", i, "decision"));
  }
  return {};
}

}  // namespace gocua::sync::receipt_detail

namespace gocua::sync {

bool saysRevoked(const Receipt& r) {
  const bool mayCarry = r.batchStatus == BatchStatus::Quarantined || r.batchStatus == BatchStatus::Rejected ||
                        r.batchStatus == BatchStatus::Status;
  return mayCarry && r.reason == kReasonRevoked;
}

}  // namespace gocua::sync
