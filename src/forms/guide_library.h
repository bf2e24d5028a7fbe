// The guides a device shows (forms/guides/*.json), checked against the forms they explain. Like
// the form registry, loading never throws and one bad file never takes the others down: it is
// refused into problems() with its file name, the field and the reason.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "forms/form.h"
#include "forms/guide.h"

namespace gocua::forms {

class GuideLibrary {
 public:
  // Reads dir/*.json in file-name order. A missing dir gives no guides and one "form.io" problem.
  static GuideLibrary load(const std::filesystem::path& dir, const FormRegistry& forms);
  // The same from files in memory, keyed "<id>.json" (other names are ignored).
  static GuideLibrary fromFiles(const std::map<std::string, std::string>& files, const FormRegistry& forms);

  const Guide* find(std::string_view id) const;
  // The guide that explains this form, nullptr when it has none.
  const Guide* forForm(std::string_view formId) const;
  // Procedures in the app's order (the forms' "order", then form id), then the cards by id.
  const std::vector<Guide>& all() const { return guides_; }
  const std::vector<LoadProblem>& problems() const { return problems_; }

 private:
  std::vector<Guide> guides_;
  std::vector<LoadProblem> problems_;
};

// forms/guides beside the forms the app uses (defaultFormsDir()).
std::filesystem::path defaultGuidesDir();

}  // namespace gocua::forms
