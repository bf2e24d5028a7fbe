// What the record screen shows around an application's answers: the documents checklist (what the
// answers already show the resident has, what they must bring), the trail (received, each decision
// and print with the staff member's name, from the audit log) and whether the decision has gone
// back to the volunteer's laptop (with the receipt of its next batch) or is still waiting.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "forms/form.h"
#include "sync/hub/hub.h"

namespace gocua::office {

struct DocumentLine {
  std::string label;  // in the current language
  bool required = false;
  bool has = false;  // the answers say the resident has it (a chip card, a SIM in own name)
};
std::vector<DocumentLine> documentLines(const forms::Form& form, const nlohmann::json& answers,
                                        const core::Date& today);

struct HistoryLine {
  std::string when;  // local "dd/mm/yyyy hh:mm"
  std::string what;  // in words
};
// Oldest first: the revision received from the volunteer, then the audit log's decisions and
// prints of this record.
std::vector<HistoryLine> recordHistory(const std::vector<hub::AuditEntry>& audit, const std::string& recordId,
                                       const std::string& receivedAt, std::int64_t revision,
                                       const std::string& volunteer);

// The newest decision's time in the audit log ("" when none).
std::string lastDecisionAt(const std::vector<hub::AuditEntry>& audit, const std::string& recordId);

// "" when there is no decision; otherwise where it stands: delivered with the receipt of the
// laptop's batch received after it (lastBatchAt, UTC ISO), or waiting for that batch.
std::string deliveryState(const std::string& decidedAt, const std::string& lastBatchAt);

}  // namespace gocua::office
