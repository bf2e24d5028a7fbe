#include "office/model/setup_model.h"

#include <algorithm>

#include "core/i18n.h"
#include "core/text.h"
#include "hub_print/hub_print.h"
#include "sync/keys/keys.h"
#include "ui/model/errors.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::office {

namespace {

constexpr std::size_t kMaxVillageChars = 100;

}  // namespace

void SetupModel::open() {
  error_.clear();
  step_ = Step::Commune;
  if (!units_.empty()) return;
  auto units = hub::loadAdminUnits(hub::defaultAdminUnitsFile());
  if (!units) {
    error_ = i18n::message(units.error());
    return;
  }
  units_ = std::move(*units);
  for (const auto& u : units_)
    if (provinces_.empty() || provinces_.back() != u.provinceName) provinces_.push_back(u.provinceName);
}

const std::vector<hub::AdminUnit>& SetupModel::matches() {
  if (matched_ && province == matchedProvince_ && query == matchedQuery_) return matches_;
  matched_ = true;
  matchedProvince_ = province;
  matchedQuery_ = query;
  matches_.clear();
  matchCount_ = 0;
  const bool anyQuery = !core::foldKey(query).empty();
  if (province.empty() && !anyQuery) return matches_;
  const auto found = anyQuery ? hub::findCommunes(units_, query) : units_;
  for (const auto& u : found) {
    if (!province.empty() && u.provinceName != province) continue;
    if (++matchCount_ <= kMaxShown) matches_.push_back(u);
  }
  return matches_;
}

void SetupModel::choose(const hub::AdminUnit& unit) {
  chosen_ = unit;
  province = unit.provinceName;
}

bool SetupModel::toPeople() {
  if (!chosen_) return false;
  error_.clear();
  step_ = Step::People;
  return true;
}

bool SetupModel::addVillage() {
  error_.clear();
  auto name = core::normalizeText(villageDraft, kMaxVillageChars);
  if (!name) {
    error_ = i18n::message(name.error());
    return false;
  }
  if (name->empty() || name->find('\n') != std::string::npos) {
    error_ = i18n::tr("office.setup.village_empty");
    return false;
  }
  const auto key = core::foldKey(*name);
  for (const auto& v : villages)
    if (core::foldKey(v) == key) {
      error_ = i18n::tr("office.setup.village_twice", {{"village", v}});
      return false;
    }
  villages.push_back(std::move(*name));
  villageDraft.clear();
  return true;
}

void SetupModel::removeVillage(std::size_t i) {
  if (i < villages.size()) villages.erase(villages.begin() + static_cast<std::ptrdiff_t>(i));
}

std::string SetupModel::problem() const {
  if (!chosen_) return i18n::tr("office.setup.choose_commune");
  if (villages.empty()) return i18n::tr("office.setup.need_village");
  if (auto name = core::normalizeName(staffName); !name) return i18n::message(name.error());
  if (auto st = vault::checkPassphrase(passphrase); !st) return i18n::message(st.error());
  if (confirm != passphrase) return i18n::tr("office.setup.confirm_differs");
  return {};
}

void SetupModel::create(OfficeModel& office, std::function<void()> wake) {
  if (busy() || office.hub()) return;
  error_ = problem();
  if (!error_.empty()) return;
  hub::CommuneInfo commune{chosen_->code, chosen_->name, villages, ""};
  std::string staff = *core::normalizeName(staffName);
  std::string secret = passphrase;
  wipePassphrases();
  task_.start(
      [dir = office.options().dataDir, commune = std::move(commune), staff = std::move(staff),
       secret = std::move(secret)](ui::TaskProgress&) mutable {
        Outcome out;
        auto made = hub::Hub::create(dir, commune, staff, secret, vault::defaultKdfParams());
        if (made) {
          auto session = (*made)->unlock(staff, secret);
          if (session) {
            out.hub = std::move(*made);
            out.session = std::move(*session);
          } else {
            out.error = i18n::message(session.error());
          }
        } else {
          out.error = i18n::message(made.error());
        }
        vault::wipe(secret);
        return out;
      },
      std::move(wake));
}

void SetupModel::collect(OfficeModel& office, Outcome outcome, double now) {
  if (!outcome.session) {
    error_ = outcome.error;
    return;
  }
  error_.clear();
  fingerprint_ = sync::fingerprint(outcome.session->identity().signPublic);
  office.adoptHub(std::move(outcome.hub));
  office.adoptSession(std::move(outcome.session), now);
  office.go(Screen::Setup);
  step_ = Step::Key;
}

void SetupModel::poll(OfficeModel& office, double now) {
  if (auto done = task_.take()) collect(office, std::move(*done), now);
}

void SetupModel::finish(OfficeModel& office, double now) {
  if (auto done = task_.wait()) collect(office, std::move(*done), now);
}

bool SetupModel::printPoster(OfficeModel& office) {
  error_.clear();
  auto* session = office.session();
  if (!session || !chosen_) return false;
  if (!folder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return false;
  }
  const auto out = folder.folder() / ("ma-khoa-xa-" + chosen_->code + ".pdf");
  if (auto st = hubprint::printKeyPoster(*session, out); !st) {
    error_ = i18n::message(st.error());
    return false;
  }
  lastPoster_ = out;
  return true;
}

void SetupModel::wipePassphrases() {
  vault::wipe(passphrase);
  vault::wipe(confirm);
  passphrase.clear();
  confirm.clear();
}

void SetupModel::reset() {
  task_.wait();  // a hub made after the lock is dropped with its outcome (it is on disk: unlock opens it)
  wipePassphrases();
}

}  // namespace gocua::office
