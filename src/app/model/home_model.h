// View-model of the home screen: villages → households → residents, one search box, and the two
// counters a volunteer checks every morning (records not yet synced, applications the commune
// sent back for documents). Plain C++ over the unlocked session's in-memory search index.
//
// Everything the draw function asks for each frame is precomputed: open() sorts all residents
// once (Vietnamese order: given name, then the whole name, diacritics folded) and numbers their
// villages and households; choosing a village or household or typing in the search box rebuilds
// the list of visible rows once. row(i) only formats the few rows on screen, so the list stays
// smooth with 100,000 residents. The model keeps index positions and record ids, not copies of
// residents' data, apart from the search text, which reset() wipes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/model/app_model.h"

namespace gocua::app {

// One line of the resident list, formatted for display.
struct HomeRow {
  std::string id;           // record id (UUID text), for openExisting / the wizard
  std::string name;         // as stored (NFC)
  std::string dateOfBirth;  // dd/mm/yyyy, or mm/yyyy / yyyy for people with only a year
  std::string sex;          // "Nam" / "Nữ" from the catalog
  std::string village;      // empty when none was recorded
  std::string maskedId;     // "•••• 1234": enough to recognise the person; the editor shows all
  std::string phone;        // "0912 345 678", empty when none
  // Why a search shows this row when it was not the name: "Khớp số điện thoại" (empty otherwise).
  std::string matchedBy;
  // The cells the search matched, to make them stand out.
  bool matchedBirth = false, matchedId = false, matchedPhone = false;
  bool selected = false;
};

struct VillageEntry {
  std::string name;  // empty = residents recorded without a village
  std::size_t residents = 0;
  std::size_t matches = 0;  // residents the current search finds here (0 when not searching)
};

struct HouseholdEntry {
  std::string id;     // household record id
  std::string label;  // "Hộ Nguyễn Văn An": named after its oldest member
  std::size_t members = 0;
};

class HomeModel {
 public:
  // Reads the session's index again (cheap enough to call on every return home: about 40 ms
  // for 100,000 residents) and the sync counters. Keeps the query, village and selection when
  // they still make sense. Asks the draw function to focus the search box.
  void open(AppModel& app);
  // Re-reads when residents were added elsewhere since open() (an import, another screen), so
  // rows never point past what was read. Cheap when nothing changed.
  void refreshIfStale();
  // Re-reads now, keeping the search and focus as they are (automatic sync brought news).
  void reread();
  // Wipes the search text and forgets everything read from the index (lock).
  void reset();
  // Anything read from the index (names, villages, households, rows) or the search text.
  bool holdsPlaintext() const {
    return !query.empty() || !villages_.empty() || !households_.empty() || !order_.empty() || !rows_.empty() ||
           !selectedId_.empty();
  }

  // [SECTION] Search and filters
  std::string query;  // the search box's buffer; call queryChanged() after each edit
  void queryChanged();
  void clearQuery();
  // A search matched more people than the list shows: type more to narrow it down.
  bool truncated() const { return truncated_; }
  bool searching() const { return searching_; }
  // Everyone the search found in the chosen village or household, shown or not.
  std::size_t matchCount() const { return matchCount_; }
  // Everyone the search found in all villages ("Tất cả các thôn" while searching).
  std::size_t allMatches() const { return allMatches_; }

  const std::vector<VillageEntry>& villages() const { return villages_; }
  int selectedVillage() const { return village_; }  // -1 = all villages
  void selectVillage(int village);                  // -1 = all; also clears the household
  // Households of the selected village (empty when all villages are shown).
  const std::vector<HouseholdEntry>& households() const { return households_; }
  int selectedHousehold() const { return household_; }  // -1 = the whole village
  void selectHousehold(int household);

  // [SECTION] Rows
  std::size_t rowCount() const { return rows_.size(); }
  HomeRow row(std::size_t i) const;
  std::size_t totalResidents() const { return order_.size(); }

  // The resident the action buttons act on. Selecting by id (after a save) clears a search or
  // filter that would hide the resident and asks the list to scroll to it.
  void select(std::size_t row);
  bool selectById(const std::string& residentId);
  void clearSelection();
  // Arrow keys in the search box: the next (+1) or previous (-1) row, scrolled into view.
  void moveSelection(int delta);
  std::optional<std::size_t> selectedRow() const;
  const std::string& selectedId() const { return selectedId_; }
  std::string selectedName() const;
  // Applications already prepared for the selected resident.
  std::size_t selectedApplications() const { return selectedApplications_; }
  // The newest draft application of the selected resident (to finish it), empty when none.
  const std::string& selectedDraft() const { return selectedDraft_; }

  // [SECTION] Counters
  std::int64_t unsynced() const { return unsynced_; }
  // The sync counter as the volunteer reads it, and whether it asks for action. A training
  // workspace never syncs: it says so instead of counting records that will never leave.
  std::string syncCounterText() const;
  bool syncNeedsAttention() const { return !training_ && unsynced_ > 0; }
  std::size_t needsDocuments() const { return needsDocuments_; }

  // One-shot requests for the draw function, cleared when read.
  bool takeFocusRequest();
  void focusSearch() { focusRequest_ = true; }
  std::optional<std::size_t> takeScrollRequest();

 private:
  void rebuildHouseholds();
  void rebuildRows();
  void refreshSelection(AppModel* app);
  const workspace::SearchIndex* index() const;

  AppModel* app_ = nullptr;
  std::size_t indexSize_ = 0;              // size of the index the vectors below were built from
  std::vector<std::uint32_t> order_;       // every resident, sorted for display
  std::vector<std::uint32_t> rank_;        // resident → position in order_ (ties among search hits)
  std::vector<std::uint32_t> villageOf_;   // resident → position in villages_
  std::vector<std::int32_t> householdOf_;  // resident → position in households_, -1 none
  std::vector<VillageEntry> villages_;
  std::vector<HouseholdEntry> households_;
  std::vector<std::uint32_t> rows_;       // residents shown, in display order
  std::vector<std::uint8_t> rowMatched_;  // beside rows_ while searching: what matched
  bool searching_ = false;
  std::size_t matchCount_ = 0, allMatches_ = 0;
  int village_ = -1;
  int household_ = -1;
  bool truncated_ = false;

  std::string selectedId_;
  std::optional<std::uint32_t> selectedIndex_;
  std::size_t selectedApplications_ = 0;
  std::string selectedDraft_;
  void countApplications();

  std::int64_t unsynced_ = 0;
  bool training_ = false;
  std::size_t needsDocuments_ = 0;

  bool focusRequest_ = false;
  std::optional<std::size_t> scrollRequest_;
};

}  // namespace gocua::app
