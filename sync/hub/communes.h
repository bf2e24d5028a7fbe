// The 2025 list of provinces and communes (forms/lists/vn-admin-units-2025.csv: 34 provinces,
// 3,321 communes), for choosing the commune when a hub is made. Search folds diacritics
// (core::foldKey), so "ba dinh" finds "Phường Ba Đình".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gocua::hub {

struct AdminUnit {
  std::string code;  // commune code, 5 digits
  std::string name;  // "Phường Ba Đình"
  std::string provinceCode;
  std::string provinceName;  // "Thành phố Hà Nội"
};

// forms::defaultFormsDir() / "lists/vn-admin-units-2025.csv".
std::filesystem::path defaultAdminUnitsFile();
// Every commune, in the file's order. "hub.io" when the file does not read, "hub.invalid" (detail:
// the line number) for a line without its six columns.
[[nodiscard]] Result<std::vector<AdminUnit>> loadAdminUnits(const std::filesystem::path& csv);
// The communes where each word of query (folded) starts a word of the name, province or code;
// those whose name holds the whole query first, each group in list order. Empty query: none.
std::vector<AdminUnit> findCommunes(const std::vector<AdminUnit>& units, std::string_view query);
std::optional<AdminUnit> communeByCode(const std::vector<AdminUnit>& units, std::string_view code);

}  // namespace gocua::hub
