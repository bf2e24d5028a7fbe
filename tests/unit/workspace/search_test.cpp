// Resident search as volunteers type it (issue 11), over a small real encrypted workspace that is
// imported, locked and unlocked again, so the index under test is the one built at unlock.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

// Ê Đê and Jrai names with apostrophes and hyphens, names that fold alike, and a few others.
const char* const kResidents[] = {
    R"({"full_name":"H'Hen Niê","date_of_birth":"12/07/1995","sex":"female","personal_id":"066195001234","phone":"0356111222"})",
    R"({"full_name":"Y-Moan Ênuôl","date_of_birth":"03/04/1988","sex":"male","personal_id":"066088004321","phone":"0983777444"})",
    R"({"full_name":"Ksor H'Bla","date_of_birth":"1975","sex":"female"})",
    R"({"full_name":"Nguyễn Văn An","date_of_birth":"05/03/1990","sex":"male","personal_id":"001090123456","phone":"0912345678"})",
    R"({"full_name":"Nguyễn Thị Nguyên","date_of_birth":"20/11/1985","sex":"female","personal_id":"001185000777"})",
    R"({"full_name":"Trần Thị Nguyên","date_of_birth":"1970","sex":"female"})",
    R"({"full_name":"Nguyễn An Khang","date_of_birth":"01/01/2015","sex":"male","personal_id":"001215000111"})",
    R"({"full_name":"Lê Thị Thủy","date_of_birth":"14/02/1992","sex":"female"})",
    R"({"full_name":"Phạm Thị Thuý","date_of_birth":"15/02/1992","sex":"female"})",
    R"({"full_name":"Trần Thị Thúy","date_of_birth":"16/02/1992","sex":"female"})",
    R"({"full_name":"Đỗ Văn Lộc","date_of_birth":"1980","sex":"male"})",
    R"({"full_name":"Bùi Văn Lọc","date_of_birth":"1981","sex":"male"})",
    R"({"full_name":"Phạm Văn Bình","date_of_birth":"10/10/1960","sex":"male","phone":"0977123123"})",
    R"({"full_name":"Hoàng Thị Lan","date_of_birth":"1955","sex":"female"})",
    R"({"full_name":"Vũ Đức Minh","date_of_birth":"22/08/1999","sex":"male"})",
    R"({"full_name":"Đặng Văn Hùng","date_of_birth":"1972","sex":"male","phone":"0388000111"})",
    R"({"full_name":"Võ Thị Mai","date_of_birth":"07/07/1977","sex":"female"})",
    R"({"full_name":"Lý Thị Hoa","date_of_birth":"2001","sex":"female"})",
    R"({"full_name":"Lương Văn Ngọc","date_of_birth":"1968","sex":"male"})",
    R"({"full_name":"Siu H'Nhung","date_of_birth":"2000","sex":"female"})",
};

// The residents above, imported, then the workspace locked and unlocked again.
struct Village {
  TempDir dir;
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<Session> session;

  Village() {
    {
      auto created = Workspace::create(dir.path / "ws", "Lan", kPass, false, kKdf);
      REQUIRE(created.ok());
      auto s = (*created)->unlock("", kPass);
      REQUIRE(s.ok());
      std::stringstream ndjson;
      for (const char* r : kResidents) ndjson << r << "\n";
      auto imported = (*s)->importResidents(ndjson);
      REQUIRE(imported.ok());
      REQUIRE(imported->imported == std::size(kResidents));
    }
    auto opened = Workspace::open(dir.path / "ws");
    REQUIRE(opened.ok());
    ws = std::move(*opened);
    auto s = ws->unlock("", kPass);
    REQUIRE(s.ok());
    session = std::move(*s);
  }

  std::vector<std::string> names(std::string_view query) {
    std::vector<std::string> out;
    for (const auto& hit : session->searchResidents(query, 20)) out.push_back(hit["full_name"].get<std::string>());
    return out;
  }
  std::string first(std::string_view query) {
    auto n = names(query);
    return n.empty() ? std::string() : n[0];
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("names with apostrophes and hyphens are found by each part and by the parts joined") {
  Village v;
  CHECK(v.names("hen nie") == Names{"H'Hen Niê"});
  CHECK(v.names("hhen") == Names{"H'Hen Niê"});
  CHECK(v.names("h'hen") == Names{"H'Hen Niê"});
  CHECK(v.names("H’Hen Niê") == Names{"H'Hen Niê"});  // a typographic apostrophe
  CHECK(v.names("moan") == Names{"Y-Moan Ênuôl"});
  CHECK(v.names("ymoan") == Names{"Y-Moan Ênuôl"});
  CHECK(v.names("y-moan enuol") == Names{"Y-Moan Ênuôl"});
  CHECK(v.names("bla ksor") == Names{"Ksor H'Bla"});
  CHECK(v.names("hnhung") == Names{"Siu H'Nhung"});
}

TEST_CASE("a phone without its leading 0 finds the person, also written in groups") {
  Village v;
  CHECK(v.names("912345678") == Names{"Nguyễn Văn An"});
  CHECK(v.names("356111222") == Names{"H'Hen Niê"});
  CHECK(v.names("983 777 444") == Names{"Y-Moan Ênuôl"});
  CHECK(v.names("an 912345678") == Names{"Nguyễn Văn An"});
}

TEST_CASE("the last digits of a phone or ID number find the person, from four digits on") {
  Village v;
  CHECK(v.names("5678") == Names{"Nguyễn Văn An"});      // phone 0912345678
  CHECK(v.names("123456") == Names{"Nguyễn Văn An"});    // ID 001090123456
  CHECK(v.names("7444") == Names{"Y-Moan Ênuôl"});       // phone 0983777444
  CHECK(v.names("004321") == Names{"Y-Moan Ênuôl"});     // ID 066088004321
  CHECK(v.names("moan 4321") == Names{"Y-Moan Ênuôl"});  // with a name
  CHECK(v.names("678").empty());                         // three digits say too little
}

TEST_CASE("a full date of birth finds the person, with or without leading zeros") {
  Village v;
  CHECK(v.names("05/03/1990") == Names{"Nguyễn Văn An"});
  CHECK(v.names("5/3/1990") == Names{"Nguyễn Văn An"});
  CHECK(v.names("12/7/1995") == Names{"H'Hen Niê"});
  CHECK(v.names("nguyen 5/3/1990") == Names{"Nguyễn Văn An"});
  CHECK(v.names("06/03/1990").empty());
  CHECK(v.names("khang 5/3/1990").empty());
}

TEST_CASE("a near-miss spelling of a long word still finds the person") {
  Village v;
  CHECK(v.first("nguyn van an") == "Nguyễn Văn An");   // a letter left out
  CHECK(v.first("ngyuen van an") == "Nguyễn Văn An");  // two letters swapped
  CHECK(v.first("nguyen van an") == "Nguyễn Văn An");
  CHECK(v.names("khangg") == Names{"Nguyễn An Khang"});  // a letter too many
  CHECK(v.names("hoxxg").empty());                       // two edits away from hoang
  CHECK(v.names("lann").empty());                        // short words are never corrected
}

TEST_CASE("the diacritics as typed rank first, old and new tone placement alike") {
  Village v;
  auto thuy = v.names("Thuý");
  REQUIRE(thuy.size() == 3);
  // Thuý and Thúy are one spelling (the tone mark placed by the new or the old rule).
  CHECK(std::is_permutation(thuy.begin(), thuy.begin() + 2, Names{"Phạm Thị Thuý", "Trần Thị Thúy"}.begin()));
  CHECK(thuy[2] == "Lê Thị Thủy");
  CHECK(v.first("Thủy") == "Lê Thị Thủy");
  CHECK(v.names("Lộc") == Names{"Đỗ Văn Lộc", "Bùi Văn Lọc"});
  CHECK(v.names("Lọc") == Names{"Bùi Văn Lọc", "Đỗ Văn Lộc"});
  CHECK(v.names("thuy").size() == 3);  // without diacritics nothing is preferred
}

TEST_CASE("a word found where the query puts it ranks first: surname first, given name last") {
  Village v;
  CHECK(v.first("an nguyen") == "Nguyễn Văn An");
  // One word is most often a surname: every Nguyễn before Trần Thị Nguyên.
  auto nguyen = v.names("NGUYEN");
  REQUIRE(nguyen.size() == 4);
  CHECK(nguyen[3] == "Trần Thị Nguyên");
  // The diacritics as typed still come first.
  auto marked = v.names("Nguyên");
  REQUIRE(marked.size() == 4);
  CHECK(std::is_permutation(marked.begin(), marked.begin() + 2, Names{"Nguyễn Thị Nguyên", "Trần Thị Nguyên"}.begin()));
}
