// Checks the workspace's plaintext metadata is text; see metadata_text.h.
#include "workspace/metadata_text.h"

#include "core/text.h"
#include "workspace/errors.h"

namespace gocua::workspace::detail {

Result<std::vector<std::string>> invalidMetadataText(store::Repository& repo) {
  std::vector<std::string> places;
  auto slots = repo.keyslots();
  if (!slots) return slots.error();
  for (std::size_t i = 0; i < slots->size(); ++i)
    if (!core::isValidUtf8((*slots)[i].volunteer)) places.push_back("keyslot " + std::to_string(i + 1) + " name");
  auto meta = repo.allMeta();
  if (!meta) return meta.error();
  for (std::size_t i = 0; i < meta->size(); ++i) {
    const auto& [key, value] = (*meta)[i];
    if (core::isValidUtf8(key) && core::isValidUtf8(value)) continue;
    places.push_back(core::isValidUtf8(key) ? "meta " + key : "meta key " + std::to_string(i + 1));
  }
  return places;
}

Status checkMetadataText(store::Repository& repo) {
  auto places = invalidMetadataText(repo);
  if (!places) return places.error();
  if (!places->empty()) return Error::make(err::kWorkspaceDamaged, "", places->front());
  return {};
}

}  // namespace gocua::workspace::detail
