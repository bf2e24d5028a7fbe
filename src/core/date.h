// Calendar dates as written on Vietnamese forms: dd/mm/yyyy, or mm/yyyy / yyyy where a field
// allows a partial date (elderly people and parents often have only a birth year).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::core {

enum class DatePrecision { Year = 1, Month = 2, Day = 3 };

struct Date {
  int year = 0;
  int month = 0;  // 0 when precision is Year
  int day = 0;    // 0 when precision is Year or Month
  DatePrecision precision() const {
    return day ? DatePrecision::Day : month ? DatePrecision::Month : DatePrecision::Year;
  }
  // Compares as the earliest day the date can mean (a year-only date = 1 January).
  auto operator<=>(const Date&) const = default;
};

// Parses "dd/mm/yyyy" (also d/m/yyyy), "mm/yyyy" and "yyyy"; years 1850..2199.
// coarsest says which partial forms the field accepts (Day = full dates only).
// Also accepted: '-' or '.' instead of '/' (one separator throughout), surrounding spaces,
// "yyyy-mm-dd" (spreadsheets), and "00/00/yyyy" (old records' unknown day and month) as the year.
// A year before 1850 is "date.invalid"; a real day after 2199 is "date.future" (a mistyped year).
// Errors: "date.format" (not one of the forms, or a partial form the field refuses),
//         "date.day_first" (month above 12 and a day that could be a month: 03/25/1990),
//         "date.invalid" (no such calendar day, e.g. 30/02/2024 or month 13). Births: birth_date.h.
Result<Date> parseDate(std::string_view text, DatePrecision coarsest = DatePrecision::Day);

// "dd/mm/yyyy", "mm/yyyy" or "yyyy" according to precision.
std::string formatDate(const Date& d);
// "yyyy-mm-dd" of a full date: file names and the hub's since filters.
std::string formatIsoDay(const Date& d);

bool isLeapYear(int year);
int daysInMonth(int year, int month);

// The impure functions here: they read the clock.
// Today's date in local time.
Date today();
// Now in UTC as stored in records, ledgers and receipts: "2026-11-23T10:00:00Z".
std::string nowIso();
// Now in local time as shown to people: "23/11/2026 17:00".
std::string nowLocalDisplay();
// Seconds since the epoch of a UTC timestamp "2026-11-23T20:00:00Z" as nowIso writes it; nullopt
// for anything else.
std::optional<std::int64_t> parseIsoUtc(std::string_view isoUtc);
// The local calendar day (this PC's time zone) of a UTC timestamp "2026-11-23T20:00:00Z" as
// nowIso writes it; nullopt for anything else. Months and days in reports are the people's own.
std::optional<Date> localDayOfUtc(std::string_view isoUtc);

// Full years between birth and on; partial dates count from their earliest day.
// Negative when on is before birth. Born 29/02: a year older on 01/03 in common years.
int ageOn(const Date& birth, const Date& on);

// Days since 01/01/1970 of a full date, and back (Howard Hinnant's civil-date algorithms).
long daysSinceEpoch(const Date& d);
Date dateFromDays(long days);

// Days from a to b (b - a), both full dates (a partial date counts as its earliest day).
int daysBetween(const Date& a, const Date& b);

// Error "date.future" when d is after today (births, deaths); "date.past" when before
// (expiry and appointment dates). Field left empty for the caller.
// Partial dates are read generously: "future" only if even their first day is after today,
// "past" only if even their last day is before today (an expiry "12/2025" runs to 31/12/2025).
Status requireNotFuture(const Date& d, const Date& today);
Status requireNotPast(const Date& d, const Date& today);

}  // namespace gocua::core
