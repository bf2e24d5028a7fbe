// The receipt's records list read the way receiptBody writes it, without a JSON tree: a 100,000-
// record receipt as an nlohmann tree, dumped again to check it was canonical, took 0.43 s of the
// laptop's 1.3 s applying it. Anything this reader does not expect sends the caller back to the
// tree, which gives every error as before; what it accepts is checked by writing the whole body
// again and comparing it with the signed bytes (receipt_json.cpp).
#include <charconv>

#include "sync/keys/signed_file.h"
#include "sync/receipt/receipt_body.h"

namespace gocua::sync::receipt_detail {
namespace {

class Scanner {
 public:
  Scanner(std::string_view text, std::size_t at) : text_(text), at_(at) {}

  bool literal(std::string_view s) {
    if (text_.substr(at_, s.size()) != s) return false;
    at_ += s.size();
    return true;
  }
  // Up to the closing quote; a backslash or a control character is a spelling this reader leaves
  // to the tree.
  bool string(std::string& out) {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] != '"') {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '\\' || c < 0x20) return false;
      ++at_;
    }
    if (at_ == text_.size()) return false;
    out.assign(text_.substr(start, at_ - start));
    ++at_;  // the quote
    return keys_detail::isFieldText(out);
  }
  bool integer(std::int64_t& out) {
    const char* first = text_.data() + at_;
    const char* last = text_.data() + text_.size();
    auto [end, ec] = std::from_chars(first, last, out);
    if (ec != std::errc() || end == first) return false;
    at_ += static_cast<std::size_t>(end - first);
    return true;
  }
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  std::size_t at() const { return at_; }

 private:
  std::string_view text_;
  std::size_t at_;
};

}  // namespace

bool readWrittenRecords(std::string_view body, std::size_t& at, std::vector<RecordOutcome>& out) {
  Scanner s(body, at);
  if (!s.literal("[")) return false;
  if (s.literal("]")) {
    at = s.at();
    return true;
  }
  std::string outcome;
  for (;;) {
    RecordOutcome o;
    if (!s.literal(R"({"id":")") || !s.string(o.id) || !s.literal(R"(,"outcome":")") || !s.string(outcome) ||
        !s.literal(R"(,"reason":")") || !s.string(o.reason) || !s.literal(R"(,"revision":)") ||
        !s.integer(o.revision) || !s.literal("}"))
      return false;
    const auto parsed = parseOutcome(outcome);
    if (!parsed) return false;
    o.outcome = *parsed;
    out.push_back(std::move(o));
    if (out.size() > kMaxReceiptEntries) return false;
    if (s.literal("]")) break;
    if (!s.literal(",")) return false;
  }
  at = s.at();
  return true;
}

}  // namespace gocua::sync::receipt_detail
