// Vietnamese mobile numbers: accepts the ways people write them (+84, 84, spaces, dots,
// hyphens), stores one canonical "0xxxxxxxxx" form so duplicates and SMS lookups match, and
// knows the carrier prefixes (a number with an unknown prefix is almost always a typo, and the
// carrier helps a volunteer check whether a SIM is registered in the resident's own name).
#include "core/phone.h"
#include "core/errors.h"

#include <array>

namespace gocua::core {
namespace {

struct Prefix {
  std::string_view prefix;
  std::string_view carrier;
};

// Mobile prefixes after the 2018 11→10 digit conversion (DOMAIN.md).
constexpr std::array<Prefix, 36> kPrefixes{{
    {"032", "Viettel"},      {"033", "Viettel"},      {"034", "Viettel"},      {"035", "Viettel"},
    {"036", "Viettel"},      {"037", "Viettel"},      {"038", "Viettel"},      {"039", "Viettel"},
    {"086", "Viettel"},      {"096", "Viettel"},      {"097", "Viettel"},      {"098", "Viettel"},
    {"070", "MobiFone"},     {"076", "MobiFone"},     {"077", "MobiFone"},     {"078", "MobiFone"},
    {"079", "MobiFone"},     {"089", "MobiFone"},     {"090", "MobiFone"},     {"093", "MobiFone"},
    {"081", "VinaPhone"},    {"082", "VinaPhone"},    {"083", "VinaPhone"},    {"084", "VinaPhone"},
    {"085", "VinaPhone"},    {"088", "VinaPhone"},    {"091", "VinaPhone"},    {"094", "VinaPhone"},
    {"052", "Vietnamobile"}, {"056", "Vietnamobile"}, {"058", "Vietnamobile"}, {"092", "Vietnamobile"},
    {"059", "Gmobile"},      {"099", "Gmobile"},      {"087", "Itelecom"},     {"055", "Wintel"},
}};

std::string_view carrierOfPrefix(std::string_view prefix) {
  for (const auto& p : kPrefixes)
    if (p.prefix == prefix) return p.carrier;
  return {};
}

}  // namespace

Result<std::string> normalizePhone(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  const bool plus = !s.empty() && s.front() == '+';
  if (plus) s.remove_prefix(1);

  std::string digits;
  digits.reserve(16);
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (digits.size() == 16) return Error::make(err::kPhoneFormat);
      digits.push_back(c);
    } else if (c != ' ' && c != '.' && c != '-') {
      return Error::make(err::kPhoneFormat);
    }
  }

  std::string normalized;
  if (!plus && digits.size() == 10 && digits[0] == '0') {
    normalized = digits;
  } else if (digits.size() == 11 && digits.compare(0, 2, "84") == 0) {
    normalized = "0" + digits.substr(2);
  } else if (digits.size() == 12 && digits.compare(0, 3, "840") == 0) {
    // "+84 0912…": the trunk 0 kept after the country code, a common way of writing it.
    normalized = digits.substr(2);
  } else {
    return Error::make(err::kPhoneFormat);
  }
  if (carrierOfPrefix(std::string_view(normalized).substr(0, 3)).empty()) return Error::make(err::kPhonePrefix);
  return normalized;
}

std::string_view carrierOf(std::string_view normalized) {
  if (normalized.size() != 10 || normalized[0] != '0') return {};
  for (char c : normalized)
    if (c < '0' || c > '9') return {};
  return carrierOfPrefix(normalized.substr(0, 3));
}

}  // namespace gocua::core
