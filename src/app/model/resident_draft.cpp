// Resident editor: the autosaved draft and leaving with unsaved edits (resident_model.h).
#include "app/model/resident_model.h"

#include "core/date.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "vault/json_wipe.h"

namespace gocua::app {
using nlohmann::json;

// [SECTION] The form as a draft

json ResidentModel::formState() const {
  const char* sex = sex_ == Sex::Male ? "male" : sex_ == Sex::Female ? "female" : "";
  return {{"resident_id", id_},
          {"revision", revision_},
          {"full_name", fullName},
          {"date_of_birth", dateOfBirth},
          {"sex", sex},
          {"personal_id", personalId},
          {"phone", phone},
          {"village", village},
          {"notes", notes},
          {"household_id", household_ == kNewHousehold ? std::string() : householdId_},
          {"new_household", household_ == kNewHousehold},
          {"consent_given_by", consentGivenBy},
          {"consent_method", consentMethod_},
          {"consent_date", consentDate_},
          {"consent_recorded_by", consentRecordedBy_},
          {"name_for_consent", nameForConsent_}};
}

void ResidentModel::restoreForm(const json& state) {
  // The revision the edit started from: a record saved meanwhile is then refused as a conflict.
  if (!isNew()) revision_ = jsonValue<std::int64_t>(state, "revision", revision_);
  fullName = jsonValue(state, "full_name", "");
  dateOfBirth = jsonValue(state, "date_of_birth", "");
  const std::string sex = jsonValue(state, "sex", "");
  sex_ = sex == "male" ? Sex::Male : sex == "female" ? Sex::Female : Sex::None;
  personalId = jsonValue(state, "personal_id", "");
  phone = jsonValue(state, "phone", "");
  village = jsonValue(state, "village", "");
  notes = jsonValue(state, "notes", "");
  consentGivenBy = jsonValue(state, "consent_given_by", "");
  consentMethod_ = jsonValue(state, "consent_method", "");
  if (auto d = jsonValue(state, "consent_date", ""); !d.empty()) consentDate_ = d;
  consentRecordedBy_ = jsonValue(state, "consent_recorded_by", "");
  nameForConsent_ = jsonValue(state, "name_for_consent", "");
  householdId_ = jsonValue(state, "household_id", "");
  household_ = jsonValue(state, "new_household", false) ? kNewHousehold : kNoHousehold;
  rebuildHouseholds();  // finds householdId_ among the village's households again
  dirty_ = true;        // unsaved: still only a draft
  vault::wipe(seen_);
  seen_ = formState();
  clock_.clear();
}

void ResidentModel::noticeTyping() {
  if (!editing()) return;
  json now = formState();
  if (now == seen_) {
    vault::wipe(now);
    return;
  }
  vault::wipe(seen_);
  seen_ = std::move(now);
  dirty_ = true;
  clock_.changed();
}

// [SECTION] Autosave

void ResidentModel::tick(double now) {
  if (!editing()) return;
  noticeTyping();
  if (clock_.due(now)) (void)flushDraft();
}

std::optional<double> ResidentModel::nextDeadline() const {
  if (!editing()) return std::nullopt;
  return clock_.deadline();
}

bool ResidentModel::flushDraft() {
  noticeTyping();
  auto* session = app_ ? app_->session() : nullptr;
  if (!editing() || !dirty_ || !session) return true;
  json state = formState();
  state["saved_at"] = core::nowLocalDisplay();
  auto st = draft_slot::put(*session, DraftKind::Resident, draftKey(), state);
  vault::wipe(state);
  if (!st) {
    showDraftError(st.error());
    return false;
  }
  clock_.clear();
  return true;
}

void ResidentModel::offerDraft() {
  auto found = draft_slot::find(app_ ? app_->session() : nullptr, DraftKind::Resident, draftKey());
  if (!found) {
    // A damaged slot must not block new work: say so; the next autosave replaces it.
    showDraftError(found.error());
    return;
  }
  if (*found) offered_ = std::move(**found);
}

std::string ResidentModel::offeredName() const { return jsonValue(offered_, "full_name", ""); }

std::string ResidentModel::offeredSavedAt() const { return jsonValue(offered_, "saved_at", ""); }

void ResidentModel::resumeDraft() {
  if (!draftOffered()) return;
  json state = std::move(offered_);
  offered_ = nullptr;
  restoreForm(state);
  vault::wipe(state);
}

void ResidentModel::discardDraft() {
  if (!draftOffered()) return;
  vault::wipe(offered_);
  forgetDraft();
}

void ResidentModel::forgetDraft() {
  auto* session = app_ ? app_->session() : nullptr;
  if (!session) return;
  if (auto st = draft_slot::remove(*session, DraftKind::Resident, draftKey()); !st) showDraftError(st.error());
}

void ResidentModel::showDraftError(const Error& e) {
  if (app_) app_->notify(i18n::message(e), true);
}

// [SECTION] Leaving

void ResidentModel::close() {
  wipeAll();
  app_ = nullptr;
}

bool ResidentModel::requestLeave(Screen to) {
  noticeTyping();
  if (!editing() || !dirty_) {
    close();  // an offered draft stays in the slot, offered again next time
    return true;
  }
  leaving_ = to;
  return false;
}

std::optional<Screen> ResidentModel::leaveKeepingDraft() {
  const Screen to = leaving_.value_or(Screen::Home);
  leaving_.reset();
  if (!flushDraft()) return std::nullopt;  // not sealed: stay, the notice says why
  close();
  return to;
}

Screen ResidentModel::leaveDiscarding() {
  const Screen to = leaving_.value_or(Screen::Home);
  forgetDraft();
  close();
  return to;
}

}  // namespace gocua::app
