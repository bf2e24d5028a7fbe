// The decision buttons, the note field and its ready phrases, for one application (record screen)
// or for every one the queue shows. Ids: <prefix>.choose.<status>, <prefix>.note,
// <prefix>.template.<i>.
#pragma once

#include <string>

#include "office/model/decision_draft.h"

namespace gocua::office::window {

void drawDecisionDraft(DecisionDraft& draft, const std::string& idPrefix);
// The ready phrases of the chosen decision, drawn below the confirm button so that the button stays
// in view however many phrases wrap onto their own lines.
void drawNoteTemplates(DecisionDraft& draft, const std::string& idPrefix);

}  // namespace gocua::office::window
