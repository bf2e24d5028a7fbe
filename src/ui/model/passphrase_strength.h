// The strength hint under the first-run passphrase box: a rough, explainable score (length,
// variety of characters, common or too-simple patterns) with a plain label (yếu / trung bình /
// mạnh) and the one reason that matters most. The hard rule is the vault's (vault::checkPassphrase,
// the same one gocuactl and gocua-hub apply): what it refuses is weak with the refusal's reason.
#pragma once

#include <string>
#include <string_view>

namespace gocua::ui {

enum class Strength { Weak, Medium, Strong };

struct StrengthHint {
  Strength level = Strength::Weak;
  int score = 0;          // 0..5, for the meter
  std::string labelKey;   // ui.strength.{weak,medium,strong}
  std::string reasonKey;  // ui.strength_reason.* or error.vault.passphrase_*; empty: nothing to add
};

// name: the volunteer's name, a passphrase built on it is weak. Nothing is kept or logged.
StrengthHint scorePassphrase(std::string_view passphrase, std::string_view name = {});

}  // namespace gocua::ui
