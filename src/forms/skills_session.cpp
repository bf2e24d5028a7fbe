// Skills-session checks; see skills_session.h.
#include "forms/skills_session.h"

#include <array>
#include <set>

#include "core/errors.h"
#include "core/json_fields.h"
#include "core/json_read.h"
#include "core/record_id.h"
#include "core/text.h"
#include "forms/errors.h"

namespace gocua::forms {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 2> kSexes = {"female", "male"};
constexpr std::array<const char*, 3> kAgeBands = {"under_18", "18_59", "60_plus"};
constexpr std::array<const char*, 3> kHelped = {"vneid_installed", "vneid_activated", "platform_enrolled"};
constexpr std::size_t kMaxVillage = 120;  // as a resident's village
constexpr std::size_t kMaxPlace = 200;
constexpr std::size_t kMaxNotes = 2000;
constexpr std::size_t kMaxTrainers = 20;

// A count member: absent is 0; anything but a whole number in range is "skills.bad_count".
int countField(const json& group, const char* key, const std::string& path, Errors& out) {
  auto it = group.find(key);
  if (it == group.end() || it->is_null()) return 0;
  auto n = jsonField<int>(group, key);
  if (!n || *n < 0 || *n > kMaxSessionCount) {
    out.push_back(Error::make(err::kSkillsBadCount, path + "." + key, std::to_string(kMaxSessionCount)));
    return 0;
  }
  return *n;
}

// An object member holding counts under keys; absent is all zeros.
template <std::size_t N>
json countGroup(const json& parent, const char* key, const std::array<const char*, N>& keys, const std::string& path,
                Errors& out) {
  json result = json::object();
  static const json kEmpty = json::object();
  const json* group = &kEmpty;
  if (auto it = parent.find(key); it != parent.end() && !it->is_null()) {
    if (!it->is_object()) {
      out.push_back(Error::make(err::kFieldType, path));
      return result;
    }
    group = &*it;
    std::array<std::string_view, N> allowed;
    std::copy(keys.begin(), keys.end(), allowed.begin());
    Errors unknown;
    core::checkKnownKeys(*group, allowed, unknown);
    for (auto& e : unknown) out.push_back(Error::like(e, path + "." + e.field));
  }
  for (const char* k : keys) result[k] = countField(*group, k, path, out);
  return result;
}

json topicsField(const json& s, const ChoiceList* topics, Errors& out) {
  json result = json::array();
  auto it = s.find("topics");
  if (it == s.end() || it->is_null() || (it->is_array() && it->empty())) {
    out.push_back(Error::make(err::kSkillsNoTopic, "topics"));
    return result;
  }
  if (!it->is_array()) {
    out.push_back(Error::make(err::kFieldType, "topics"));
    return result;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& t = (*it)[i];
    const std::string path = "topics[" + std::to_string(i) + "]";
    if (!t.is_string() || !topics || !topics->find(t.get_ref<const std::string&>())) {
      out.push_back(Error::make(err::kSkillsUnknownTopic, path));
      continue;
    }
    if (seen.insert(t.get<std::string>()).second) result.push_back(t);  // a repeat adds nothing
  }
  return result;
}

json trainersField(const json& s, Errors& out) {
  json result = json::array();
  auto it = s.find("trainers");
  if (it == s.end() || it->is_null() || (it->is_array() && it->empty())) {
    out.push_back(Error::make(err::kFieldRequired, "trainers"));
    return result;
  }
  if (!it->is_array() || it->size() > kMaxTrainers) {
    out.push_back(Error::make(err::kFieldType, "trainers"));
    return result;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string path = "trainers[" + std::to_string(i) + "]";
    const json& t = (*it)[i];
    if (!t.is_string()) {
      out.push_back(Error::make(err::kFieldType, path));
      continue;
    }
    auto name = core::normalizeName(t.get_ref<const std::string&>());
    if (!name) {
      out.push_back(Error::like(name.error(), path, name.error().detail));
      continue;
    }
    result.push_back(*name);
  }
  return result;
}

std::string dateField(const json& s, const core::Date& today, Errors& out) {
  auto raw = core::stringField(s, "date", out);
  if (!raw || raw->empty()) {
    out.push_back(Error::make(err::kFieldRequired, "date"));
    return {};
  }
  auto d = core::parseDate(*raw);
  if (!d) {
    out.push_back(Error::like(d.error(), "date", d.error().detail));
    return {};
  }
  if (core::daysSinceEpoch(*d) > core::daysSinceEpoch(today)) {
    out.push_back(Error::make(err::kDateFuture, "date"));
    return {};
  }
  return core::formatDate(*d);
}

// Named attendees: optional record ids of residents (who consented on their own record), each once.
json participantsField(const json& s, Errors& out) {
  json result = json::array();
  const auto it = s.find("participants");
  if (it == s.end() || it->is_null()) return result;
  if (!it->is_array() || it->size() > static_cast<std::size_t>(kMaxSessionCount)) {
    out.push_back(Error::make(err::kFieldType, "participants"));
    return result;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& p = (*it)[i];
    const auto id = p.is_string() ? core::parseRecordId(p.get_ref<const std::string&>()) : std::nullopt;
    if (!id) {
      out.push_back(Error::make(err::kFieldType, "participants[" + std::to_string(i) + "]"));
      continue;
    }
    const std::string text = core::formatRecordId(*id);
    if (seen.insert(text).second) result.push_back(text);  // named twice counts once
  }
  return result;
}

}  // namespace

std::optional<json> parseSkillsSession(const json& s, const core::Date& today, const ChoiceList* topics,
                                       Errors& problems) {
  problems.clear();
  if (!s.is_object()) {
    problems.push_back(Error::make(err::kFieldType, "session"));
    return std::nullopt;
  }
  // created_at/created_by: what the laptop adds when it stores a session (the hub checks that form).
  core::checkKnownKeys(s,
                       {"date", "village", "place", "topics", "trainers", "attendees", "helped", "participants",
                        "notes", "created_at", "created_by"},
                       problems);
  json out = json::object();
  out["date"] = dateField(s, today, problems);
  out["village"] = core::textField(s, "village", kMaxVillage, true, problems);
  out["place"] = core::textField(s, "place", kMaxPlace, false, problems);
  out["topics"] = topicsField(s, topics, problems);
  out["trainers"] = trainersField(s, problems);

  json attendees = json::object();
  static const json kNone = json::object();
  const json* given = &kNone;
  if (auto it = s.find("attendees"); it != s.end() && !it->is_null()) {
    if (it->is_object()) {
      given = &*it;
      Errors unknown;
      core::checkKnownKeys(*given, {kSexes[0], kSexes[1]}, unknown);
      for (auto& e : unknown) problems.push_back(Error::like(e, "attendees." + e.field));
    } else {
      problems.push_back(Error::make(err::kFieldType, "attendees"));
    }
  }
  for (const char* sex : kSexes)
    attendees[sex] = countGroup(*given, sex, kAgeBands, std::string("attendees.") + sex, problems);
  out["attendees"] = attendees;
  out["helped"] = countGroup(s, "helped", kHelped, "helped", problems);
  out["notes"] = core::textField(s, "notes", kMaxNotes, false, problems);
  out["participants"] = participantsField(s, problems);
  // The sums mean something only when every count read; the other fields' problems do not matter.
  for (const auto& p : problems)
    if (p.field.starts_with("attendees") || p.field.starts_with("helped")) return std::nullopt;

  const int attended = sessionAttendance(out);
  if (attended == 0) problems.push_back(Error::make(err::kSkillsNoAttendees, "attendees"));
  if (static_cast<int>(out["participants"].size()) > attended)
    problems.push_back(Error::make(err::kSkillsNamedMoreThanAttended, "participants", std::to_string(attended)));
  for (const char* k : kHelped)
    if (out["helped"][k].get<int>() > attended)
      problems.push_back(
          Error::make(err::kSkillsHelpedMoreThanAttended, std::string("helped.") + k, std::to_string(attended)));
  if (!problems.empty()) return std::nullopt;
  return out;
}

int sessionAttendance(const json& session) {
  int total = 0;
  const auto attendees = session.find("attendees");
  if (attendees == session.end() || !attendees->is_object()) return 0;
  for (const char* sex : kSexes) {
    const auto group = attendees->find(sex);
    if (group == attendees->end()) continue;
    for (const char* band : kAgeBands) total += jsonValue(*group, band, 0);
  }
  return total;
}

}  // namespace gocua::forms
