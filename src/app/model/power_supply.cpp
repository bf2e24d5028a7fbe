#include "app/model/power_supply.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <system_error>

namespace gocua::app {
namespace fs = std::filesystem;

namespace {

// The first word of a sysfs attribute; "" when the file is absent or unreadable.
std::string attribute(const fs::path& dir, const char* name) {
  std::ifstream in(dir / name);
  std::string word;
  in >> word;
  return word;
}

}  // namespace

PowerState readPowerState(const fs::path& root) {
  PowerState out;
  bool mainsOnline = false, discharging = false;
  int lowest = 100;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const fs::path dir = entry.path();
    const std::string capacity = attribute(dir, "capacity");
    if (capacity.empty()) {
      mainsOnline = mainsOnline || attribute(dir, "online") == "1";
      continue;
    }
    if (attribute(dir, "status") != "Discharging") continue;
    discharging = true;
    try {
      lowest = std::min(lowest, std::clamp(std::stoi(capacity), 0, 100));
    } catch (const std::exception&) {  // garbage in sysfs: count it as unknown, not as empty
    }
  }
  if (discharging && !mainsOnline) {
    out.onBattery = true;
    out.percent = lowest;
  }
  return out;
}

}  // namespace gocua::app
