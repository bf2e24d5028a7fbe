// GuideLibrary: reads forms/guides/ with the registry's directory reader (same file-name order,
// same "form.io" problems) and keeps the guides that pass parseGuide, one per form.
#include "forms/guide_library.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include "core/json_strict.h"
#include "forms/errors.h"
#include "forms/registry.h"

namespace gocua::forms {

namespace {

constexpr std::size_t kMaxGuideFileBytes = 256 * 1024;  // a guide is a few KiB

// Where a guide goes in all(): procedures in the app's order, then cards.
std::tuple<bool, int, std::string> placeOf(const Guide& g, const FormRegistry& forms) {
  if (g.isCard()) return {true, 0, g.id};
  const Form* form = forms.find(g.form);
  const int order = form && form->order() ? *form->order() : INT_MAX;
  return {false, order, g.form};
}

}  // namespace

GuideLibrary GuideLibrary::load(const std::filesystem::path& dir, const FormRegistry& forms) {
  std::vector<LoadProblem> problems;
  const auto files = FormRegistry::readDir(dir, problems);
  GuideLibrary lib = fromFiles(files, forms);
  problems.insert(problems.end(), lib.problems_.begin(), lib.problems_.end());
  lib.problems_ = std::move(problems);
  return lib;
}

GuideLibrary GuideLibrary::fromFiles(const std::map<std::string, std::string>& files, const FormRegistry& forms) {
  GuideLibrary lib;
  for (const auto& entry : files) {
    // Plain references: clang cannot capture structured bindings in a lambda.
    const std::string& name = entry.first;
    const std::string& text = entry.second;
    if (name.find('/') != std::string::npos || !name.ends_with(".json")) continue;
    auto refuse = [&lib, &name](const Error& e) {
      lib.problems_.push_back(LoadProblem{name, e.field, e.code, e.detail, 0});
    };
    if (text.size() > kMaxGuideFileBytes) {
      refuse(Error::make(err::kGuideJson, "", "larger than 256 KiB"));
      continue;
    }
    auto doc = core::parseJsonNoDuplicateKeys(text);
    if (!doc.ok() || doc.value().is_discarded()) {
      refuse(doc.ok() ? Error::make(err::kGuideJson, "", "not valid JSON") : doc.error());
      continue;
    }
    Errors problems;
    auto guide = parseGuide(doc.value(), forms, &problems);
    const std::string stem = name.substr(0, name.size() - 5);
    if (guide.ok() && guide.value().id != stem)
      problems.push_back(Error::make(err::kGuideIdMismatch, "id", "the file is " + name));
    if (guide.ok() && !guide.value().isCard() && lib.forForm(guide.value().form))
      problems.push_back(Error::make(err::kGuideDuplicate, "form", "another guide explains " + guide.value().form));
    if (!problems.empty()) {
      for (const auto& e : problems) refuse(e);
      continue;
    }
    lib.guides_.push_back(std::move(guide.value()));
  }
  std::sort(lib.guides_.begin(), lib.guides_.end(),
            [&forms](const Guide& a, const Guide& b) { return placeOf(a, forms) < placeOf(b, forms); });
  return lib;
}

const Guide* GuideLibrary::find(std::string_view id) const {
  for (const auto& g : guides_)
    if (g.id == id) return &g;
  return nullptr;
}

const Guide* GuideLibrary::forForm(std::string_view formId) const {
  for (const auto& g : guides_)
    if (!g.isCard() && g.form == formId) return &g;
  return nullptr;
}

std::filesystem::path defaultGuidesDir() { return defaultFormsDir() / "guides"; }

}  // namespace gocua::forms
