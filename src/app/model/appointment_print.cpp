// writeAppointmentList: VneidAppointment rows + each resident's birth date and village → print's list.
#include "app/model/appointment_print.h"

#include <set>

#include "core/json_read.h"
#include "print/appointments.h"
#include "print/pdf_writer.h"
#include "vault/secret.h"

namespace gocua::app {

namespace {

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

void wipeRows(std::vector<print::AppointmentRow>& rows) {
  for (auto& r : rows)
    for (auto* s : {&r.name, &r.dateOfBirth, &r.personalId, &r.phone, &r.appointmentDate}) vault::wipe(*s);
  rows.clear();
}

}  // namespace

Result<WrittenList> writeAppointmentList(workspace::Session& session, const std::vector<VneidAppointment>& list,
                                         const std::filesystem::path& folder, const core::Date& today) {
  std::string commune;
  if (auto st = session.syncStatus(); st.ok() && st->enrolled) commune = st->communeName;
  print::AppointmentList out{commune, {}, today, {}};
  std::set<std::string> villages;
  for (const auto& a : list) {
    if (a.status != "ready") continue;  // a draft is not ready for the police
    auto resident = session.getResident(a.residentId);
    if (!resident) {
      wipeRows(out.rows);
      return resident.error();
    }
    const auto& body = resident->get();
    if (auto v = jsonValue(body, "village", ""); !v.empty()) villages.insert(v);
    out.rows.push_back({a.name, jsonValue(body, "date_of_birth", ""), a.personalId, a.phone, a.appointmentDate});
  }
  for (const auto& v : villages) out.village += (out.village.empty() ? "" : ", ") + v;
  const auto file = folder / ("danh-sach-hen-vneid-" + twoDigits(today.day) + "-" + twoDigits(today.month) + "-" +
                              std::to_string(today.year) + ".pdf");
  auto written =
      print::writePdf([&](const print::Measure& measure) { return print::layoutAppointments(out, measure); }, file);
  const std::size_t rows = out.rows.size();
  wipeRows(out.rows);
  if (!written) return written.error();
  return WrittenList{file, rows};
}

}  // namespace gocua::app
