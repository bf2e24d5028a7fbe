// layoutAppointments: a title block, then one table row per resident, header repeated on each page.
#include "print/appointments.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/text.h"

namespace gocua::print {

namespace {

constexpr float kText = 9.5f;

struct Column {
  const char* header;
  float x, width;
};
constexpr std::array<Column, 6> kColumns = {{{"STT", kMargin, 26},
                                             {"Họ và tên", kMargin + 28, 130},
                                             {"Ngày sinh", kMargin + 160, 62},
                                             {"Số định danh", kMargin + 224, 80},
                                             {"Điện thoại", kMargin + 306, 72},
                                             {"Ngày hẹn", kMargin + 380, 103}}};

// "dd/mm/yyyy" → "yyyymmdd" for sorting; undated rows last.
std::string sortKey(const std::string& date) {
  auto d = core::parseDate(date);
  if (!d) return "99999999";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
  return buf;
}

void header(PageCursor& cursor) {  // the column titles and a rule under them
  cursor.keep(40);
  cursor.skip(kText * 1.6f);
  for (const auto& c : kColumns) cursor.place(c.header, c.x, kText, true);
  cursor.skip(4);
  const float rule = kColumns.back().x + kColumns.back().width - kMargin;
  cursor.place(std::string(static_cast<std::size_t>(rule / cursor.measure("-", 6, false)), '-'), kMargin, 6, false);
}

}  // namespace

Result<PageLayout> layoutAppointments(const AppointmentList& list, const Measure& measure) {
  std::vector<const AppointmentRow*> rows;
  for (const auto& r : list.rows) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](const AppointmentRow* a, const AppointmentRow* b) {
    const auto ka = sortKey(a->appointmentDate), kb = sortKey(b->appointmentDate);
    return ka != kb ? ka < kb : core::foldKey(a->name) < core::foldKey(b->name);
  });

  PageLayout layout;
  PageCursor cursor(layout, measure, 40);
  cursor.centered("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true);
  cursor.centered("Độc lập - Tự do - Hạnh phúc", 12, true);
  cursor.skip(12);
  cursor.centered("DANH SÁCH HẸN LÀM ĐỊNH DANH ĐIỆN TỬ MỨC 2 (VNeID)", 14, true);
  // A laptop not yet enrolled knows no commune name: "Công an xã" then, and no dash without villages.
  const std::string commune = list.communeName.empty() ? "xã" : communeInText(list.communeName);
  auto where = core::toNfc("Kính gửi: Công an " + commune + (list.village.empty() ? "" : " — " + list.village));
  if (!where) return where.error();
  cursor.centered(*where, 11, false);
  cursor.centered("Số người: " + std::to_string(rows.size()), 11, false);
  header(cursor);

  int page = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AppointmentRow& r = *rows[i];
    const std::array<std::string, 6> raw = {std::to_string(i + 1), r.name,  r.dateOfBirth,
                                            r.personalId,          r.phone, r.appointmentDate};
    std::array<std::vector<std::string>, 6> cells;
    std::size_t height = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      auto text = core::toNfc(raw[c]);
      if (!text) return text.error();
      cells[c] = cursor.wrap(*text, kText, false, kColumns[c].width);
      height = std::max(height, cells[c].size());
    }
    const float lead = kText * kLeading;
    cursor.keep(lead * static_cast<float>(height) + 4);
    if (layout.pages - 1 != page) {  // a new page: repeat the header
      page = layout.pages - 1;
      header(cursor);
    }
    cursor.skip(lead);
    for (std::size_t c = 0; c < cells.size(); ++c)
      for (std::size_t l = 0; l < cells[c].size(); ++l)
        cursor.place(cells[c][l], kColumns[c].x, kText, false, lead * static_cast<float>(l));
    cursor.skip(lead * static_cast<float>(height - 1) + 3);
  }

  cursor.keep(90);
  cursor.skip(24);
  const auto& d = list.printDate;
  char date[64];
  std::snprintf(date, sizeof date,
                list.communeName.empty() ? "Ngày %02d tháng %02d năm %d" : ", ngày %02d tháng %02d năm %d", d.day,
                d.month, d.year);
  cursor.line(list.communeName + date, 11, false, kPageWidth / 2 - 20);
  cursor.line("NGƯỜI LẬP DANH SÁCH", 11, true, kPageWidth / 2 + 30);
  cursor.line("(Ký, ghi rõ họ, chữ đệm, tên)", 9, false, kPageWidth / 2 + 30);
  addPageMarks(layout, measure);
  return layout;
}

}  // namespace gocua::print
