// Desk checklist cards (forms/cards/): procedures done in person at the desk, such as certified
// copies and signatures, get a short list of what to bring instead of a form. A card names its
// legal basis and has items in both languages; the form registry does not take it for a form.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "shipped_forms.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kCards = fs::path(GOCUA_SOURCE_DIR) / "forms/cards";

bool bothLanguages(const json& text) {
  return text.is_object() && text.contains("vi") && text.contains("en") && text["vi"].is_string() &&
         text["en"].is_string() && !text["vi"].get<std::string>().empty() && !text["en"].get<std::string>().empty();
}

}  // namespace

TEST_CASE("each checklist card has a title, legal basis and items in Vietnamese and English") {
  std::set<std::string> ids;
  for (const auto& entry : fs::directory_iterator(kCards)) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    std::ifstream in(entry.path());
    const json card = json::parse(in);
    REQUIRE(card["id"].is_string());
    CHECK(card["id"].get<std::string>() == entry.path().stem().string());
    ids.insert(card["id"].get<std::string>());
    CHECK(bothLanguages(card["title"]));
    CHECK(bothLanguages(card["authority"]));
    CHECK(bothLanguages(card["intro"]));
    REQUIRE(card["legal_basis"].is_array());
    CHECK_FALSE(card["legal_basis"].empty());
    REQUIRE(card["items"].is_array());
    CHECK(card["items"].size() >= 3);
    std::set<std::string> itemIds;
    for (const auto& item : card["items"]) {
      REQUIRE(item["id"].is_string());
      CHECK(itemIds.insert(item["id"].get<std::string>()).second);
      CHECK(bothLanguages(item));
    }
  }
  CHECK(ids.contains("certification"));
}

TEST_CASE("the registry does not read the cards as forms") {
  CHECK(gocua::forms::testing::shipped().find("certification") == nullptr);
  for (const auto& p : gocua::forms::testing::shipped().problems())
    FAIL_CHECK(p.file << " " << p.code << " " << p.detail);
}
