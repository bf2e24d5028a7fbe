// See json_wipe.h.
#include "vault/json_wipe.h"

#include "vault/secret.h"

namespace gocua::vault {

void wipe(nlohmann::json& value) {
  if (value.is_string()) {
    wipe(value.get_ref<std::string&>());
  } else if (value.is_structured()) {
    for (auto& child : value) wipe(child);
  }
  value = nullptr;
}

}  // namespace gocua::vault
