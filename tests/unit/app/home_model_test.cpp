// The home screen's view-model over a real workspace: search as you type (diacritics folded, ID
// and phone prefixes), villages and households, the sorted list, row formatting and counters.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "app/model/home_model.h"
#include "app_fixture.h"
#include "core/i18n.h"
#include "core/text.h"

using namespace apptest;
using nlohmann::json;

namespace {

std::string addResident(workspace::Session& s, json j) {
  if (!j.contains("sex")) j["sex"] = "male";
  Errors problems;
  auto added = s.addResident(j, &problems);
  INFO(j.dump());
  REQUIRE(added.ok());
  return added->id;
}

// Five residents over two villages, one household.
struct Village : UnlockedApp {
  std::string hoa, binh, an, lan, household;
  Village() {
    Errors problems;
    auto h = session().addHousehold({{"village", "Thôn Đông"}, {"head_name", "Trần Văn An"}}, &problems);
    REQUIRE(h.ok());
    household = *h;
    hoa = addResident(session(), {{"full_name", "Nguyễn Thị Hoà"},
                                  {"date_of_birth", "12/05/1952"},
                                  {"sex", "female"},
                                  {"personal_id", "001152654321"},
                                  {"phone", "0912345678"},
                                  {"village", "Thôn Đông"}});
    binh = addResident(session(), {{"full_name", "Đặng Văn Bình"},
                                   {"date_of_birth", "1948"},
                                   {"personal_id", "079048000111"},
                                   {"phone", "0987654321"},
                                   {"village", "Xóm Chùa"}});
    an = addResident(session(), {{"full_name", "Trần Văn An"},
                                 {"date_of_birth", "03/04/1950"},
                                 {"village", "Thôn Đông"},
                                 {"household_id", household}});
    lan = addResident(session(), {{"full_name", "Trần Thị Lan"},
                                  {"date_of_birth", "07/08/1980"},
                                  {"sex", "female"},
                                  {"village", "thôn đông"},
                                  {"household_id", household}});
    addResident(session(), {{"full_name", "Lê Văn Dũng"}, {"date_of_birth", "01/01/1990"}});
  }
  std::vector<std::string> names(const app::HomeModel& m) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m.rowCount(); ++i) out.push_back(m.row(i).name);
    return out;
  }
  int villageIndex(const app::HomeModel& m, const std::string& name) {
    for (std::size_t i = 0; i < m.villages().size(); ++i)
      if (m.villages()[i].name == name) return static_cast<int>(i);
    return -2;
  }
};

}  // namespace

TEST_CASE("home: everyone is listed by given name, then surname") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  CHECK(m.totalResidents() == 5);
  CHECK(v.names(m) ==
        std::vector<std::string>{"Trần Văn An", "Đặng Văn Bình", "Lê Văn Dũng", "Nguyễn Thị Hoà", "Trần Thị Lan"});
  CHECK(m.takeFocusRequest());  // the search box gets the cursor when home appears
  CHECK_FALSE(m.takeFocusRequest());
}

TEST_CASE("home: search folds diacritics, and finds by ID-number and phone prefixes as you type") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  m.query = "nguyen";
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Nguyễn Thị Hoà"});
  m.query = "dang";
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Đặng Văn Bình"});
  m.query = "HÒA";  // old-style tone placement, capitals
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Nguyễn Thị Hoà"});
  m.query = "0912";
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Nguyễn Thị Hoà"});
  m.query = "079048";
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Đặng Văn Bình"});
  m.query = "tran";  // equally good matches keep the list's order: by given name
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Trần Văn An", "Trần Thị Lan"});
  m.query = "hoa 19";  // on the way to "hoa 1952": the name alone still shows her
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Nguyễn Thị Hoà"});
  m.query = "hoa 1952";
  m.queryChanged();
  CHECK(v.names(m) == std::vector<std::string>{"Nguyễn Thị Hoà"});
  m.query = "hoa 1953";
  m.queryChanged();
  CHECK(m.rowCount() == 0);
  m.query = "zzz";
  m.queryChanged();
  CHECK(m.rowCount() == 0);
  m.clearQuery();
  CHECK(m.query.empty());
  CHECK(m.rowCount() == 5);
}

TEST_CASE("home: villages group spellings; choosing one filters the list and shows its households") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  // "Thôn Đông" and "thôn đông" are one village; a resident without one is listed last.
  REQUIRE(m.villages().size() == 3);
  CHECK(m.villages().back().name.empty());
  const int dong = v.villageIndex(m, "Thôn Đông");
  REQUIRE(dong >= 0);
  CHECK(m.villages()[static_cast<std::size_t>(dong)].residents == 3);
  CHECK(m.households().empty());  // all villages: no household list

  m.selectVillage(dong);
  CHECK(v.names(m) == std::vector<std::string>{"Trần Văn An", "Nguyễn Thị Hoà", "Trần Thị Lan"});
  REQUIRE(m.households().size() == 1);
  CHECK(m.households()[0].members == 2);
  CHECK(m.households()[0].label == gocua::i18n::tr("app.home.household_of", {{"name", "Trần Văn An"}}));
  m.selectHousehold(0);
  CHECK(v.names(m) == std::vector<std::string>{"Trần Văn An", "Trần Thị Lan"});

  // A search stays inside the chosen village.
  m.selectHousehold(-1);
  m.query = "binh";
  m.queryChanged();
  CHECK(m.rowCount() == 0);
  m.selectVillage(-1);
  CHECK(v.names(m) == std::vector<std::string>{"Đặng Văn Bình"});

  // Coming back home keeps the chosen village.
  m.clearQuery();
  m.selectVillage(dong);
  m.open(v.model);
  CHECK(m.selectedVillage() == dong);
  CHECK(m.rowCount() == 3);
}

TEST_CASE("home: a row shows dd/mm/yyyy, the village, the last 4 ID digits and a grouped phone") {
  gocua::i18n::setLang(gocua::i18n::Lang::Vi);
  Village v;
  app::HomeModel m;
  m.open(v.model);
  m.query = "hoa";
  m.queryChanged();
  REQUIRE(m.rowCount() == 1);
  const auto r = m.row(0);
  CHECK(r.id == v.hoa);
  CHECK(r.name == "Nguyễn Thị Hoà");
  CHECK(r.dateOfBirth == "12/05/1952");
  CHECK(r.sex == "Nữ");
  CHECK(r.village == "Thôn Đông");
  CHECK(r.maskedId == "•••• 4321");
  CHECK(r.maskedId.find("001152") == std::string::npos);
  CHECK(r.phone == "0912 345 678");
  CHECK_FALSE(r.selected);

  m.query = "binh";
  m.queryChanged();
  REQUIRE(m.rowCount() == 1);
  CHECK(m.row(0).dateOfBirth == "1948");  // year only, as recorded
  CHECK(m.row(5).name.empty());           // out of range: an empty row, not a crash
}

TEST_CASE("home: selection follows the resident; selecting by id clears what hides them") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  CHECK(m.syncNeedsAttention());  // an ordinary workspace counts what is left to send
  CHECK(m.syncCounterText() ==
        gocua::i18n::tr("app.home.unsynced",
                        {{"count", gocua::i18n::formatCount(static_cast<std::uint64_t>(m.unsynced()))}}));
  CHECK(m.selectedId().empty());
  m.select(3);
  CHECK(m.selectedId() == v.hoa);
  CHECK(m.selectedName() == "Nguyễn Thị Hoà");
  CHECK(m.row(3).selected);
  m.query = "hoa";
  m.queryChanged();
  CHECK(m.selectedRow() == std::optional<std::size_t>(0));
  m.moveSelection(1);  // only one row: stays
  CHECK(m.selectedId() == v.hoa);

  m.query = "binh";
  m.queryChanged();
  // The search hides Hoà: the action buttons must not act on her any more (issue 16).
  CHECK_FALSE(m.selectedRow());
  CHECK(m.selectedId().empty());
  CHECK(m.selectedName().empty());
  m.query = "hoa";
  m.queryChanged();
  CHECK(m.selectedId().empty());  // cleared, not silently back
  REQUIRE(m.selectById(v.hoa));
  m.selectVillage(-1);
  const auto xomChua = std::find_if(m.villages().begin(), m.villages().end(),
                                    [](const app::VillageEntry& e) { return e.name == "Xóm Chùa"; });
  REQUIRE(xomChua != m.villages().end());
  m.selectVillage(static_cast<int>(xomChua - m.villages().begin()));  // a village filter that hides her
  CHECK(m.selectedId().empty());
  m.selectVillage(-1);
  REQUIRE(m.selectById(v.lan));
  CHECK(m.query.empty());
  CHECK(m.selectedRow() == std::optional<std::size_t>(4));
  CHECK(m.takeScrollRequest() == std::optional<std::size_t>(4));
  m.moveSelection(-1);
  CHECK(m.selectedId() == v.hoa);
  CHECK_FALSE(m.selectById("not-an-id"));
}

TEST_CASE("home: counters count unsynced records in a training workspace; open is fast") {
  UnlockedApp a(true, 2000);
  app::HomeModel m;
  const auto start = std::chrono::steady_clock::now();
  m.open(a.model);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(m.totalResidents() == 2000);
  CHECK(m.rowCount() == 2000);
  CHECK(m.unsynced() == 2000);
  // It never syncs: the counter says so instead of "2.000 bản ghi chưa đồng bộ" (issue 16).
  CHECK(m.syncCounterText() == gocua::i18n::tr("app.home.training_never_syncs"));
  CHECK_FALSE(m.syncNeedsAttention());
  CHECK(m.needsDocuments() == 0);
  CHECK(m.villages().size() == 8);
  CHECK(seconds < 0.5);
  // Sorted by given name, then the rest of the name.
  for (std::size_t i = 1; i < m.rowCount(); ++i) {
    const auto a1 = gocua::core::foldKey(m.row(i - 1).name), b1 = gocua::core::foldKey(m.row(i).name);
    const auto ga = a1.substr(a1.rfind(' ') + 1), gb = b1.substr(b1.rfind(' ') + 1);
    INFO(a1 << " / " << b1);
    REQUIRE((ga < gb || (ga == gb && a1 <= b1)));
  }
  // Every row carries a full date or a year.
  for (std::size_t i = 0; i < 50; ++i) {
    const auto dob = m.row(i).dateOfBirth;
    CHECK((dob.size() == 10 || dob.size() == 4 || dob.size() == 7));
  }
}

TEST_CASE("home: residents added elsewhere show up without going away and back") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  m.query = "van";
  m.queryChanged();
  const auto before = m.rowCount();
  addResident(v.session(), {{"full_name", "Phạm Văn Tú"}, {"date_of_birth", "1975"}});
  m.refreshIfStale();
  CHECK(m.totalResidents() == 6);
  CHECK(m.rowCount() == before + 1);
  CHECK(m.query == "van");
}

TEST_CASE("home: reset at lock wipes the search text and forgets the rows") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  m.query = "nguyen";
  m.queryChanged();
  m.select(0);
  m.reset();
  CHECK(m.query.empty());
  CHECK(m.rowCount() == 0);
  CHECK(m.totalResidents() == 0);
  CHECK(m.villages().empty());
  CHECK(m.selectedId().empty());
  CHECK(m.row(0).name.empty());
}

TEST_CASE("home: a search says why a row is there and the village counts follow it") {
  Village v;
  app::HomeModel m;
  m.open(v.model);
  CHECK_FALSE(m.searching());
  m.query = "tran";
  m.queryChanged();
  CHECK(m.searching());
  CHECK(m.matchCount() == 2);
  CHECK(m.allMatches() == 2);
  const int dong = v.villageIndex(m, "Thôn Đông"), chua = v.villageIndex(m, "Xóm Chùa");
  REQUIRE(dong >= 0);
  REQUIRE(chua >= 0);
  CHECK(m.villages()[static_cast<std::size_t>(dong)].matches == 2);
  CHECK(m.villages()[static_cast<std::size_t>(chua)].matches == 0);
  CHECK(m.row(0).matchedBy.empty());  // the name matched: it is on the row already

  m.query = "0912";
  m.queryChanged();
  REQUIRE(m.rowCount() == 1);
  CHECK(m.row(0).matchedPhone);
  CHECK(m.row(0).matchedBy == gocua::i18n::tr("app.home.matched.phone"));
  m.query = "001152";
  m.queryChanged();
  REQUIRE(m.rowCount() == 1);
  CHECK(m.row(0).matchedId);
  CHECK(m.row(0).matchedBy == gocua::i18n::tr("app.home.matched.personal_id"));
  m.query = "1948";
  m.queryChanged();
  REQUIRE(m.rowCount() == 1);
  CHECK(m.row(0).matchedBirth);
  CHECK(m.villages()[static_cast<std::size_t>(chua)].matches == 1);

  // Inside a village the count is the village's; clearing the search clears the counts.
  m.query = "van";
  m.queryChanged();
  m.selectVillage(dong);
  CHECK(m.matchCount() == 1);  // Trần Văn An (Bình and Dũng live elsewhere)
  CHECK(m.allMatches() == 3);
  CHECK_FALSE(m.truncated());
  m.clearQuery();
  CHECK_FALSE(m.searching());
  CHECK(m.villages()[static_cast<std::size_t>(dong)].matches == 0);
}
