// Home view-model; see home_model.h.
#include "app/model/home_model.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/i18n.h"
#include "core/record_id.h"
#include "core/text.h"
#include "vault/secret.h"
#include "workspace/search_index.h"

namespace gocua::app {
namespace {

// The list shows at most this many search hits; the index ranks at most 2,000 candidates anyway.
constexpr std::size_t kSearchLimit = 2000;

// The given name (tên) is the last word: Vietnamese lists are ordered by it, then by the rest.
std::string_view givenName(std::string_view folded) {
  auto space = folded.rfind(' ');
  return space == std::string_view::npos ? folded : folded.substr(space + 1);
}

// "0912345678" → "0912 345 678": read out in the groups people say numbers in.
std::string groupPhone(const std::string& phone) {
  if (phone.size() != 10) return phone;
  return phone.substr(0, 4) + " " + phone.substr(4, 3) + " " + phone.substr(7);
}

// A sortable key for a date of birth as stored (dd/mm/yyyy, mm/yyyy or yyyy): yyyymmdd.
int birthKey(std::string_view dob) {
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len && i < dob.size(); ++i)
      if (dob[i] >= '0' && dob[i] <= '9') v = v * 10 + (dob[i] - '0');
    return v;
  };
  if (dob.size() == 10) return num(6, 4) * 10000 + num(3, 2) * 100 + num(0, 2);
  if (dob.size() == 7) return num(3, 4) * 10000 + num(0, 2) * 100;
  return num(0, dob.size()) * 10000;
}

}  // namespace

const workspace::SearchIndex* HomeModel::index() const {
  if (!app_ || !app_->session()) return nullptr;
  return &app_->session()->index();
}

void HomeModel::open(AppModel& app) {
  app_ = &app;
  focusRequest_ = true;
  auto* session = app.session();
  if (!session) {
    reset();
    app_ = &app;
    return;
  }
  const auto& idx = session->index();
  const auto& all = idx.residents();
  std::optional<std::string> previousVillage;
  if (village_ >= 0 && village_ < static_cast<int>(villages_.size()))
    previousVillage = core::foldKey(villages_[static_cast<std::size_t>(village_)].name);
  const std::string previousHousehold = household_ >= 0 && household_ < static_cast<int>(households_.size())
                                            ? households_[static_cast<std::size_t>(household_)].id
                                            : std::string();

  // Display order: given name, then the whole folded name, then date of birth.
  // Sorting 100,000 names by string comparisons alone takes ~100 ms; comparing the given name's
  // first 8 bytes as one integer settles almost every comparison without touching the strings.
  indexSize_ = all.size();
  struct SortKey {
    std::uint64_t given, whole;  // first 8 bytes of the given name and of the whole name
    std::uint32_t resident;
  };
  auto head = [](std::string_view text) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < 8; ++k) h = (h << 8) | (k < text.size() ? static_cast<unsigned char>(text[k]) : 0u);
    return h;
  };
  std::vector<SortKey> keysByName(all.size());
  for (std::uint32_t i = 0; i < all.size(); ++i)
    keysByName[i] = {head(givenName(all[i].folded)), head(all[i].folded), i};
  std::sort(keysByName.begin(), keysByName.end(), [&all](const SortKey& a, const SortKey& b) {
    if (a.given != b.given) return a.given < b.given;
    if (a.whole != b.whole) return a.whole < b.whole;
    const auto& ra = all[a.resident];
    const auto& rb = all[b.resident];
    if (auto c = givenName(ra.folded).compare(givenName(rb.folded)); c != 0) return c < 0;
    if (auto c = ra.folded.compare(rb.folded); c != 0) return c < 0;
    return birthKey(ra.dateOfBirth) < birthKey(rb.dateOfBirth);
  });
  order_.resize(all.size());
  for (std::size_t i = 0; i < keysByName.size(); ++i) order_[i] = keysByName[i].resident;
  rank_.resize(order_.size());
  for (std::uint32_t pos = 0; pos < order_.size(); ++pos) rank_[order_[pos]] = pos;

  // Villages, grouped by their folded name so "thôn Đông" and "Thôn Đông" are one village.
  // Few distinct spellings exist, so each is folded once.
  for (auto& v : villages_) vault::wipe(v.name);
  villages_.clear();
  std::unordered_map<std::string, std::uint32_t> bySpelling, byFolded;
  villageOf_.assign(all.size(), 0);
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    auto it = bySpelling.find(all[i].village);
    if (it == bySpelling.end()) {
      std::string folded = core::foldKey(all[i].village);
      auto [f, added] = byFolded.try_emplace(folded, static_cast<std::uint32_t>(villages_.size()));
      if (added) villages_.push_back({all[i].village, 0});
      it = bySpelling.emplace(all[i].village, f->second).first;
    }
    villageOf_[i] = it->second;
    ++villages_[it->second].residents;
  }
  // Alphabetical by folded name; residents without a village last.
  std::vector<std::uint32_t> villageOrder(villages_.size());
  for (std::uint32_t i = 0; i < villageOrder.size(); ++i) villageOrder[i] = i;
  std::vector<std::string> keys(villages_.size());
  for (std::size_t i = 0; i < villages_.size(); ++i) keys[i] = core::foldKey(villages_[i].name);
  std::sort(villageOrder.begin(), villageOrder.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (keys[a].empty() != keys[b].empty()) return keys[b].empty();
    return keys[a] < keys[b];
  });
  std::vector<std::uint32_t> newPosition(villages_.size());
  std::vector<VillageEntry> sorted;
  sorted.reserve(villages_.size());
  for (std::uint32_t pos = 0; pos < villageOrder.size(); ++pos) {
    newPosition[villageOrder[pos]] = pos;
    sorted.push_back(std::move(villages_[villageOrder[pos]]));
  }
  villages_ = std::move(sorted);
  for (auto& v : villageOf_) v = newPosition[v];

  village_ = -1;
  if (previousVillage)
    for (std::size_t i = 0; i < villages_.size(); ++i)
      if (keys[villageOrder[i]] == *previousVillage) village_ = static_cast<int>(i);
  rebuildHouseholds();
  household_ = -1;
  for (std::size_t i = 0; i < households_.size(); ++i)
    if (households_[i].id == previousHousehold) household_ = static_cast<int>(i);

  // Counters. A training workspace is never enrolled: syncStatus still counts by sync state.
  unsynced_ = 0;
  needsDocuments_ = 0;
  training_ = app.training();
  if (auto status = session->syncStatus(); status.ok()) {
    if (auto it = status->counts.find("unsynced"); it != status->counts.end()) unsynced_ = it->second;
    needsDocuments_ = status->needsDocuments.size();
    for (auto& n : status->needsDocuments) {
      vault::wipe(n.name);
      vault::wipe(n.note);
    }
  } else {
    for (const auto& a : session->listApplications(std::nullopt))
      if (a.status == "needs_documents") ++needsDocuments_;
  }

  rebuildRows();
  refreshSelection(&app);
}

void HomeModel::refreshIfStale() {
  const auto* idx = index();
  if (!idx || idx->size() == indexSize_) return;
  reread();
}

void HomeModel::reread() {
  if (!app_) return;
  const bool focus = focusRequest_;
  open(*app_);
  queryChanged();
  focusRequest_ = focus;
}

void HomeModel::reset() {
  vault::wipe(query);
  for (auto& v : villages_) vault::wipe(v.name);
  for (auto& h : households_) vault::wipe(h.label);
  villages_.clear();
  households_.clear();
  order_.clear();
  order_.shrink_to_fit();
  rank_.clear();
  villageOf_.clear();
  householdOf_.clear();
  rows_.clear();
  rows_.shrink_to_fit();
  rowMatched_.clear();
  rowMatched_.shrink_to_fit();
  village_ = household_ = -1;
  truncated_ = false;
  searching_ = false;
  matchCount_ = 0;
  selectedId_.clear();
  selectedIndex_.reset();
  selectedApplications_ = 0;
  selectedDraft_.clear();
  unsynced_ = 0;
  needsDocuments_ = 0;
  indexSize_ = 0;
  app_ = nullptr;
  focusRequest_ = false;
  scrollRequest_.reset();
}

// [SECTION] Search and filters

void HomeModel::queryChanged() {
  rebuildRows();
  refreshSelection(nullptr);
}

void HomeModel::clearQuery() {
  vault::wipe(query);
  queryChanged();
}

void HomeModel::selectVillage(int village) {
  if (village < -1 || village >= static_cast<int>(villages_.size())) village = -1;
  village_ = village;
  household_ = -1;
  rebuildHouseholds();
  rebuildRows();
  refreshSelection(nullptr);
}

void HomeModel::selectHousehold(int household) {
  if (household < -1 || household >= static_cast<int>(households_.size())) household = -1;
  household_ = household;
  rebuildRows();
  refreshSelection(nullptr);
}

void HomeModel::rebuildHouseholds() {
  for (auto& h : households_) vault::wipe(h.label);
  households_.clear();
  householdOf_.assign(villageOf_.size(), -1);
  const auto* idx = index();
  if (!idx || village_ < 0 || idx->size() != indexSize_) return;
  const auto& all = idx->residents();
  const auto v = static_cast<std::uint32_t>(village_);
  std::unordered_map<std::string_view, std::int32_t> byId;
  std::vector<std::uint32_t> oldest;
  for (std::uint32_t i : order_) {
    if (villageOf_[i] != v || all[i].householdId.empty()) continue;
    auto [it, added] = byId.try_emplace(all[i].householdId, static_cast<std::int32_t>(households_.size()));
    if (added) {
      households_.push_back({all[i].householdId, {}, 0});
      oldest.push_back(i);
    }
    auto& h = households_[static_cast<std::size_t>(it->second)];
    ++h.members;
    auto& o = oldest[static_cast<std::size_t>(it->second)];
    if (birthKey(all[i].dateOfBirth) < birthKey(all[o].dateOfBirth)) o = i;
    householdOf_[i] = it->second;
  }
  for (std::size_t h = 0; h < households_.size(); ++h)
    households_[h].label = i18n::tr("app.home.household_of", {{"name", all[oldest[h]].fullName}});
  // Alphabetical by label, keeping householdOf_ in step.
  std::vector<std::int32_t> perm(households_.size());
  for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<std::int32_t>(i);
  std::sort(perm.begin(), perm.end(), [&](std::int32_t a, std::int32_t b) {
    const auto& ra = all[oldest[static_cast<std::size_t>(a)]];
    const auto& rb = all[oldest[static_cast<std::size_t>(b)]];
    if (auto c = givenName(ra.folded).compare(givenName(rb.folded)); c != 0) return c < 0;
    return ra.folded < rb.folded;
  });
  std::vector<std::int32_t> position(perm.size());
  std::vector<HouseholdEntry> sorted;
  for (std::size_t p = 0; p < perm.size(); ++p) {
    position[static_cast<std::size_t>(perm[p])] = static_cast<std::int32_t>(p);
    sorted.push_back(std::move(households_[static_cast<std::size_t>(perm[p])]));
  }
  households_ = std::move(sorted);
  for (auto& h : householdOf_)
    if (h >= 0) h = position[static_cast<std::size_t>(h)];
}

void HomeModel::rebuildRows() {
  rows_.clear();
  rowMatched_.clear();
  truncated_ = false;
  searching_ = false;
  matchCount_ = allMatches_ = 0;
  for (auto& v : villages_) v.matches = 0;
  const auto* idx = index();
  if (!idx || idx->size() != indexSize_) return;
  auto keep = [this](std::uint32_t i) {
    if (village_ >= 0 && villageOf_[i] != static_cast<std::uint32_t>(village_)) return false;
    if (household_ >= 0 && householdOf_[i] != household_) return false;
    return true;
  };
  std::string folded = core::foldKey(query);
  const bool searching = !folded.empty();
  if (!searching) {
    if (village_ < 0 && household_ < 0) {
      rows_ = order_;
      return;
    }
    for (std::uint32_t i : order_)
      if (keep(i)) rows_.push_back(i);
    return;
  }
  // A number still being typed after a name ("hoa 19" on the way to "hoa 1952") matches nothing
  // until it is long enough; meanwhile the name alone keeps the list from going blank.
  if (auto space = folded.rfind(' '); space != std::string::npos) {
    const std::string_view last = std::string_view(folded).substr(space + 1);
    if (last.size() < 3 && last.find_first_not_of("0123456789") == std::string_view::npos) folded.resize(space);
  }
  std::vector<std::uint32_t> everyHit;
  auto hits = idx->search(folded, kSearchLimit, &everyHit);
  vault::wipe(folded);
  searching_ = true;
  // Counts over every hit, not only those shown: per village (the panel follows the search) and
  // in the chosen village or household (the true count beside the capped list).
  for (std::uint32_t i : everyHit) {
    if (i >= villageOf_.size()) continue;
    ++villages_[villageOf_[i]].matches;
    ++allMatches_;
    if (keep(i)) ++matchCount_;
  }
  // Best matches first; equally good ones in the list's own order (by given name).
  std::stable_sort(hits.begin(), hits.end(), [this](const workspace::SearchHit& a, const workspace::SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return rank_[a.index] < rank_[b.index];
  });
  rows_.reserve(hits.size());
  for (const auto& h : hits)
    if (h.index < villageOf_.size() && keep(h.index)) {
      rows_.push_back(h.index);
      rowMatched_.push_back(h.matched);
    }
  truncated_ = matchCount_ > rows_.size();
}

// [SECTION] Rows

HomeRow HomeModel::row(std::size_t i) const {
  HomeRow out;
  const auto* idx = index();
  if (!idx || i >= rows_.size() || idx->size() != indexSize_) return out;
  const auto& r = idx->residents()[rows_[i]];
  out.id = core::formatRecordId(r.id);
  out.name = r.fullName;
  out.dateOfBirth = r.dateOfBirth;
  out.sex = i18n::tr(r.sex == "female" ? "sex.female" : "sex.male");
  out.village = r.village;
  if (r.personalId.size() >= 4)
    out.maskedId = i18n::tr("app.home.masked_id", {{"last", r.personalId.substr(r.personalId.size() - 4)}});
  out.phone = groupPhone(r.phone);
  if (i < rowMatched_.size()) {
    const std::uint8_t matched = rowMatched_[i];
    out.matchedBirth = (matched & workspace::kMatchedBirth) != 0;
    out.matchedId = (matched & workspace::kMatchedPersonalId) != 0;
    out.matchedPhone = (matched & workspace::kMatchedPhone) != 0;
    // The name is on the row for all to see; a number or date that matched is worth saying.
    if (out.matchedId)
      out.matchedBy = i18n::tr("app.home.matched.personal_id");
    else if (out.matchedPhone)
      out.matchedBy = i18n::tr("app.home.matched.phone");
    else if (out.matchedBirth)
      out.matchedBy = i18n::tr("app.home.matched.birth");
  }
  out.selected = selectedIndex_ && *selectedIndex_ == rows_[i];
  return out;
}

void HomeModel::select(std::size_t row) {
  const auto* idx = index();
  if (!idx || row >= rows_.size()) return;
  selectedIndex_ = rows_[row];
  selectedId_ = core::formatRecordId(idx->residents()[rows_[row]].id);
  countApplications();
}

void HomeModel::countApplications() {
  selectedApplications_ = 0;
  selectedDraft_.clear();
  if (!app_ || !app_->session() || selectedId_.empty()) return;
  const auto apps = app_->session()->listApplications(selectedId_);
  selectedApplications_ = apps.size();
  for (const auto& a : apps)  // in creation order: the last draft is the newest
    if (a.status == "draft") selectedDraft_ = a.id;
}

bool HomeModel::selectById(const std::string& residentId) {
  const auto* idx = index();
  auto id = core::parseRecordId(residentId);
  if (!idx || !id) return false;
  const auto* r = idx->find(*id);
  if (!r) return false;
  const auto pos = static_cast<std::uint32_t>(r - idx->residents().data());
  auto inRows = [&] { return std::find(rows_.begin(), rows_.end(), pos); };
  if (inRows() == rows_.end()) {
    // Hidden by a search or a filter: show everyone so the resident just saved is in view.
    vault::wipe(query);
    village_ = household_ = -1;
    rebuildHouseholds();
    rebuildRows();
  }
  auto it = inRows();
  if (it == rows_.end()) return false;
  const auto row = static_cast<std::size_t>(it - rows_.begin());
  select(row);
  scrollRequest_ = row;
  return true;
}

void HomeModel::clearSelection() {
  selectedId_.clear();
  selectedIndex_.reset();
  selectedApplications_ = 0;
  selectedDraft_.clear();
}

void HomeModel::moveSelection(int delta) {
  if (rows_.empty()) return;
  const auto current = selectedRow();
  std::size_t next = 0;
  if (current) {
    if (delta < 0)
      next = *current > 0 ? *current - 1 : 0;
    else
      next = std::min(*current + 1, rows_.size() - 1);
  }
  select(next);
  scrollRequest_ = next;
}

std::optional<std::size_t> HomeModel::selectedRow() const {
  if (!selectedIndex_) return std::nullopt;
  auto it = std::find(rows_.begin(), rows_.end(), *selectedIndex_);
  if (it == rows_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - rows_.begin());
}

std::string HomeModel::selectedName() const {
  const auto* idx = index();
  if (!idx || !selectedIndex_ || *selectedIndex_ >= idx->size()) return {};
  return idx->residents()[*selectedIndex_].fullName;
}

// The selection follows the record id: an index position can only be trusted while the index
// is the one the rows were built from. It also follows what is on screen: a search or filter
// that hides the selected resident clears the selection, so "Lập hồ sơ" can never act on a
// person the volunteer no longer sees (issue 16, "the right person").
void HomeModel::refreshSelection(AppModel* app) {
  if (selectedId_.empty()) return;
  const auto* idx = index();
  auto id = core::parseRecordId(selectedId_);
  const auto* r = idx && id ? idx->find(*id) : nullptr;
  if (!r) {
    clearSelection();
    return;
  }
  selectedIndex_ = static_cast<std::uint32_t>(r - idx->residents().data());
  if (!selectedRow()) {
    clearSelection();
    return;
  }
  if (app) countApplications();  // on open(): applications may have been saved meanwhile
}

std::string HomeModel::syncCounterText() const {
  if (training_) return i18n::tr("app.home.training_never_syncs");
  if (unsynced_ <= 0) return i18n::tr("app.home.all_synced");
  return i18n::tr("app.home.unsynced", {{"count", i18n::formatCount(static_cast<std::uint64_t>(unsynced_))}});
}

bool HomeModel::takeFocusRequest() {
  const bool r = focusRequest_;
  focusRequest_ = false;
  return r;
}

std::optional<std::size_t> HomeModel::takeScrollRequest() {
  auto r = scrollRequest_;
  scrollRequest_.reset();
  return r;
}

}  // namespace gocua::app
