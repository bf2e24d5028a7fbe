// Internal: turns the text of one form or list file into a Form / ChoiceList, or into
// LoadProblems. All structural checks of the file format (forms/README.md) live here, so the
// validator can trust the tree it walks. Used by the registry, the tests and the fuzz target.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/form.h"

namespace gocua::forms {

// Finds a shared list by id (nullptr when there is none).
using ListLookup = std::function<const ChoiceList*(std::string_view)>;

// Parses a form file. On any problem the form is refused (nullopt) and every problem found is
// appended to problems (not only the first), each with file = fileName. expectedId, when not
// empty, is the id the file must declare (its file name without ".json").
std::optional<Form> parseForm(std::string_view text, const std::string& fileName, const std::string& expectedId,
                              const ListLookup& lists, std::vector<LoadProblem>& problems);

// Parses a shared list file {"id": "...", "choices": [{"value", "vi", "en"}, ...]}.
std::optional<ChoiceList> parseChoiceList(std::string_view text, const std::string& fileName,
                                          const std::string& expectedId, std::vector<LoadProblem>& problems);

}  // namespace gocua::forms
