// Test helpers shared by the forms tests: the forms shipped in forms/, their valid sample
// answers (tests/unit/forms/samples/<id>.json, written for kToday), and lookup by id.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "forms/registry.h"

namespace gocua::forms::testing {

inline const FormRegistry& shipped() {
  static const FormRegistry reg = FormRegistry::load(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms");
  return reg;
}

// The day the samples were written for: deadlines and "not in the past" rules count from it.
inline const core::Date kToday{2025, 11, 15};

inline nlohmann::json sample(const std::string& formId) {
  std::ifstream in(std::filesystem::path(GOCUA_SOURCE_DIR) / "tests/unit/forms/samples" / (formId + ".json"));
  REQUIRE(in);
  return nlohmann::json::parse(in)["answers"];
}

inline const Form& form(const std::string& id) {
  const Form* f = shipped().find(id);
  REQUIRE_MESSAGE(f, id << " did not load");
  return *f;
}

// The issues as one line, for a failing check's message.
inline std::string dump(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) out += i.field + " " + i.code + " (" + i.detail + "); ";
  return out;
}

}  // namespace gocua::forms::testing
