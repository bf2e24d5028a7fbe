// Sorted-token search index; see search_index.h for why it looks like this.
#include "workspace/search_index.h"

#include <algorithm>

#include "core/text.h"
#include "vault/secret.h"

namespace gocua::workspace {
namespace {

constexpr std::size_t kCandidateCap = 2000;  // bounds ranking work for common surnames

std::string keyFor(std::string_view folded, std::string_view dob) {
  std::string k(folded);
  k += '|';
  k += dob;
  return k;
}

std::vector<std::string_view> splitWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "+84912…" or "84912…" typed into search means the phone "0912…".
std::string phoneQuery(std::string_view digits) {
  if (digits.size() >= 3 && digits.substr(0, 2) == "84") return "0" + std::string(digits.substr(2));
  return std::string(digits);
}

void wipeString(std::string& s) { vault::wipe(s); }

// How well query word w matches the best word of a folded name, without allocating:
// 40 = the given name (last word) exactly, 30 = another word exactly, 10 = a word prefix, 0 = none.
int bestWordScore(std::string_view name, std::string_view w) {
  int best = 0;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view word = name.substr(i, j - i);
    if (word == w)
      best = std::max(best, j == name.size() ? 40 : 30);
    else if (word.size() > w.size() && word.compare(0, w.size(), w) == 0)
      best = std::max(best, 10);
    i = j;
  }
  return best;
}

}  // namespace

void SearchIndex::reserve(std::size_t n) {
  residents_.reserve(n);
  tokens_.reserve(n * 4);
  numbers_.reserve(n * 2);
  byKey_.reserve(n);
  byId_.reserve(n);
}

void SearchIndex::addTokens(std::uint32_t idx) {
  const std::string& f = residents_[idx].folded;
  std::size_t i = 0;
  while (i < f.size()) {
    while (i < f.size() && f[i] == ' ') ++i;
    std::size_t j = i;
    while (j < f.size() && f[j] != ' ') ++j;
    if (j > i) {
      std::uint64_t head = 0;
      for (std::size_t k = 0; k < 8; ++k) head = (head << 8) | (i + k < j ? static_cast<unsigned char>(f[i + k]) : 0u);
      tokens_.push_back({head, idx, static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j - i)});
    }
    i = j;
  }
  const auto& r = residents_[idx];
  for (auto kind : {NumberKind::PersonalId, NumberKind::Phone, NumberKind::BirthYear}) {
    Number n{0, idx, kind};
    if (kind == NumberKind::BirthYear && r.dateOfBirth.size() < 4) continue;
    auto text = numberText(n);
    if (text.empty()) continue;
    n.key = numberKey(text);
    numbers_.push_back(n);
  }
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

void SearchIndex::upsert(IndexedResident r) {
  std::string idKey(reinterpret_cast<const char*>(r.id.data()), r.id.size());
  auto found = byId_.find(idKey);
  if (found == byId_.end()) {
    auto idx = static_cast<std::uint32_t>(residents_.size());
    byKey_.emplace(keyFor(r.folded, r.dateOfBirth), idx);
    residents_.push_back(std::move(r));
    byId_.emplace(std::move(idKey), idx);
    addTokens(idx);
  } else {
    // An edit: drop the old entry's tokens and keys, then index the new content in its place.
    std::uint32_t idx = found->second;
    auto& old = residents_[idx];
    byKey_.erase(keyFor(old.folded, old.dateOfBirth));
    std::erase_if(tokens_, [idx](const Token& t) { return t.resident == idx; });
    std::erase_if(numbers_, [idx](const Number& n) { return n.resident == idx; });
    wipeString(old.fullName);
    wipeString(old.folded);
    old = std::move(r);
    byKey_.emplace(keyFor(old.folded, old.dateOfBirth), idx);
    addTokens(idx);
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
  std::sort(numbers_.begin(), numbers_.end(), [](const Number& a, const Number& b) { return a.key < b.key; });
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

std::vector<SearchHit> SearchIndex::search(std::string_view query, std::size_t limit) const {
  std::vector<SearchHit> hits;
  if (limit == 0 || residents_.empty()) return hits;
  finalize();
  std::string folded = core::foldKey(query);
  std::vector<std::string> words;
  std::vector<std::string> numbers;
  bool previousWasPhoneLike = false;
  for (auto w : splitWords(folded)) {
    std::string word(w);
    // Numbers are typed as written on paper: "+84 912 000 111", "0912.000.111", "0912-000-111".
    std::string digits;
    bool numeric = !word.empty();
    for (char c : word) {
      if (c >= '0' && c <= '9')
        digits += c;
      else if (c != '+' && c != '.' && c != '-')
        numeric = false;
    }
    if (!numeric || digits.empty()) {
      words.push_back(std::move(word));
      previousWasPhoneLike = false;
      continue;
    }
    // Groups after a number starting with 0 or 84 continue it; a year ("1948") stands alone.
    if (previousWasPhoneLike) {
      numbers.back() += digits;
    } else {
      previousWasPhoneLike = digits[0] == '0' || digits.rfind("84", 0) == 0;
      numbers.push_back(std::move(digits));
    }
  }
  if (words.empty() && numbers.empty()) return hits;

  // Candidates: the smallest posting range among name words, else the number prefix matches.
  std::vector<std::uint32_t> candidates;
  if (!words.empty()) {
    std::pair<std::size_t, std::size_t> best{0, tokens_.size() + 1};
    for (const auto& w : words) {
      auto r = tokenRange(w);
      if (r.second - r.first < best.second - best.first) best = r;
    }
    for (std::size_t i = best.first; i < best.second && candidates.size() < kCandidateCap; ++i)
      candidates.push_back(tokens_[i].resident);
  } else {
    for (const auto& n : numbers) {
      const std::string asPhone = phoneQuery(n);
      for (int variant = 0; variant < 2; ++variant) {
        const std::string& q = variant == 0 ? n : asPhone;
        if (q.size() < 3 || (variant == 1 && asPhone == n)) continue;
        // Every number starting with q has a key at least q's (q padded with end nibbles).
        auto lo = std::lower_bound(numbers_.begin(), numbers_.end(), numberKey(q),
                                   [](const Number& x, std::uint64_t k) { return x.key < k; });
        for (auto it = lo;
             it != numbers_.end() && numberText(*it).substr(0, q.size()) == q && candidates.size() < kCandidateCap;
             ++it)
          candidates.push_back(it->resident);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // Score every candidate against every query part; a part that matches nothing drops it.
  for (std::uint32_t idx : candidates) {
    const auto& r = residents_[idx];
    int score = 0;
    bool all = true;
    for (const auto& w : words) {
      int best = bestWordScore(r.folded, w);
      if (!best) {
        all = false;
        break;
      }
      score += best;
    }
    for (const auto& n : numbers) {
      if (!all) break;
      std::string p = phoneQuery(n);
      if (r.personalId == n || r.phone == p)
        score += 60;
      else if (r.personalId.compare(0, n.size(), n) == 0 || r.phone.compare(0, p.size(), p) == 0)
        score += 20;
      else if (n.size() == 4 && r.dateOfBirth.size() >= 4 && r.dateOfBirth.compare(r.dateOfBirth.size() - 4, 4, n) == 0)
        score += 15;
      else
        all = false;
    }
    if (!all) continue;
    if (!words.empty() && r.folded == folded) score += 100;  // the whole name typed exactly
    hits.push_back({idx, score});
  }
  auto byRank = [this](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return residents_[a.index].folded < residents_[b.index].folded;
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
  auto it = byKey_.find(keyFor(folded, dob));
  return it == byKey_.end() ? nullptr : &residents_[it->second];
}

const IndexedResident* SearchIndex::find(const RecordId& id) const {
  auto it = byId_.find(std::string(reinterpret_cast<const char*>(id.data()), id.size()));
  return it == byId_.end() ? nullptr : &residents_[it->second];
}

void SearchIndex::clear() {
  for (auto& r : residents_) {
    for (std::string* s :
         {&r.fullName, &r.folded, &r.dateOfBirth, &r.sex, &r.personalId, &r.phone, &r.village, &r.householdId})
      wipeString(*s);
  }
  // Map keys are const to the map but ours to wipe before the map forgets them.
  for (auto& [key, idx] : byKey_) wipeString(const_cast<std::string&>(key));
  residents_.clear();
  residents_.shrink_to_fit();
  byKey_.clear();
  byId_.clear();
  tokens_.clear();
  tokens_.shrink_to_fit();
  numbers_.clear();
  numbers_.shrink_to_fit();
  dirty_ = false;
}

}  // namespace gocua::workspace
