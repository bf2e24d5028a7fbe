// The set of forms a device offers: every forms/<id>.json plus the shared choice lists in
// forms/lists/. Loading never throws and never lets one bad file take the others down: a
// malformed file is refused into problems() with file, line/field and reason, and the rest load.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "forms/form.h"

namespace gocua::forms {

class FormRegistry {
 public:
  // Reads dir/lists/*.json (shared lists) then dir/*.json (forms), in file-name order.
  // A missing dir gives an empty registry with one "form.io" problem.
  static FormRegistry load(const std::filesystem::path& dir);
  // The same from files in memory (a hub's form pack), keyed as load() names them: "<id>.json"
  // and "lists/<id>.json"; other names are ignored.
  static FormRegistry fromFiles(const std::map<std::string, std::string>& files);
  // What load() reads: dir's *.json and lists/*.json by those names. Unreadable files and a
  // missing dir go to problems.
  static std::map<std::string, std::string> readDir(const std::filesystem::path& dir,
                                                    std::vector<LoadProblem>& problems);

  const Form* find(std::string_view id) const;
  std::vector<const Form*> all() const;  // sorted by id
  const std::vector<LoadProblem>& problems() const { return problems_; }
  const ChoiceList* list(std::string_view id) const;
  std::vector<const ChoiceList*> lists() const;  // sorted by id

 private:
  std::vector<std::shared_ptr<const Form>> forms_;        // sorted by id
  std::vector<std::shared_ptr<const ChoiceList>> lists_;  // sorted by id
  std::vector<LoadProblem> problems_;
};

// Where form files live: $GOCUA_FORMS if set; else <exe dir>/../share/gocua/forms if it exists
// (a relocatable install); else the configured install prefix if it exists; else the source
// tree's forms/ (developer builds).
std::filesystem::path defaultFormsDir();

}  // namespace gocua::forms
