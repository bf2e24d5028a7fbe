// "One vocabulary": what a volunteer reads says what to type. Every constraint and check of the
// shipped forms has its own message, and no form or catalog message speaks of "trường" (field),
// "sai kiểu dữ liệu" (wrong data type) or "không thỏa" (does not satisfy).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/text.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using namespace gocua::forms::testing;
using nlohmann::json;

namespace {

// The jargon, with its diacritics (folding would also catch "trưởng thôn", the village head),
// NFC, in both accent placements ("thỏa"/"thoả").
bool jargon(const std::string& raw) {
  auto nfc = core::toNfc(raw);
  const std::string text = nfc.ok() ? *nfc : raw;
  for (const char* word : {"trường", "Trường", "sai kiểu dữ liệu", "Sai kiểu dữ liệu", "không thỏa", "Không thỏa",
                           "không thoả", "chưa thỏa", "chưa thoả"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

void walk(const FieldDef& f, const std::string& formId) {
  for (const FieldDef& c : f.children) {
    CAPTURE(formId);
    CAPTURE(c.path);
    if (c.constraint) {
      CHECK_FALSE(c.constraintMessage.vi.empty());
      CHECK_FALSE(c.constraintMessage.en.empty());
      CHECK_FALSE(jargon(c.constraintMessage.vi));
    }
    CHECK_FALSE(jargon(c.patternMessage.vi));
    CHECK_FALSE(jargon(c.hint.vi));
    walk(c, formId);
  }
}

}  // namespace

TEST_CASE("every constraint of the shipped forms has its own message, in plain words") {
  REQUIRE(shipped().all().size() >= 6);
  for (const Form* f : shipped().all()) walk(f->root(), f->id());
}

TEST_CASE("the catalog's messages for answers use no jargon") {
  for (const char* file : {"forms.json", "records.json", "core.json"}) {
    std::ifstream in(std::filesystem::path(GOCUA_SOURCE_DIR) / "assets/i18n" / file);
    REQUIRE(in);
    const json catalog = json::parse(in);
    for (const auto& item : catalog.items()) {
      // Not a structured binding: clang cannot capture one in CAPTURE's lambda.
      const std::string key = item.key();
      const json& text = item.value();
      CAPTURE(file);
      CAPTURE(key);
      if (text.is_object() && text.contains("vi")) CHECK_FALSE(jargon(text["vi"].get<std::string>()));
    }
  }
}
