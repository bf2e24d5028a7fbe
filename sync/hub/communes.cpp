// Loading and searching the 2025 administrative units list; see communes.h.
#include "sync/hub/communes.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "forms/registry.h"
#include "sync/hub/errors.h"

namespace gocua::hub {

namespace {

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in{std::string(line)};
  while (std::getline(in, part, sep))
    if (!part.empty()) out.push_back(part);
  return out;
}

}  // namespace

std::filesystem::path defaultAdminUnitsFile() { return forms::defaultFormsDir() / "lists" / "vn-admin-units-2025.csv"; }

Result<std::vector<AdminUnit>> loadAdminUnits(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  if (!in) return Error::make(err::kHubIo, "", "admin units list");
  std::string line;
  std::getline(in, line);  // header
  std::vector<AdminUnit> out;
  for (int n = 2; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    // province_code,province_name,province_type,commune_code,commune_name,commune_type (no quoting)
    auto cols = split(line, ',');
    if (cols.size() != 6) return Error::make(err::kHubInvalid, "admin_units", "line " + std::to_string(n));
    out.push_back({cols[3], cols[4], cols[0], cols[1]});
  }
  return out;
}

std::vector<AdminUnit> findCommunes(const std::vector<AdminUnit>& units, std::string_view query) {
  auto words = split(core::foldKey(query), ' ');
  std::vector<AdminUnit> out;
  if (words.empty()) return out;
  std::string phrase;
  for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
  std::vector<bool> phraseInName;
  for (const auto& u : units) {
    // Each query word starts a word of the name, the province or the code: "ba" finds "Ba Đình".
    auto haystack = " " + core::foldKey(u.name + " " + u.provinceName) + " " + u.code;
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return haystack.find(" " + w) != std::string::npos; })) {
      out.push_back(u);
      phraseInName.push_back((" " + core::foldKey(u.name) + " ").find(" " + phrase) != std::string::npos);
    }
  }
  // Names holding the query as typed come first, each group in list order.
  std::vector<AdminUnit> ranked;
  for (bool first : {true, false})
    for (std::size_t i = 0; i < out.size(); ++i)
      if (phraseInName[i] == first) ranked.push_back(out[i]);
  return ranked;
}

std::optional<AdminUnit> communeByCode(const std::vector<AdminUnit>& units, std::string_view code) {
  auto it = std::find_if(units.begin(), units.end(), [&](const AdminUnit& u) { return u.code == code; });
  if (it == units.end()) return std::nullopt;
  return *it;
}

}  // namespace gocua::hub
