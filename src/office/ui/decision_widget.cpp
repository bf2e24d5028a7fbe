#include "office/ui/decision_widget.h"

#include <imgui.h>

#include "core/i18n.h"
#include "ui/widgets.h"

namespace gocua::office::window {

using namespace gocua::ui;

void drawDecisionDraft(DecisionDraft& draft, const std::string& idPrefix) {
  for (const char* status : {"accepted", "needs_documents", "returned"}) {
    const std::string label = i18n::tr(std::string("office.record.choose.") + status);
    if (std::string(status) != "accepted") sameLineIfFits(buttonWidthFor(label));
    if (button(label, idPrefix + ".choose." + status,
               draft.decision == status ? ButtonKind::Primary : ButtonKind::Normal))
      draft.choose(status);
  }
  if (!draft.noteRequired()) return;
  textField(i18n::tr("office.record.note." + draft.decision), idPrefix + ".note", &draft.note, 0, {}, TextKind::Words);
}

void drawNoteTemplates(DecisionDraft& draft, const std::string& idPrefix) {
  const auto templates = draft.noteTemplates();
  if (!templates.empty()) mutedText(i18n::tr("office.record.templates"));
  for (std::size_t i = 0; i < templates.size(); ++i) {
    if (i > 0) sameLineIfFits(buttonWidthFor(templates[i]));
    if (button(templates[i], idPrefix + ".template." + std::to_string(i))) draft.useTemplate(i);
  }
}

}  // namespace gocua::office::window
