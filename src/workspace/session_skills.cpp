// [SECTION] Session: digital-skills sessions a trainer logged (workspace.h). The record kind
// "skills_session" travels in batches like the others; the hub runs the same check on it.
#include "core/errors.h"
#include "forms/skills_session.h"
#include "vault/secret.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using nlohmann::json;
using namespace detail;

namespace {
constexpr const char* kSkillsKind = "skills_session";
}

Result<std::string> Session::addSkillsSession(const json& session, const forms::ChoiceList* topics, Errors* problems) {
  Errors local;
  auto parsed = forms::parseSkillsSession(session, core::today(), topics, local);
  if (!parsed) {
    const Error first = local.empty() ? Error::make(err::kFieldType, "session") : local.front();
    if (problems) *problems = std::move(local);
    return first;
  }
  json& body = *parsed;
  // A named attendee is a resident of this laptop who gave consent on their own record.
  for (std::size_t i = 0; i < body["participants"].size(); ++i) {
    const std::string field = "participants[" + std::to_string(i) + "]";
    auto resident = getResident(body["participants"][i].get<std::string>());
    Error problem = !resident                              ? Error::make(err::kSkillsParticipantUnknown, field)
                    : !resident->get().contains("consent") ? Error::make(err::kSkillsParticipantNoConsent, field)
                                                           : Error{};
    if (problem.code.empty()) continue;
    if (problems) *problems = {problem};
    return problem;
  }
  body["created_at"] = nowIso();
  body["created_by"] = volunteer_;
  std::string text = body.dump();
  auto row = sealNew(kSkillsKind, text, std::nullopt, std::nullopt);
  vault::wipe(text);
  if (!row) return row.error();
  auto id = insertCreated(*row, kSkillsKind);
  if (!id) return id.error();
  return core::formatRecordId(*id);
}

Result<std::vector<vault::PlainJson>> Session::skillsSessions() {
  std::vector<std::vector<std::uint8_t>> ids;
  GOCUA_TRY(ws_->repo().forEachRecord(kSkillsKind,
                                      [&](const store::RecordView& r) { ids.emplace_back(r.id.begin(), r.id.end()); }));
  std::vector<vault::PlainJson> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    auto body = openBody(id, kSkillsKind);
    if (!body) return body.error();
    out.push_back(std::move(*body));
  }
  return out;
}

}  // namespace gocua::workspace
