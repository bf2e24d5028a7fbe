// The declaration's layout as data: fields in the form's order, choices by their label, dates
// dd/mm/yyyy, empty optional fields as dotted lines, long values wrapped, pages added.
#include <doctest/doctest.h>

#include <algorithm>

#include "../forms/shipped_forms.h"
#include "print/declaration.h"

namespace {

using namespace gocua;
using forms::testing::form;
using forms::testing::kToday;
using forms::testing::sample;

const std::string kId = "0d6b1c8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f";

print::PageLayout laidOut(const nlohmann::json& answers, const std::string& formId = "birth_registration") {
  auto layout = print::layoutDeclaration({form(formId), answers, kId, "Xã Thử", kToday});
  REQUIRE(layout);
  return *layout;
}

// Index of the first run containing text, or -1.
long find(const print::PageLayout& l, const std::string& text) {
  auto it = std::find_if(l.texts.begin(), l.texts.end(),
                         [&](const print::TextRun& t) { return t.text.find(text) != std::string::npos; });
  return it == l.texts.end() ? -1 : it - l.texts.begin();
}

}  // namespace

TEST_CASE("declaration: header, title, addressee, fields in the form's order, signature, QR with the id") {
  auto answers = sample("birth_registration");
  const auto l = laidOut(answers);
  const long header = find(l, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const long title = find(l, "TỜ KHAI ĐĂNG KÝ KHAI SINH");
  const long to = find(l, "Kính gửi: Uỷ ban nhân dân xã Thử");
  const long requester = find(l, "Họ, chữ đệm, tên người yêu cầu");
  const long child = find(l, form("birth_registration").field("child.surname")->label.vi + ":");
  const long signature = find(l, "(Ký, ghi rõ họ, chữ đệm, tên)");
  CHECK(header >= 0);
  CHECK(title > header);
  CHECK(to > title);
  CHECK(child > to);
  CHECK(signature > child);
  CHECK(find(l, "Làm tại xã Thử, ngày 15 tháng 11 năm 2025") >= 0);
  if (requester >= 0) CHECK(requester < child);
  REQUIRE(l.qrCodes.size() == static_cast<std::size_t>(l.pages));  // the large one, then one per later page
  CHECK(l.qrCodes[0].page == 0);
  CHECK(l.qrCodes[0].payload == kId);
  CHECK(find(l, kId) >= 0);
}

TEST_CASE("declaration: a choice by its Vietnamese label, a date as dd/mm/yyyy, yes/no in words") {
  auto answers = sample("birth_registration");
  answers["child"]["sex"] = "female";
  answers["child"]["date_of_birth"] = "2025-11-02";  // as a spreadsheet writes it
  const auto l = laidOut(answers);
  const auto* sex = form("birth_registration").field("child.sex");
  CHECK(find(l, sex->label.vi + ": " + sex->findChoice("female")->label.vi) >= 0);
  CHECK(find(l, "02/11/2025") >= 0);
  CHECK(find(l, "2025-11-02") < 0);
  CHECK(print::displayValue(*form("birth_registration").field("marriage.parents_married"), true) == "Có");
}

TEST_CASE("declaration: an unanswered optional field is a dotted line; a long value wraps") {
  auto answers = sample("birth_registration");
  answers["child"].erase("middle_name");
  std::string longPlace = "Trạm y tế";
  for (int i = 0; i < 30; ++i) longPlace += " thôn Đồng Hoà";
  answers["child"]["place_of_birth"] = longPlace;
  const auto l = laidOut(answers);
  const auto* middle = form("birth_registration").field("child.middle_name");
  const long dotted = find(l, middle->label.vi + ": ....");
  CHECK(dotted >= 0);
  const long place = find(l, "Trạm y tế");
  REQUIRE(place >= 0);
  const auto& first = l.texts[static_cast<std::size_t>(place)];
  const auto& next = l.texts[static_cast<std::size_t>(place) + 1];
  CHECK(next.text.find("Đồng Hoà") != std::string::npos);  // the value goes on under its label
  CHECK(next.y > first.y);
  for (const auto& t : l.texts)
    CHECK_MESSAGE(t.x + print::estimateWidth(t.text, t.size, t.bold) <= print::kPageWidth - print::kMargin + 1, t.text);
}

TEST_CASE("declaration: many rows go on to a second page, every line inside the margins") {
  auto answers = sample("health_insurance_household");
  const auto one = laidOut(answers, "health_insurance_household");
  for (auto& [section, fields] : answers.items())
    for (auto& [id, value] : fields.items())
      if (value.is_array() && !value.empty() && value[0].is_object())
        while (value.size() < 12) value.push_back(value[0]);
  const auto many = laidOut(answers, "health_insurance_household");
  CHECK(many.pages > one.pages);
  for (const auto& t : many.texts) {
    CHECK(t.page < many.pages);
    const bool footer = t.text.starts_with("Trang ") || t.text == kId;  // the page marks, in the bottom margin
    CHECK_MESSAGE((footer || t.y <= print::kPageHeight - print::kMargin + 0.5f), t.text);
    CHECK(t.y <= print::kPageHeight - 8);
  }
}

TEST_CASE("declaration: every page of a long one is numbered, and pages after the first carry the id") {
  int onePagers = 0;
  for (const char* id : {"vneid_level2", "death_registration", "marriage_registration", "residence_ct01"}) {
    const auto l = laidOut(sample(id), id);
    CHECK_MESSAGE((l.pages > 1) == (find(l, "Trang ") >= 0), id);  // one page: no number
    onePagers += l.pages == 1;
  }
  CHECK(onePagers > 0);
  auto answers = sample("health_insurance_household");
  for (auto& [section, fields] : answers.items())
    for (auto& [id, value] : fields.items())
      if (value.is_array() && !value.empty() && value[0].is_object())
        while (value.size() < 12) value.push_back(value[0]);
  const auto l = laidOut(answers, "health_insurance_household");
  REQUIRE(l.pages >= 2);
  REQUIRE(l.qrCodes.size() == static_cast<std::size_t>(l.pages));
  for (int page = 0; page < l.pages; ++page) {
    const std::string number = "Trang " + std::to_string(page + 1) + "/" + std::to_string(l.pages);
    const long at = find(l, number);
    REQUIRE_MESSAGE(at >= 0, number);
    CHECK(l.texts[static_cast<std::size_t>(at)].page == page);
    CHECK(l.qrCodes[static_cast<std::size_t>(page)].page == page);
    CHECK(l.qrCodes[static_cast<std::size_t>(page)].payload == kId);
  }
  for (std::size_t i = 1; i < l.qrCodes.size(); ++i) {  // the later codes sit below every body line
    const auto& qr = l.qrCodes[i];
    CHECK(qr.y >= print::kPageHeight - print::kMargin);
    CHECK(qr.y + qr.side <= print::kPageHeight);
  }
}

TEST_CASE("declaration: 'Xã', 'Phường' are written in lower case inside a sentence") {
  CHECK(print::communeInText("Xã Thử") == "xã Thử");
  CHECK(print::communeInText("Phường Hoà Bình") == "phường Hoà Bình");
  CHECK(print::communeInText("Thị trấn Mới") == "Thị trấn Mới");
}
