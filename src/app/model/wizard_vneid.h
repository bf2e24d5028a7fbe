// The VNeID level-2 extras of the new-application wizard: the practical flags of a form's answers
// (SIM in own name, smartphone, card, ...), the anti-scam card handed to the resident after saving,
// and the appointment list for the commune police. Each function reads the session once when
// called; WizardModel keeps what they return until the step changes or the app locks, so nothing
// here is decrypted per frame.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "forms/form.h"
#include "forms/registry.h"
#include "workspace/workspace.h"

namespace gocua::app {

// A practical flag: "SIM đứng tên chính chủ: Không".
struct WizardFlag {
  std::string id;  // sim_own_name, smartphone, card_type, level1_done, appointment_date
  std::string label, value;
  bool answered = false;
  bool ok = false;  // shown green when ok, amber otherwise
};

// One line of the appointment list for the commune police.
struct VneidAppointment {
  std::string applicationId, residentId;
  std::string name, phone, personalId;
  std::string appointmentDate, appointmentPlace;  // as typed, may be empty
  std::string status;                             // "ready" | "draft"
  std::vector<WizardFlag> flags;
};

struct AntiScamCard {
  std::string title;
  std::string helper;  // "Người giúp ông/bà hôm nay: Lan — Tổ công nghệ số cộng đồng"
  std::vector<std::string> lines;
};

namespace vneid {

// The form's practical flags ("flags" in its JSON) for these answers, in the form's order; empty
// for a form without flags.
std::vector<WizardFlag> flags(const forms::Form& form, const nlohmann::json& answers);

// The card for the resident: who helped today (the volunteer, and the commune once enrolled)
// and the rules against scam calls. Reads the sync status once.
AntiScamCard antiScamCard(workspace::Session& session);

// Every saved application of the forms with an appointment list ("appointments" in the form's
// JSON), appointment date first (undated last, then by name). Decrypts each application once.
std::vector<VneidAppointment> appointments(workspace::Session& session, const forms::FormRegistry& forms);

// Zeroes the names, numbers and dates, then empties the list.
void wipe(std::vector<VneidAppointment>& list);
void wipe(AntiScamCard& card);

}  // namespace vneid

}  // namespace gocua::app
