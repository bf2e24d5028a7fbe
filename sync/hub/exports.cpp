// Exports a person asked for: the records a filter keeps, opened and written as CSV, JSON lines or
// XLSX. This is the one place plaintext leaves memory, and only into the file named on the
// command line (and, for XLSX, libxlsxwriter's unlinked scratch files in the same folder).
// Dates in the received/created/updated columns are the UTC day the hub recorded.
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <variant>

#include "core/i18n.h"
#include "core/json_read.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/xlsx_row_thread.h"
#include "sync/hub/xlsx_sheet.h"
#include "vault/plain_json.h"

namespace gocua::hub {

using namespace detail;
using nlohmann::json;

namespace {

// RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula.
std::string csvCell(std::string v) {
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// The columns of every export, in order; the CSV header is the keys, the XLSX header the
// catalog's "hub.col.<key>" (Vietnamese for staff).
enum class CellKind { Text, Number, Date };
struct Column {
  const char* key;
  CellKind kind;
};
constexpr Column kColumns[] = {
    {"id", CellKind::Text},
    {"kind", CellKind::Text},
    {"procedure", CellKind::Text},
    {"form_version", CellKind::Number},
    {"device", CellKind::Text},
    {"revision", CellKind::Number},
    {"review_status", CellKind::Text},
    {"volunteer", CellKind::Text},
    {"received_at", CellKind::Date},
    {"created_at", CellKind::Date},
    {"updated_at", CellKind::Date},
    {"full_name", CellKind::Text},
    {"date_of_birth", CellKind::Date},
    {"sex", CellKind::Text},
    {"personal_id", CellKind::Text},
    {"phone", CellKind::Text},
    {"village", CellKind::Text},
    {"body", CellKind::Text},
};
constexpr std::size_t kColumnCount = std::size(kColumns);
// The last column, the whole body as JSON, is for programs (CSV, JSON lines): in a spreadsheet it
// is a wall of text staff cannot use, and it would double the file and the time to write it.
constexpr std::size_t kSpreadsheetColumns = kColumnCount - 1;

// Excel reads a CSV file as UTF-8 only when it starts with the byte-order mark.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A date cell from "dd/mm/yyyy" or an ISO time ("2026-11-23T10:00:00Z"); a year or month alone
// stays text, as the volunteer wrote it.
XlsxCell dateCell(const std::string& text) {
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    const core::Date d{std::atoi(text.substr(0, 4).c_str()), std::atoi(text.substr(5, 2).c_str()),
                       std::atoi(text.substr(8, 2).c_str())};
    if (d.year > 0 && d.month > 0 && d.day > 0) return d;
  }
  if (auto d = core::parseDate(text); d.ok() && d->precision() == core::DatePrecision::Day) return *d;
  return text;
}

XlsxCell typedCell(CellKind kind, std::string text) {
  if (text.empty()) return std::monostate{};
  if (kind == CellKind::Date) return dateCell(text);
  if (kind == CellKind::Number) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end && *end == '\0') return v;
  }
  return text;
}

// Checked before the output file is made, so a wrong filter writes nothing.
Status checkExportFilter(const forms::FormRegistry& forms, const RecordFilter& filter) {
  if (filter.procedure && !forms.find(*filter.procedure))
    return Error::make(err::kHubUnknownProcedure, "procedure", *filter.procedure);
  return checkFilter(filter);
}

}  // namespace

Result<std::size_t> HubSession::exportRecords(ExportFormat format, const fs::path& outPath, const RecordFilter& filter,
                                              const std::function<void(std::size_t)>& onRecord) {
  GOCUA_TRY(checkExportFilter(impl_->forms, filter));
  std::string out;
  std::unique_ptr<XlsxSheet> sheet;
  if (format == ExportFormat::Csv) {
    out = kUtf8Bom;
    for (std::size_t c = 0; c < kColumnCount; ++c) out += std::string(c ? "," : "") + kColumns[c].key;
    out += "\r\n";
  } else if (format == ExportFormat::Xlsx) {
    std::vector<std::string> headers;
    for (std::size_t c = 0; c < kSpreadsheetColumns; ++c)
      headers.push_back(i18n::tr(std::string("hub.col.") + kColumns[c].key));
    auto made = XlsxSheet::create(outPath, i18n::tr("hub.sheet.records"), headers);
    if (!made) return made.error();
    sheet = std::move(*made);
  }
  // The spreadsheet's columns need a few members of each line; CSV and JSON lines carry the body.
  static const RecordFields kSpreadsheetFields{
      {"volunteer", "created_at", "updated_at"},
      {"full_name", "date_of_birth", "sex", "personal_id", "phone", "village"}};
  std::optional<XlsxRowThread> rows;  // after sheet: stopped and joined before the sheet goes
  if (sheet) rows.emplace(*sheet);
  std::size_t count = 0;
  const std::function<Status(const OpenRecord&)> write = [&](const OpenRecord& r) -> Status {
    const json& rec = r.plain;
    static const json kNoBody = json::object();
    const auto bodyIt = rec.find("body");  // read in place: the holder wipes it after this call
    const json& body = bodyIt != rec.end() && bodyIt->is_object() ? *bodyIt : kNoBody;
    if (format == ExportFormat::Jsonl) {
      json o = {{"id", r.info.id},
                {"kind", r.info.kind},
                {"procedure", r.info.procedure.empty() ? json() : json(r.info.procedure)},
                {"form_version", r.info.procedure.empty() ? json() : json(r.formVersion)},
                {"device", hex(r.info.device)},
                {"revision", r.info.revision},
                {"review_status", r.info.reviewStatus ? json(*r.info.reviewStatus) : json()},
                {"volunteer", jsonValue(rec, "volunteer", json())},
                {"received_at", r.receivedAt},
                {"created_at", jsonValue(rec, "created_at", json())},
                {"updated_at", jsonValue(rec, "updated_at", json())},
                {"body", body}};
      const vault::PlainJson heldOut(std::move(o));
      out += heldOut.get().dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      std::vector<std::string> cells = {r.info.id,
                                        r.info.kind,
                                        r.info.procedure,
                                        r.info.procedure.empty() ? "" : std::to_string(r.formVersion),
                                        hex(r.info.device),
                                        std::to_string(r.info.revision),
                                        r.info.reviewStatus.value_or(""),
                                        field(rec, "volunteer"),
                                        r.receivedAt,
                                        field(rec, "created_at"),
                                        field(rec, "updated_at"),
                                        field(body, "full_name"),
                                        field(body, "date_of_birth"),
                                        field(body, "sex"),
                                        field(body, "personal_id"),
                                        field(body, "phone"),
                                        field(body, "village")};
      if (!sheet) cells.push_back(body.dump(-1, ' ', false, json::error_handler_t::replace));
      if (sheet) {
        std::vector<XlsxCell> typed;
        typed.reserve(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i) typed.push_back(typedCell(kColumns[i].kind, cells[i]));
        auto queued = rows->add(std::move(typed));  // its text is wiped once written
        for (auto& cell : cells) vault::wipe(cell);
        GOCUA_TRY(queued);
      } else {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(std::move(cells[i]));
        out += "\r\n";
      }
    }
    ++count;
    if (onRecord) onRecord(count);
    return {};
  };
  auto st = sheet ? forEachRecord(filter, kSpreadsheetFields, write) : forEachRecord(filter, write);
  if (!st) {
    vault::wipe(out);
    return st.error();
  }
  if (sheet) {
    GOCUA_TRY(rows->finish());
    GOCUA_TRY(sheet->commit());
    return count;
  }
  auto written = writeFileAtomic(outPath, out);
  vault::wipe(out);
  if (!written) return written.error();
  return count;
}

}  // namespace gocua::hub
