// Dates as Vietnamese forms write them (dd/mm/yyyy, and mm/yyyy or yyyy where a field accepts a
// partial date), the calendar arithmetic the validators need (age on a day, days between two
// days) and the not-in-the-future / not-in-the-past rules. Everything is proleptic Gregorian,
// no time zones except localDayOfUtc; only today() and the now* functions read the clock.
#include "core/date.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "core/errors.h"

namespace gocua::core {
namespace {

constexpr int kMinYear = 1850;
constexpr int kMaxYear = 2199;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A partial date stands for a span of days; these pick its ends.
Date earliestDay(const Date& d) { return {d.year, d.month ? d.month : 1, d.day ? d.day : 1}; }
Date latestDay(const Date& d) {
  const int m = d.month ? d.month : 12;
  return {d.year, m, d.day ? d.day : daysInMonth(d.year, m)};
}

}  // namespace

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

Result<Date> parseDate(std::string_view text, DatePrecision coarsest) {
  // Surrounding spaces come from copy-paste; they carry no meaning.
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);

  // Split into at most three runs of digits separated by one and the same separator.
  // '-' and '.' are accepted beside '/' because residents write 05-03-1950 and 05.03.1950.
  std::array<std::string_view, 3> parts{};
  std::size_t count = 0;
  char sep = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && isDigit(text[i])) continue;
    if (i < text.size()) {
      const char c = text[i];
      if (c != '/' && c != '-' && c != '.') return Error::make(err::kDateFormat);
      if (sep && c != sep) return Error::make(err::kDateFormat);
      sep = c;
    }
    if (i == start || count == parts.size()) return Error::make(err::kDateFormat);
    parts[count++] = text.substr(start, i - start);
    start = i + 1;
  }
  if (count == 0) return Error::make(err::kDateFormat);

  auto number = [](std::string_view p) {
    int v = 0;
    for (char c : p) v = v * 10 + (c - '0');
    return v;
  };
  // yyyy-mm-dd is how spreadsheets export dates; every other form ends with the year.
  const bool iso = count == 3 && sep == '-' && parts[0].size() == 4;
  const std::size_t yearIndex = iso ? 0 : count - 1;
  if (parts[yearIndex].size() != 4) return Error::make(err::kDateFormat);
  for (std::size_t k = 0; k < count; ++k)
    if (k != yearIndex && parts[k].size() > 2) return Error::make(err::kDateFormat);

  Date d;
  d.year = number(parts[yearIndex]);
  if (iso) {
    d.month = number(parts[1]);
    d.day = number(parts[2]);
  } else {
    if (count >= 2) d.month = number(parts[count - 2]);
    if (count == 3) d.day = number(parts[0]);
  }
  // "00/00/yyyy": old registers write an unknown day and month as zeros; what they know is the year.
  const bool yearOnlyZeros = !iso && count == 3 && d.day == 0 && d.month == 0;
  const auto precision = yearOnlyZeros ? DatePrecision::Year : static_cast<DatePrecision>(count);
  if (precision < coarsest) return Error::make(err::kDateFormat);

  if (d.year < kMinYear) return Error::make(err::kDateInvalid);
  if (precision >= DatePrecision::Month && (d.month < 1 || d.month > 12)) {
    // "03/25/1990": month and day swapped (the order of English-language forms and phones).
    const bool swapped =
        !iso && count == 3 && d.month > 12 && d.day >= 1 && d.day <= 12 && d.month <= daysInMonth(d.year, d.day);
    return Error::make(swapped ? err::kDateDayFirst : err::kDateInvalid);
  }
  if (precision == DatePrecision::Day && (d.day < 1 || d.day > daysInMonth(d.year, d.month)))
    return Error::make(err::kDateInvalid);
  // A real day past the calendar's end ("05/03/2300") is a typo for a future year, not a missing day.
  if (d.year > kMaxYear) return Error::make(err::kDateFuture);
  return d;
}

std::string formatIsoDay(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string formatDate(const Date& d) {
  auto pad = [](int v, int width) {
    std::string s = std::to_string(v < 0 ? 0 : v);
    return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
  };
  switch (d.precision()) {
    case DatePrecision::Day:
      return pad(d.day, 2) + "/" + pad(d.month, 2) + "/" + pad(d.year, 4);
    case DatePrecision::Month:
      return pad(d.month, 2) + "/" + pad(d.year, 4);
    case DatePrecision::Year:
      break;
  }
  return pad(d.year, 4);
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

namespace {
std::string formatNow(const char* format, bool utc) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  if (utc)
    gmtime_r(&now, &tm);
  else
    localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}
}  // namespace

std::string nowIso() { return formatNow("%Y-%m-%dT%H:%M:%SZ", true); }
std::string nowLocalDisplay() { return formatNow("%d/%m/%Y %H:%M", false); }

std::optional<std::int64_t> parseIsoUtc(std::string_view iso) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  char z = 0;
  const std::string text(iso);
  if (text.size() != 20 || std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
      z != 'Z' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
    return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  const std::time_t t = timegm(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  return static_cast<std::int64_t>(t);
}

std::optional<Date> localDayOfUtc(std::string_view iso) {
  const auto seconds = parseIsoUtc(iso);
  if (!seconds) return std::nullopt;
  const auto t = static_cast<std::time_t>(*seconds);
  std::tm local{};
  if (!localtime_r(&t, &local)) return std::nullopt;
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int ageOn(const Date& birth, const Date& on) {
  const Date b = earliestDay(birth), o = earliestDay(on);
  int age = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

int daysBetween(const Date& a, const Date& b) {
  const Date x = earliestDay(a), y = earliestDay(b);
  return static_cast<int>(daysSinceEpoch(y) - daysSinceEpoch(x));
}

Status requireNotFuture(const Date& d, const Date& todayDate) {
  // A partial date is in the future only if even its first day is (born "2025" is fine in 2025).
  if (earliestDay(d) > earliestDay(todayDate)) return Error::make(err::kDateFuture);
  return {};
}

Status requireNotPast(const Date& d, const Date& todayDate) {
  // A partial expiry ("12/2025") runs to its last day.
  if (latestDay(d) < earliestDay(todayDate)) return Error::make(err::kDatePast);
  return {};
}

long daysSinceEpoch(const Date& date) {
  int y = date.year;
  const int m = date.month, d = date.day;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date dateFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400) + (m <= 2);
  return {y, m, d};
}

}  // namespace gocua::core
