// Unit tests for core/date: parsing partial and full dates, calendar rules and date arithmetic.
#include <doctest/doctest.h>

#include <string>

#include "core/date.h"

using namespace gocua;
using namespace gocua::core;

namespace {
std::string code(const Result<Date>& r) { return r.ok() ? std::string() : r.error().code; }
std::string code(const Status& s) { return s.ok() ? std::string() : s.error().code; }
Date full(int d, int m, int y) { return Date{y, m, d}; }
}  // namespace

TEST_CASE("parseDate: full dates") {
  auto d = parseDate("05/03/1950");
  REQUIRE(d.ok());
  CHECK(d->year == 1950);
  CHECK(d->month == 3);
  CHECK(d->day == 5);
  CHECK(d->precision() == DatePrecision::Day);
  CHECK(parseDate("5/3/1950").value() == full(5, 3, 1950));
  CHECK(parseDate(" 31/12/2024 ").value() == full(31, 12, 2024));
  CHECK(parseDate("05-03-1950").value() == full(5, 3, 1950));
  CHECK(parseDate("05.03.1950").value() == full(5, 3, 1950));
  CHECK(parseDate("01/01/1850").ok());
  CHECK(parseDate("31/12/2199").ok());
}

TEST_CASE("parseDate: leap years and month lengths") {
  CHECK(parseDate("29/02/2024").ok());
  CHECK(code(parseDate("29/02/2023")) == "date.invalid");
  CHECK(code(parseDate("29/02/1900")) == "date.invalid");
  CHECK(parseDate("29/02/2000").ok());
  CHECK(code(parseDate("30/02/2024")) == "date.invalid");
  CHECK(code(parseDate("31/04/2024")) == "date.invalid");
  CHECK(code(parseDate("31/06/2024")) == "date.invalid");
  CHECK(code(parseDate("31/09/2024")) == "date.invalid");
  CHECK(code(parseDate("31/11/2024")) == "date.invalid");
  CHECK(parseDate("30/04/2024").ok());
  for (int m : {1, 3, 5, 7, 8, 10, 12}) CHECK(parseDate("31/" + std::to_string(m) + "/2023").ok());
  CHECK(code(parseDate("00/01/2024")) == "date.invalid");
  CHECK(code(parseDate("32/01/2024")) == "date.invalid");
  CHECK(code(parseDate("01/13/2024")) == "date.day_first");  // month and day swapped
  CHECK(code(parseDate("01/32/2024")) == "date.invalid");
  CHECK(code(parseDate("01/00/2024")) == "date.invalid");
}

TEST_CASE("parseDate: year range") {
  CHECK(code(parseDate("01/01/1849")) == "date.invalid");
  CHECK(code(parseDate("01/01/2200")) == "date.future");   // a real day, a mistyped year
  CHECK(code(parseDate("31/02/2300")) == "date.invalid");  // no such day in any year
  CHECK(code(parseDate("0000", DatePrecision::Year)) == "date.invalid");
}

TEST_CASE("parseDate: malformed text") {
  for (const char* bad : {"",
                          " ",
                          "abc",
                          "1/1/24",
                          "01/01/95",
                          "01/01/19500",
                          "001/01/1950",
                          "01/001/1950",
                          "01//1950",
                          "/01/1950",
                          "01/01/",
                          "01/01/1950/",
                          "01/01-1950",
                          "1950/01/01",
                          "1950.01.01",
                          "1950-001-01",
                          "01 01 1950",
                          "01/01/1950x",
                          "٠١/٠١/١٩٥٠",
                          "+1/01/1950",
                          "-1/01/1950",
                          "1/1/1/1950",
                          "１２/０１/１９５０"})
    CHECK_MESSAGE(code(parseDate(bad, DatePrecision::Year)) == "date.format", bad);
}

TEST_CASE("parseDate: partial dates only where the field allows them") {
  CHECK(code(parseDate("03/1950")) == "date.format");
  CHECK(code(parseDate("1950")) == "date.format");
  CHECK(code(parseDate("1950", DatePrecision::Month)) == "date.format");

  auto m = parseDate("03/1950", DatePrecision::Month);
  REQUIRE(m.ok());
  CHECK(m->precision() == DatePrecision::Month);
  CHECK(m->month == 3);
  CHECK(m->day == 0);
  CHECK(parseDate("3/1950", DatePrecision::Month).ok());
  CHECK(parseDate("05/03/1950", DatePrecision::Month).ok());
  CHECK(code(parseDate("13/1950", DatePrecision::Month)) == "date.invalid");
  CHECK(code(parseDate("00/1950", DatePrecision::Month)) == "date.invalid");

  auto y = parseDate("1950", DatePrecision::Year);
  REQUIRE(y.ok());
  CHECK(y->precision() == DatePrecision::Year);
  CHECK(y->year == 1950);
  CHECK(y->month == 0);
  CHECK(parseDate("03/1950", DatePrecision::Year).ok());
  CHECK(parseDate("05/03/1950", DatePrecision::Year).ok());
  CHECK(code(parseDate("1849", DatePrecision::Year)) == "date.invalid");
}

TEST_CASE("formatDate pads and follows precision") {
  CHECK(formatDate(full(5, 3, 1950)) == "05/03/1950");
  CHECK(formatDate(Date{1950, 3, 0}) == "03/1950");
  CHECK(formatDate(Date{1950, 0, 0}) == "1950");
  for (const char* s : {"29/02/2024", "01/01/1850", "31/12/2199"}) CHECK(formatDate(parseDate(s).value()) == s);
}

TEST_CASE("isLeapYear and daysInMonth") {
  CHECK(isLeapYear(2024));
  CHECK(isLeapYear(2000));
  CHECK(isLeapYear(2400));
  CHECK_FALSE(isLeapYear(1900));
  CHECK_FALSE(isLeapYear(2100));
  CHECK_FALSE(isLeapYear(2023));
  CHECK(daysInMonth(2024, 2) == 29);
  CHECK(daysInMonth(2023, 2) == 28);
  CHECK(daysInMonth(2023, 4) == 30);
  CHECK(daysInMonth(2023, 12) == 31);
  CHECK(daysInMonth(2023, 0) == 0);
  CHECK(daysInMonth(2023, 13) == 0);
}

TEST_CASE("Date ordering: partial dates compare as their earliest day") {
  CHECK(Date{1950, 0, 0} < full(1, 1, 1950));
  CHECK(Date{1950, 0, 0} < Date{1950, 1, 0});
  CHECK(full(31, 12, 1949) < Date{1950, 0, 0});
  CHECK(full(1, 3, 2024) > full(29, 2, 2024));
}

TEST_CASE("today is a plausible full date") {
  const Date t = today();
  CHECK(t.precision() == DatePrecision::Day);
  CHECK(t.year >= 2025);
  CHECK(t.day <= daysInMonth(t.year, t.month));
}

TEST_CASE("ageOn") {
  CHECK(ageOn(full(15, 6, 1950), full(14, 6, 2025)) == 74);
  CHECK(ageOn(full(15, 6, 1950), full(15, 6, 2025)) == 75);
  CHECK(ageOn(full(15, 6, 1950), full(16, 6, 2025)) == 75);
  CHECK(ageOn(full(1, 1, 2011), full(31, 12, 2024)) == 13);
  CHECK(ageOn(full(1, 1, 2011), full(1, 1, 2025)) == 14);
  CHECK(ageOn(full(29, 2, 2024), full(28, 2, 2025)) == 0);
  CHECK(ageOn(full(29, 2, 2024), full(1, 3, 2025)) == 1);
  CHECK(ageOn(full(29, 2, 2024), full(29, 2, 2028)) == 4);
  CHECK(ageOn(full(10, 10, 2025), full(10, 10, 2025)) == 0);
  // Year-only birth counts from 1 January.
  CHECK(ageOn(Date{1950, 0, 0}, full(1, 1, 2025)) == 75);
  CHECK(ageOn(Date{1950, 0, 0}, full(31, 12, 2024)) == 74);
  // Month-only birth counts from the 1st.
  CHECK(ageOn(Date{1950, 6, 0}, full(1, 6, 2025)) == 75);
  CHECK(ageOn(Date{1950, 6, 0}, full(31, 5, 2025)) == 74);
  CHECK(ageOn(full(1, 1, 2026), full(1, 1, 2025)) == -1);
}

TEST_CASE("daysBetween") {
  CHECK(daysBetween(full(1, 1, 2024), full(1, 1, 2024)) == 0);
  CHECK(daysBetween(full(1, 1, 2024), full(2, 1, 2024)) == 1);
  CHECK(daysBetween(full(2, 1, 2024), full(1, 1, 2024)) == -1);
  CHECK(daysBetween(full(1, 1, 2024), full(1, 1, 2025)) == 366);
  CHECK(daysBetween(full(1, 1, 2023), full(1, 1, 2024)) == 365);
  CHECK(daysBetween(full(28, 2, 2024), full(1, 3, 2024)) == 2);
  CHECK(daysBetween(full(28, 2, 2023), full(1, 3, 2023)) == 1);
  CHECK(daysBetween(full(28, 2, 1900), full(1, 3, 1900)) == 1);
  CHECK(daysBetween(full(28, 2, 2000), full(1, 3, 2000)) == 2);
  CHECK(daysBetween(full(1, 1, 1970), full(1, 1, 2000)) == 10957);
  CHECK(daysBetween(full(1, 1, 1900), full(1, 1, 2000)) == 36524);
  CHECK(daysBetween(full(1, 1, 1850), full(31, 12, 2199)) == 127834);
  // Birth registration deadline: 60 days after birth.
  CHECK(daysBetween(full(1, 7, 2025), full(30, 8, 2025)) == 60);
}

TEST_CASE("requireNotFuture / requireNotPast") {
  const Date t = full(15, 6, 2025);
  CHECK(requireNotFuture(full(15, 6, 2025), t).ok());
  CHECK(requireNotFuture(full(14, 6, 2025), t).ok());
  CHECK(code(requireNotFuture(full(16, 6, 2025), t)) == "date.future");
  CHECK(code(requireNotFuture(full(1, 1, 2026), t)) == "date.future");
  CHECK(requireNotFuture(Date{2025, 0, 0}, t).ok());
  CHECK(requireNotFuture(Date{2025, 6, 0}, t).ok());
  CHECK(code(requireNotFuture(Date{2025, 7, 0}, t)) == "date.future");
  CHECK(code(requireNotFuture(Date{2026, 0, 0}, t)) == "date.future");

  CHECK(requireNotPast(full(15, 6, 2025), t).ok());
  CHECK(requireNotPast(full(16, 6, 2025), t).ok());
  CHECK(code(requireNotPast(full(14, 6, 2025), t)) == "date.past");
  CHECK(code(requireNotPast(full(31, 12, 2024), t)) == "date.past");
  // Partial expiry dates run to their last day.
  CHECK(requireNotPast(Date{2025, 6, 0}, t).ok());
  CHECK(requireNotPast(Date{2025, 0, 0}, t).ok());
  CHECK(code(requireNotPast(Date{2025, 5, 0}, t)) == "date.past");
  CHECK(code(requireNotPast(Date{2024, 0, 0}, t)) == "date.past");
  CHECK(requireNotPast(full(1, 7, 2025), full(30, 6, 2025)).ok());
}
