// libFuzzer target: a form file is hostile input (hand-edited, carried on USB sticks), so the
// loader must refuse anything malformed with problems and never crash, hang or throw. When a
// file does load, validating and exporting arbitrary answers against it must be safe too.
// Build (not wired into CMake):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_form_load.cpp
//     src/forms/*.cpp src/core/*.cpp build/src/core/gocua_catalog_embedded.cpp -lutf8proc -o fuzz_form_load
// Seed corpus: forms/*.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "forms/form_loader.h"

using namespace gocua;
using namespace gocua::forms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ChoiceList list{"ethnic_groups", {Choice{"kinh", {"Kinh", "Kinh"}}, Choice{"tay", {"Tày", "Tay"}}}};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<LoadProblem> problems;
  auto form = parseForm(
      text, "fuzz.json", "", [](std::string_view id) { return id == list.id ? &list : nullptr; }, problems);
  if (!form) {
    if (problems.empty()) __builtin_trap();  // a refusal must always say why
    return 0;
  }
  // The same bytes as answers: usually not JSON, sometimes an object that exercises the walk.
  auto answers = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (answers.is_discarded()) answers = nlohmann::json::object();
  const core::Date today{2025, 11, 15};
  auto report = form->validate(answers, today);
  for (const auto& issue : report.errors) (void)form->message(issue, i18n::Lang::En);
  (void)form->exportView(answers, today);
  (void)form->checklist(answers, today);
  (void)form->fieldPaths();
  return 0;
}
