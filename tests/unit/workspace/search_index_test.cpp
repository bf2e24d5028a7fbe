#include <doctest/doctest.h>

#include "core/text.h"
#include "workspace/search_index.h"
#include "workspace/snapshot_bytes.h"

using namespace gocua;
using namespace gocua::workspace;

namespace {
IndexedResident person(std::uint8_t tag, std::string name, std::string dob, std::string id = "",
                       std::string phone = "") {
  IndexedResident r;
  r.id.fill(tag);
  r.fullName = name;
  r.folded = core::foldKey(name);
  r.dateOfBirth = std::move(dob);
  r.personalId = std::move(id);
  r.phone = std::move(phone);
  return r;
}

std::vector<std::string> names(const SearchIndex& idx, std::string_view q, std::size_t limit = 20) {
  std::vector<std::string> out;
  for (auto h : idx.search(q, limit)) out.push_back(idx.residents()[h.index].fullName);
  return out;
}

SearchIndex sample() {
  SearchIndex idx;
  idx.upsert(person(1, "Nguyễn Văn An", "05/03/1990", "001090123456", "0912345678"));
  idx.upsert(person(2, "Đặng Thị Hòa", "1948", "038148000001"));
  idx.upsert(person(3, "Trần Thị Hoà", "12/12/2001", "", "0387654321"));
  idx.upsert(person(4, "Nguyễn An Khang", "01/01/2015"));
  idx.upsert(person(5, "Lê Văn Dũng", "02/02/1975", "079075111111"));
  idx.finalize();
  return idx;
}
}  // namespace

TEST_CASE("names match without diacritics, đ folds to d, old and new tone placement agree") {
  auto idx = sample();
  CHECK(names(idx, "dang") == std::vector<std::string>{"Đặng Thị Hòa"});
  CHECK(names(idx, "ĐẶNG") == std::vector<std::string>{"Đặng Thị Hòa"});
  auto hoa = names(idx, "hoa");
  CHECK(hoa.size() == 2);
  CHECK(names(idx, "hoà").size() == 2);
  CHECK(names(idx, "dung") == std::vector<std::string>{"Lê Văn Dũng"});
}

TEST_CASE("words match prefixes in any order; the exact full name ranks first") {
  auto idx = sample();
  auto r = names(idx, "an nguyen");
  REQUIRE(r.size() == 2);
  CHECK(r[0] == "Nguyễn Văn An");  // An is the given name there, a middle name in the other
  CHECK(names(idx, "nguyen an khang")[0] == "Nguyễn An Khang");
  CHECK(names(idx, "nguy kh") == std::vector<std::string>{"Nguyễn An Khang"});
  CHECK(names(idx, "nguyen zzz").empty());
  CHECK(names(idx, "nguyen", 1).size() == 1);
}

TEST_CASE("numbers match ID prefixes, phones with +84, and birth years") {
  auto idx = sample();
  CHECK(names(idx, "001090") == std::vector<std::string>{"Nguyễn Văn An"});
  CHECK(names(idx, "+84912") == std::vector<std::string>{"Nguyễn Văn An"});
  CHECK(names(idx, "0387") == std::vector<std::string>{"Trần Thị Hoà"});
  CHECK(names(idx, "1948") == std::vector<std::string>{"Đặng Thị Hòa"});
  CHECK(names(idx, "hoa 2001") == std::vector<std::string>{"Trần Thị Hoà"});
  CHECK(names(idx, "12").empty());  // too short to mean anything
  // Phones as written on paper.
  CHECK(names(idx, "0912 345 678") == std::vector<std::string>{"Nguyễn Văn An"});
  CHECK(names(idx, "0912.345.678") == std::vector<std::string>{"Nguyễn Văn An"});
  CHECK(names(idx, "+84 912 345 678") == std::vector<std::string>{"Nguyễn Văn An"});
  CHECK(names(idx, "0912-345") == std::vector<std::string>{"Nguyễn Văn An"});
}

TEST_CASE("same folded name and date of birth is found for duplicate warnings") {
  auto idx = sample();
  CHECK(idx.findSameNameAndBirth(core::foldKey("NGUYEN VAN AN"), "05/03/1990") != nullptr);
  CHECK(idx.findSameNameAndBirth(core::foldKey("Nguyen Van An"), "06/03/1990") == nullptr);
}

TEST_CASE("upsert of an existing id replaces its entry and tokens") {
  auto idx = sample();
  idx.upsert(person(5, "Lê Văn Dũng Mới", "02/02/1975"));
  idx.finalize();
  CHECK(idx.size() == 5);
  CHECK(names(idx, "moi") == std::vector<std::string>{"Lê Văn Dũng Mới"});
  CHECK(names(idx, "079075").empty());  // the new version has no ID number
}

TEST_CASE("clear wipes everything") {
  auto idx = sample();
  idx.clear();
  CHECK(idx.size() == 0);
  CHECK(idx.search("nguyen", 10).empty());
  CHECK(idx.findSameNameAndBirth(core::foldKey("Nguyễn Văn An"), "05/03/1990") == nullptr);
}

TEST_CASE("a common surname over many residents returns a bounded, full result list") {
  SearchIndex idx;
  for (int i = 0; i < 20000; ++i) {
    IndexedResident r = person(0, "Nguyễn Văn Người" + std::to_string(i % 7 == 0 ? 1 : 2), "01/01/1980");
    r.id[0] = static_cast<std::uint8_t>(i);
    r.id[1] = static_cast<std::uint8_t>(i >> 8);
    idx.upsert(std::move(r));
  }
  idx.finalize();
  CHECK(idx.search("nguyen", 20).size() == 20);
  CHECK(idx.search("nguyen van nguoi1", 5).size() == 5);
}

TEST_CASE("a hit says what matched; every hit is counted beyond the display limit and the ranking cap") {
  auto idx = sample();
  auto first = [&](std::string_view q) { return idx.search(q, 5).at(0); };
  CHECK(first("nguyen van").matched == kMatchedName);
  CHECK(first("0912").matched == kMatchedPhone);
  CHECK(first("001090").matched == kMatchedPersonalId);
  CHECK(first("3456").matched == kMatchedPersonalId);  // the end of the ID number
  CHECK(first("1948").matched == kMatchedBirth);
  CHECK(first("05/03/1990").matched == kMatchedBirth);
  CHECK(first("an 0912").matched == (kMatchedName | kMatchedPhone));

  std::vector<std::uint32_t> every;
  CHECK(idx.search("nguyen", 1, &every).size() == 1);
  CHECK(every.size() == 2);

  // A common surname: more people than the 2,000 candidates ranked for the list.
  SearchIndex many;
  for (int i = 0; i < 2500; ++i) {
    auto r = person(0, "Nguyễn Văn Số " + std::to_string(i), "1990");
    r.id[0] = static_cast<std::uint8_t>(i & 0xff);
    r.id[1] = static_cast<std::uint8_t>(i >> 8);
    many.upsert(std::move(r));
  }
  CHECK(many.search("nguyen", 10, &every).size() == 10);
  CHECK(every.size() == 2500);
}

TEST_CASE("a full name is found when its every word is common: the ranking cap applies to people with every word") {
  // 2,100 "Hà Văn Lan" and 2,100 "Đỗ Thị Minh" before the one "Hà Thị Minh": the postings of "ha"
  // and of "minh" each start with 2,100 people who lack the other word.
  SearchIndex idx;
  auto add = [&idx](int i, const char* name) {
    auto r = person(0, name, "1990");
    r.id[0] = static_cast<std::uint8_t>(i & 0xff);
    r.id[1] = static_cast<std::uint8_t>(i >> 8);
    idx.upsert(std::move(r));
  };
  for (int i = 0; i < 2100; ++i) add(i, "Hà Văn Lan");
  for (int i = 2100; i < 4200; ++i) add(i, "Đỗ Thị Minh");
  add(4200, "Hà Thị Minh");
  idx.finalize();
  CHECK(names(idx, "ha minh") == std::vector<std::string>{"Hà Thị Minh"});
  CHECK(names(idx, "minh ha") == std::vector<std::string>{"Hà Thị Minh"});
}

TEST_CASE("an edited name is searched by its new spelling, ranked by its new marks") {
  auto idx = sample();
  idx.upsert(person(3, "Trần Thị Thuý", "12/12/2001"));
  idx.upsert(person(6, "Trần Thị Thủy", "12/12/2002"));
  idx.finalize();
  CHECK(names(idx, "hoa") == std::vector<std::string>{"Đặng Thị Hòa"});
  CHECK(names(idx, "Thuý") == std::vector<std::string>{"Trần Thị Thuý", "Trần Thị Thủy"});
  CHECK(names(idx, "Thủy") == std::vector<std::string>{"Trần Thị Thủy", "Trần Thị Thuý"});
}

TEST_CASE("index copy: bytes give back an index that answers every query the same way") {
  SearchIndex idx = sample();
  idx.upsert(person(6, "H'Hen Niê", "03/04/1980", "066180000123"));
  idx.upsert(person(7, "Ksor H'Bia-Mlô", "1960"));
  idx.upsert(person(2, "Đặng Thị Hoà", "1948", "038148000002"));  // an edit: old tokens gone
  std::string bytes;
  idx.writeTo(bytes);
  bytes::Reader in(bytes);
  auto copy = SearchIndex::readFrom(in);
  REQUIRE(copy);
  CHECK(in.atEnd());
  REQUIRE(copy->size() == idx.size());
  for (std::uint32_t i = 0; i < idx.size(); ++i) {
    CHECK(copy->residents()[i].id == idx.residents()[i].id);
    CHECK(copy->residents()[i].fullName == idx.residents()[i].fullName);
    CHECK(copy->residents()[i].personalId == idx.residents()[i].personalId);
  }
  for (const char* q : {"an", "nguyen van", "hoa", "hòa", "hhen", "hen nie", "bia mlo", "001090", "5678", "1948",
                        "05/03/1990", "038148000002", "038148000001", "dungg", "khang"}) {
    INFO(q);
    CHECK(names(*copy, q) == names(idx, q));
  }
  CHECK(copy->find(idx.residents()[3].id) != nullptr);
  CHECK(copy->findSameNameAndBirth(core::foldKey("Lê Văn Dũng"), "02/02/1975") != nullptr);
}

TEST_CASE("index copy: every cut and every changed byte is refused or still safe to search") {
  SearchIndex idx = sample();
  idx.upsert(person(6, "H'Hen Niê", "03/04/1980", "066180000123"));
  std::string bytes;
  idx.writeTo(bytes);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    bytes::Reader in(std::string_view(bytes).substr(0, cut));
    CHECK_FALSE(SearchIndex::readFrom(in));
  }
  // A changed byte is what the seal catches in use; here it must at least never read out of
  // bounds (ASan) when the bytes are searched.
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0x5a);
    bytes::Reader in(changed);
    if (auto copy = SearchIndex::readFrom(in))
      for (const char* q : {"an", "hen", "001090", "1990"}) (void)copy->search(q, 20);
  }
}
