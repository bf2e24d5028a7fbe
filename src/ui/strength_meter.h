// The passphrase strength bar and its words, under a new passphrase (first run, recovery reset).
#pragma once

#include "ui/model/passphrase_strength.h"

namespace gocua::ui {

void strengthMeter(const StrengthHint& hint);

}  // namespace gocua::ui
