// Whether the laptop runs on its battery, and how full it is, from the kernel's power_supply
// class: automatic sync pauses on a low battery so a volunteer in the field keeps the laptop.
#pragma once

#include <filesystem>

namespace gocua::app {

struct PowerState {
  bool onBattery = false;  // false when plugged in, or when the laptop reports no battery
  int percent = 100;       // the emptiest battery's charge when onBattery
};

// Reads <root>/*/: a supply with "online" = 1 and no "capacity" is mains (AC, USB): plugged in.
// A battery with "capacity" whose "status" is "Discharging" makes onBattery. No root, no files:
// mains (desktops and virtual machines have no battery).
PowerState readPowerState(const std::filesystem::path& root = "/sys/class/power_supply");

}  // namespace gocua::app
