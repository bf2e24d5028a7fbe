// layoutDeclaration: the official paper's order, top to bottom, from the form definition.
#include "print/declaration.h"

#include <cstdio>

#include "core/text.h"

namespace gocua::print {

using nlohmann::json;

namespace {

constexpr float kBody = 11, kSmall = 9, kQrSide = 62;
const json kNone;  // an unanswered field or section, read in place (answers are never copied)
constexpr const char* kDots = "..............................................";

bool answered(const json& a) {
  return !(a.is_null() || (a.is_string() && a.get_ref<const std::string&>().empty()) || (a.is_array() && a.empty()));
}

std::string dateText(const json& a) {
  if (!a.is_string()) return a.dump();
  const auto& s = a.get_ref<const std::string&>();
  auto d = core::parseDate(s, core::DatePrecision::Year);
  return d ? core::formatDate(*d) : s;  // as typed when it does not read as a date
}

std::string choiceText(const forms::FieldDef& field, const json& a) {
  if (!a.is_string()) return a.dump();
  const auto* c = field.findChoice(a.get_ref<const std::string&>());
  return c ? c->label.vi : a.get<std::string>();
}

std::string twoDigits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

// Lays out one field (and a repeat's rows) at this indent; path is the concrete answer path.
class FieldWriter {
 public:
  FieldWriter(PageCursor& cursor, const DeclarationInput& in) : cursor_(cursor), in_(in) {}

  Status field(const forms::FieldDef& f, const json& scope, const std::string& path, float indent) {
    if (!in_.form.isRelevant(path, in_.answers, in_.printDate)) return {};
    const auto it = scope.is_object() ? scope.find(f.id) : scope.end();
    const json& answer = (scope.is_object() && it != scope.end()) ? *it : kNone;
    const float left = kMargin + indent;
    if (f.type == forms::FieldType::Repeat) {
      cursor_.line(f.label.vi + ":", kBody, false, left);
      if (!answer.is_array() || answer.empty()) {
        cursor_.line(kDots, kBody, false, left + 14);
        return {};
      }
      for (std::size_t row = 0; row < answer.size(); ++row) {
        cursor_.line(std::to_string(row + 1) + ".", kBody, true, left + 6);
        for (const auto& child : f.children)
          GOCUA_TRY(field(child, answer[row], path + "[" + std::to_string(row) + "]." + child.id, indent + 20));
      }
      return {};
    }
    if (!answered(answer)) {
      cursor_.line(f.label.vi + ": " + kDots, kBody, false, left);
      return {};
    }
    auto value = core::toNfc(displayValue(f, answer));
    if (!value) return value.error();
    cursor_.line(f.label.vi + ": " + *value, kBody, false, left, kPageWidth - kMargin, 14);
    return {};
  }

 private:
  PageCursor& cursor_;
  const DeclarationInput& in_;
};

std::string printTitle(const forms::Form& form) {
  const auto& t = form.printTitle();
  return t.empty() ? form.title(i18n::Lang::Vi) : t.vi;
}

}  // namespace

std::string displayValue(const forms::FieldDef& field, const json& answer) {
  if (!answered(answer)) return {};
  switch (field.type) {
    case forms::FieldType::Date:
      return dateText(answer);
    case forms::FieldType::Choice:
      return choiceText(field, answer);
    case forms::FieldType::MultiChoice: {
      std::string out;
      for (const auto& v : answer.is_array() ? answer : json::array({answer})) {
        if (!out.empty()) out += ", ";
        out += choiceText(field, v);
      }
      return out;
    }
    case forms::FieldType::Bool:
      return answer.is_boolean() ? (answer.get<bool>() ? "Có" : "Không") : answer.dump();
    default:
      return answer.is_string() ? answer.get<std::string>() : answer.dump();
  }
}

Result<PageLayout> layoutDeclaration(const DeclarationInput& in, const Measure& measure) {
  PageLayout layout;
  layout.qrCodes.push_back({0, kPageWidth - kMargin - kQrSide, 24, kQrSide, in.recordId});
  PageCursor idLine(layout, measure, 24 + kQrSide);
  idLine.place(in.recordId, kPageWidth - kMargin - measure(in.recordId, 6, false), 6, false, 8);

  PageCursor cursor(layout, measure, 40);
  cursor.centered("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true);
  cursor.centered("Độc lập - Tự do - Hạnh phúc", 12, true);
  cursor.centered("---------------", kSmall, false);
  cursor.skip(14);
  auto title = core::toNfc(printTitle(in.form));
  if (!title) return title.error();
  cursor.centered(*title, 14, true);
  cursor.skip(6);
  std::string authority = in.form.authority(i18n::Lang::Vi);
  if (authority.ends_with(" cấp xã")) authority.resize(authority.size() - std::string_view(" cấp xã").size());
  auto to = core::toNfc("Kính gửi: " + authority + " " + communeInText(in.communeName));
  if (!to) return to.error();
  cursor.centered(*to, 12, false);
  cursor.skip(8);

  FieldWriter writer(cursor, in);
  for (const auto& section : in.form.root().children) {
    if (!in.form.isRelevant(section.path, in.answers, in.printDate)) continue;
    cursor.keep(60);  // a heading never ends a page
    cursor.skip(4);
    cursor.line(section.label.vi, kBody, true);
    const auto it = in.answers.is_object() ? in.answers.find(section.id) : in.answers.end();
    const json& scope = (in.answers.is_object() && it != in.answers.end()) ? *it : kNone;
    for (const auto& f : section.children) GOCUA_TRY(writer.field(f, scope, section.id + "." + f.id, 0));
  }

  const auto documents = in.form.checklist(in.answers, in.printDate);
  if (!documents.empty()) {
    cursor.keep(60);
    cursor.skip(4);
    cursor.line("Giấy tờ kèm theo:", kBody, true);
    for (const auto& d : documents)
      cursor.line("[   ] " + d.vi + (d.required ? "" : " (nếu có)"), kBody, false, kMargin, kPageWidth - kMargin, 22);
  }

  cursor.keep(150);
  cursor.skip(14);
  const float signLeft = kPageWidth / 2;
  const auto& d = in.printDate;
  cursor.line("Làm tại " + communeInText(in.communeName) + ", ngày " + twoDigits(d.day) + " tháng " +
                  twoDigits(d.month) + " năm " + std::to_string(d.year),
              kBody, false, signLeft - 30);
  cursor.line("NGƯỜI YÊU CẦU", kBody, true, signLeft + 50);
  cursor.line("(Ký, ghi rõ họ, chữ đệm, tên)", kSmall, false, signLeft + 36);
  addPageMarks(layout, measure, in.recordId);
  return layout;
}

}  // namespace gocua::print
