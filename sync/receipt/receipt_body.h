// Internal to sync/receipt: the receipt's content rules (shared by writer and reader, so the writer
// never makes a file the reader refuses) and its JSON body in both directions. The fuzz replay
// calls parseReceiptBody directly: behind the pinned-key signature check, mutated bodies would
// otherwise never reach it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "sync/receipt/receipt.h"

namespace gocua::sync::receipt_detail {

inline constexpr const char* kReceiptKind = "RECEIPT";
inline constexpr int kReceiptFormat = 1;
inline constexpr std::size_t kMaxReasonChars = 64;

// The JSON spellings of BatchStatus and Outcome (ReviewStatus has a public parser).
[[nodiscard]] std::optional<BatchStatus> parseBatchStatus(std::string_view s);
[[nodiscard]] std::optional<Outcome> parseOutcome(std::string_view s);

// A catalog reason code: 1..64 of [a-z0-9._].
[[nodiscard]] bool isReasonCode(std::string_view s);

// "receipt.invalid" with the offending field ("records[3].reason") when r breaks a rule.
[[nodiscard]] Status checkReceipt(const Receipt& r);

// The canonical one-line body of a receipt that passed checkReceipt.
[[nodiscard]] std::string receiptBody(const Receipt& r);

// The records list as receiptBody writes it, from body[at] ('['); at ends past its ']'. false at
// the first thing it does not expect (receipt_records_text.cpp).
[[nodiscard]] bool readWrittenRecords(std::string_view body, std::size_t& at, std::vector<RecordOutcome>& out);

// Shape only (keys, types, hex, enum spellings, list sizes): "receipt.format", or
// "receipt.unknown_version" for a format number this build does not read. Content rules are
// checkReceipt's.
[[nodiscard]] Result<Receipt> parseReceiptBody(std::string_view body);

}  // namespace gocua::sync::receipt_detail
