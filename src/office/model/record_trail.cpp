#include "office/model/record_trail.h"

#include "core/i18n.h"
#include "office/model/queue_model.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

std::vector<DocumentLine> documentLines(const forms::Form& form, const nlohmann::json& answers,
                                        const core::Date& today) {
  std::vector<DocumentLine> out;
  const bool english = i18n::lang() == i18n::Lang::En;
  for (const auto& d : form.checklist(answers, today))
    out.push_back({english && !d.en.empty() ? d.en : d.vi, d.required, d.hasFromAnswers});
  return out;
}

std::vector<HistoryLine> recordHistory(const std::vector<hub::AuditEntry>& audit, const std::string& recordId,
                                       const std::string& receivedAt, std::int64_t revision,
                                       const std::string& volunteer) {
  std::vector<HistoryLine> out;
  out.push_back({ui::formatLocalTime(receivedAt),
                 i18n::tr("office.history.received", {{"revision", std::to_string(revision)},
                                                      {"volunteer", volunteer.empty() ? "?" : volunteer}})});
  for (const auto& e : audit) {
    if (e.target != recordId) continue;
    if (e.action.rfind("review.", 0) == 0)
      out.push_back(
          {ui::formatLocalTime(e.at),
           i18n::tr("office.history.decided", {{"staff", e.staff}, {"status", statusLabel(e.action.substr(7))}})});
    else if (e.action == "print")
      out.push_back({ui::formatLocalTime(e.at), i18n::tr("office.history.printed", {{"staff", e.staff}})});
  }
  return out;
}

std::string lastDecisionAt(const std::vector<hub::AuditEntry>& audit, const std::string& recordId) {
  std::string at;
  for (const auto& e : audit)
    if (e.target == recordId && e.action.rfind("review.", 0) == 0 && e.at > at) at = e.at;
  return at;
}

std::string deliveryState(const std::string& decidedAt, const std::string& lastBatchAt) {
  if (decidedAt.empty()) return {};
  // Both are the hub's UTC ISO stamps, so text order is time order.
  if (!lastBatchAt.empty() && lastBatchAt > decidedAt)
    return i18n::tr("office.record.delivered", {{"day", ui::formatLocalTime(lastBatchAt).substr(0, 10)}});
  return i18n::tr("office.record.delivery_waiting");
}

}  // namespace gocua::office
