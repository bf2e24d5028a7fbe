// Resident editor view-model; see resident_model.h.
#include "app/model/resident_model.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/birth_date.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "core/personal_id.h"
#include "core/phone.h"
#include "core/record_id.h"
#include "core/resident.h"
#include "core/text.h"
#include "vault/json_wipe.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::app {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxVillage = 120;  // as core::parseResident
constexpr std::size_t kMaxNotes = 2000;

std::string stringOf(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// ID numbers are often typed in groups as printed on the card: "001 090 123456".
std::string digitsOnly(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '.' && c != '-') out += c;
  return out;
}

std::optional<ResidentField> fieldOf(const std::string& name) {
  static const std::unordered_map<std::string, ResidentField> fields = {
      {"full_name", ResidentField::FullName},
      {"date_of_birth", ResidentField::DateOfBirth},
      {"sex", ResidentField::Sex},
      {"personal_id", ResidentField::PersonalId},
      {"phone", ResidentField::Phone},
      {"village", ResidentField::Village},
      {"household_id", ResidentField::Household},
      {"notes", ResidentField::Notes},
      {"consent.given_by", ResidentField::ConsentGivenBy},
      {"consent.method", ResidentField::ConsentMethod},
      {"consent.date", ResidentField::ConsentMethod},
  };
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

// "Chưa điền: full_name" would show a key; each required field says what is missing plainly.
std::string requiredMessage(ResidentField f) {
  switch (f) {
    case ResidentField::FullName:
      return i18n::tr("error.name.empty");
    case ResidentField::DateOfBirth:
      return i18n::tr("app.resident.required.date_of_birth");
    case ResidentField::Sex:
      return i18n::tr("app.resident.required.sex");
    case ResidentField::ConsentGivenBy:
      return i18n::tr("app.resident.required.given_by");
    case ResidentField::ConsentMethod:
      return i18n::tr("app.resident.required.consent");
    default:
      return i18n::tr("app.resident.required.other");
  }
}

int birthKey(std::string_view dob) {
  auto d = core::parseDate(dob, core::DatePrecision::Year);
  return d ? d->year * 10000 + d->month * 100 + d->day : 99999999;
}

}  // namespace

// [SECTION] Opening and closing

void ResidentModel::wipeAll() {
  for (std::string* s :
       {&fullName, &dateOfBirth, &personalId, &phone, &village, &notes, &consentGivenBy, &consentMethod_, &consentDate_,
        &consentRecordedBy_, &nameForConsent_, &householdId_, &formError_, &loadError_})
    vault::wipe(*s);
  for (auto& m : messages_) vault::wipe(m);
  for (auto& h : households_) vault::wipe(h.label);
  households_.clear();
  for (auto& v : villages_) {
    vault::wipe(v.name);
    vault::wipe(v.folded);
  }
  villages_.clear();
  if (duplicate_) {
    vault::wipe(duplicate_->name);
    vault::wipe(duplicate_->dateOfBirth);
    vault::wipe(duplicate_->village);
  }
  duplicate_.reset();
  id_.clear();
  revision_ = 0;
  sex_ = Sex::None;
  household_ = kNoHousehold;
  conflict_ = false;
  dirty_ = false;
  leaving_.reset();
  vault::wipe(seen_);
  vault::wipe(offered_);
  clock_.clear();
  focusRequest_ = false;
  scrollTopRequest_ = false;
}

bool ResidentModel::holdsPlaintext() const {
  for (const std::string* s : {&fullName, &dateOfBirth, &personalId, &phone, &village, &notes, &consentGivenBy,
                               &consentRecordedBy_, &nameForConsent_, &householdId_, &id_})
    if (!s->empty()) return true;
  for (const auto& m : messages_)
    if (!m.empty()) return true;
  return !households_.empty() || !villages_.empty() || duplicate_.has_value() || !seen_.is_null() ||
         !offered_.is_null();
}

void ResidentModel::reset() {
  (void)flushDraft();  // a failure is a notice; the lock goes on
  close();
}

void ResidentModel::openNew(AppModel& app) {
  (void)flushDraft();  // the form open until now, if it has unsaved edits
  wipeAll();
  app_ = &app;
  scrollTopRequest_ = true;
  consentDate_ = core::formatDate(core::today());
  loadVillages(app);
  focusRequest_ = true;
  seen_ = formState();
  offerDraft();
}

void ResidentModel::presetVillage(const std::string& name) {
  village = name;
  rebuildHouseholds();
  vault::wipe(seen_);
  seen_ = formState();  // not an edit
}

void ResidentModel::openExisting(AppModel& app, const std::string& residentId) {
  (void)flushDraft();
  wipeAll();
  app_ = &app;
  scrollTopRequest_ = true;
  consentDate_ = core::formatDate(core::today());
  loadVillages(app);
  auto* session = app.session();
  if (!session) return;
  auto got = session->getResident(residentId);
  if (!got) {
    loadError_ = i18n::message(got.error());
    return;
  }
  const json& j = got->get();  // wiped when got goes
  id_ = stringOf(j, "id");
  revision_ = jsonValue<std::int64_t>(j, "revision", 0);
  fullName = stringOf(j, "full_name");
  nameForConsent_ = fullName;
  dateOfBirth = stringOf(j, "date_of_birth");
  const std::string sex = stringOf(j, "sex");
  sex_ = sex == "female" ? Sex::Female : sex == "male" ? Sex::Male : Sex::None;
  personalId = stringOf(j, "personal_id");
  phone = stringOf(j, "phone");
  village = stringOf(j, "village");
  notes = stringOf(j, "notes");
  householdId_ = stringOf(j, "household_id");
  if (auto c = j.find("consent"); c != j.end() && c->is_object()) {
    consentGivenBy = stringOf(*c, "given_by");
    consentRecordedBy_ = consentGivenBy;
    consentMethod_ = stringOf(*c, "method");
    if (auto d = stringOf(*c, "date"); !d.empty()) consentDate_ = d;
  } else {
    consentGivenBy = fullName;
  }
  rebuildHouseholds();
  seen_ = formState();
  offerDraft();
}

void ResidentModel::loadVillages(AppModel& app) {
  villages_.clear();
  auto* session = app.session();
  if (!session) return;
  std::unordered_map<std::string, std::size_t> bySpelling, byFolded;
  for (const auto& r : session->index().residents()) {
    if (r.village.empty()) continue;
    auto it = bySpelling.find(r.village);
    if (it == bySpelling.end()) {
      std::string folded = core::foldKey(r.village);
      auto [f, added] = byFolded.try_emplace(folded, villages_.size());
      if (added) villages_.push_back({r.village, folded, 0});
      it = bySpelling.emplace(r.village, f->second).first;
    }
    ++villages_[it->second].residents;
  }
  std::sort(villages_.begin(), villages_.end(), [](const Village& a, const Village& b) {
    if (a.residents != b.residents) return a.residents > b.residents;
    return a.folded < b.folded;
  });
}

// [SECTION] Village and household

std::vector<std::string> ResidentModel::villageSuggestions(std::size_t max) const {
  std::vector<std::string> out;
  const std::string typed = core::foldKey(village);
  for (const auto& v : villages_) {
    if (out.size() >= max) break;
    if (!typed.empty() && v.folded == typed) return {};  // already one of them
    if (typed.empty() || v.folded.find(typed) != std::string::npos) out.push_back(v.name);
  }
  return out;
}

void ResidentModel::chooseVillage(const std::string& name) {
  village = name;
  setMessage(ResidentField::Village, {});
  dirty_ = true;
  rebuildHouseholds();
}

void ResidentModel::chooseHousehold(int household) {
  if (household != kNewHousehold && (household < 0 || household >= static_cast<int>(households_.size())))
    household = kNoHousehold;
  household_ = household;
  if (household >= 0)
    householdId_ = households_[static_cast<std::size_t>(household)].id;
  else
    vault::wipe(householdId_);
  setMessage(ResidentField::Household, {});
  dirty_ = true;
}

void ResidentModel::rebuildHouseholds() {
  const std::string wanted = household_ >= 0 ? households_[static_cast<std::size_t>(household_)].id : householdId_;
  for (auto& h : households_) vault::wipe(h.label);
  households_.clear();
  if (household_ != kNewHousehold) household_ = kNoHousehold;
  auto* session = app_ ? app_->session() : nullptr;
  const std::string folded = core::foldKey(village);
  if (!session) return;
  if (!folded.empty()) {
    const auto& all = session->index().residents();
    std::unordered_map<std::string, bool> sameVillage;  // spelling → folds to the typed village
    std::unordered_map<std::string, std::size_t> byId;
    std::vector<const workspace::IndexedResident*> oldest;
    for (const auto& r : all) {
      if (r.householdId.empty() || r.village.empty()) continue;
      auto sv = sameVillage.find(r.village);
      if (sv == sameVillage.end()) sv = sameVillage.emplace(r.village, core::foldKey(r.village) == folded).first;
      if (!sv->second) continue;
      auto [it, added] = byId.try_emplace(r.householdId, households_.size());
      if (added) {
        households_.push_back({r.householdId, {}, 0});
        oldest.push_back(&r);
      }
      ++households_[it->second].members;
      if (birthKey(r.dateOfBirth) < birthKey(oldest[it->second]->dateOfBirth)) oldest[it->second] = &r;
    }
    for (std::size_t i = 0; i < households_.size(); ++i)
      households_[i].label = i18n::tr("app.home.household_of", {{"name", oldest[i]->fullName}});
    std::sort(households_.begin(), households_.end(),
              [](const HouseholdChoice& a, const HouseholdChoice& b) { return a.label < b.label; });
  }
  if (!wanted.empty()) {
    for (std::size_t i = 0; i < households_.size(); ++i)
      if (households_[i].id == wanted) household_ = static_cast<int>(i);
    // A household recorded elsewhere (the resident moved village): kept unless changed.
    if (household_ == kNoHousehold && wanted == householdId_) {
      households_.push_back({householdId_, i18n::tr("app.resident.household_recorded"), 0});
      household_ = static_cast<int>(households_.size() - 1);
    }
  }
}

// [SECTION] Fields and inline checks

void ResidentModel::setSex(Sex s) {
  sex_ = s;
  dirty_ = true;
  setMessage(ResidentField::Sex, {});
  checkPersonalIdAgainstBirthAndSex();
}

void ResidentModel::setConsentMethod(const std::string& method) {
  if (method != consentMethod_) consentDate_ = core::formatDate(core::today());
  consentMethod_ = method;
  dirty_ = true;
  setMessage(ResidentField::ConsentMethod, {});
  if (consentGivenBy.empty() && !fullName.empty()) {
    consentGivenBy = fullName;
    nameForConsent_ = fullName;
  }
}

void ResidentModel::checkPersonalIdAgainstBirthAndSex() {
  if (personalId.empty()) {
    setMessage(ResidentField::PersonalId, {});
    return;
  }
  std::optional<core::Date> birth;
  if (auto d = core::parseDate(dateOfBirth, core::DatePrecision::Year)) birth = *d;
  std::optional<core::Sex> sex;
  if (sex_ != Sex::None) sex = sex_ == Sex::Male ? core::Sex::Male : core::Sex::Female;
  auto ok = core::validatePersonalId(personalId, birth, sex);
  setMessage(ResidentField::PersonalId, ok ? std::string() : i18n::message(ok.error()));
}

void ResidentModel::checkDuplicate() {
  if (duplicate_) {
    vault::wipe(duplicate_->name);
    vault::wipe(duplicate_->dateOfBirth);
    vault::wipe(duplicate_->village);
  }
  duplicate_.reset();
  auto* session = app_ ? app_->session() : nullptr;
  if (!session) return;
  const auto& index = session->index();
  auto isSelf = [this](const workspace::IndexedResident& r) {
    return !id_.empty() && core::formatRecordId(r.id) == id_;
  };
  auto show = [this](const workspace::IndexedResident& r, bool sameId) {
    duplicate_ = DuplicateInfo{core::formatRecordId(r.id), r.fullName, r.dateOfBirth, r.village, sameId};
  };
  if (personalId.size() == 12) {
    for (const auto& hit : index.search(personalId, 20)) {
      const auto& r = index.residents()[hit.index];
      if (r.personalId == personalId && !isSelf(r)) {
        show(r, true);
        return;
      }
    }
  }
  auto name = core::normalizeName(fullName);
  auto birth = core::parseDate(dateOfBirth, core::DatePrecision::Year);
  if (!name || !birth) return;
  if (const auto* r = index.findSameNameAndBirth(core::foldKey(*name), core::formatDate(*birth)); r && !isSelf(*r))
    show(*r, false);
}

void ResidentModel::leave(ResidentField field) {
  dirty_ = true;
  auto put = [this, field](std::string text) { setMessage(field, std::move(text)); };
  switch (field) {
    case ResidentField::FullName: {
      if (auto n = core::normalizeName(fullName)) {
        fullName = *n;
        put({});
        // Consent is given by the resident unless someone else was named.
        if (consentGivenBy.empty() || consentGivenBy == nameForConsent_) consentGivenBy = fullName;
        nameForConsent_ = fullName;
      } else {
        put(n.error().is(err::kNameEmpty) ? requiredMessage(field) : i18n::message(n.error()));
      }
      checkDuplicate();
      break;
    }
    case ResidentField::DateOfBirth: {
      if (dateOfBirth.find_first_not_of(' ') == std::string::npos) {
        put(requiredMessage(field));
      } else if (auto d = core::parseBirthDate(dateOfBirth, core::today()); !d) {
        put(i18n::message(d.error()));
      } else {
        dateOfBirth = core::formatDate(*d);
        put({});
      }
      checkPersonalIdAgainstBirthAndSex();
      checkDuplicate();
      break;
    }
    case ResidentField::PersonalId:
      personalId = digitsOnly(personalId);
      checkPersonalIdAgainstBirthAndSex();
      checkDuplicate();
      break;
    case ResidentField::Phone:
      if (phone.find_first_not_of(' ') == std::string::npos) {
        vault::wipe(phone);
        put({});
      } else if (auto p = core::normalizePhone(phone)) {
        phone = *p;
        put({});
      } else {
        put(i18n::message(p.error()));
      }
      break;
    case ResidentField::Village:
      if (auto v = core::normalizeText(village, kMaxVillage)) {
        village = *v;
        put({});
      } else {
        put(i18n::message(Error::like(v.error(), "", std::to_string(kMaxVillage))));
      }
      rebuildHouseholds();
      break;
    case ResidentField::Notes:
      if (auto v = core::normalizeText(notes, kMaxNotes)) {
        notes = *v;
        put({});
      } else {
        put(i18n::message(Error::like(v.error(), "", std::to_string(kMaxNotes))));
      }
      break;
    case ResidentField::ConsentGivenBy:
      if (auto n = core::normalizeName(consentGivenBy)) {
        consentGivenBy = *n;
        put({});
        // Someone else giving consent is a new consent, given today.
        if (consentGivenBy != consentRecordedBy_) {
          consentDate_ = core::formatDate(core::today());
          consentRecordedBy_ = consentGivenBy;
        }
      } else {
        put(n.error().is(err::kNameEmpty) ? requiredMessage(field) : i18n::message(n.error()));
      }
      break;
    case ResidentField::Sex:
    case ResidentField::Household:
    case ResidentField::ConsentMethod:
    case ResidentField::Count:
      break;
  }
}

std::string ResidentModel::personalIdNote() const {
  if (personalId.size() != 12 || !message(ResidentField::PersonalId).empty()) return {};
  if (!core::validatePersonalId(personalId).ok()) return {};
  const auto province = core::birthProvinceName(personalId.substr(0, 3));
  if (province.empty()) return {};
  return i18n::tr("app.resident.birth_province", {{"province", std::string(province)}});
}

std::string ResidentModel::phoneNote() const {
  if (phone.size() != 10 || !message(ResidentField::Phone).empty()) return {};
  const auto carrier = core::carrierOf(phone);
  if (carrier.empty()) return {};
  return i18n::tr("app.resident.carrier", {{"carrier", std::string(carrier)}});
}

bool ResidentModel::takeFocusRequest() {
  const bool r = focusRequest_;
  focusRequest_ = false;
  return r;
}

bool ResidentModel::takeScrollTopRequest() {
  const bool r = scrollTopRequest_;
  scrollTopRequest_ = false;
  return r;
}

// "Chưa lưu: hãy sửa Giới tính, Cách đồng ý." — the fields may be scrolled out of sight.
std::string ResidentModel::problemsSummary() const {
  static const char* labels[] = {
      "app.resident.full_name",         "app.resident.date_of_birth", "app.resident.sex",
      "app.resident.personal_id_short", "app.resident.phone",         "app.resident.village",
      "app.resident.household",         "app.resident.notes",         "app.resident.consent.given_by_short",
      "app.resident.consent.method"};
  static_assert(std::size(labels) == static_cast<std::size_t>(ResidentField::Count));
  std::string fields;
  for (std::size_t i = 0; i < messages_.size(); ++i) {
    if (messages_[i].empty()) continue;
    if (!fields.empty()) fields += ", ";
    fields += i18n::tr(labels[i]);
  }
  return i18n::tr("app.resident.fix_problems", {{"fields", fields}});
}

// The summary follows the fields: it names only what is still wrong and goes once all is fixed.
std::string ResidentModel::formError() const {
  if (!formError_.empty()) return formError_;
  return summarize_ && hasProblems() ? problemsSummary() : std::string();
}

bool ResidentModel::hasProblems() const {
  return std::any_of(messages_.begin(), messages_.end(), [](const std::string& m) { return !m.empty(); });
}

void ResidentModel::clearMessages() {
  for (auto& m : messages_) vault::wipe(m);
  vault::wipe(formError_);
  summarize_ = false;
  conflict_ = false;
}

void ResidentModel::showProblem(const Error& e) {
  auto f = fieldOf(e.field);
  std::string text;
  if (e.is(err::kFieldRequired) && f)
    text = requiredMessage(*f);
  else if (e.is(err::kResidentDuplicate))
    text = i18n::tr("app.resident.duplicate_id");
  else if ((e.is(err::kNameTooLong) || e.is(err::kTextTooLong)) && e.detail.empty())
    text = i18n::message(Error::like(e, e.field,
                                     std::to_string(f == ResidentField::Notes     ? kMaxNotes
                                                    : f == ResidentField::Village ? kMaxVillage
                                                                                  : 100)));
  else
    text = i18n::message(e);
  if (f && message(*f).empty())
    setMessage(*f, std::move(text));
  else if (!f && formError_.empty())
    formError_ = std::move(text);
}

// [SECTION] Saving

bool ResidentModel::save(AppModel& app) {
  app_ = &app;
  leaving_.reset();
  clearMessages();
  const std::string draftBefore = draftKey();  // "new" until the first save
  auto* session = app.session();
  if (!session) return false;
  // Every field again, as if each had just been left; required ones too.
  for (auto f : {ResidentField::FullName, ResidentField::DateOfBirth, ResidentField::PersonalId, ResidentField::Phone,
                 ResidentField::Village, ResidentField::Notes})
    leave(f);
  if (sex_ == Sex::None) setMessage(ResidentField::Sex, requiredMessage(ResidentField::Sex));
  if (consentMethod_.empty()) setMessage(ResidentField::ConsentMethod, requiredMessage(ResidentField::ConsentMethod));
  leave(ResidentField::ConsentGivenBy);
  if (household_ == kNewHousehold && village.empty())
    setMessage(ResidentField::Household, i18n::tr("app.resident.household_needs_village"));
  if (hasProblems()) {
    summarize_ = true;
    return false;
  }

  json j = {{"full_name", fullName}, {"date_of_birth", dateOfBirth}, {"sex", sex_ == Sex::Male ? "male" : "female"}};
  if (!personalId.empty()) j["personal_id"] = personalId;
  if (!phone.empty()) j["phone"] = phone;
  if (!village.empty()) j["village"] = village;
  if (!notes.empty()) j["notes"] = notes;
  if (household_ >= 0) j["household_id"] = households_[static_cast<std::size_t>(household_)].id;
  j["consent"] = {{"given_by", consentGivenBy}, {"method", consentMethod_}, {"date", consentDate_}};

  // Checked once more by the record's own rules before anything is written, so a new household
  // is never created for a resident who is then refused.
  Errors problems;
  if (auto parsed = core::parseResident(j, core::today(), &problems); !parsed) {
    for (const auto& e : problems) showProblem(e);
    summarize_ = true;
    vault::wipe(j);
    return false;
  }
  if (duplicate_ && duplicate_->samePersonalId) {
    setMessage(ResidentField::PersonalId, i18n::tr("app.resident.duplicate_id"));
    summarize_ = true;
    vault::wipe(j);
    return false;
  }
  if (household_ == kNewHousehold) {
    Errors hp;
    auto h = session->addHousehold({{"village", village}, {"head_name", fullName}}, &hp);
    if (!h) {
      setMessage(ResidentField::Household, i18n::message(h.error()));
      summarize_ = true;
      vault::wipe(j);
      return false;
    }
    j["household_id"] = *h;
    householdId_ = *h;
  }

  problems.clear();
  bool saved = false;
  if (isNew()) {
    auto added = session->addResident(j, &problems);
    if (added) {
      id_ = added->id;
      revision_ = 1;
      saved = true;
    } else {
      if (problems.empty()) problems.push_back(added.error());
      if (added.error().is(err::kResidentDuplicate)) checkDuplicate();
    }
  } else {
    auto updated = session->updateResident(id_, j, revision_, &problems);
    if (updated) {
      revision_ = *updated;
      saved = true;
    } else {
      if (problems.empty()) problems.push_back(updated.error());
      if (updated.error().kind == ErrorKind::Conflict) {
        conflict_ = true;
        formError_ = i18n::message(updated.error());
      }
      if (updated.error().is(err::kResidentDuplicate)) checkDuplicate();
    }
  }
  vault::wipe(j);
  if (!saved) {
    for (const auto& e : problems) showProblem(e);
    summarize_ = true;
    return false;
  }
  if (household_ == kNewHousehold) {
    household_ = kNoHousehold;
    rebuildHouseholds();
  }
  dirty_ = false;
  vault::wipe(seen_);
  seen_ = formState();
  clock_.clear();
  app.notify(i18n::tr("app.resident.saved", {{"name", fullName}}));
  app.noteRecordSaved();  // automatic sync sends it a little later
  // Stored: the draft has served its purpose.
  if (auto st = draft_slot::remove(*session, DraftKind::Resident, draftBefore); !st) showDraftError(st.error());
  return true;
}

bool ResidentModel::readyForApplication(AppModel& app) {
  if (!isNew() && !dirty_) return true;
  return save(app);
}

}  // namespace gocua::app
