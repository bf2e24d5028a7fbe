// In-memory search over the residents of an unlocked workspace: names folded for diacritics
// (đ → d), ID numbers and phones by their first or last digits, dates of birth. Nothing here is
// written to disk in the clear: between sessions it is kept only sealed (index_snapshot.h), and
// clear() wipes it.
//
// Why not SQLite FTS5: its unicode61 tokenizer does not fold đ, and a sorted token array over our
// own folded keys is smaller and answers in microseconds. Ranking looks only at a bounded
// candidate set (the rarest query token's postings, capped) so common surnames stay fast.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "workspace/search_marks.h"

namespace gocua::workspace {

struct SearchQuery;
namespace bytes {
class Reader;
}

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

// What of a resident a query matched, so the list can say why a row is there (bits; a name
// query with a number sets both).
enum MatchedField : std::uint8_t {
  kMatchedName = 1,
  kMatchedPersonalId = 2,
  kMatchedPhone = 4,
  kMatchedBirth = 8,  // the date of birth or the birth year
};

struct SearchHit {
  std::uint32_t index;  // into SearchIndex::residents()
  int score;
  std::uint8_t matched = 0;  // MatchedField bits
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
  // Query words match name-word prefixes in any order ("an nguyen" finds "Nguyễn Văn An"), and
  // each part of a name joined by an apostrophe or hyphen as well as the joined whole (H'Hen:
  // "hen", "hhen"); a word of 5+ letters that matches nothing finds names one typo away.
  // A number of 3+ digits matches ID-number or phone prefixes (+84 folded to 0, a phone without
  // its 0 too), 4+ digits also the end of either, and a 4-digit number the birth year;
  // dd/mm/yyyy (or d/m/yyyy) the date of birth. Ranking: the diacritics as typed, then a word
  // found where the query puts it (first word the surname, last the given name), then the rest.
  // everyHit, when given, receives every resident the query matched (unordered, not capped by
  // limit), for the true count and the counts per village.
  std::vector<SearchHit> search(std::string_view query, std::size_t limit,
                                std::vector<std::uint32_t>* everyHit = nullptr) const;

  // The resident with the same folded name and date of birth, if any (possible duplicate).
  const IndexedResident* findSameNameAndBirth(std::string_view folded, std::string_view dob) const;
  const IndexedResident* find(const RecordId& id) const;

  const std::vector<IndexedResident>& residents() const { return residents_; }
  std::size_t size() const { return residents_.size(); }

  // Wipes every string (vault::wipe) and frees the memory; used at lock.
  void clear();

  // The index, finalized, appended to out as bytes (search_index_snapshot.cpp), for the sealed
  // copy an unlock opens instead of decrypting every record; and back. readFrom: nullopt when the
  // bytes are not a whole, consistent index (a token or number pointing past the residents).
  void writeTo(std::string& out) const;
  static std::optional<SearchIndex> readFrom(bytes::Reader& in);

 private:
  struct Token {
    std::uint64_t head;  // first 8 bytes, big-endian: sorting rarely needs to look further
    std::uint32_t resident;
    std::uint16_t offset;  // into the resident's folded name, or with kJoined into joined_
    std::uint16_t length;
  };
  static constexpr std::uint16_t kJoined = 0x8000;
  std::string_view tokenText(const Token& t) const {
    if (t.offset & kJoined)
      return std::string_view(joined_.find(t.resident)->second).substr(t.offset & (kJoined - 1), t.length);
    return std::string_view(residents_[t.resident].folded).substr(t.offset, t.length);
  }
  static Token makeToken(std::string_view text, std::uint32_t resident, std::size_t offset);
  void addTokens(std::uint32_t idx);
  void addNumbers(std::uint32_t idx);
  std::pair<std::size_t, std::size_t> tokenRange(std::string_view prefix) const;
  std::pair<std::size_t, std::size_t> wordRange(std::string_view word) const;
  std::vector<std::string_view> typoCorrections(std::string_view word) const;
  void numberCandidates(const SearchQuery& q, std::vector<std::uint32_t>& out) const;
  // Whether a name's word as written agrees with a typed word's marks, remembered per distinct
  // spelling for one search: thousands of candidates share a few ("Nguyễn", "Nguyên").
  struct MarksMemo {
    std::vector<std::pair<std::string_view, bool>> seen;
    bool agree(const MarkedWord& typed, std::string_view written);
  };
  int scoreOf(std::uint32_t idx, const SearchQuery& q, std::uint8_t& matched,
              const std::vector<std::vector<std::string_view>>& typos, std::vector<MarksMemo>& marks) const;

  // Every resident's folded name and name as written, back to back in one block: scoring reads
  // thousands of names per search, and reading them from residents_ (a cache miss per resident)
  // cost more than the scoring itself. Candidates come in index order, so this block is read
  // front to back. An edited name is appended again and its old bytes wiped.
  struct NameSlot {
    std::uint32_t at = 0;
    std::uint16_t folded = 0, written = 0;  // lengths; a name has at most 100 characters
  };
  void storeName(std::uint32_t idx);
  std::string_view foldedName(std::uint32_t idx) const {
    return {nameArena_.data() + names_[idx].at, names_[idx].folded};
  }
  std::vector<NameSlot> names_;
  std::string nameArena_;

  std::vector<IndexedResident> residents_;
  // Both maps are filled 100,000 times at unlock, so their keys are numbers, not strings that
  // each need an allocation: a hash of the folded name and date of birth (a hit is compared with
  // the resident's own), and the record id's first 8 bytes (random) as its hash.
  static std::uint64_t nameBirthKey(std::string_view folded, std::string_view dob);
  struct IdHash {
    std::size_t operator()(const RecordId& id) const;
  };
  std::unordered_map<std::uint64_t, std::uint32_t> byKey_;  // nameBirthKey → index
  std::unordered_map<RecordId, std::uint32_t, IdHash> byId_;
  // Names with an apostrophe or hyphen only: their joined words ("hhen ymoan"), for the tokens.
  std::unordered_map<std::uint32_t, std::string> joined_;
  // Sorting is deferred (see upsert), so these are mutable behind the const search.
  mutable std::vector<Token> tokens_;  // sorted by text when !dirty_
  // One token per distinct word, by length then text: the typo scan reads only a few lengths.
  mutable std::vector<Token> vocabulary_;
  // ID numbers and phones start with 0 and dates of birth (yyyymmdd) with 1 or 2, so one sorted
  // list serves all three without a year ever matching an ID prefix.
  enum class NumberKind : std::uint8_t { PersonalId, Phone, BirthDate };
  struct Number {
    std::uint64_t key;  // the digits as nibbles (digit + 1, then 0s): sorts like the text
    std::uint32_t resident;
    NumberKind kind;
    std::uint8_t unused[3] = {};  // no padding: the index copy writes these arrays as they lie
  };
  static std::uint64_t numberKey(std::string_view digits);
  using Numbers = std::vector<Number>;
  // Appends the residents whose number in list starts with digits (only of that kind, if given).
  void numbersStartingWith(const Numbers& list, std::string_view digits, std::optional<NumberKind> only,
                           std::vector<std::uint32_t>& out) const;
  mutable Numbers numbers_;   // sorted by key when !dirty_
  mutable Numbers suffixes_;  // ID numbers and phones with their digits reversed, for the last digits
  mutable bool dirty_ = false;
};

}  // namespace gocua::workspace
