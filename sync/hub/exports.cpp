// Exports a person asked for: every record opened and written as CSV or JSON lines. This is the
// one place plaintext leaves memory, and only into the file named on the command line.
#include <cstring>

#include "core/json_read.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

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

constexpr const char* kCsvHeader =
    "id,kind,procedure,form_version,device,revision,review_status,volunteer,created_at,updated_at,full_name,"
    "date_of_birth,sex,personal_id,phone,village,body\r\n";

}  // namespace

Result<std::size_t> HubSession::exportRecords(ExportFormat format, const fs::path& outPath) {
  std::string out;
  if (format == ExportFormat::Csv) out = kCsvHeader;
  std::size_t count = 0;
  auto st = hub_.store().forEachRecord(std::nullopt, true, [&](const StoredRecord& r) -> Status {
    auto line = impl_->cipher.open(r.sealed, recordAd(r.id, r.revision));
    if (!line) return Error::make(err::kHubDamaged, "record");
    auto rec = json::parse(*line, nullptr, false);
    vault::wipe(*line);
    if (!rec.is_object()) return Error::make(err::kHubDamaged, "record");
    core::RecordId id{};
    std::memcpy(id.data(), r.id.data(), id.size());
    const json body = jsonValue(rec, "body", json::object());
    if (format == ExportFormat::Jsonl) {
      json o = {{"id", core::formatRecordId(id)},
                {"kind", r.kind},
                {"procedure", r.procedure.empty() ? json() : json(r.procedure)},
                {"form_version", r.procedure.empty() ? json() : json(r.formVersion)},
                {"device", hex(r.device)},
                {"revision", r.revision},
                {"review_status", r.reviewStatus ? json(*r.reviewStatus) : json()},
                {"volunteer", jsonValue(rec, "volunteer", json())},
                {"created_at", jsonValue(rec, "created_at", json())},
                {"updated_at", jsonValue(rec, "updated_at", json())},
                {"body", body}};
      out += o.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      std::vector<std::string> cells = {core::formatRecordId(id),
                                        r.kind,
                                        r.procedure,
                                        r.procedure.empty() ? "" : std::to_string(r.formVersion),
                                        hex(r.device),
                                        std::to_string(r.revision),
                                        r.reviewStatus.value_or(""),
                                        field(rec, "volunteer"),
                                        field(rec, "created_at"),
                                        field(rec, "updated_at"),
                                        field(body, "full_name"),
                                        field(body, "date_of_birth"),
                                        field(body, "sex"),
                                        field(body, "personal_id"),
                                        field(body, "phone"),
                                        field(body, "village"),
                                        body.dump(-1, ' ', false, json::error_handler_t::replace)};
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(std::move(cells[i]));
      out += "\r\n";
    }
    ++count;
    return {};
  });
  if (!st) {
    vault::wipe(out);
    return st.error();
  }
  auto written = writeFileAtomic(outPath, out);
  vault::wipe(out);
  if (!written) return written.error();
  return count;
}

}  // namespace gocua::hub
