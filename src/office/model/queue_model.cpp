#include "office/model/queue_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/i18n.h"
#include "core/json_read.h"
#include "ui/model/folder_picker.h"
#include "vault/secret.h"

namespace gocua::office {

using nlohmann::json;

namespace {

struct ResidentBrief {
  std::string name, village;
};

const json& bodyOf(const json& plain) {
  static const json kNone = json::object();
  const auto it = plain.find("body");
  return it != plain.end() && it->is_object() ? *it : kNone;
}

// The body's answers read in place: a copy would be plaintext the record's wipe never reaches.
const json& answersOf(const json& body) {
  static const json kNone = json::object();
  const auto it = body.find("answers");
  return it != body.end() ? *it : kNone;
}

// "2026-11-23T10:00:00Z" → the local day, dd/mm/yyyy.
std::string localDay(const std::string& isoUtc) {
  const std::string moment = ui::formatLocalTime(isoUtc);
  return moment.substr(0, moment.find(' '));
}

// The position of `value` in `list` (of strings, or of (id, title) pairs by id); list.size() when absent.
template <class List, class Key>
std::uint32_t positionIn(const List& list, const std::string& value, Key key) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& item) { return key(item) == value; });
  return static_cast<std::uint32_t>(it - list.begin());
}
const std::string& itself(const std::string& s) { return s; }
const std::string& firstOf(const std::pair<std::string, std::string>& p) { return p.first; }

std::int32_t dayNumber(const std::optional<core::Date>& d, std::int32_t none) {
  return d ? static_cast<std::int32_t>(core::daysSinceEpoch(*d)) : none;
}

// A deadline still counts until the office accepts the application.
bool deadlineOpen(const QueueRow& row) { return row.deadline && row.status != "accepted"; }

void wipeRow(QueueRow& r) {
  vault::wipe(r.name);
  vault::wipe(r.village);
}

}  // namespace

const std::vector<std::string>& queueStatuses() {
  static const std::vector<std::string> kStatuses = {"", "new", "needs_documents", "returned", "accepted"};
  return kStatuses;
}

const std::vector<std::string>& receivedRanges() {
  static const std::vector<std::string> kRanges = {"", "today", "7d", "30d"};
  return kRanges;
}

const std::vector<std::string>& deadlineFilters() {
  static const std::vector<std::string> kFilters = {"", "near_or_passed", "passed"};
  return kFilters;
}

std::string deadlineLabel(const QueueRow& row) {
  if (!deadlineOpen(row)) return {};
  const auto& d = *row.deadline;
  if (d.passed) return i18n::tr("office.queue.deadline_passed", {{"days", std::to_string(d.elapsed - d.days)}});
  return i18n::tr("office.queue.deadline_near", {{"days", std::to_string(d.days - d.elapsed)}});
}

std::string statusLabel(const std::string& status) {
  return i18n::tr("office.status." + (status.empty() ? std::string("all") : status));
}

void QueueModel::open(OfficeModel& office, const core::Date& today) {
  forgetRows();
  today_ = today;
  auto* session = office.session();
  if (!session) return;
  std::map<std::string, ResidentBrief> residents;
  auto st = session->forEachRecord({}, [&](const hub::OpenRecord& r) -> Status {
    const json& body = bodyOf(r.plain);
    if (r.info.kind == "resident") {
      residents[r.info.id] = {jsonField<std::string>(body, "full_name").value_or(""),
                              jsonField<std::string>(body, "village").value_or("")};
      return {};
    }
    if (r.info.procedure.empty()) return {};
    QueueRow row;
    row.id = r.info.id;
    row.procedure = r.info.procedure;
    const auto* form = session->form(r.info.procedure);
    row.procedureTitle = form ? form->title(i18n::lang()) : r.info.procedure;
    row.status = r.info.reviewStatus.value_or("new");
    row.receivedAt = r.receivedAt;
    row.receivedDay = localDay(r.receivedAt);
    row.received = core::localDayOfUtc(r.receivedAt);
    if (form) row.deadline = form->deadlineState(answersOf(body), today);
    row.created = core::localDayOfUtc(jsonField<std::string>(r.plain, "created_at").value_or(""));
    row.volunteer = jsonField<std::string>(r.plain, "volunteer").value_or("");
    row.residentId = jsonField<std::string>(body, "resident_id").value_or("");
    all_.push_back(std::move(row));
    return {};
  });
  if (!st) {
    for (auto& [id, brief] : residents) vault::wipe(brief.name), vault::wipe(brief.village);
    forgetRows();
    error_ = i18n::message(st.error());
    return;
  }
  std::set<std::string> villages, volunteers;
  if (auto commune = office.hub()->commune()) villages.insert(commune->villages.begin(), commune->villages.end());
  std::map<std::string, std::string> titles;
  for (auto& row : all_) {
    const auto it = residents.find(row.residentId);
    if (it != residents.end()) {
      row.name = it->second.name;
      row.village = it->second.village;
    }
    if (!row.village.empty()) villages.insert(row.village);
    if (!row.volunteer.empty()) volunteers.insert(row.volunteer);
    titles.emplace(row.procedure, row.procedureTitle);
  }
  for (auto& [id, brief] : residents) vault::wipe(brief.name), vault::wipe(brief.village);
  villages_.assign(villages.begin(), villages.end());
  volunteers_.assign(volunteers.begin(), volunteers.end());
  procedures_.assign(titles.begin(), titles.end());
  std::sort(procedures_.begin(), procedures_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::stable_sort(all_.begin(), all_.end(),
                   [](const QueueRow& a, const QueueRow& b) { return a.receivedAt < b.receivedAt; });
  buildKeys();
  apply();
}

void QueueModel::buildKeys() {
  keys_.clear();
  keys_.reserve(all_.size());
  const auto& statuses = queueStatuses();
  for (const QueueRow& row : all_) {
    const bool open = deadlineOpen(row);
    keys_.push_back(FilterKey{positionIn(procedures_, row.procedure, firstOf),
                              positionIn(villages_, row.village, itself),
                              positionIn(volunteers_, row.volunteer, itself),
                              static_cast<std::uint8_t>(positionIn(statuses, row.status, itself)),
                              static_cast<std::uint8_t>(!open                  ? 0
                                                        : row.deadline->passed ? 2
                                                                               : 1),
                              dayNumber(row.received, kNoDay), dayNumber(row.created, kNoDay)});
  }
}

void QueueModel::apply() {
  shown_.clear();
  // Each filter as the number its rows carry; a value none of the lists has matches nothing.
  const std::uint32_t wantProcedure = positionIn(procedures_, procedure, firstOf);
  const std::uint32_t wantVillage = positionIn(villages_, village, itself);
  const std::uint32_t wantVolunteer = positionIn(volunteers_, volunteer, itself);
  const std::uint32_t wantStatus = positionIn(queueStatuses(), status, itself);
  if ((!procedure.empty() && wantProcedure == procedures_.size()) ||
      (!village.empty() && wantVillage == villages_.size()) ||
      (!volunteer.empty() && wantVolunteer == volunteers_.size()) ||
      (!status.empty() && wantStatus == queueStatuses().size()))
    return;
  const std::int32_t today = dayNumber(today_, 0);
  const std::int32_t receivedWithin = received == "today" ? 0 : received == "7d" ? 6 : 29;
  const std::int32_t weekStart = dayNumber(week, 0);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const FilterKey& k = keys_[i];
    if (!procedure.empty() && k.procedure != wantProcedure) continue;
    if (!village.empty() && k.village != wantVillage) continue;
    if (!status.empty() && k.status != wantStatus) continue;
    if (!volunteer.empty() && k.volunteer != wantVolunteer) continue;
    if (!received.empty() && (k.receivedDay == kNoDay || today - k.receivedDay > receivedWithin)) continue;
    if (!deadline.empty() && (k.deadline == 0 || (deadline == "passed" && k.deadline != 2))) continue;
    if (week && (k.createdDay == kNoDay || k.createdDay - weekStart < 0 || k.createdDay - weekStart > 6)) continue;
    shown_.push_back(i);
  }
}

void QueueModel::askBulk() {
  bulkIds_.clear();
  if (!bulk.canDecide()) return;
  for (const auto& row : rows()) bulkIds_.push_back(row.id);
}

std::size_t QueueModel::applyBulk(OfficeModel& office) {
  auto* session = office.session();
  const std::vector<std::string> ids = std::exchange(bulkIds_, {});
  if (!session || ids.empty() || !bulk.canDecide()) return 0;
  error_.clear();
  std::size_t decided = 0;
  for (const auto& id : ids) {
    if (auto st = session->setReview(id, bulk.decision, bulk.noteToRecord()); !st) {
      error_ = i18n::message(st.error());
      break;
    }
    ++decided;
  }
  const std::string status = bulk.decision;
  const std::string failure = error_;
  bulk.clear();
  open(office);  // the rows show the decisions; the filter stays
  if (failure.empty())
    office.notify(
        i18n::tr("office.queue.bulk_done", {{"count", i18n::formatCount(decided)}, {"status", statusLabel(status)}}));
  else {
    error_ = failure;
    office.notify(failure, true);
  }
  return decided;
}

int QueueModel::dropDownsInUse() const {
  return !procedure.empty() + !village.empty() + !volunteer.empty() + !received.empty() + !deadline.empty();
}

void QueueModel::clearFilter() {
  procedure.clear();
  vault::wipe(village);
  village.clear();
  status.clear();
  volunteer.clear();
  received.clear();
  deadline.clear();
  week.reset();
}

void QueueModel::reset() {
  forgetRows();
  clearFilter();
  bulk.clear();
  bulkIds_.clear();
}

void QueueModel::forgetRows() {
  for (auto& r : all_) wipeRow(r);
  all_.clear();
  keys_.clear();
  shown_.clear();
  for (auto& v : villages_) vault::wipe(v);
  villages_.clear();
  volunteers_.clear();
  procedures_.clear();
  error_.clear();
}

}  // namespace gocua::office
