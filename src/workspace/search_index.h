// In-memory search over the residents of an unlocked workspace: names folded for diacritics
// (đ → d), ID-number and phone prefixes. Nothing here is ever written to disk; clear() wipes it.
//
// Why not SQLite FTS5: its unicode61 tokenizer does not fold đ, and a sorted token array over our
// own folded keys is smaller and answers in microseconds. Ranking looks only at a bounded
// candidate set (the rarest query token's postings, capped) so common surnames stay fast.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gocua::workspace {

using RecordId = std::array<std::uint8_t, 16>;

struct IndexedResident {
  RecordId id{};
  std::string fullName;     // as stored (NFC)
  std::string folded;       // core::foldKey(fullName)
  std::string dateOfBirth;  // dd/mm/yyyy, mm/yyyy or yyyy
  std::string sex;
  std::string personalId;
  std::string phone;
  std::string village;
  std::string householdId;
};

struct SearchHit {
  std::uint32_t index;  // into SearchIndex::residents()
  int score;
};

class SearchIndex {
 public:
  SearchIndex() = default;
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;
  SearchIndex(SearchIndex&&) = default;
  SearchIndex& operator=(SearchIndex&&) = default;
  ~SearchIndex() { clear(); }

  // Adds or replaces (same id) a resident. The dictionaries are re-sorted at the next search,
  // so a bulk import that is never searched (gocuactl) does not pay for sorting.
  void upsert(IndexedResident r);
  void reserve(std::size_t n);
  // Sorts the token and number dictionaries now (e.g. right after unlock); cheap when sorted.
  void finalize() const;

  // Best first, at most limit hits. Sorts pending additions first, so one thread at a time.
  // Query words match name-word prefixes in any order
  // ("an nguyen" finds "Nguyễn Văn An"); a number of 3+ digits matches ID-number or phone
  // prefixes (+84 folded to 0); a 4-digit number also matches the birth year.
  std::vector<SearchHit> search(std::string_view query, std::size_t limit) const;

  // The resident with the same folded name and date of birth, if any (possible duplicate).
  const IndexedResident* findSameNameAndBirth(std::string_view folded, std::string_view dob) const;
  const IndexedResident* find(const RecordId& id) const;

  const std::vector<IndexedResident>& residents() const { return residents_; }
  std::size_t size() const { return residents_.size(); }

  // Wipes every string (vault::wipe) and frees the memory; used at lock.
  void clear();

 private:
  struct Token {
    std::uint64_t head;  // first 8 bytes, big-endian: sorting rarely needs to look further
    std::uint32_t resident;
    std::uint16_t offset;
    std::uint16_t length;
  };
  std::string_view tokenText(const Token& t) const {
    return std::string_view(residents_[t.resident].folded).substr(t.offset, t.length);
  }
  void addTokens(std::uint32_t idx);
  std::pair<std::size_t, std::size_t> tokenRange(std::string_view prefix) const;

  std::vector<IndexedResident> residents_;
  std::unordered_map<std::string, std::uint32_t> byKey_;  // folded name|dob → index
  std::unordered_map<std::string, std::uint32_t> byId_;   // raw 16-byte id → index
  // Sorting is deferred (see upsert), so these are mutable behind the const search.
  mutable std::vector<Token> tokens_;  // sorted by text when !dirty_
  // ID numbers and phones start with 0 and birth years with 1 or 2, so one sorted list serves
  // all three without a year ever matching an ID prefix.
  enum class NumberKind : std::uint8_t { PersonalId, Phone, BirthYear };
  struct Number {
    std::uint64_t key;  // the digits as nibbles (digit + 1, then 0s): sorts like the text
    std::uint32_t resident;
    NumberKind kind;
  };
  static std::uint64_t numberKey(std::string_view digits);
  std::string_view numberText(const Number& n) const {
    const auto& r = residents_[n.resident];
    switch (n.kind) {
      case NumberKind::PersonalId:
        return r.personalId;
      case NumberKind::Phone:
        return r.phone;
      default:
        return std::string_view(r.dateOfBirth).substr(r.dateOfBirth.size() - 4);
    }
  }
  mutable std::vector<Number> numbers_;  // sorted by key when !dirty_
  mutable bool dirty_ = false;
};

}  // namespace gocua::workspace
