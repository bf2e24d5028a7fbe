// The trainers' screen: log a digital-skills session ("Bình dân học vụ số") — date, village, place,
// topics, trainers, attendees by sex and age band, how many were helped with VNeID and the learning
// platform, notes — and see the sessions already logged on this laptop. The record is checked by
// forms::parseSkillsSession (the same check the hub runs), so a problem is shown next to its field
// before anything is stored; a saved session is sealed and syncs like every record.
#pragma once

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/model/app_model.h"
#include "core/date.h"

namespace gocua::app {

class SkillsSessionModel {
 public:
  static constexpr std::array<const char*, 2> kSexes = {"female", "male"};
  static constexpr std::array<const char*, 3> kAgeBands = {"under_18", "18_59", "60_plus"};
  static constexpr std::array<const char*, 3> kHelped = {"vneid_installed", "vneid_activated", "platform_enrolled"};

  // A fresh form (date = today, the volunteer as trainer, the topics of the form pack) and the
  // sessions logged so far. villages: names to offer (the commune's, then those residents use).
  void open(AppModel& app, const core::Date& today, std::vector<std::string> villages);

  // The form, bound to the screen's inputs.
  std::string date;                               // dd/mm/yyyy
  std::string village, place, trainers, notes;    // trainers: names separated by commas
  std::vector<bool> topicChosen;                  // one per topic(), same order
  std::array<std::array<int, 3>, 2> attendees{};  // [sex][age band]
  std::array<int, 3> helped{};

  // Named attendees (optional): residents of this laptop, found by the search box; each named
  // resident gave consent on their own record (the workspace refuses one who did not).
  struct Person {
    std::string id, name, detail;  // detail: date of birth and village, to tell namesakes apart
  };
  std::string participantQuery;
  void searchParticipants(AppModel& app);  // after participantQuery changed
  const std::vector<Person>& found() const { return found_; }
  void addParticipant(std::size_t foundIndex);
  void removeParticipant(std::size_t index);
  const std::vector<Person>& participants() const { return participants_; }

  struct Topic {
    std::string value, label;
  };
  const std::vector<Topic>& topics() const { return topics_; }
  const std::vector<std::string>& villages() const { return villages_; }
  int attendance() const;  // the six bands summed, shown as the form is filled

  // Checks and stores the session; false with the problems in message(field) when refused.
  bool save(AppModel& app);
  // The problem with a field ("date", "village", "topics", "trainers", "attendees", "helped.vneid_installed"
  // ...), empty when none. A problem on one band ("attendees.female.60_plus") shows under "attendees".
  std::string message(const std::string& field) const;
  const std::string& saved() const { return saved_; }  // "Đã lưu buổi ..." after a save
  bool refused() const { return !messages_.empty(); }  // the last save found problems
  // True once after a refused save: the screen scrolls its first problem into view.
  bool takeScrollToProblem() { return std::exchange(scrollToProblem_, false); }

  // The sessions logged on this laptop, newest first, as the list shows them.
  struct Logged {
    std::string date, village, topics;
    int attended = 0;
    bool synced = false;
  };
  const std::vector<Logged>& logged() const { return logged_; }
  const std::string& loadError() const { return loadError_; }

  void reset();
  bool holdsPlaintext() const;  // trainers' names, notes and the list are wiped at lock

 private:
  void clearForm(const std::string& trainer);
  void reload(AppModel& app);
  nlohmann::json toJson() const;

  core::Date today_;
  std::vector<Topic> topics_;
  std::vector<std::string> villages_;
  std::map<std::string, std::string> messages_;
  std::vector<Logged> logged_;
  std::vector<Person> found_, participants_;
  std::string saved_, loadError_;
  bool scrollToProblem_ = false;
};

}  // namespace gocua::app
