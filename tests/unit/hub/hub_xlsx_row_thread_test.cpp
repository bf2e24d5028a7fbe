// XlsxRowThread (sync/hub/xlsx_row_thread.h): rows written on their own thread still make a whole
// spreadsheet, a row the sheet refuses stops the export with its error, and an export abandoned
// half way leaves no file and no thread behind.
#include <doctest/doctest.h>

#include <filesystem>

#include "../file_bytes.h"
#include "../temp_dir.h"
#include "sync/hub/xlsx_row_thread.h"

using namespace gocua;

namespace {

std::unique_ptr<hub::XlsxSheet> sheetAt(const std::filesystem::path& out) {
  auto sheet = hub::XlsxSheet::create(out, "Hồ sơ", {"Họ tên", "Ngày sinh", "Số"});
  REQUIRE(sheet.ok());
  return std::move(*sheet);
}

std::vector<hub::XlsxCell> row(int n) { return {std::string("Nguyễn Văn An"), core::Date{1990, 2, 1}, double(n)}; }

}  // namespace

TEST_CASE("XlsxRowThread: thousands of rows make a whole file") {
  test::TempDir tmp;
  const auto out = tmp.path / "all.xlsx";
  auto sheet = sheetAt(out);
  hub::detail::XlsxRowThread rows(*sheet);
  for (int n = 0; n < 3000; ++n) REQUIRE(rows.add(row(n)).ok());
  REQUIRE(rows.finish().ok());
  REQUIRE(sheet->commit().ok());
  CHECK(test::readAll(out).substr(0, 2) == "PK");
}

TEST_CASE("XlsxRowThread: a row the sheet refuses is the export's error") {
  test::TempDir tmp;
  const auto out = tmp.path / "all.xlsx";
  auto sheet = sheetAt(out);
  hub::detail::XlsxRowThread rows(*sheet);
  Status st;
  for (int n = 0; n < 3000 && st; ++n) {
    auto cells = row(n);
    if (n == 700) cells.emplace_back(std::string("one cell too many"));
    st = rows.add(std::move(cells));
  }
  const Status finished = rows.finish();
  REQUIRE_FALSE(finished.ok());
  CHECK(finished.error().code == "hub.io");
  if (!st) CHECK(st.error().code == "hub.io");
}

TEST_CASE("XlsxRowThread: an export abandoned half way leaves no file") {
  test::TempDir tmp;
  const auto out = tmp.path / "all.xlsx";
  {
    auto sheet = sheetAt(out);
    hub::detail::XlsxRowThread rows(*sheet);
    for (int n = 0; n < 2000; ++n) REQUIRE(rows.add(row(n)).ok());
  }  // no finish, no commit: the thread stops, the temp file goes
  CHECK_FALSE(std::filesystem::exists(out));
  std::size_t left = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tmp.path)) ++left;
  CHECK(left == 0);
}
