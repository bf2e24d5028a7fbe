#include "office/model/staff_model.h"

#include "core/i18n.h"
#include "core/text.h"
#include "ui/model/folder_picker.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::office {

void StaffModel::open(OfficeModel& office) {
  error_.clear();
  rows_.clear();
  removing_.reset();
  if (!office.hub()) return;
  auto staff = office.hub()->staff();
  if (!staff) {
    error_ = i18n::message(staff.error());
    return;
  }
  const std::string me = office.staffName();
  for (const auto& s : *staff) {
    std::string added = ui::formatLocalTime(s.addedAt);
    added = added.substr(0, added.find(' '));  // the day is enough here
    rows_.push_back({s.name, added, s.addedBy, s.name == me});
  }
}

std::string StaffModel::problem() const {
  // Taken first, compared folded: the hub's own first name ("Cán bộ 1") is no person's name.
  const std::string folded = core::foldKey(name);
  for (const auto& r : rows_)
    if (!folded.empty() && core::foldKey(r.name) == folded) return i18n::tr("office.staff.taken", {{"name", r.name}});
  auto normal = core::normalizeName(name);
  if (!normal) return i18n::message(normal.error());
  if (auto st = vault::checkPassphrase(passphrase); !st) return i18n::message(st.error());
  if (confirm != passphrase) return i18n::tr("office.setup.confirm_differs");
  return {};
}

void StaffModel::add(OfficeModel& office, std::function<void()> wake) {
  auto* session = office.session();
  if (!session || busy()) return;
  error_ = problem();
  if (!error_.empty()) return;
  std::string who = *core::normalizeName(name);
  std::string secret = passphrase;
  wipePassphrases();
  office.setBusy(true);
  office.clearNotice();
  task_.start(
      [session, who = std::move(who), secret = std::move(secret)](ui::TaskProgress&) mutable {
        Outcome out{who, {}};
        if (auto st = session->addStaff(who, secret, vault::defaultKdfParams()); !st)
          out.error = i18n::message(st.error());
        vault::wipe(secret);
        return out;
      },
      std::move(wake));
}

void StaffModel::poll(OfficeModel& office) {
  if (auto out = task_.take()) collect(office, std::move(*out));
}

void StaffModel::finish(OfficeModel& office) {
  if (auto out = task_.wait()) collect(office, std::move(*out));
}

void StaffModel::collect(OfficeModel& office, Outcome outcome) {
  office.setBusy(false);
  if (!outcome.error.empty()) {
    error_ = outcome.error;
    office.notify(outcome.error, true);
    return;
  }
  name.clear();
  open(office);
  office.notify(i18n::tr("office.staff.added", {{"name", outcome.name}}));
}

void StaffModel::askRemove(std::size_t i) {
  if (i < rows_.size() && !rows_[i].me) removing_ = i;
}

void StaffModel::confirmRemove(OfficeModel& office) {
  auto* session = office.session();
  if (!session || !removing_ || *removing_ >= rows_.size()) return;
  const std::string who = rows_[*removing_].name;
  removing_.reset();
  if (auto st = session->removeStaff(who); !st) {
    error_ = i18n::message(st.error());
    return;
  }
  open(office);
  office.notify(i18n::tr("office.staff.removed", {{"name", who}}));
}

void StaffModel::wipePassphrases() {
  vault::wipe(passphrase);  // zeroed, then empty
  vault::wipe(confirm);
}

void StaffModel::reset() {
  task_.wait();
  wipePassphrases();
  name.clear();
  rows_.clear();
  removing_.reset();
  error_.clear();
}

}  // namespace gocua::office
