#include "office/model/unlock_model.h"

#include <algorithm>

#include "core/i18n.h"
#include "vault/secret.h"

namespace gocua::office {

void UnlockModel::load(OfficeModel& office) {
  staff_.clear();
  error_.clear();
  selected = 0;
  if (!office.hub()) return;
  auto people = office.hub()->staff();
  if (!people) {
    error_ = i18n::message(people.error());
    return;
  }
  for (const auto& s : *people) staff_.push_back(s.name);
  const auto wanted = std::find(staff_.begin(), staff_.end(), office.options().staff);
  if (wanted != staff_.end()) selected = static_cast<int>(wanted - staff_.begin());
}

void UnlockModel::submit(OfficeModel& office, std::function<void()> wake) {
  if (!canSubmit() || !office.hub()) return;
  error_.clear();
  const std::string who =
      staff_[static_cast<std::size_t>(std::clamp(selected, 0, static_cast<int>(staff_.size()) - 1))];
  std::string secret = std::move(passphrase);
  vault::wipe(passphrase);
  passphrase.clear();
  task_.start(
      [hub = office.hub(), who, secret = std::move(secret)](ui::TaskProgress&) mutable {
        Outcome out;
        auto s = hub->unlock(who, secret);
        vault::wipe(secret);
        if (s)
          out.session = std::move(*s);
        else
          out.error = i18n::message(s.error());
        return out;
      },
      std::move(wake));
}

void UnlockModel::collect(OfficeModel& office, Outcome outcome, double now) {
  if (!outcome.session) {
    error_ = outcome.error;
    return;
  }
  error_.clear();
  office.adoptSession(std::move(outcome.session), now);
}

void UnlockModel::poll(OfficeModel& office, double now) {
  if (auto done = task_.take()) collect(office, std::move(*done), now);
}

void UnlockModel::finish(OfficeModel& office, double now) {
  if (auto done = task_.wait()) collect(office, std::move(*done), now);
}

void UnlockModel::reset() {
  task_.wait();  // a session finished after the lock is dropped with the outcome
  vault::wipe(passphrase);
  passphrase.clear();
  error_.clear();
}

}  // namespace gocua::office
