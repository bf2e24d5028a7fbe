// The passphrase strength bar and its words, under a new passphrase (first run, recovery reset).
#pragma once

#include "app/model/passphrase_strength.h"

namespace gocua::app::ui {

void strengthMeter(const StrengthHint& hint);

}  // namespace gocua::app::ui
