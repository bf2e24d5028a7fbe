// SearchIndex to bytes and back, for the sealed copy kept between sessions (index_snapshot.h).
// The sorted dictionaries are written as they are, so an unlock neither tokenizes nor sorts; the
// two hash maps and the name block are rebuilt (beside the reading), which is cheap next to sorting.
#include <algorithm>
#include <future>

#include "workspace/search_index.h"
#include "workspace/snapshot_bytes.h"

namespace gocua::workspace {
namespace {

constexpr std::uint32_t kFormat = 1;
constexpr std::size_t kResidentBytes = 16 + 8 * 4;

}  // namespace

void SearchIndex::writeTo(std::string& out) const {
  finalize();
  bytes::put(out, kFormat);
  bytes::put(out, static_cast<std::uint32_t>(residents_.size()));
  for (const auto& r : residents_) {
    bytes::append(out, reinterpret_cast<const char*>(r.id.data()), r.id.size());
    for (const std::string* s :
         {&r.fullName, &r.folded, &r.dateOfBirth, &r.sex, &r.personalId, &r.phone, &r.village, &r.householdId})
      bytes::putText(out, *s);
  }
  bytes::put(out, static_cast<std::uint32_t>(joined_.size()));
  for (const auto& [idx, words] : joined_) {
    bytes::put(out, idx);
    bytes::putText(out, words);
  }
  bytes::putArray(out, tokens_);
  bytes::putArray(out, vocabulary_);
  bytes::putArray(out, numbers_);
  bytes::putArray(out, suffixes_);
}

std::optional<SearchIndex> SearchIndex::readFrom(bytes::Reader& in) {
  if (in.get<std::uint32_t>() != kFormat) return std::nullopt;
  SearchIndex index;
  const std::size_t residents = in.count(kResidentBytes);
  index.reserve(residents);
  for (std::size_t i = 0; i < residents && in.ok(); ++i) {
    IndexedResident r;
    for (auto& b : r.id) b = in.get<std::uint8_t>();
    for (std::string* s :
         {&r.fullName, &r.folded, &r.dateOfBirth, &r.sex, &r.personalId, &r.phone, &r.village, &r.householdId})
      *s = in.text();
    index.residents_.push_back(std::move(r));
  }
  // The lookups by id and by name and birth, and the name block, are built on another thread
  // while this one reads the dictionaries: filling two hash maps of 100,000 entries took a third
  // of the reading. That thread only reads residents_, which nothing changes until it is done.
  auto lookups = std::async(std::launch::async, [&index] {
    for (std::uint32_t idx = 0; idx < index.residents_.size(); ++idx) {
      const auto& r = index.residents_[idx];
      index.byKey_.emplace(nameBirthKey(r.folded, r.dateOfBirth), idx);
      index.byId_.emplace(r.id, idx);
      index.storeName(idx);
    }
  });
  const std::size_t joined = in.count(8);
  for (std::size_t i = 0; i < joined && in.ok(); ++i) {
    const auto idx = in.get<std::uint32_t>();
    auto words = in.text();
    if (idx >= residents) in.fail();
    index.joined_[idx] = std::move(words);
  }
  // Each token must point inside the text it names: tokenText() trusts it.
  auto tokenFits = [&index](const Token& t) {
    if (t.resident >= index.residents_.size()) return false;
    if (!(t.offset & kJoined)) return std::size_t(t.offset) + t.length <= index.residents_[t.resident].folded.size();
    auto j = index.joined_.find(t.resident);
    return j != index.joined_.end() && std::size_t(t.offset & (kJoined - 1)) + t.length <= j->second.size();
  };
  index.tokens_ = in.array<Token>();
  index.vocabulary_ = in.array<Token>();
  index.numbers_ = in.array<Number>();
  index.suffixes_ = in.array<Number>();
  for (const auto* list : {&index.tokens_, &index.vocabulary_})
    if (!std::all_of(list->begin(), list->end(), tokenFits)) in.fail();
  for (const auto* list : {&index.numbers_, &index.suffixes_})
    if (!std::all_of(list->begin(), list->end(), [&index](const Number& n) {
          return n.resident < index.residents_.size() && n.kind <= NumberKind::BirthDate;
        }))
      in.fail();
  lookups.get();
  if (!in.ok()) return std::nullopt;  // the partial index wipes itself
  index.dirty_ = false;
  return index;
}

}  // namespace gocua::workspace
