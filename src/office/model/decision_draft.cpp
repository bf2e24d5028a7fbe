#include "office/model/decision_draft.h"

#include "core/i18n.h"
#include "vault/secret.h"

namespace gocua::office {

bool DecisionDraft::blankNote() const { return note.find_first_not_of(" \t\r\n") == std::string::npos; }

std::vector<std::string> DecisionDraft::noteTemplates() const {
  std::vector<std::string> out;
  if (!noteRequired()) return out;
  const std::string prefix = "office.note." + decision + ".";
  for (int i = 1; i18n::has(prefix + std::to_string(i)); ++i) out.push_back(i18n::tr(prefix + std::to_string(i)));
  return out;
}

void DecisionDraft::useTemplate(std::size_t i) {
  const auto templates = noteTemplates();
  if (i >= templates.size()) return;
  note = blankNote() ? templates[i] : note + "; " + templates[i];
}

void DecisionDraft::clear() {
  decision.clear();
  vault::wipe(note);
  note.clear();
}

}  // namespace gocua::office
