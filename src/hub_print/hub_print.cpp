#include "hub_print/hub_print.h"

#include <map>
#include <vector>

#include "core/json_read.h"
#include "print/appointments.h"
#include "print/declaration.h"
#include "print/key_poster.h"
#include "print/pdf_writer.h"
#include "sync/hub/communes.h"
#include "sync/hub/errors.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"

namespace gocua::hubprint {

using nlohmann::json;

namespace {

// The answer at "section.field" (never inside a repeat), as text; "" when absent.
std::string answerText(const json& answers, const std::string& path) {
  const auto dot = path.find('.');
  if (path.empty() || dot == std::string::npos) return {};
  const auto section = answers.find(path.substr(0, dot));
  if (section == answers.end() || !section->is_object()) return {};
  return jsonField<std::string>(*section, path.substr(dot + 1)).value_or("");
}

const json kNone = json::object();

// The member `key` of o when it is an object, read in place (the record holder wipes it), else {}.
const json& objectAt(const json& o, const char* key) {
  const auto it = o.is_object() ? o.find(key) : o.end();
  return o.is_object() && it != o.end() && it->is_object() ? *it : kNone;
}

void wipeRows(std::vector<print::AppointmentRow>& rows) {
  for (auto& r : rows)
    for (auto* s : {&r.name, &r.dateOfBirth, &r.personalId, &r.phone, &r.appointmentDate}) vault::wipe(*s);
  rows.clear();
}

}  // namespace

Status printDeclaration(hub::HubSession& session, std::string_view recordId, const std::filesystem::path& out) {
  auto commune = session.hub().commune();
  if (!commune) return commune.error();
  const std::string id(recordId);
  GOCUA_TRY(session.withRecord(id, [&](const hub::OpenRecord& r) -> Status {
    const auto* form = r.info.procedure.empty() ? nullptr : session.form(r.info.procedure);
    if (!form) return Error::make(err::kHubUnknownProcedure, "record", r.info.kind);
    const json& answers = objectAt(objectAt(r.plain, "body"), "answers");
    return print::writePdf(
        [&](const print::Measure& measure) {
          return print::layoutDeclaration({*form, answers, id, commune->name, core::today()}, measure);
        },
        out);
  }));
  return session.audit("print", id);
}

// The village's residents (their dates of birth), then every application of a form with an
// appointment list made for one of them.
Result<std::size_t> printAppointments(hub::HubSession& session, const std::string& village,
                                      const std::filesystem::path& out) {
  auto commune = session.hub().commune();
  if (!commune) return commune.error();
  std::map<std::string, std::string> birthByResident;
  hub::RecordFilter residents;
  residents.village = village;
  auto st = session.forEachRecord(residents, [&](const hub::OpenRecord& r) -> Status {
    if (r.info.kind == "resident")
      birthByResident[r.info.id] = jsonField<std::string>(objectAt(r.plain, "body"), "date_of_birth").value_or("");
    return {};
  });
  print::AppointmentList list{commune->name, village, core::today(), {}};
  if (st)
    st = session.forEachRecord({}, [&](const hub::OpenRecord& r) -> Status {
      const auto* form = r.info.procedure.empty() ? nullptr : session.form(r.info.procedure);
      if (!form || !form->appointmentList()) return {};
      const json& body = objectAt(r.plain, "body");
      const auto resident = birthByResident.find(jsonField<std::string>(body, "resident_id").value_or(""));
      if (resident == birthByResident.end()) return {};
      const json& answers = objectAt(body, "answers");
      const auto& paths = *form->appointmentList();
      list.rows.push_back({answerText(answers, paths.name), resident->second, answerText(answers, paths.personalId),
                           answerText(answers, paths.phone), answerText(answers, paths.date)});
      return {};
    });
  for (auto& [id, birth] : birthByResident) vault::wipe(birth);
  if (st)
    st = print::writePdf([&](const print::Measure& measure) { return print::layoutAppointments(list, measure); }, out);
  const std::size_t count = list.rows.size();
  wipeRows(list.rows);
  if (!st) return st.error();
  GOCUA_TRY(session.audit("print.appointments", out.filename().string()));
  return count;
}

Status printKeyPoster(hub::HubSession& session, const std::filesystem::path& out) {
  auto commune = session.hub().commune();
  if (!commune) return commune.error();
  print::KeyPoster poster{commune->name, "", commune->code, sync::fingerprint(session.identity().signPublic),
                          core::today()};
  if (auto units = hub::loadAdminUnits(hub::defaultAdminUnitsFile()))
    if (auto unit = hub::communeByCode(*units, commune->code)) poster.provinceName = unit->provinceName;
  GOCUA_TRY(
      print::writePdf([&](const print::Measure& measure) { return print::layoutKeyPoster(poster, measure); }, out));
  return session.audit("print.key", out.filename().string());
}

}  // namespace gocua::hubprint
