// The receipt (.gcr): written and signed by the hub, read by the laptop. The reader checks, in
// order: framing and size, the signature against the pinned hub key (before parsing a byte of
// JSON, so an unsigned file costs no more than a hash), the body's shape, that the receipt is for
// this device and commune, then the content rules.
#include "sync/receipt/receipt.h"

#include "sync/keys/signed_file.h"
#include "sync/receipt/errors.h"
#include "sync/receipt/receipt_body.h"

namespace gocua::sync {

namespace {

// "GOCUA-RECEIPT 1\n" + "\n" + 128 hex + "\n"
constexpr std::size_t kFramingBytes = 16 + 1 + 128 + 1;

}  // namespace

std::string_view toString(BatchStatus s) {
  switch (s) {
    case BatchStatus::Imported:
      return "imported";
    case BatchStatus::Replay:
      return "replay";
    case BatchStatus::Quarantined:
      return "quarantined";
    case BatchStatus::Rejected:
      return "rejected";
    case BatchStatus::Status:
      return "status";
  }
  return "status";
}

std::string_view toString(Outcome o) {
  switch (o) {
    case Outcome::Accepted:
      return "accepted";
    case Outcome::Duplicate:
      return "duplicate";
    case Outcome::Rejected:
      return "rejected";
  }
  return "rejected";
}

std::string_view toString(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::Accepted:
      return "accepted";
    case ReviewStatus::NeedsDocuments:
      return "needs_documents";
    case ReviewStatus::Returned:
      return "returned";
  }
  return "returned";
}

std::optional<ReviewStatus> parseReviewStatus(std::string_view s) {
  for (auto v : {ReviewStatus::Accepted, ReviewStatus::NeedsDocuments, ReviewStatus::Returned}) {
    if (toString(v) == s) return v;
  }
  return std::nullopt;
}

namespace receipt_detail {

std::optional<BatchStatus> parseBatchStatus(std::string_view s) {
  for (auto v : {BatchStatus::Imported, BatchStatus::Replay, BatchStatus::Quarantined, BatchStatus::Rejected,
                 BatchStatus::Status}) {
    if (toString(v) == s) return v;
  }
  return std::nullopt;
}

std::optional<Outcome> parseOutcome(std::string_view s) {
  for (auto v : {Outcome::Accepted, Outcome::Duplicate, Outcome::Rejected}) {
    if (toString(v) == s) return v;
  }
  return std::nullopt;
}

}  // namespace receipt_detail

Result<std::string> writeReceipt(const Receipt& receipt, const HubIdentity& hub) {
  GOCUA_TRY(receipt_detail::checkReceipt(receipt));
  const std::string body = receipt_detail::receiptBody(receipt);
  if (body.size() + kFramingBytes > kMaxReceiptBytes) return Error::make(err::kReceiptInvalid, {}, "too large");
  return keys_detail::frameSignedFile(receipt_detail::kReceiptKind, body, hub.signSecret);
}

Result<Receipt> readReceipt(std::string_view file, const std::array<std::uint8_t, 32>& hubSignPublic,
                            const std::array<std::uint8_t, 32>& deviceId, std::string_view communeCode) {
  auto framed = keys_detail::splitSignedFile(file, receipt_detail::kReceiptKind,
                                             {err::kReceiptFormat, err::kReceiptUnknownVersion}, kMaxReceiptBytes);
  if (!framed.ok()) return framed.error();
  if (!keys_detail::verifyBody(framed->body, framed->signature, hubSignPublic))
    return Error::make(err::kReceiptBadSignature);
  auto r = receipt_detail::parseReceiptBody(framed->body);
  if (!r.ok()) return r.error();
  if (r->deviceId != deviceId || r->communeCode != communeCode) return Error::make(err::kReceiptWrongDevice);
  // Signed by our hub yet breaking the rules: still not something the laptop may act on.
  if (auto rules = receipt_detail::checkReceipt(*r); !rules.ok()) {
    return Error::make(err::kReceiptFormat, rules.error().field, "content rules");
  }
  return r;
}

}  // namespace gocua::sync
