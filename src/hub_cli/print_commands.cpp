// print RECORD_ID --out FILE.pdf: the prefilled declaration for the resident to sign at the desk.
// print appointments --village V --out FILE.pdf: the VNeID level-2 appointment list for the police.
// The PDF is the only plaintext written (temp beside → rename); every print is audited.
#include <map>

#include "core/json_read.h"
#include "hub_cli/context.h"
#include "print/appointments.h"
#include "print/declaration.h"
#include "print/pdf_writer.h"
#include "sync/hub/errors.h"
#include "vault/secret.h"

namespace gocua::hubcli {

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

Status printDeclaration(hub::HubSession& session, const std::string& id, const std::string& commune,
                        const std::filesystem::path& out) {
  return session.withRecord(id, [&](const hub::OpenRecord& r) -> Status {
    const auto* form = r.info.procedure.empty() ? nullptr : session.form(r.info.procedure);
    if (!form) return Error::make(err::kHubUnknownProcedure, "record", r.info.kind);
    const json& answers = objectAt(objectAt(r.plain, "body"), "answers");
    return print::writePdf(
        [&](const print::Measure& measure) {
          return print::layoutDeclaration({*form, answers, id, commune, core::today()}, measure);
        },
        out);
  });
}

void wipeRows(std::vector<print::AppointmentRow>& rows) {
  for (auto& r : rows)
    for (auto* s : {&r.name, &r.dateOfBirth, &r.personalId, &r.phone, &r.appointmentDate}) vault::wipe(*s);
  rows.clear();
}

// The village's residents (their dates of birth), then every application of a form with an
// appointment list made for one of them.
Result<std::size_t> printAppointments(hub::HubSession& session, const std::string& village, const std::string& commune,
                                      const std::filesystem::path& out) {
  std::map<std::string, std::string> birthByResident;
  hub::RecordFilter residents;
  residents.village = village;
  auto st = session.forEachRecord(residents, [&](const hub::OpenRecord& r) -> Status {
    if (r.info.kind == "resident")
      birthByResident[r.info.id] = jsonField<std::string>(objectAt(r.plain, "body"), "date_of_birth").value_or("");
    return {};
  });
  print::AppointmentList list{commune, village, core::today(), {}};
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
  return count;
}

}  // namespace

void addPrintCommands(CLI::App& app, Action& action) {
  auto* printCmd = app.add_subcommand("print", i18n::tr("hub.cmd.print"));
  static std::string recordId, out, village;
  printCmd->add_option("RECORD_ID", recordId, i18n::tr("hub.opt.print_target"))->required();
  printCmd->add_option("--out", out, i18n::tr("hub.opt.out"))->required();
  printCmd->add_option("--village", village, i18n::tr("hub.opt.print_village"));
  onUnlocked(printCmd, action, [](Context&, auto& session) {
    auto commune = session.hub().commune();
    if (!commune) return fail(commune.error());
    const auto file = std::filesystem::path(out).filename().string();
    if (recordId == "appointments") {
      if (village.empty()) return fail(Error::make(err::kHubInvalid, "village"));
      auto rows = printAppointments(session, village, commune->name, out);
      if (!rows) return fail(rows.error());
      auto audited = session.audit("print.appointments", file);
      if (!audited) return fail(audited.error());
      return succeed({{"out", out}, {"rows", *rows}}, "hub.print.done", {{"out", out}});
    }
    auto printed = printDeclaration(session, recordId, commune->name, out);
    if (!printed) return fail(printed.error());
    auto audited = session.audit("print", recordId);
    if (!audited) return fail(audited.error());
    return succeed({{"out", out}, {"record", recordId}}, "hub.print.done", {{"out", out}});
  });
}

}  // namespace gocua::hubcli
