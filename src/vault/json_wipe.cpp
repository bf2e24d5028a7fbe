// See json_wipe.h.
#include "vault/json_wipe.h"

#include "vault/secret.h"

namespace gocua::vault {

namespace {
void zeroStrings(nlohmann::json& value) {
  if (value.is_string()) {
    wipe(value.get_ref<std::string&>());
  } else if (value.is_structured()) {
    for (auto& child : value) zeroStrings(child);
  }
}
}  // namespace

void wipe(nlohmann::json& value) {
  zeroStrings(value);
  value = nullptr;
}

nlohmann::json wipeAndRelease(nlohmann::json& value) {
  zeroStrings(value);
  return std::exchange(value, nullptr);
}

}  // namespace gocua::vault
