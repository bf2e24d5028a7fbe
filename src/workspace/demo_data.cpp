// Synthetic resident generator; see demo_data.h. Randomness comes from our own splitmix64 stream
// and integer-only sampling (no std::*_distribution, whose output differs between standard
// libraries), so a seed means the same residents everywhere. Uniqueness of ID and phone tails
// comes from a seeded Feistel permutation of a counter rather than a "seen" set: no memory that
// grows with the count and no retry loops.
//
// [SECTION] Random numbers and the keyed permutation
// [SECTION] Name, age, village and phone tables
// [SECTION] Generator
// [SECTION] Public API
#include "workspace/demo_data.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/text.h"

namespace gocua::workspace {
namespace {

using nlohmann::json;

// [SECTION] Random numbers and the keyed permutation

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n) for 0 < n < 2^32 by multiply-shift; the bias (below n / 2^32) is far below
  // anything a demo data set can show, and it avoids a division per draw.
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
  bool chancePerMille(std::uint32_t perMille) { return below(1000) < perMille; }

 private:
  std::uint64_t state_;
};

// A bijection on [0, domain) keyed by key: a 4-round Feistel network on the smallest even bit width
// covering domain, cycle-walked until the value falls back inside. Maps a running counter to
// tails that look random yet never repeat.
class KeyedPermutation {
 public:
  KeyedPermutation(std::uint64_t domain, std::uint64_t key) : domain_(domain) {
    while ((std::uint64_t{1} << (2 * halfBits_)) < domain) ++halfBits_;
    for (auto& k : keys_) k = mix64(key += 0x9E3779B97F4A7C15ULL);
  }

  std::uint64_t operator()(std::uint64_t x) const {
    do x = feistel(x);
    while (x >= domain_);
    return x;
  }

 private:
  std::uint64_t feistel(std::uint64_t x) const {
    const std::uint64_t mask = (std::uint64_t{1} << halfBits_) - 1;
    std::uint64_t left = x >> halfBits_, right = x & mask;
    for (std::uint64_t k : keys_) {
      const std::uint64_t next = left ^ (mix64(right ^ k) & mask);
      left = right;
      right = next;
    }
    return (left << halfBits_) | right;
  }

  std::uint64_t domain_;
  int halfBits_ = 1;
  std::array<std::uint64_t, 4> keys_{};
};

// [SECTION] Name, age, village and phone tables

template <class T>
struct Weighted {
  T value;
  std::uint32_t weight;
};

// A table sampled by weight; built once so each draw is one random number and a short scan.
template <class T>
class WeightedTable {
 public:
  template <std::size_t N>
  explicit WeightedTable(const std::array<Weighted<T>, N>& entries) {
    items_.reserve(N);
    for (const auto& e : entries) {
      total_ += e.weight;
      items_.push_back({e.value, total_});
    }
  }
  const T& pick(SplitMix64& rng) const {
    const std::uint32_t r = rng.below(total_);
    for (const auto& item : items_)
      if (r < item.weight) return item.value;
    return items_.back().value;
  }

 private:
  std::vector<Weighted<T>> items_;  // weight holds the running total here
  std::uint32_t total_ = 0;
};

using Words = WeightedTable<std::string_view>;

// Surname shares in tenths of a percent, after the commonly quoted national estimates; the tail of
// smaller clans shares what the big ones leave.
constexpr std::array<Weighted<std::string_view>, 30> kSurnames{{
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},  {"Phạm", 70}, {"Hoàng", 50}, {"Huỳnh", 50}, {"Phan", 45},  {"Vũ", 39},
    {"Võ", 39},      {"Đặng", 21},  {"Bùi", 20}, {"Đỗ", 14},   {"Hồ", 13},    {"Ngô", 13},   {"Dương", 10}, {"Lý", 5},
    {"Đinh", 3},     {"Trương", 3}, {"Lâm", 2},  {"Mai", 2},   {"Trịnh", 2},  {"Đoàn", 2},   {"Lương", 2},  {"Cao", 2},
    {"Tô", 1},       {"Tạ", 1},     {"Hà", 2},   {"Lò", 1},    {"Triệu", 1},  {"Vi", 1},
}};

// Northern-uplands clans (Thái, Tày, Nùng, Dao, Hmông): what a "Bản ..." village mostly holds.
constexpr std::array<Weighted<std::string_view>, 16> kMinoritySurnames{{
    {"Lò", 14},
    {"Vi", 10},
    {"Hà", 10},
    {"Triệu", 8},
    {"Lường", 8},
    {"Quàng", 6},
    {"Cầm", 5},
    {"Nông", 8},
    {"Lục", 5},
    {"Hoàng", 6},
    {"Giàng", 6},
    {"Vàng", 5},
    {"Thào", 4},
    {"Sùng", 3},
    {"Mùa", 3},
    {"Lý", 4},
}};

// Văn and Thị dominate among older people; younger parents choose more freely (see middleName).
constexpr std::array<Weighted<std::string_view>, 14> kMaleMiddle{{
    {"Hữu", 8},
    {"Đức", 10},
    {"Minh", 12},
    {"Quốc", 8},
    {"Thanh", 8},
    {"Xuân", 5},
    {"Ngọc", 4},
    {"Công", 6},
    {"Đình", 7},
    {"Quang", 7},
    {"Anh", 5},
    {"Gia", 5},
    {"Hoàng", 5},
    {"Trọng", 4},
}};
constexpr std::array<Weighted<std::string_view>, 14> kFemaleMiddle{{
    {"Ngọc", 10},
    {"Thu", 8},
    {"Thanh", 7},
    {"Minh", 6},
    {"Xuân", 5},
    {"Mai", 4},
    {"Phương", 5},
    {"Hồng", 6},
    {"Kim", 6},
    {"Thùy", 5},
    {"Bảo", 5},
    {"Khánh", 5},
    {"Diệu", 3},
    {"Hoài", 3},
}};

// Both Hòa and Hoà, Thủy and Thuỷ, Thúy and Thuý appear: the old tone placement is common on
// real papers, and search must fold them together.
constexpr std::array<Weighted<std::string_view>, 40> kMaleGiven{{
    {"An", 4},   {"Bình", 4}, {"Cường", 4}, {"Dũng", 5},  {"Hùng", 5},  {"Đạt", 4},  {"Đông", 3},  {"Hải", 5},
    {"Hiếu", 4}, {"Huy", 5},  {"Khánh", 3}, {"Long", 5},  {"Minh", 6},  {"Nam", 6},  {"Phong", 4}, {"Phúc", 3},
    {"Quân", 4}, {"Sơn", 5},  {"Tâm", 3},   {"Thắng", 4}, {"Thành", 5}, {"Toàn", 3}, {"Trung", 5}, {"Tuấn", 6},
    {"Việt", 3}, {"Vinh", 3}, {"Hòa", 2},   {"Hoà", 2},   {"Duy", 4},   {"Khoa", 3}, {"Lộc", 3},   {"Nghĩa", 3},
    {"Tài", 3},  {"Tùng", 4}, {"Hưng", 4},  {"Kiên", 3},  {"Bảo", 3},   {"Đức", 4},  {"Thịnh", 3}, {"Quý", 2},
}};
constexpr std::array<Weighted<std::string_view>, 42> kFemaleGiven{{
    {"Lan", 5},   {"Hoa", 5},   {"Hương", 6},  {"Mai", 5},   {"Nga", 4},  {"Thủy", 3}, {"Thuỷ", 2},
    {"Thúy", 2},  {"Thuý", 2},  {"Hòa", 2},    {"Hoà", 2},   {"Yến", 4},  {"Ánh", 3},  {"Anh", 5},
    {"Chi", 3},   {"Dung", 4},  {"Giang", 3},  {"Hà", 4},    {"Hạnh", 4}, {"Hằng", 4}, {"Hiền", 4},
    {"Huyền", 4}, {"Linh", 6},  {"Loan", 3},   {"Ly", 3},    {"My", 3},   {"Ngân", 3}, {"Ngọc", 4},
    {"Nhung", 3}, {"Oanh", 3},  {"Phương", 4}, {"Quỳnh", 3}, {"Tâm", 3},  {"Thảo", 5}, {"Thu", 4},
    {"Trang", 6}, {"Tuyết", 3}, {"Uyên", 3},   {"Vân", 4},   {"Vy", 3},   {"Nhàn", 2}, {"Xuân", 2},
}};

// Given names and the "A" male marker as Hmông families use them (Giàng A Páo, Vàng Thị Mỷ).
constexpr std::array<Weighted<std::string_view>, 8> kMinorityMaleGiven{{
    {"Páo", 1},
    {"Chứ", 1},
    {"Sềnh", 1},
    {"Dế", 1},
    {"Tủa", 1},
    {"Pọm", 1},
    {"Xuân", 1},
    {"Quyết", 1},
}};
constexpr std::array<Weighted<std::string_view>, 8> kMinorityFemaleGiven{{
    {"Mỷ", 1},
    {"Dua", 1},
    {"Pà", 1},
    {"Sua", 1},
    {"Mai", 1},
    {"Lả", 1},
    {"Xoa", 1},
    {"Chua", 1},
}};

// Share of the population by five-year band (0-4, 5-9, ..., 85-89, then 90-95 as six years), in
// tenths of a percent: a broad working-age middle and a thin top, as in the 2019 census pyramid.
constexpr std::array<std::uint32_t, 19> kAgeBands{75, 80, 78, 70, 70, 75, 80, 80, 75, 70,
                                                  60, 55, 45, 35, 25, 15, 10, 6,  3};
constexpr std::uint32_t kAgeTotal = [] {
  std::uint32_t total = 0;
  for (auto w : kAgeBands) total += w;
  return total;
}();

// Mobile prefixes weighted roughly by carrier market share (Viettel about half).
constexpr std::array<Weighted<std::string_view>, 32> kPhonePrefixes{{
    {"032", 5}, {"033", 5}, {"034", 5}, {"035", 5}, {"036", 5}, {"037", 5}, {"038", 5}, {"039", 5},
    {"086", 4}, {"096", 6}, {"097", 7}, {"098", 7}, {"070", 3}, {"076", 2}, {"077", 2}, {"078", 2},
    {"079", 2}, {"089", 2}, {"090", 4}, {"093", 4}, {"081", 3}, {"082", 3}, {"083", 3}, {"084", 3},
    {"085", 3}, {"088", 3}, {"091", 5}, {"094", 4}, {"052", 1}, {"056", 1}, {"058", 1}, {"092", 1},
}};

// The 63 pre-2025 birth-registration codes (DOMAIN.md); validatePersonalId accepts exactly these.
constexpr std::array<std::string_view, 63> kProvinceCodes{
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
    "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
    "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
    "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"};

constexpr std::array<std::string_view, 8> kDefaultVillages{"Thôn Đông",  "Thôn Trung", "Xóm Chùa", "Xóm Bến",
                                                           "Bản Nà Lầu", "Ấp Tân Hòa", "Làng Cựu", "Tổ dân phố 4"};

// What volunteers jot down at the door; only for some residents.
constexpr std::array<Weighted<std::string_view>, 10> kNotes{{
    {"Không có điện thoại thông minh, dùng máy của con", 3},
    {"SIM đứng tên người khác, chưa nhận được OTP", 3},
    {"Cần hỗ trợ kích hoạt VNeID mức 2", 3},
    {"Chưa có CCCD gắn chip", 2},
    {"Đi làm ăn xa, thường về nhà cuối tháng", 2},
    {"Hẹn quay lại vào buổi chiều", 2},
    {"Cần gia hạn BHYT hộ gia đình", 2},
    {"Lo ngại bị lừa đảo qua điện thoại, cần giải thích kỹ", 1},
    {"Nhà không có sóng điện thoại, ghi ngoại tuyến", 1},
    {"Đã hướng dẫn cài ứng dụng VNeID", 2},
}};

constexpr std::string_view kUnregisteredBabyNote = "Chưa đăng ký khai sinh, chưa có số định danh";

// Per-mille chances that shape the set; named so a trainer reading the data knows what to expect.
constexpr std::uint32_t kFemaleBelow60 = 495;
constexpr std::uint32_t kFemaleFrom60 = 570;        // women outlive men
constexpr std::uint32_t kYearOnlyBefore1950 = 500;  // elderly papers often carry only the year
constexpr std::uint32_t kNoIdUnderOne = 670;        // about 1% of everyone
constexpr std::uint32_t kMinorityInBan = 700;       // "Bản": mostly ethnic minorities
constexpr std::uint32_t kNotes1000 = 100;
// Phone ownership by age: none under 12, then 70%, 97%, 80% (together about 75%).
constexpr std::uint32_t kPhoneTeen = 700, kPhoneAdult = 970, kPhoneElderly = 800;

// [SECTION] Generator

struct Village {
  std::string name;
  std::string jsonText;  // name as a JSON string literal, quoted and escaped once
  bool minority;         // a "Bản": uplands naming
};

// One generated resident before it becomes JSON, so the NDJSON writer can print it directly
// (building an nlohmann object per line costs more than generating the person).
struct Person {
  std::string fullName;
  std::string dateOfBirth;
  bool female = false;
  std::string personalId;  // empty: none
  std::string phone;       // empty: none
  const Village* village = nullptr;
  std::string_view notes;  // empty: none
  std::string_view consentMethod;
};

// Built with moves and sorted-order hints: this is most of makeDemoResidents' time.
json toJson(Person&& p, const std::string& todayText) {
  json::object_t consent;
  consent.emplace_hint(consent.end(), "date", todayText);
  consent.emplace_hint(consent.end(), "given_by", p.fullName);
  consent.emplace_hint(consent.end(), "method", p.consentMethod);
  json::object_t o;
  o.emplace_hint(o.end(), "consent", std::move(consent));
  o.emplace_hint(o.end(), "date_of_birth", std::move(p.dateOfBirth));
  o.emplace_hint(o.end(), "full_name", std::move(p.fullName));
  if (!p.notes.empty()) o.emplace_hint(o.end(), "notes", p.notes);
  if (!p.personalId.empty()) o.emplace_hint(o.end(), "personal_id", std::move(p.personalId));
  if (!p.phone.empty()) o.emplace_hint(o.end(), "phone", std::move(p.phone));
  o.emplace_hint(o.end(), "sex", p.female ? "female" : "male");
  o.emplace_hint(o.end(), "village", p.village->name);
  return json(std::move(o));
}

// The same bytes as toJson(p).dump(): keys in nlohmann's (sorted) order, no spaces. Names, dates,
// digits and notes come from our tables and need no escaping; the village was escaped up front.
void appendLine(std::string& out, const Person& p, const std::string& todayText) {
  const auto str = [&out](std::string_view key, std::string_view value) {
    out.append("\"").append(key).append("\":\"").append(value).append("\"");
  };
  out.append("{\"consent\":{");
  str("date", todayText);
  out.push_back(',');
  str("given_by", p.fullName);
  out.push_back(',');
  str("method", p.consentMethod);
  out.append("},");
  str("date_of_birth", p.dateOfBirth);
  out.push_back(',');
  str("full_name", p.fullName);
  if (!p.notes.empty()) {
    out.push_back(',');
    str("notes", p.notes);
  }
  if (!p.personalId.empty()) {
    out.push_back(',');
    str("personal_id", p.personalId);
  }
  if (!p.phone.empty()) {
    out.push_back(',');
    str("phone", p.phone);
  }
  out.push_back(',');
  str("sex", p.female ? "female" : "male");
  out.append(",\"village\":").append(p.village->jsonText).append("}\n");
}

class Generator {
 public:
  explicit Generator(const DemoOptions& options)
      : rng_(mix64(options.seed ^ 0x676F637561646D6FULL)),
        idTails_(1'000'000, rng_.next()),
        phoneTails_(10'000'000, rng_.next()),
        today_(options.today.year == 0 ? core::today() : options.today),
        todayText_(core::formatDate(today_)),
        homeProvince_(anyProvince()),
        count_(std::clamp(options.residents, 0, kMaxDemoResidents)) {
    if (options.villages.empty()) {
      for (auto v : kDefaultVillages) addVillage(std::string(v));
    } else {
      for (const auto& v : options.villages) {
        auto nfc = core::toNfc(v);
        if (nfc) {
          addVillage(std::move(nfc.value()));
        } else {
          // Invalid UTF-8 would make json::dump throw later; U+FFFD keeps both outputs equal.
          addVillage(json::parse(json(v).dump(-1, ' ', false, json::error_handler_t::replace)).get<std::string>());
        }
      }
    }
  }

  int count() const { return count_; }
  const std::string& todayText() const { return todayText_; }

  Person next() {
    Person p;
    p.village = &villages_[rng_.below(static_cast<std::uint32_t>(villages_.size()))];
    const int age = drawAge();
    p.female = rng_.chancePerMille(age >= 60 ? kFemaleFrom60 : kFemaleBelow60);
    const core::Date birth = drawBirth(age);
    p.dateOfBirth = core::formatDate(birth);
    p.fullName = drawName(p.female, age, p.village->minority);

    const bool hasId = age > 0 || !rng_.chancePerMille(kNoIdUnderOne);
    if (hasId) p.personalId = personalId(birth.year, p.female);

    const std::uint32_t phoneChance = age < 12 ? 0 : age < 18 ? kPhoneTeen : age < 65 ? kPhoneAdult : kPhoneElderly;
    if (phoneChance && rng_.chancePerMille(phoneChance)) p.phone = phone();

    if (!hasId)
      p.notes = kUnregisteredBabyNote;
    else if (rng_.chancePerMille(kNotes1000))
      p.notes = notes_.pick(rng_);

    p.consentMethod = consentMethod(age);
    return p;
  }

 private:
  int drawAge() {
    std::uint32_t r = rng_.below(kAgeTotal);
    std::size_t band = 0;
    while (band + 1 < kAgeBands.size() && r >= kAgeBands[band]) r -= kAgeBands[band++];
    const std::uint32_t width = band + 1 == kAgeBands.size() ? 6 : 5;
    return static_cast<int>(band * 5 + rng_.below(width));
  }

  // A day within the year of life that makes the person exactly `age` today: at most 364 days
  // before this year's birthday, so never a day too early nor after today.
  core::Date drawBirth(int age) {
    const int year = today_.year - age;
    const int day = std::min(today_.day, core::daysInMonth(year, today_.month));
    const long last = core::daysSinceEpoch(core::Date{year, today_.month, day});
    core::Date birth = core::dateFromDays(last - static_cast<long>(rng_.below(365)));
    if (birth.year < 1950 && rng_.chancePerMille(kYearOnlyBefore1950)) birth = {birth.year, 0, 0};
    return birth;
  }

  std::string drawName(bool female, int age, bool minorityVillage) {
    const bool minority = minorityVillage && rng_.chancePerMille(kMinorityInBan);
    std::string_view surname = (minority ? minoritySurnames_ : surnames_).pick(rng_);
    std::string_view middle;
    std::string_view given;
    if (minority && rng_.chancePerMille(400)) {
      middle = female ? "Thị" : (rng_.chancePerMille(500) ? "A" : "Văn");
      given = (female ? minorityFemaleGiven_ : minorityMaleGiven_).pick(rng_);
    } else {
      // Văn/Thị for most people over 40, about a third of younger ones.
      if (rng_.chancePerMille(age >= 40 ? 700 : 330))
        middle = female ? "Thị" : "Văn";
      else
        middle = (female ? femaleMiddle_ : maleMiddle_).pick(rng_);
      do given = (female ? femaleGiven_ : maleGiven_).pick(rng_);
      while (given == middle);  // "Minh Minh" is not a name
    }
    std::string name;
    name.reserve(surname.size() + middle.size() + given.size() + 2);
    name.append(surname).append(" ").append(middle).append(" ").append(given);
    return name;
  }

  // PPP G YY NNNNNN; the tail comes from the permutation so no two residents share an ID.
  std::string personalId(int year, bool female) {
    // Most people were registered in the province they still live in.
    const std::string_view province = rng_.chancePerMille(800) ? homeProvince_ : anyProvince();
    const int g = 2 * (year / 100 - 19) + (female ? 1 : 0);
    const auto tail = idTails_(idCounter_++);
    std::string id(province);
    id.push_back(static_cast<char>('0' + g));
    appendDigits(id, static_cast<std::uint64_t>(year % 100), 2);
    appendDigits(id, tail, 6);
    return id;
  }

  std::string_view anyProvince() {
    return kProvinceCodes[rng_.below(static_cast<std::uint32_t>(kProvinceCodes.size()))];
  }

  std::string phone() {
    std::string number(phonePrefixes_.pick(rng_));
    appendDigits(number, phoneTails_(phoneCounter_++), 7);
    return number;
  }

  std::string_view consentMethod(int age) {
    // Older residents sign less and press a thumb more.
    const std::uint32_t r = rng_.below(1000);
    if (age >= 70) return r < 500 ? "spoken" : r < 700 ? "signed" : "thumbprint";
    return r < 600 ? "spoken" : r < 950 ? "signed" : "thumbprint";
  }

  void addVillage(std::string name) {
    const bool minority = std::string_view(name).starts_with("Bản ");
    std::string text = json(name).dump();
    villages_.push_back({std::move(name), std::move(text), minority});
  }

  static void appendDigits(std::string& s, std::uint64_t value, int width) {
    char buf[20];
    for (int i = width - 1; i >= 0; --i) {
      buf[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    s.append(buf, static_cast<std::size_t>(width));
  }

  SplitMix64 rng_;
  KeyedPermutation idTails_;
  KeyedPermutation phoneTails_;
  core::Date today_;
  std::string todayText_;
  std::string_view homeProvince_;
  int count_;
  std::vector<Village> villages_;
  std::uint64_t idCounter_ = 0;
  std::uint64_t phoneCounter_ = 0;

  // Tables are built once per call; they are small and immutable.
  Words surnames_{kSurnames};
  Words minoritySurnames_{kMinoritySurnames};
  Words maleMiddle_{kMaleMiddle};
  Words femaleMiddle_{kFemaleMiddle};
  Words maleGiven_{kMaleGiven};
  Words femaleGiven_{kFemaleGiven};
  Words minorityMaleGiven_{kMinorityMaleGiven};
  Words minorityFemaleGiven_{kMinorityFemaleGiven};
  Words phonePrefixes_{kPhonePrefixes};
  Words notes_{kNotes};
};

}  // namespace

// [SECTION] Public API

std::vector<json> makeDemoResidents(const DemoOptions& options) {
  Generator gen(options);
  std::vector<json> out;
  out.reserve(static_cast<std::size_t>(gen.count()));
  for (int i = 0; i < gen.count(); ++i) out.push_back(toJson(gen.next(), gen.todayText()));
  return out;
}

void writeDemoResidentsNdjson(std::ostream& out, const DemoOptions& options) {
  Generator gen(options);
  // Lines are batched so the stream sees a few large writes rather than one per resident.
  constexpr std::size_t kFlushAt = 64 * 1024;
  std::string buffer;
  buffer.reserve(kFlushAt + 1024);
  for (int i = 0; i < gen.count() && out; ++i) {
    appendLine(buffer, gen.next(), gen.todayText());
    if (buffer.size() >= kFlushAt) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  if (!buffer.empty() && out) out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace gocua::workspace
