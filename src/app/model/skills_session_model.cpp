// SkillsSessionModel: the form as plain fields → the session JSON forms::parseSkillsSession reads,
// problems mapped back to the fields the screen draws, and the list of sessions already logged.
#include "app/model/skills_session_model.h"

#include <algorithm>

#include "core/i18n.h"
#include "core/json_read.h"
#include "forms/skills_session.h"
#include "vault/plain_json.h"

namespace gocua::app {

using nlohmann::json;

namespace {

// "Lan, Bình ,  " → ["Lan", "Bình"]: the check normalises each name; empty pieces are dropped here.
json splitNames(const std::string& text) {
  json names = json::array();
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string piece = text.substr(start, comma - start);
    const auto first = piece.find_first_not_of(" \t");
    if (first != std::string::npos) names.push_back(piece.substr(first, piece.find_last_not_of(" \t") - first + 1));
    start = comma + 1;
  }
  return names;
}

// Problems show under the control that can fix them: "attendees.female.60_plus" → "attendees",
// "topics[2]" → "topics", "trainers[0]" → "trainers"; "helped.x" stays (one input each).
std::string shownUnder(const std::string& field) {
  if (field.starts_with("attendees")) return "attendees";
  const auto bracket = field.find('[');
  return bracket == std::string::npos ? field : field.substr(0, bracket);
}

// A problem in the volunteer's words: "Chưa điền: Thôn, xóm, bản", not the JSON key.
std::string problemText(Error problem, const std::string& shownField) {
  const std::string label = "app.sessions." + shownField;
  if (i18n::has(label)) problem.field = i18n::tr(label);
  return i18n::message(problem);
}

}  // namespace

void SkillsSessionModel::open(AppModel& app, const core::Date& today, std::vector<std::string> villages) {
  reset();
  today_ = today;
  villages_ = std::move(villages);
  std::erase(villages_, std::string());
  if (const auto* list = app.forms().list(forms::kTrainingTopicsList))
    for (const auto& c : list->choices) topics_.push_back({c.value, c.label.in(i18n::lang())});
  clearForm(app.session() ? app.session()->volunteer() : std::string());
  reload(app);
}

void SkillsSessionModel::clearForm(const std::string& trainer) {
  date = core::formatDate(today_);
  village.clear();
  place.clear();
  notes.clear();
  trainers = trainer;
  topicChosen.assign(topics_.size(), false);
  attendees = {};
  helped = {};
  participantQuery.clear();
  found_.clear();
  participants_.clear();
  messages_.clear();
}

void SkillsSessionModel::searchParticipants(AppModel& app) {
  found_.clear();
  if (!app.session() || participantQuery.find_first_not_of(' ') == std::string::npos) return;
  for (const auto& r : app.session()->searchResidents(participantQuery, 6)) {
    Person p{jsonValue(r, "id", ""), jsonValue(r, "full_name", ""), {}};
    const std::string dob = jsonValue(r, "date_of_birth", ""), village = jsonValue(r, "village", "");
    p.detail = dob + (dob.empty() || village.empty() ? "" : " · ") + village;
    const bool named =
        std::any_of(participants_.begin(), participants_.end(), [&](const Person& x) { return x.id == p.id; });
    if (!named) found_.push_back(std::move(p));
  }
}

void SkillsSessionModel::addParticipant(std::size_t foundIndex) {
  if (foundIndex >= found_.size()) return;
  participants_.push_back(std::move(found_[foundIndex]));
  found_.clear();
  participantQuery.clear();
}

void SkillsSessionModel::removeParticipant(std::size_t index) {
  if (index < participants_.size()) participants_.erase(participants_.begin() + static_cast<long>(index));
}

int SkillsSessionModel::attendance() const {
  int total = 0;
  for (const auto& bands : attendees)
    for (int n : bands) total += n;
  return total;
}

json SkillsSessionModel::toJson() const {
  json s = {{"date", date}, {"village", village}, {"place", place}, {"notes", notes}};
  s["trainers"] = splitNames(trainers);
  s["topics"] = json::array();
  for (std::size_t i = 0; i < topics_.size(); ++i)
    if (i < topicChosen.size() && topicChosen[i]) s["topics"].push_back(topics_[i].value);
  for (std::size_t sex = 0; sex < kSexes.size(); ++sex)
    for (std::size_t band = 0; band < kAgeBands.size(); ++band)
      s["attendees"][kSexes[sex]][kAgeBands[band]] = attendees[sex][band];
  for (std::size_t i = 0; i < kHelped.size(); ++i) s["helped"][kHelped[i]] = helped[i];
  s["participants"] = json::array();
  for (const auto& p : participants_) s["participants"].push_back(p.id);
  return s;
}

bool SkillsSessionModel::save(AppModel& app) {
  messages_.clear();
  saved_.clear();
  auto* session = app.session();
  if (!session) return false;
  vault::PlainJson body(toJson());
  Errors problems;
  auto id = session->addSkillsSession(body.get(), app.forms().list(forms::kTrainingTopicsList), &problems);
  if (!id) {
    if (problems.empty()) problems.push_back(id.error());
    for (const auto& p : problems) {
      const std::string field = shownUnder(p.field);
      auto& text = messages_[field];
      if (text.empty()) text = problemText(p, field);  // the first problem of a control is enough
    }
    scrollToProblem_ = true;
    return false;
  }
  app.noteRecordSaved();
  saved_ = i18n::tr("app.sessions.saved", {{"date", date}, {"count", std::to_string(attendance())}});
  const std::string trainer = app.session()->volunteer();
  clearForm(trainer);
  reload(app);
  return true;
}

std::string SkillsSessionModel::message(const std::string& field) const {
  const auto it = messages_.find(field);
  return it == messages_.end() ? std::string() : it->second;
}

void SkillsSessionModel::reload(AppModel& app) {
  logged_.clear();
  loadError_.clear();
  auto* session = app.session();
  if (!session) return;
  auto sessions = session->skillsSessions();
  if (!sessions) {
    loadError_ = i18n::message(sessions.error());
    return;
  }
  for (const auto& s : *sessions) {
    const json& body = s.get();
    Logged row;
    row.date = jsonValue(body, "date", "");
    row.village = jsonValue(body, "village", "");
    row.attended = forms::sessionAttendance(body);
    row.synced = jsonValue(body, "sync_state", "") == "synced";
    if (const auto t = body.find("topics"); t != body.end() && t->is_array())
      for (const auto& v : *t) {
        if (!v.is_string()) continue;
        const auto topic = std::find_if(topics_.begin(), topics_.end(), [&](const Topic& x) { return x.value == v; });
        if (!row.topics.empty()) row.topics += ", ";
        row.topics += topic == topics_.end() ? v.get<std::string>() : topic->label;
      }
    logged_.push_back(std::move(row));
  }
  std::reverse(logged_.begin(), logged_.end());  // newest first: the store gives them oldest first
}

void SkillsSessionModel::reset() {
  date.clear();
  village.clear();
  place.clear();
  notes.clear();
  trainers.clear();
  topicChosen.clear();
  attendees = {};
  helped = {};
  participantQuery.clear();
  found_.clear();
  participants_.clear();
  topics_.clear();
  villages_.clear();
  messages_.clear();
  scrollToProblem_ = false;
  logged_.clear();
  saved_.clear();
  loadError_.clear();
}

bool SkillsSessionModel::holdsPlaintext() const {
  return !trainers.empty() || !notes.empty() || !place.empty() || !village.empty() || !logged_.empty() ||
         !villages_.empty() || !participants_.empty() || !found_.empty() || !participantQuery.empty();
}

}  // namespace gocua::app
