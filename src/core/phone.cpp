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

// The 2018 move of 11-digit mobile numbers to 10 digits: the old 4-digit prefix became a 3-digit
// one, the last 7 digits stayed (Ministry of Information and Communications plan, 15/9/2018 to
// 30/6/2019). The table as reported by Tiền Phong and by Pháp Luật TP.HCM:
//   https://www.tienphong.vn/cong-nghe/hang-trieu-thue-bao-11-so-chuyen-ve-10-so-nhu-the-nao-1278266.tpo
//   http://kynguyenso.plo.vn/ky-nguyen-so/tuyet-chieu/2-cach-chuyen-so-dien-thoai-11-so-ve-10-so-773007.html
struct Renumbering {
  std::string_view old4;
  std::string_view new3;
};
constexpr std::array<Renumbering, 21> kRenumbered{{
    {"0162", "032"}, {"0163", "033"}, {"0164", "034"}, {"0165", "035"}, {"0166", "036"},
    {"0167", "037"}, {"0168", "038"}, {"0169", "039"},                                    // Viettel
    {"0120", "070"}, {"0121", "079"}, {"0122", "077"}, {"0126", "076"}, {"0128", "078"},  // MobiFone
    {"0123", "083"}, {"0124", "084"}, {"0125", "085"}, {"0127", "081"}, {"0129", "082"},  // VinaPhone
    {"0186", "056"}, {"0188", "058"},                                                     // Vietnamobile
    {"0199", "059"},                                                                      // Gmobile
}};

std::string_view renumberedPrefix(std::string_view old4) {
  for (const auto& r : kRenumbered)
    if (r.old4 == old4) return r.new3;
  return {};
}

}  // namespace

Result<std::string> normalizePhone(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);

  // Digits, with spaces, dots, hyphens and brackets between them ("(+84) 912…", "+84 (0) 912…",
  // as printed on cards and shop signs); '+' only first, or first inside a leading bracket.
  std::string digits;
  digits.reserve(16);
  bool plus = false;
  bool inBracket = false;
  std::size_t bracketStart = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits.size() == 16) return Error::make(err::kPhoneFormat);
      digits.push_back(c);
    } else if (c == '+') {
      if (plus || !(i == 0 || (i == 1 && s[0] == '('))) return Error::make(err::kPhoneFormat);
      plus = true;
    } else if (c == '(') {
      if (inBracket) return Error::make(err::kPhoneFormat);
      inBracket = true;
      bracketStart = digits.size();
    } else if (c == ')') {
      if (!inBracket || digits.size() == bracketStart) return Error::make(err::kPhoneFormat);
      inBracket = false;
    } else if (c != ' ' && c != '.' && c != '-') {
      return Error::make(err::kPhoneFormat);
    }
  }
  if (inBracket) return Error::make(err::kPhoneFormat);

  // "0084…" is "+84…" dialled from a landline or written by an office abroad.
  const bool international = plus || digits.compare(0, 4, "0084") == 0;
  if (international && !plus) digits.erase(0, 2);

  std::string national;  // with the trunk 0
  if (!international && digits[0] == '0') {
    national = digits;
  } else if ((international || digits.size() == 11 || digits.size() == 12) && digits.compare(0, 2, "84") == 0) {
    // "+84 0912…" / "840912…": the trunk 0 kept after the country code, a common way of writing it.
    national = digits[2] == '0' ? digits.substr(2) : "0" + digits.substr(2);
  } else {
    return Error::make(err::kPhoneFormat);
  }
  if (national.size() == 11) {
    if (auto renumbered = renumberedPrefix(std::string_view(national).substr(0, 4)); !renumbered.empty())
      return Error::make(err::kPhoneRetired, "", std::string(national.substr(0, 4)) + " → " + std::string(renumbered));
    return Error::make(err::kPhoneFormat);
  }
  if (national.size() != 10) return Error::make(err::kPhoneFormat);
  if (carrierOfPrefix(std::string_view(national).substr(0, 3)).empty()) return Error::make(err::kPhonePrefix);
  return national;
}

std::string_view carrierOf(std::string_view normalized) {
  if (normalized.size() != 10 || normalized[0] != '0') return {};
  for (char c : normalized)
    if (c < '0' || c > '9') return {};
  return carrierOfPrefix(normalized.substr(0, 3));
}

}  // namespace gocua::core
