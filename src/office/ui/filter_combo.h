// The desk's drop-down filter: a label above a combo of (value, label) options, "" first
// ("all"), used by the queue and the export screen.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gocua::office::window {

// Items "<id>.<index>"; the combo itself is mapped under id. True when the choice changed.
bool filterCombo(const std::string& id, const std::string& label, float width,
                 const std::vector<std::pair<std::string, std::string>>& options, std::string& value);

}  // namespace gocua::office::window
