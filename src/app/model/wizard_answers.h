// Form answers by concrete path, for the new-application wizard: reading and writing one answer
// ("household.members[1].full_name", the Issue path format of forms/form.h), the id the GUI
// test uses for it ("household.members.1.full_name"), an answer shown as words for the read-back
// (choice labels, "Có"/"Không", dates as typed), and wiping answers from memory.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "forms/field.h"
#include "vault/json_wipe.h"

namespace gocua::app::wizard {

struct PathPart {
  std::string key;
  int index = -1;  // >= 0: the row of a repeat ("members[2]")
};
// "a.b[2].c" → {a}, {b, 2}, {c}. An empty or malformed path gives no parts.
std::vector<PathPart> splitPath(std::string_view path);

// The answer at path, nullptr when absent.
const nlohmann::json* find(const nlohmann::json& answers, std::string_view path);
// Sets the answer, creating sections, repeats and rows on the way. null value = erase.
void set(nlohmann::json& answers, std::string_view path, nlohmann::json value);
void erase(nlohmann::json& answers, std::string_view path);

// The section of a path: "child.date_of_birth" → "child".
std::string sectionOf(const std::string& path);
inline bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The widget id of an answer path: "household.members[1].full_name" → "household.members.1.full_name".
std::string uiId(std::string_view path);

// Not answered: absent, null, blank text, empty array (as the validator counts it).
bool answered(const nlohmann::json* value);

// An answer as words: a choice's label, "Có"/"Không", picks joined by ", ", numbers without a
// trailing ".0", text as is. A repeat gives "" (its rows are shown field by field).
std::string display(const forms::FieldDef& def, const nlohmann::json& value, i18n::Lang lang);

// The one JSON wipe (vault/json_wipe.h), named here for the wizard's callers.
using vault::wipe;

}  // namespace gocua::app::wizard
