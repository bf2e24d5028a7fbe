// What the GUI map publishes (ui/ui_map.h): only the part of a widget that can be clicked, and
// list rows numbered from the first one a volunteer sees under the header, and the field being
// edited named with a keyed digest, never its text.
#include "ui/ui_map.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using gocua::ui::clickablePart;
using gocua::ui::rowCounts;
using gocua::ui::UiRect;

namespace {
// A list body under its frozen header: x 200..1000, y 300..700. Rows 50 px tall; ImGui's
// selectable reaches 5 px (half the item spacing) above and below its row.
const UiRect kBody{200, 300, 1000, 700};
UiRect row(int i) {
  return {200, 295.0f + 50.0f * static_cast<float>(i), 1000, 355.0f + 50.0f * static_cast<float>(i)};
}
}  // namespace

TEST_CASE("ui map: a widget half scrolled out is published as its visible part, one scrolled away not at all") {
  const auto whole = clickablePart({300, 400, 500, 450}, kBody);
  REQUIRE(whole.has_value());
  CHECK(*whole == UiRect{300, 400, 500, 450});
  const auto cut = clickablePart({300, 680, 500, 730}, kBody);  // the bottom 30 px are clipped
  REQUIRE(cut.has_value());
  CHECK(*cut == UiRect{300, 680, 500, 700});
  CHECK_FALSE(clickablePart({300, 700, 500, 750}, kBody).has_value());  // touches the edge only
  CHECK_FALSE(clickablePart({300, 100, 500, 150}, kBody).has_value());
  CHECK_FALSE(clickablePart({1000, 400, 1100, 450}, kBody).has_value());
}

TEST_CASE("ui map: the first row under the header is row 0; rows mostly hidden are not numbered") {
  CHECK(rowCounts(row(0), kBody));  // reaches 5 px behind the header: still the first row
  CHECK(rowCounts(row(1), kBody));
  CHECK(rowCounts(row(7), kBody));        // 645..705: 55 of 60 px shown
  CHECK_FALSE(rowCounts(row(8), kBody));  // 695..755: 5 px shown
  // Scrolled by 40 px: the old first row shows 15 of its 60 px and does not count.
  const UiRect scrolled{200, 255, 1000, 315};
  CHECK_FALSE(rowCounts(scrolled, kBody));
}

namespace {
nlohmann::json readMap(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in, nullptr, false);
}
std::string fileText(const std::filesystem::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A map writing to a file in its own temporary directory, removed at the end of the test.
struct MapInTempDir {
  explicit MapInTempDir(const std::string& tag)
      : dir(std::filesystem::temp_directory_path() / ("gocua-ui-map-" + tag + std::to_string(::getpid()))),
        file(dir / "map.json") {
    std::filesystem::create_directories(dir);
    map.enable(file);
  }
  ~MapInTempDir() { std::filesystem::remove_all(dir); }
  std::filesystem::path dir, file;
  gocua::ui::UiMap map;
};
}  // namespace

TEST_CASE("ui map: the field being edited is named with a keyed digest of its text, never the text") {
  MapInTempDir temp("");
  auto& map = temp.map;
  const auto& file = temp.file;
  const std::string name = "Lò Văn Pấng";

  // Without a key: the field is named, its digest empty (the test then cannot check, nor can anyone).
  map.beginFrame("resident");
  map.add("resident.full_name", 10, 10, 200, 40);
  map.active("resident.full_name", &name);
  map.endFrame();
  auto j = readMap(file);
  CHECK(j["active"]["id"] == "resident.full_name");
  CHECK(j["active"]["digest"] == "");

  // With a key: the digest is the keyed BLAKE2b of exactly the text; one lost letter changes it.
  std::vector<std::uint8_t> key(32, 7);
  map.setDigestKey(key);
  map.beginFrame("resident");
  map.active("resident.full_name", &name);
  map.endFrame();
  j = readMap(file);
  const std::string digest = j["active"]["digest"];
  CHECK(digest == gocua::ui::typedTextDigest(key, name));
  CHECK(digest.size() == 32);
  CHECK(digest != gocua::ui::typedTextDigest(key, "L Văn Pấng"));
  CHECK(digest != gocua::ui::typedTextDigest(std::vector<std::uint8_t>(32, 8), name));
  CHECK(fileText(file).find("Văn") == std::string::npos);

  // A passphrase field is named but never digested; a frame with no field edited names none.
  map.beginFrame("unlock");
  map.active("unlock.passphrase", nullptr);
  map.endFrame();
  CHECK(readMap(file)["active"]["digest"] == "");
  map.beginFrame("unlock");
  map.endFrame();
  CHECK_FALSE(readMap(file).contains("active"));
}

TEST_CASE("ui map: a widget drawn disabled is listed, and only for the frame that drew it so") {
  MapInTempDir temp("off-");
  auto& map = temp.map;
  const auto& file = temp.file;
  map.beginFrame("first_run");
  map.add("first_run.create", 10, 10, 200, 40);
  map.disabled("first_run.create");
  map.endFrame();
  auto j = readMap(file);
  CHECK(j["items"].contains("first_run.create"));
  REQUIRE(j.contains("disabled"));
  CHECK(j["disabled"] == nlohmann::json::array({"first_run.create"}));
  map.beginFrame("first_run");
  map.add("first_run.create", 10, 10, 200, 40);
  map.endFrame();
  CHECK_FALSE(readMap(file).contains("disabled"));
}

TEST_CASE("ui map: the widget under the pointer and the areas that scroll, for the frame that drew them") {
  MapInTempDir temp("hover-");
  auto& map = temp.map;
  const auto& file = temp.file;
  map.beginFrame("record");
  map.add("record.print", 780, 490, 1220, 540);
  map.hovered("record.print");
  map.scrollable("page/record-right", 764, 260, 1240, 710);
  map.endFrame();
  auto j = readMap(file);
  CHECK(j["hovered"] == "record.print");
  REQUIRE(j.contains("scroll"));
  CHECK(j["scroll"]["page/record-right"] == nlohmann::json::array({764, 260, 1240, 710}));
  map.beginFrame("record");  // the pointer left, and nothing scrolls any more
  map.add("record.print", 780, 490, 1220, 540);
  map.endFrame();
  j = readMap(file);
  CHECK_FALSE(j.contains("hovered"));
  CHECK_FALSE(j.contains("scroll"));
}
