// The 12-digit personal ID number (số định danh cá nhân) and the checks it allows without any
// database: the birth-registration province (63 pre-2025 codes, kept after the 2025 merger), and
// the century/sex digit and year digits against the date of birth and sex on the same form.
// There is no checksum, so a mismatch with the birth date or sex is the best typo signal we have.
#include "core/personal_id.h"
#include "core/errors.h"

#include <array>

namespace gocua::core {
namespace {

struct BirthProvince {
  std::string_view code;
  std::string_view name;
};

// Decree 137/2015 annex; sorted by code.
constexpr std::array<BirthProvince, 63> kBirthProvinces{{
    {"001", "Hà Nội"},          {"002", "Hà Giang"},        {"004", "Cao Bằng"},       {"006", "Bắc Kạn"},
    {"008", "Tuyên Quang"},     {"010", "Lào Cai"},         {"011", "Điện Biên"},      {"012", "Lai Châu"},
    {"014", "Sơn La"},          {"015", "Yên Bái"},         {"017", "Hòa Bình"},       {"019", "Thái Nguyên"},
    {"020", "Lạng Sơn"},        {"022", "Quảng Ninh"},      {"024", "Bắc Giang"},      {"025", "Phú Thọ"},
    {"026", "Vĩnh Phúc"},       {"027", "Bắc Ninh"},        {"030", "Hải Dương"},      {"031", "Hải Phòng"},
    {"033", "Hưng Yên"},        {"034", "Thái Bình"},       {"035", "Hà Nam"},         {"036", "Nam Định"},
    {"037", "Ninh Bình"},       {"038", "Thanh Hóa"},       {"040", "Nghệ An"},        {"042", "Hà Tĩnh"},
    {"044", "Quảng Bình"},      {"045", "Quảng Trị"},       {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"},
    {"049", "Quảng Nam"},       {"051", "Quảng Ngãi"},      {"052", "Bình Định"},      {"054", "Phú Yên"},
    {"056", "Khánh Hòa"},       {"058", "Ninh Thuận"},      {"060", "Bình Thuận"},     {"062", "Kon Tum"},
    {"064", "Gia Lai"},         {"066", "Đắk Lắk"},         {"067", "Đắk Nông"},       {"068", "Lâm Đồng"},
    {"070", "Bình Phước"},      {"072", "Tây Ninh"},        {"074", "Bình Dương"},     {"075", "Đồng Nai"},
    {"077", "Bà Rịa–Vũng Tàu"}, {"079", "TP. Hồ Chí Minh"}, {"080", "Long An"},        {"082", "Tiền Giang"},
    {"083", "Bến Tre"},         {"084", "Trà Vinh"},        {"086", "Vĩnh Long"},      {"087", "Đồng Tháp"},
    {"089", "An Giang"},        {"091", "Kiên Giang"},      {"092", "Cần Thơ"},        {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"},       {"095", "Bạc Liêu"},        {"096", "Cà Mau"},
}};

bool isAsciiDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Spaces people put around and inside the number: ASCII space, tab, no-break space (U+00A0).
std::string withoutSpaces(std::string_view s) {
  std::string out;
  out.reserve(12);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t') continue;
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace

Result<Sex> parseSex(std::string_view s) {
  if (s == "male") return Sex::Male;
  if (s == "female") return Sex::Female;
  return Error::make(err::kSexInvalid);
}

std::string_view sexName(Sex s) { return s == Sex::Male ? "male" : "female"; }

std::string_view birthProvinceName(std::string_view code) {
  for (const auto& p : kBirthProvinces)
    if (p.code == code) return p.name;
  return {};
}

Status validatePersonalId(std::string_view id, std::optional<Date> birth, std::optional<Sex> sex) {
  if (id.size() != 12 || !isAsciiDigits(id)) return Error::make(err::kPersonalIdFormat);
  if (birthProvinceName(id.substr(0, 3)).empty()) return Error::make(err::kPersonalIdProvince);

  const int g = id[3] - '0';
  const int yy = (id[4] - '0') * 10 + (id[5] - '0');
  if (birth) {
    const int centuryStart = 1900 + 100 * (g / 2);
    if (birth->year < centuryStart || birth->year > centuryStart + 99) return Error::make(err::kPersonalIdCentury);
  }
  if (sex && (g % 2 == 0 ? Sex::Male : Sex::Female) != *sex) return Error::make(err::kPersonalIdSex);
  if (birth && birth->year % 100 != yy) return Error::make(err::kPersonalIdYear);
  return {};
}

Result<std::string> normalizePersonalId(std::string_view raw, std::optional<Date> birth, std::optional<Sex> sex) {
  std::string id = withoutSpaces(raw);
  if (auto s = validatePersonalId(id, birth, sex); !s.ok()) return s.error();
  return id;
}

}  // namespace gocua::core
