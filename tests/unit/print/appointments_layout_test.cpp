// The police's appointment list: sorted by appointment date (undated last), then name; the six
// columns; the header repeated on every page.
#include <doctest/doctest.h>

#include <algorithm>

#include "print/appointments.h"

namespace {

using namespace gocua;

std::vector<float> yOf(const print::PageLayout& l, const std::string& text) {
  std::vector<float> ys;
  for (const auto& t : l.texts)
    if (t.text == text) ys.push_back(static_cast<float>(t.page) * 10000 + t.y);
  return ys;
}

}  // namespace

TEST_CASE("appointments: by date then name, with every column") {
  print::AppointmentList list{"Xã Thử", "Thôn 1", {2026, 12, 5}, {}};
  list.rows.push_back({"Trần Văn Bình", "01/02/1990", "001090000001", "0912345678", "20/12/2026"});
  list.rows.push_back({"Nguyễn Thị Hoà", "03/04/1985", "001185000002", "0987654321", "10/12/2026"});
  list.rows.push_back({"Lê Văn An", "05/06/1970", "001070000003", "", ""});
  list.rows.push_back({"Đặng Thị Ánh", "07/08/2000", "001300000004", "0901234567", "20/12/2026"});
  auto l = print::layoutAppointments(list);
  REQUIRE(l);
  for (const char* h : {"STT", "Họ và tên", "Ngày sinh", "Số định danh", "Điện thoại", "Ngày hẹn"})
    CHECK(yOf(*l, h).size() == 1);
  const auto hoa = yOf(*l, "Nguyễn Thị Hoà"), anh = yOf(*l, "Đặng Thị Ánh"), binh = yOf(*l, "Trần Văn Bình"),
             an = yOf(*l, "Lê Văn An");
  REQUIRE(hoa.size() == 1);
  REQUIRE(anh.size() == 1);
  REQUIRE(binh.size() == 1);
  REQUIRE(an.size() == 1);
  CHECK(hoa[0] < anh[0]);  // 10/12 first; on 20/12 Đặng before Trần (folded)
  CHECK(anh[0] < binh[0]);
  CHECK(binh[0] < an[0]);  // undated last
  CHECK(yOf(*l, "03/04/1985") == hoa);
  CHECK(yOf(*l, "001185000002") == hoa);
  CHECK(yOf(*l, "0987654321") == hoa);
  CHECK(std::any_of(l->texts.begin(), l->texts.end(),
                    [](const auto& t) { return t.text.find("Thôn 1") != std::string::npos; }));
}

TEST_CASE("appointments: a long list goes on, with the header again on the next page") {
  print::AppointmentList list{"Xã Thử", "Thôn 2", {2026, 12, 5}, {}};
  for (int i = 0; i < 80; ++i)
    list.rows.push_back({"Người " + std::to_string(i), "01/01/1990", "0010900000" + std::to_string(10 + i), "", ""});
  auto l = print::layoutAppointments(list);
  REQUIRE(l);
  CHECK(l->pages >= 2);
  CHECK(yOf(*l, "Họ và tên").size() == static_cast<std::size_t>(l->pages));
  CHECK(yOf(*l, "80").size() == 1);
  CHECK(yOf(*l, "Trang 1/" + std::to_string(l->pages)).size() == 1);
  CHECK(yOf(*l, "Trang " + std::to_string(l->pages) + "/" + std::to_string(l->pages)).size() == 1);
  CHECK(l->qrCodes.empty());  // a list has no record id to carry
}
