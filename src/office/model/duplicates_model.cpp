#include "office/model/duplicates_model.h"

#include <map>
#include <utility>

#include "core/i18n.h"
#include "sync/hub/duplicates.h"

namespace gocua::office {

void DuplicatesModel::find(OfficeModel& office, std::function<void()> wake) {
  auto* session = office.session();
  if (!session || busy()) return;
  error_.clear();
  office.setBusy(true);
  office.clearNotice();
  task_.start(
      [session](ui::TaskProgress&) {
        Run run;
        auto found = hub::findDuplicates(*session);
        if (!found) {
          run.error = i18n::message(found.error());
          return run;
        }
        // One card per two records, however many reasons they share.
        std::map<std::pair<std::string, std::string>, std::size_t> seen;
        for (const auto& pair : *found) {
          const std::string reason = i18n::tr("office.duplicates.reason." + pair.reason);
          auto [it, fresh] = seen.try_emplace({pair.a, pair.b}, run.pairs.size());
          if (!fresh) {
            run.pairs[it->second].reason += " · " + reason;
            continue;
          }
          run.pairs.push_back({reason, openResident(*session, pair.a), openResident(*session, pair.b)});
        }
        return run;
      },
      std::move(wake));
}

void DuplicatesModel::poll(OfficeModel& office) {
  if (auto run = task_.take()) collect(office, std::move(*run));
}

void DuplicatesModel::finish(OfficeModel& office) {
  if (auto run = task_.wait()) collect(office, std::move(*run));
}

void DuplicatesModel::collect(OfficeModel& office, Run run) {
  office.setBusy(false);
  forgetPairs();
  searched_ = true;
  error_ = std::move(run.error);
  pairs_ = std::move(run.pairs);
  if (!error_.empty()) office.notify(error_, true);
}

void DuplicatesModel::forgetPairs() {
  for (auto& p : pairs_) {
    wipeResident(p.a);
    wipeResident(p.b);
  }
  pairs_.clear();
}

void DuplicatesModel::reset() {
  if (auto run = task_.wait())  // a search still running at lock: its pairs are wiped too
    for (auto& p : run->pairs) wipeResident(p.a), wipeResident(p.b);
  forgetPairs();
  error_.clear();
  searched_ = false;
}

}  // namespace gocua::office
