// The shipped forms directory: every file loads, lists resolve, the registry API behaves.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "forms/registry.h"

using namespace gocua;
using namespace gocua::forms;

namespace {
const FormRegistry& shipped() {
  static const FormRegistry reg = FormRegistry::load(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms");
  return reg;
}
}  // namespace

TEST_CASE("every shipped form and list loads with no problems") {
  for (const auto& p : shipped().problems())
    FAIL_CHECK(p.file << ":" << p.line << " " << p.field << " " << p.code << " " << p.detail);
  std::vector<std::string> ids;
  for (const Form* f : shipped().all()) ids.push_back(f->id());
  // Every file of forms/ is a form that loads (the registry keeps them sorted by id).
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms"))
    if (entry.path().extension() == ".json") files.push_back(entry.path().stem().string());
  std::sort(files.begin(), files.end());
  CHECK(ids == files);
  for (const char* first : {"birth_registration", "death_registration", "health_insurance_household",
                            "marriage_registration", "residence_ct01", "vneid_level2"})
    CHECK(std::find(ids.begin(), ids.end(), first) != ids.end());
  for (const char* list : {"ethnic_groups", "nationalities", "provinces_2025"}) {
    INFO(list);
    REQUIRE(shipped().list(list));
    CHECK(!shipped().list(list)->choices.empty());
  }
}

namespace {
nlohmann::json readJson(const std::filesystem::path& p) {
  std::ifstream in(p);
  REQUIRE_MESSAGE(in, "cannot open " << p);
  return nlohmann::json::parse(in);
}
}  // namespace

TEST_CASE("each form's sample answers validate clean") {
  const auto dir = std::filesystem::path(GOCUA_SOURCE_DIR) / "tests/unit/forms/samples";
  REQUIRE(shipped().all().size() >= 6);
  for (const Form* form : shipped().all()) {
    INFO(form->id());
    const auto sample = readJson(dir / (form->id() + ".json"));
    const auto today = core::parseDate(sample["today"].get<std::string>());
    REQUIRE(today.ok());
    const auto report = form->validate(sample["answers"], *today);
    for (const auto& e : report.errors) FAIL_CHECK(e.field << " " << e.code << " " << e.detail);
    for (const auto& w : report.warnings) FAIL_CHECK("warning " << w.field << " " << w.code << " " << w.detail);
    CHECK(report.valid());
  }
}

TEST_CASE("registry lookups") {
  CHECK(shipped().find("no_such_form") == nullptr);
  REQUIRE(shipped().find("death_registration"));
  CHECK(shipped().find("death_registration")->id() == "death_registration");
  CHECK(shipped().list("no_such_list") == nullptr);
  const auto* ethnic = shipped().list("ethnic_groups");
  REQUIRE(ethnic);
  CHECK(ethnic->find("kinh") != nullptr);
  auto all = shipped().all();
  CHECK(std::is_sorted(all.begin(), all.end(), [](const Form* a, const Form* b) { return a->id() < b->id(); }));
  // Choices copied from the shared list into the field.
  const FieldDef* eth = shipped().find("birth_registration")->field("child.ethnicity");
  REQUIRE(eth);
  CHECK(eth->choices.size() == ethnic->choices.size());
}

TEST_CASE("a missing forms directory is a problem, not a crash") {
  auto reg = FormRegistry::load("/nonexistent/gocua/forms");
  CHECK(reg.all().empty());
  REQUIRE(reg.problems().size() == 1);
  CHECK(reg.problems()[0].code == "form.io");
}

TEST_CASE("defaultFormsDir honours GOCUA_FORMS, else finds a directory") {
  const char* old = std::getenv("GOCUA_FORMS");
  const std::string saved = old ? old : "";
  ::setenv("GOCUA_FORMS", "/tmp/custom-forms", 1);
  CHECK(defaultFormsDir() == std::filesystem::path("/tmp/custom-forms"));
  ::unsetenv("GOCUA_FORMS");
  // In a build tree nothing is installed next to the test binary, so the source tree's forms/
  // (or an installed copy) is what we get; either way it exists.
  CHECK(std::filesystem::is_directory(defaultFormsDir()));
  if (old) ::setenv("GOCUA_FORMS", saved.c_str(), 1);
}
