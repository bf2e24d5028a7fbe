// Sorted-token search index; see search_index.h for why it looks like this.
#include "workspace/search_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "vault/secret.h"
#include "workspace/search_marks.h"
#include "workspace/search_query.h"
#include "workspace/search_typos.h"

namespace gocua::workspace {
namespace {

// Bounds ranking work for common surnames; a caller asking for every hit (the true count) lifts it.
constexpr std::size_t kCandidateCap = 2000;
constexpr std::size_t kMaxNameWords = 50;  // a name has at most 100 characters

// Score parts. A word written with the typed diacritics outweighs everything else, then a word
// found where the query puts it; a name typed in full still ranks first among equals.
constexpr int kWordExact = 30, kWordTypo = 20, kWordPrefix = 10;
constexpr int kRoleAsPlaced = 20, kRoleSwapped = 10;
constexpr int kMarksAsTyped = 200;
constexpr int kWholeName = 100;
constexpr int kNumberExact = 60, kBirthDate = 50, kNumberPrefix = 20, kBirthYear = 15, kNumberEnd = 12;

// Splits s on spaces into out (at most out.size() words); returns how many.
std::size_t splitWords(std::string_view s, std::array<std::string_view, kMaxNameWords>& out) {
  std::size_t n = 0, i = 0;
  while (i < s.size() && n < out.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out[n++] = s.substr(i, j - i);
    i = j;
  }
  return n;
}

// The next space-separated word of s from at on; at moves past it.
std::string_view nextWord(std::string_view s, std::size_t& at) {
  while (at < s.size() && s[at] == ' ') ++at;
  const std::size_t start = at;
  while (at < s.size() && s[at] != ' ') ++at;
  return s.substr(start, at - start);
}

bool startsWith(std::string_view s, std::string_view p) { return !p.empty() && s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) {
  return !p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// "+84912…" or "84912…" typed into search means the phone "0912…".
std::string phoneQuery(std::string_view digits) {
  if (digits.size() >= 3 && digits.substr(0, 2) == "84") return "0" + std::string(digits.substr(2));
  return std::string(digits);
}

// "912345678" is a mobile number typed without its 0.
std::string withLeadingZero(std::string_view digits) {
  if (digits.size() < 3 || digits[0] == '0') return {};
  return "0" + std::string(digits);
}

// dd/mm/yyyy, mm/yyyy or yyyy as the digits yyyymmdd, yyyymm, yyyy (sorts by year first).
std::string dateDigits(std::string_view dob) {
  std::string out;
  for (std::size_t end = dob.size(); end > 0;) {
    std::size_t start = dob.rfind('/', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    out += dob.substr(start, end - start);
    end = start == 0 ? 0 : start - 1;
  }
  return out;
}

void wipeString(std::string& s) { vault::wipe(s); }

// A set of residents by index, one bit each.
class ResidentSet {
 public:
  explicit ResidentSet(std::size_t residents) : words_((residents + 63) / 64) {}
  void add(std::uint32_t r) { words_[r / 64] |= std::uint64_t{1} << (r % 64); }
  bool has(std::uint32_t r) const { return (words_[r / 64] >> (r % 64)) & 1; }
  template <class F>
  void forEach(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w)
      for (std::uint64_t bits = words_[w]; bits; bits &= bits - 1)
        f(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
  }

 private:
  std::vector<std::uint64_t> words_;
};

// How one word of a folded name matches query word q: exactly, as a correction of a typo in q,
// or as a prefix (still typing); 0 for no match.
int matchOne(std::string_view word, std::string_view q, const std::vector<std::string_view>& typos) {
  if (word == q) return kWordExact;
  for (auto t : typos)
    if (word == t) return kWordTypo;
  return word.size() > q.size() && word.compare(0, q.size(), q) == 0 ? kWordPrefix : 0;
}

// As matchOne, where a word joined by apostrophes or hyphens (h'hen, y-moan) matches by its
// parts and by the joined whole.
int matchWord(std::string_view word, std::string_view q, const std::vector<std::string_view>& typos) {
  if (word.find_first_of("'-") == std::string_view::npos) return matchOne(word, q, typos);
  std::string joined;
  int best = 0;
  std::size_t i = 0;
  while (i <= word.size()) {
    std::size_t j = std::min(word.find_first_of("'-", i), word.size());
    if (j > i) best = std::max(best, matchOne(word.substr(i, j - i), q, typos));
    joined += word.substr(i, j - i);
    i = j + 1;
  }
  return std::max(best, matchOne(joined, q, typos));
}

// Query word i of n found as name word j of m. Vietnamese order puts the surname first and the
// given name last ("nguyen van an"); many type the given name first ("an nguyen"), so that order
// counts too, a little less. A single word is more often a surname.
int roleBonus(std::size_t i, std::size_t n, std::size_t j, std::size_t m, int match) {
  const bool surname = j == 0, given = j + 1 == m;
  int bonus = 0;
  if (n == 1)
    bonus = surname ? kRoleAsPlaced : given ? kRoleSwapped : 0;
  else if ((i == 0 && surname) || (i + 1 == n && given))
    bonus = kRoleAsPlaced;
  else if ((i == 0 && given) || (i + 1 == n && surname))
    bonus = kRoleSwapped;
  return match == kWordPrefix ? bonus / 2 : bonus;
}

}  // namespace

bool SearchIndex::MarksMemo::agree(const MarkedWord& typed, std::string_view written) {
  for (const auto& [word, agrees] : seen)
    if (word == written) return agrees;
  const bool agrees = marksAgree(typed, written);
  if (seen.size() < 32) seen.emplace_back(written, agrees);  // a few spellings cover nearly every name
  return agrees;
}

void SearchIndex::storeName(std::uint32_t idx) {
  const auto& r = residents_[idx];
  if (idx >= names_.size()) names_.resize(idx + 1);
  const std::size_t need = nameArena_.size() + r.folded.size() + r.fullName.size();
  if (need > nameArena_.capacity()) {
    // Grown by hand so that the old block is wiped, not left behind in freed memory.
    std::string bigger;
    bigger.reserve(std::max(need, 2 * nameArena_.capacity()));
    bigger = nameArena_;
    wipeString(nameArena_);
    nameArena_ = std::move(bigger);
  }
  names_[idx] = {static_cast<std::uint32_t>(nameArena_.size()), static_cast<std::uint16_t>(r.folded.size()),
                 static_cast<std::uint16_t>(r.fullName.size())};
  nameArena_ += r.folded;
  nameArena_ += r.fullName;
}

void SearchIndex::reserve(std::size_t n) {
  nameArena_.reserve(n * 40);
  names_.reserve(n);
  residents_.reserve(n);
  tokens_.reserve(n * 4);
  numbers_.reserve(n * 3);
  suffixes_.reserve(n * 2);
  byKey_.reserve(n);
  byId_.reserve(n);
}

SearchIndex::Token SearchIndex::makeToken(std::string_view text, std::uint32_t resident, std::size_t offset) {
  std::uint64_t head = 0;
  for (std::size_t k = 0; k < 8; ++k) head = (head << 8) | (k < text.size() ? static_cast<unsigned char>(text[k]) : 0u);
  return {head, resident, static_cast<std::uint16_t>(offset), static_cast<std::uint16_t>(text.size())};
}

void SearchIndex::addTokens(std::uint32_t idx) {
  const std::string& f = residents_[idx].folded;
  std::string joined;
  std::vector<std::pair<std::size_t, std::size_t>> joinedWords;  // offset, length in joined
  std::array<std::string_view, kMaxNameWords> words;
  const std::size_t n = splitWords(f, words);
  for (std::size_t w = 0; w < n; ++w) {
    const std::size_t start = static_cast<std::size_t>(words[w].data() - f.data());
    if (words[w].find_first_of("'-") == std::string_view::npos) {
      tokens_.push_back(makeToken(words[w], idx, start));
      continue;
    }
    // H'Hen → "h", "hen" (each part, in the name) and "hhen" (the joined whole, in joined_).
    std::size_t parts = 0, joinedStart = joined.size();
    for (std::size_t i = 0; i <= words[w].size();) {
      std::size_t j = std::min(words[w].find_first_of("'-", i), words[w].size());
      if (j > i) {
        tokens_.push_back(makeToken(words[w].substr(i, j - i), idx, start + i));
        joined += words[w].substr(i, j - i);
        ++parts;
      }
      i = j + 1;
    }
    if (parts > 1)
      joinedWords.emplace_back(joinedStart, joined.size() - joinedStart);
    else
      joined.resize(joinedStart);
  }
  if (joinedWords.empty()) return;
  const std::string& stored = joined_[idx] = std::move(joined);
  for (auto [offset, length] : joinedWords) {
    Token t = makeToken(std::string_view(stored).substr(offset, length), idx, offset);
    t.offset |= kJoined;
    tokens_.push_back(t);
  }
}

void SearchIndex::addNumbers(std::uint32_t idx) {
  const auto& r = residents_[idx];
  auto add = [&](std::string_view digits, NumberKind kind) {
    if (digits.empty()) return;
    numbers_.push_back({numberKey(digits), idx, kind});
    if (kind == NumberKind::BirthDate) return;
    std::array<char, 16> reversed{};
    const std::size_t n = std::min(digits.size(), reversed.size());
    std::copy_n(digits.rbegin(), n, reversed.begin());
    suffixes_.push_back({numberKey(std::string_view(reversed.data(), n)), idx, kind});
  };
  add(r.personalId, NumberKind::PersonalId);
  add(r.phone, NumberKind::Phone);
  if (r.dateOfBirth.size() >= 4) add(dateDigits(r.dateOfBirth), NumberKind::BirthDate);
}

std::uint64_t SearchIndex::numberKey(std::string_view digits) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    unsigned nibble = 0;
    if (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') nibble = static_cast<unsigned>(digits[i] - '0') + 1;
    key = (key << 4) | nibble;
  }
  return key;
}

std::uint64_t SearchIndex::nameBirthKey(std::string_view folded, std::string_view dob) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over "folded|dob"
  auto mix = [&h](std::string_view part) {
    for (char c : part) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  };
  mix(folded);
  mix("|");
  mix(dob);
  return h;
}

std::size_t SearchIndex::IdHash::operator()(const RecordId& id) const {
  std::uint64_t h = 0;
  std::memcpy(&h, id.data(), sizeof h);
  return static_cast<std::size_t>(h);
}

void SearchIndex::upsert(IndexedResident r) {
  auto found = byId_.find(r.id);
  if (found == byId_.end()) {
    auto idx = static_cast<std::uint32_t>(residents_.size());
    byKey_.emplace(nameBirthKey(r.folded, r.dateOfBirth), idx);
    const RecordId id = r.id;
    residents_.push_back(std::move(r));
    byId_.emplace(id, idx);
    storeName(idx);
    addTokens(idx);
    addNumbers(idx);
  } else {
    // An edit: drop the old entry's tokens and keys, then index the new content in its place.
    std::uint32_t idx = found->second;
    auto& old = residents_[idx];
    if (auto k = byKey_.find(nameBirthKey(old.folded, old.dateOfBirth)); k != byKey_.end() && k->second == idx)
      byKey_.erase(k);
    std::erase_if(tokens_, [idx](const Token& t) { return t.resident == idx; });
    std::erase_if(numbers_, [idx](const Number& n) { return n.resident == idx; });
    std::erase_if(suffixes_, [idx](const Number& n) { return n.resident == idx; });
    if (auto j = joined_.find(idx); j != joined_.end()) {
      wipeString(j->second);
      joined_.erase(j);
    }
    wipeString(old.fullName);
    wipeString(old.folded);
    const NameSlot was = names_[idx];
    vault::wipe(nameArena_.data() + was.at, static_cast<std::size_t>(was.folded) + was.written);
    old = std::move(r);
    storeName(idx);
    byKey_.emplace(nameBirthKey(old.folded, old.dateOfBirth), idx);
    addTokens(idx);
    addNumbers(idx);
  }
  dirty_ = true;
}

void SearchIndex::finalize() const {
  if (!dirty_) return;
  std::sort(tokens_.begin(), tokens_.end(), [this](const Token& a, const Token& b) {
    if (a.head != b.head) return a.head < b.head;
    if (a.length > 8 || b.length > 8) {
      auto ta = tokenText(a), tb = tokenText(b);
      if (ta != tb) return ta < tb;
    }
    return a.resident < b.resident;
  });
  auto byKey = [](const Number& a, const Number& b) { return a.key < b.key; };
  std::sort(numbers_.begin(), numbers_.end(), byKey);
  std::sort(suffixes_.begin(), suffixes_.end(), byKey);
  vocabulary_.clear();
  for (const Token& t : tokens_)
    if (vocabulary_.empty() || vocabulary_.back().head != t.head || tokenText(vocabulary_.back()) != tokenText(t))
      vocabulary_.push_back(t);
  std::stable_sort(vocabulary_.begin(), vocabulary_.end(),
                   [](const Token& a, const Token& b) { return a.length < b.length; });
  vocabulary_.shrink_to_fit();
  dirty_ = false;
}

std::pair<std::size_t, std::size_t> SearchIndex::tokenRange(std::string_view prefix) const {
  auto lo = std::lower_bound(tokens_.begin(), tokens_.end(), prefix,
                             [this](const Token& t, std::string_view p) { return tokenText(t) < p; });
  auto hi = std::upper_bound(lo, tokens_.end(), prefix, [this](std::string_view p, const Token& t) {
    return p < tokenText(t).substr(0, p.size());
  });
  return {static_cast<std::size_t>(lo - tokens_.begin()), static_cast<std::size_t>(hi - tokens_.begin())};
}

std::pair<std::size_t, std::size_t> SearchIndex::wordRange(std::string_view word) const {
  auto [lo, hi] = tokenRange(word);
  // Within the prefix range the word itself sorts before every longer word.
  auto end = std::upper_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(lo),
                              tokens_.begin() + static_cast<std::ptrdiff_t>(hi), word,
                              [this](std::string_view w, const Token& t) { return w < tokenText(t); });
  return {lo, static_cast<std::size_t>(end - tokens_.begin())};
}

std::vector<std::string_view> SearchIndex::typoCorrections(std::string_view word) const {
  std::vector<std::string_view> out;
  auto first = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), word.size() - 1,
                                [](const Token& t, std::size_t len) { return t.length < len; });
  for (auto it = first; it != vocabulary_.end() && it->length <= word.size() + 1; ++it)
    if (oneEditApart(tokenText(*it), word)) out.push_back(tokenText(*it));
  return out;
}

void SearchIndex::numbersStartingWith(const Numbers& list, std::string_view digits, std::optional<NumberKind> only,
                                      std::vector<std::uint32_t>& out) const {
  if (digits.empty()) return;
  // Every key with these leading nibbles lies between them padded with 0s and with Fs.
  const std::uint64_t lo = numberKey(digits);
  const std::size_t free = 16 - std::min<std::size_t>(digits.size(), 16);
  const std::uint64_t hi = lo | ((1ull << (4 * free)) - 1);
  auto it = std::lower_bound(list.begin(), list.end(), lo, [](const Number& x, std::uint64_t k) { return x.key < k; });
  for (; it != list.end() && it->key <= hi && out.size() < kCandidateCap; ++it)
    if (!only || it->kind == *only) out.push_back(it->resident);
}

void SearchIndex::numberCandidates(const SearchQuery& q, std::vector<std::uint32_t>& out) const {
  for (const auto& n : q.numbers) {
    if (n.size() < 3) continue;
    numbersStartingWith(numbers_, n, std::nullopt, out);
    if (auto p = phoneQuery(n); p != n) numbersStartingWith(numbers_, p, NumberKind::Phone, out);
    numbersStartingWith(numbers_, withLeadingZero(n), NumberKind::Phone, out);
    if (n.size() >= 4) numbersStartingWith(suffixes_, std::string(n.rbegin(), n.rend()), std::nullopt, out);
  }
  for (const auto& d : q.dates) numbersStartingWith(numbers_, dateDigits(d), NumberKind::BirthDate, out);
}

int SearchIndex::scoreOf(std::uint32_t idx, const SearchQuery& q, std::uint8_t& matched,
                         const std::vector<std::vector<std::string_view>>& typos, std::vector<MarksMemo>& marks) const {
  int score = 0;
  matched = 0;
  if (!q.words.empty()) {
    const NameSlot& slot = names_[idx];
    const std::string_view folded(nameArena_.data() + slot.at, slot.folded);
    const std::string_view fullName(nameArena_.data() + slot.at + slot.folded, slot.written);
    // Names are stored with single spaces, so counting them counts the words. The name as
    // written is walked word for word beside the folded one, for the diacritics.
    const std::size_t m = static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
    const bool anyMarked = std::any_of(q.words.begin(), q.words.end(), [](const QueryWord& w) { return w.marked; });
    const bool sameWords =
        anyMarked && static_cast<std::size_t>(std::count(fullName.begin(), fullName.end(), ' ')) + 1 == m;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
      const QueryWord& w = q.words[i];
      int best = 0;
      std::size_t atFolded = 0, atWritten = 0;
      for (std::size_t j = 0; j < m; ++j) {
        const std::string_view word = nextWord(folded, atFolded);
        const std::string_view written = sameWords ? nextWord(fullName, atWritten) : std::string_view();
        const int match = matchWord(word, w.folded, typos[i]);
        if (!match) continue;
        int s = match + roleBonus(i, q.words.size(), j, m, match);
        if (w.marked && sameWords && marks[i].agree(w.marks, written)) s += kMarksAsTyped;
        best = std::max(best, s);
      }
      if (!best) return -1;
      score += best;
    }
    if (folded == q.folded) score += kWholeName;
    matched |= kMatchedName;
  }
  const IndexedResident& r = residents_[idx];  // numbers and dates only: names are read above
  for (const auto& n : q.numbers) {
    const std::string p = phoneQuery(n), z = withLeadingZero(n);
    std::string_view year =
        std::string_view(r.dateOfBirth).substr(r.dateOfBirth.size() - std::min<std::size_t>(4, r.dateOfBirth.size()));
    const bool phoneExact = !r.phone.empty() && (r.phone == p || r.phone == z);
    if (r.personalId == n || phoneExact) {
      score += kNumberExact;
      matched |= phoneExact ? kMatchedPhone : kMatchedPersonalId;
    } else if (startsWith(r.personalId, n) || startsWith(r.phone, p) || startsWith(r.phone, z)) {
      score += kNumberPrefix;
      matched |= startsWith(r.personalId, n) ? kMatchedPersonalId : kMatchedPhone;
    } else if (n.size() == 4 && year == n) {
      score += kBirthYear;
      matched |= kMatchedBirth;
    } else if (n.size() >= 4 && (endsWith(r.personalId, n) || endsWith(r.phone, n))) {
      score += kNumberEnd;
      matched |= endsWith(r.personalId, n) ? kMatchedPersonalId : kMatchedPhone;
    } else {
      return -1;
    }
  }
  for (const auto& d : q.dates) {
    if (r.dateOfBirth != d) return -1;
    score += kBirthDate;
    matched |= kMatchedBirth;
  }
  return score;
}

std::vector<SearchHit> SearchIndex::search(std::string_view text, std::size_t limit,
                                           std::vector<std::uint32_t>* everyHit) const {
  if (everyHit) everyHit->clear();
  std::vector<SearchHit> hits;
  if (limit == 0 || residents_.empty()) return hits;
  finalize();
  const SearchQuery q = parseSearchQuery(text);
  if (q.empty()) return hits;

  // Candidates: the smallest posting list among name words (a word that matches no name
  // stands for the words one typo away), else the residents the numbers and dates find.
  std::vector<std::vector<std::string_view>> typos(q.words.size());
  std::vector<std::uint32_t> candidates;
  if (!q.words.empty()) {
    using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
    std::vector<Ranges> wordRanges(q.words.size());
    std::size_t bestWord = 0, bestSize = tokens_.size() + 1;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
      const std::string& w = q.words[i].folded;
      Ranges& ranges = wordRanges[i];
      ranges.push_back(tokenRange(w));
      if (ranges[0].first == ranges[0].second && w.size() >= kTypoMinLength) {
        typos[i] = typoCorrections(w);
        ranges.clear();
        for (auto t : typos[i]) ranges.push_back(wordRange(t));
      }
      std::size_t size = 0;
      for (auto [lo, hi] : ranges) size += hi - lo;
      if (size < bestSize) {
        bestWord = i;
        bestSize = size;
      }
    }
    const Ranges& best = wordRanges[bestWord];
    // Every other word must match too: its residents as a bitmap, so that the cap and the
    // scoring below only see residents with every word (a full name's rarest word alone can
    // have thousands of postings, most of them other people).
    std::vector<ResidentSet> others;
    for (std::size_t i = 0; i < q.words.size(); ++i) {
      if (i == bestWord) continue;
      auto& set = others.emplace_back(residents_.size());
      for (auto [lo, hi] : wordRanges[i])
        for (std::size_t t = lo; t < hi; ++t) set.add(tokens_[t].resident);
    }
    auto inAll = [&](std::uint32_t r) {
      return std::all_of(others.begin(), others.end(), [r](const ResidentSet& set) { return set.has(r); });
    };
    for (auto [lo, hi] : best)
      for (std::size_t i = lo; i < hi && (everyHit || candidates.size() < kCandidateCap); ++i)
        if (inAll(tokens_[i].resident)) candidates.push_back(tokens_[i].resident);
  } else {
    numberCandidates(q, candidates);
  }
  // In index order and each once (a name can hold a word twice): through a bitmap, which
  // costs a pass over 100,000 bits instead of sorting tens of thousands of candidates.
  ResidentSet unique(residents_.size());
  for (std::uint32_t idx : candidates) unique.add(idx);
  candidates.clear();
  unique.forEach([&](std::uint32_t idx) { candidates.push_back(idx); });

  // Score every candidate against every query part; a part that matches nothing drops it.
  std::vector<MarksMemo> marks(q.words.size());
  for (std::uint32_t idx : candidates) {
    std::uint8_t matched = 0;
    if (int score = scoreOf(idx, q, matched, typos, marks); score >= 0) hits.push_back({idx, score, matched});
  }
  if (everyHit) {
    everyHit->reserve(hits.size());
    for (const auto& h : hits) everyHit->push_back(h.index);
  }
  auto byRank = [this](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return foldedName(a.index) < foldedName(b.index);
  };
  if (hits.size() > limit) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(), byRank);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), byRank);
  }
  return hits;
}

const IndexedResident* SearchIndex::findSameNameAndBirth(std::string_view folded, std::string_view dob) const {
  auto it = byKey_.find(nameBirthKey(folded, dob));
  if (it == byKey_.end()) return nullptr;
  const IndexedResident& r = residents_[it->second];
  return r.folded == folded && r.dateOfBirth == dob ? &r : nullptr;
}

const IndexedResident* SearchIndex::find(const RecordId& id) const {
  auto it = byId_.find(id);
  return it == byId_.end() ? nullptr : &residents_[it->second];
}

void SearchIndex::clear() {
  for (auto& r : residents_) {
    for (std::string* s :
         {&r.fullName, &r.folded, &r.dateOfBirth, &r.sex, &r.personalId, &r.phone, &r.village, &r.householdId})
      wipeString(*s);
  }
  for (auto& [idx, words] : joined_) wipeString(words);
  wipeString(nameArena_);
  nameArena_.shrink_to_fit();
  names_.clear();
  names_.shrink_to_fit();
  residents_.clear();
  residents_.shrink_to_fit();
  byKey_.clear();
  byId_.clear();
  joined_.clear();
  tokens_.clear();
  tokens_.shrink_to_fit();
  vocabulary_.clear();
  vocabulary_.shrink_to_fit();
  numbers_.clear();
  numbers_.shrink_to_fit();
  suffixes_.clear();
  suffixes_.shrink_to_fit();
  dirty_ = false;
}

}  // namespace gocua::workspace
