#include "office/model/appointments_model.h"

#include <algorithm>
#include <cctype>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "hub_print/hub_print.h"
#include "ui/model/errors.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

void AppointmentsModel::open(OfficeModel& office) {
  error_.clear();
  villages_.clear();
  if (!office.hub()) return;
  auto commune = office.hub()->commune();
  if (!commune) {
    error_ = i18n::message(commune.error());
    return;
  }
  villages_ = commune->villages;
  if (std::find(villages_.begin(), villages_.end(), village) == villages_.end())
    village = villages_.empty() ? std::string() : villages_.front();
}

std::string AppointmentsModel::fileStem(const std::string& isoDay) const {
  std::string slug;
  for (char c : core::foldKey(village)) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
    if (keep)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "lich-hen-vneid-" + (slug.empty() ? std::string("thon") : slug) + "-" + isoDay;
}

bool AppointmentsModel::canPrint(const std::filesystem::path& folder) const {
  return !busy() && !village.empty() && !folder.empty() && std::filesystem::is_directory(folder);
}

void AppointmentsModel::print(OfficeModel& office, const std::filesystem::path& folder, std::function<void()> wake) {
  error_.clear();
  auto* session = office.session();
  if (!session || busy() || village.empty()) return;
  if (folder.empty() || !std::filesystem::is_directory(folder)) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return;
  }
  const auto out = ui::uniqueFileIn(folder, fileStem(core::formatIsoDay(core::today())), ".pdf");
  office.setBusy(true);
  office.clearNotice();
  task_.start(
      [session, out, village = village](ui::TaskProgress&) {
        Run run{out, village, 0, {}};
        auto rows = hubprint::printAppointments(*session, village, out);  // audited there
        if (rows)
          run.rows = *rows;
        else
          run.error = i18n::message(rows.error());
        return run;
      },
      std::move(wake));
}

void AppointmentsModel::poll(OfficeModel& office) {
  if (auto run = task_.take()) collect(office, std::move(*run));
}

void AppointmentsModel::finish(OfficeModel& office) {
  if (auto run = task_.wait()) collect(office, std::move(*run));
}

void AppointmentsModel::collect(OfficeModel& office, Run run) {
  office.setBusy(false);
  if (!run.error.empty()) {
    error_ = run.error;
    office.notify(run.error, true);
    return;
  }
  lastFile_ = run.file;
  lastRows_ = run.rows;
  const std::string key = run.rows == 0 ? "office.appointments.printed_empty" : "office.appointments.printed";
  office.notify(
      i18n::tr(key, {{"village", run.village}, {"count", i18n::formatCount(run.rows)}, {"file", run.file.string()}}));
}

void AppointmentsModel::reset() {
  task_.wait();
  villages_.clear();
  lastFile_.clear();
  lastRows_ = 0;
  error_.clear();
}

}  // namespace gocua::office
