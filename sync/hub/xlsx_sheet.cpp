#include "sync/hub/xlsx_sheet.h"

#include <unistd.h>

#include <xlsxwriter.h>

#include "core/durable_write.h"
#include "sync/hub/errors.h"

namespace gocua::hub {

struct XlsxSheet::Impl {
  std::filesystem::path out, temp;
  std::string tmpdir;
  lxw_workbook* book = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* header = nullptr;
  lxw_format* date = nullptr;
  std::size_t columns = 0;
  lxw_row_t next = 1;  // row 0 is the header

  ~Impl() {
    // Unfinished: close to free libxlsxwriter's memory, then drop the half-made file.
    if (book) workbook_close(book);
    if (!temp.empty()) ::unlink(temp.c_str());
  }
};

namespace {

Error xlsxError(lxw_error e) { return Error::make(err::kHubIo, "", lxw_strerror(e)); }

}  // namespace

XlsxSheet::XlsxSheet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxSheet::~XlsxSheet() = default;

Result<std::unique_ptr<XlsxSheet>> XlsxSheet::create(const std::filesystem::path& out, std::string_view sheetName,
                                                     const std::vector<std::string>& headers) {
  auto impl = std::make_unique<Impl>();
  impl->out = out;
  impl->temp = core::tempPathBeside(out);
  impl->tmpdir = out.parent_path().empty() ? std::string(".") : out.parent_path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = impl->tmpdir.data();
  impl->book = workbook_new_opt(impl->temp.c_str(), &options);
  if (!impl->book) return Error::make(err::kHubIo, "", "create spreadsheet");
  const std::string name(sheetName);
  impl->sheet = workbook_add_worksheet(impl->book, name.c_str());
  impl->header = workbook_add_format(impl->book);
  impl->date = workbook_add_format(impl->book);
  if (!impl->sheet || !impl->header || !impl->date) return Error::make(err::kHubIo, "", "create spreadsheet");
  format_set_bold(impl->header);
  format_set_num_format(impl->date, "dd/mm/yyyy");
  impl->columns = headers.size();
  worksheet_freeze_panes(impl->sheet, 1, 0);
  if (!headers.empty()) worksheet_set_column(impl->sheet, 0, static_cast<lxw_col_t>(headers.size() - 1), 18, nullptr);
  for (std::size_t c = 0; c < headers.size(); ++c)
    if (auto e = worksheet_write_string(impl->sheet, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), impl->header);
        e != LXW_NO_ERROR)
      return xlsxError(e);
  return std::unique_ptr<XlsxSheet>(new XlsxSheet(std::move(impl)));
}

Status XlsxSheet::row(const std::vector<XlsxCell>& cells) {
  auto& m = *impl_;
  if (cells.size() > m.columns) return Error::make(err::kHubIo, "", "row wider than the header");
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    lxw_error e = LXW_NO_ERROR;
    if (const auto* text = std::get_if<std::string>(&cells[c])) {
      if (!text->empty()) e = worksheet_write_string(m.sheet, m.next, col, text->c_str(), nullptr);
    } else if (const auto* number = std::get_if<double>(&cells[c])) {
      e = worksheet_write_number(m.sheet, m.next, col, *number, nullptr);
    } else if (const auto* day = std::get_if<core::Date>(&cells[c])) {
      lxw_datetime when{day->year, day->month, day->day, 0, 0, 0};
      e = worksheet_write_datetime(m.sheet, m.next, col, &when, m.date);
    }
    if (e != LXW_NO_ERROR) return xlsxError(e);
  }
  ++m.next;
  return {};
}

Status XlsxSheet::commit() {
  auto& m = *impl_;
  if (m.columns > 0) worksheet_autofilter(m.sheet, 0, 0, m.next - 1, static_cast<lxw_col_t>(m.columns - 1));
  const lxw_error closed = workbook_close(m.book);
  m.book = nullptr;
  if (closed != LXW_NO_ERROR) return xlsxError(closed);
  if (core::commitFileDurably(m.temp, m.out)) return Error::make(err::kHubIo, "", "put the spreadsheet in place");
  m.temp.clear();
  return {};
}

}  // namespace gocua::hub
