// Session: applications prepared against a form, prefilled from the resident.
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/errors.h"
#include "core/json_read.h"
#include "core/parallel.h"
#include "core/resident.h"
#include "core/text.h"
#include "forms/draft_limits.h"
#include "store/errors.h"
#include "store/migrations.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

using namespace detail;

// [SECTION] Session: applications

namespace {

// The value of a resident attribute as a form answer ("full_name" → "Nguyễn Văn An").
std::optional<json> residentAttribute(const json& resident, std::string_view attribute) {
  auto it = resident.find(std::string(attribute));
  if (it == resident.end()) return std::nullopt;
  return *it;
}

void setPath(json& answers, std::string_view path, const json& value) {
  json* node = &answers;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    std::string key(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) {
      auto existing = node->find(key);
      if (existing == node->end() || existing->is_null() ||
          (existing->is_string() && existing->get<std::string>().empty()))
        (*node)[key] = value;
      return;
    }
    if (!node->contains(key) || !(*node)[key].is_object()) (*node)[key] = json::object();
    node = &(*node)[key];
    start = dot + 1;
  }
}

// The application's sealed body; problems listed when it is a draft.
json applicationBody(const forms::Form& form, const core::RecordId& resident, const json& answers,
                     const forms::ValidationReport& report, const std::string& createdAt,
                     const std::string& createdBy) {
  json body = {{"form_id", form.id()},
               {"form_version", form.version()},
               {"resident_id", core::formatRecordId(resident)},
               {"answers", answers},
               {"status", report.valid() ? "ready" : "draft"},
               {"created_at", createdAt},
               {"created_by", createdBy}};
  if (!report.valid()) {
    json problems = json::array();
    for (const auto& e : report.errors) problems.push_back({{"field", e.field}, {"code", e.code}});
    body["problems"] = problems;
  }
  return body;
}

}  // namespace

Result<std::string> Session::newApplication(const forms::Form& form, std::string_view residentIdText,
                                            const json& answersIn, bool draft, forms::ValidationReport* reportOut,
                                            std::vector<forms::DocumentItem>* checklist) {
  auto rid = core::parseRecordId(residentIdText);
  if (!rid) return Error::make(err::kRecordBadId, "resident");
  auto resident = getResident(residentIdText);
  if (!resident) return resident.error();
  if (!answersIn.is_object()) return Error::make(err::kFieldType, "answers");

  json answers = answersIn;
  for (const auto& target : form.prefillTargets())
    if (auto v = residentAttribute(resident->get(), target.attribute)) setPath(answers, target.path, *v);
  resident->reset();

  auto today = core::today();
  auto report = form.validate(answers, today);
  const bool blocked = forms::blocksDraft(report, answers);  // even a draft: unknown sections, megabytes
  if (reportOut) *reportOut = report;
  if (checklist) *checklist = form.checklist(answers, today);
  if (blocked || (!report.valid() && !draft)) return Error::make(err::kApplicationInvalid);

  json body = applicationBody(form, *rid, answers, report, nowIso(), volunteer_);
  std::string text = body.dump();
  auto row = sealNew("application", text, form.id(), form.version());
  vault::wipe(text);
  if (!row) return row.error();
  auto created = insertCreated(*row, "application");
  if (!created) return created.error();
  const core::RecordId id = *created;
  ApplicationInfo info{core::formatRecordId(id),
                       form.id(),
                       core::formatRecordId(*rid),
                       body["status"],
                       body["created_at"],
                       form.version(),
                       static_cast<int>(report.errors.size())};
  applications_.push_back(std::move(info));
  return core::formatRecordId(id);
}

Result<std::int64_t> Session::updateApplication(std::string_view idText, const forms::Form& form, const json& answers,
                                                bool draft, std::int64_t expectedRevision,
                                                forms::ValidationReport* reportOut,
                                                std::vector<forms::DocumentItem>* checklist) {
  auto id = core::parseRecordId(idText);
  if (!id) return Error::make(err::kRecordBadId, "id");
  if (!answers.is_object()) return Error::make(err::kFieldType, "answers");
  auto old = openBody(span(*id), "application");
  if (!old) return old.error();
  const json& oldBody = old->get();
  if (jsonValue<std::int64_t>(oldBody, "revision", 0) != expectedRevision) return Error::make(err::kRecordConflict);
  auto resident = core::parseRecordId(jsonValue(oldBody, "resident_id", ""));
  const std::string createdAt = jsonValue(oldBody, "created_at", nowIso());
  const std::string createdBy = jsonValue(oldBody, "created_by", volunteer_);
  old->reset();
  if (!resident) return Error::make(err::kRecordDamaged);

  const auto today = core::today();
  auto report = form.validate(answers, today);
  const bool blocked = forms::blocksDraft(report, answers);  // even a draft: unknown sections, megabytes
  if (reportOut) *reportOut = report;
  if (checklist) *checklist = form.checklist(answers, today);
  if (blocked || (!report.valid() && !draft)) return Error::make(err::kApplicationInvalid);

  json body = applicationBody(form, *resident, answers, report, createdAt, createdBy);
  body["updated_at"] = nowIso();
  body["updated_by"] = volunteer_;
  std::string text = body.dump();
  auto head = ws_->repo().record(span(*id));
  if (!head) return head.error();
  if (!*head) return Error::make(err::kRecordNotFound);
  store::RecordRow next = sealNext(std::move(**head), expectedRevision, text);
  next.formId = form.id();
  next.formVersion = form.version();
  vault::wipe(text);

  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().updateRecord(next, expectedRevision));
  GOCUA_TRY(auditNow("update", *id, "application"));
  GOCUA_TRY(txn->commit());
  const std::string idText2 = core::formatRecordId(*id);
  for (auto& a : applications_)
    if (a.id == idText2) {
      a.status = body["status"];
      a.formVersion = form.version();
      a.problems = static_cast<int>(report.errors.size());
    }
  return next.revision;
}

std::vector<ApplicationInfo> Session::listApplications(std::optional<std::string> residentId) const {
  std::vector<ApplicationInfo> out;
  for (const auto& a : applications_)
    if (!residentId || a.residentId == *residentId) out.push_back(a);
  return out;
}

}  // namespace gocua::workspace
