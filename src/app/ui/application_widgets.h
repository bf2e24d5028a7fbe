// Building blocks of the new-application screen (application_screen.cpp): tinted cards, one
// form field drawn by type, the VNeID flag chips. Drawing only; the wizard's view-model decides.
#pragma once

#include <string>
#include <vector>

#include "app/model/wizard_model.h"

namespace gocua::app::ui {
using namespace gocua::ui;  // the shared widgets (src/ui), as in app.h
}

// Own namespace: other screens have helpers with the same short names (beginCard...).
namespace gocua::app::ui::application {

enum class CardTone { Info, Warning, Ok, Error };

// A full-width tinted panel (a one-cell table, so text boxes and wrapped text stay inside it)
// around what is drawn until endCard. id must be unique on the screen.
void beginCard(const std::string& id, CardTone tone);
void endCard();

// A card with a title and one wrapped line per entry (deadline warnings, refusals).
void messageCard(const std::string& id, CardTone tone, const std::string& title, const std::vector<std::string>& lines);

// One field of the current section: text box, Có/Không, choice buttons or list, check boxes,
// or a repeat's rows with add/remove. Ids: wizard.field.<id>, wizard.choice.<id>.<value>,
// wizard.bool.<id>.yes|no, wizard.add.<id>, wizard.remove.<id>.<row>.
void drawWizardField(WizardModel& m, const WizardField& f);

// VNeID practical flags as coloured "label: value" chips flowing over the line.
void drawFlags(const std::vector<WizardFlag>& flags);

}  // namespace gocua::app::ui::application
