// A one-sheet XLSX file written row by row, for staff who open it in Excel: libxlsxwriter in
// constant-memory mode (each row goes to disk as it is written, so 100,000 rows stay small),
// a bold frozen header row with an autofilter, dates as real date cells (dd/mm/yyyy).
//
// The workbook is built in a hidden temp file beside the output and renamed over it only when
// complete (core::commitFileDurably). libxlsxwriter's own scratch files are made in the same
// folder and unlinked as they are created: the data never lands outside the place the person
// chose for the export.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace gocua::hub {

// An empty cell, text, a number or a date.
using XlsxCell = std::variant<std::monostate, std::string, double, core::Date>;

class XlsxSheet {
 public:
  // Starts the file with its header row. "hub.io" when the temp file cannot be made.
  [[nodiscard]] static Result<std::unique_ptr<XlsxSheet>> create(const std::filesystem::path& out,
                                                                 std::string_view sheetName,
                                                                 const std::vector<std::string>& headers);
  ~XlsxSheet();  // without commit(): the temp file is removed, the output untouched
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  // The next row, as many cells as headers (extra cells are an error).
  [[nodiscard]] Status row(const std::vector<XlsxCell>& cells);
  // Sets the autofilter over the rows written, finishes the file and puts it in place.
  [[nodiscard]] Status commit();

  struct Impl;

 private:
  explicit XlsxSheet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gocua::hub
