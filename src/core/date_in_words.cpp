#include "core/date_in_words.h"

#include <array>

namespace gocua::core {

namespace {

constexpr std::array<const char*, 10> kDigits{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

// 0..99, as the last two digits of a number with (or without) a hundreds part before it.
std::string tens(int n, bool afterHundreds) {
  const int t = n / 10, u = n % 10;
  if (t == 0) {
    if (u == 0) return {};
    return afterHundreds ? std::string("linh ") + kDigits[u] : kDigits[u];
  }
  std::string out = t == 1 ? "mười" : std::string(kDigits[t]) + " mươi";
  if (u == 0) return out;
  if (u == 1 && t > 1) return out + " mốt";
  if (u == 4 && t > 1) return out + " tư";
  if (u == 5) return out + " lăm";
  return out + " " + kDigits[u];
}

}  // namespace

std::string vietnameseNumberWords(int n) {
  if (n < 0 || n > 9999) return {};
  if (n == 0) return kDigits[0];
  const int thousands = n / 1000, hundreds = n / 100 % 10, rest = n % 100;
  std::string out;
  auto append = [&out](const std::string& words) {
    if (words.empty()) return;
    if (!out.empty()) out += ' ';
    out += words;
  };
  if (thousands) append(std::string(kDigits[thousands]) + " nghìn");
  // After thousands the hundreds are said even when zero: 2024 = "... không trăm hai mươi tư".
  if (hundreds || (thousands && rest)) append(std::string(kDigits[hundreds]) + " trăm");
  append(tens(rest, thousands || hundreds));
  return out;
}

std::string dateInVietnameseWords(const Date& date) {
  if (date.precision() != DatePrecision::Day) return {};
  // The fourth month is "tháng tư", never "tháng bốn".
  const std::string month = date.month == 4 ? "tư" : vietnameseNumberWords(date.month);
  return "Ngày " + vietnameseNumberWords(date.day) + " tháng " + month + " năm " + vietnameseNumberWords(date.year);
}

}  // namespace gocua::core
