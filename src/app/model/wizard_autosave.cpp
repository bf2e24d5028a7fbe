#include "app/model/wizard_autosave.h"

#include "app/model/wizard_answers.h"
#include "workspace/errors.h"

namespace gocua::app {
using nlohmann::json;

bool AutosaveClock::due(double now) {
  lastTick_ = now;
  if (!pending_) return false;
  if (!since_) {
    since_ = now;
    return false;
  }
  return now - *since_ >= kDelay;
}

std::optional<double> AutosaveClock::deadline() const {
  if (!pending_) return std::nullopt;
  return since_ ? *since_ + kDelay : lastTick_;
}

namespace wizard_slot {

namespace {
constexpr const char* kSlot = "wizard";
constexpr int kVersion = 1;

json empty() { return json{{"version", kVersion}, {"drafts", json::object()}}; }
}  // namespace

Result<json> load(workspace::Session* s) {
  if (!s) return Error::make(err::kAutosaveLocked);
  auto slot = s->loadAutosave(kSlot);
  if (!slot) return slot.error();
  if (!*slot || !(*slot)->is_object() || !(*slot)->contains("drafts") || !(**slot)["drafts"].is_object())
    return empty();
  return std::move(**slot);
}

Status put(workspace::Session& s, const std::string& residentId, const json& state) {
  auto slot = load(&s);
  json root = slot ? std::move(*slot) : empty();
  root["drafts"][residentId] = state;
  auto st = s.saveAutosave(kSlot, root);
  wizard::wipe(root);
  return st;
}

Status remove(workspace::Session& s, const std::string& residentId) {
  auto slot = load(&s);
  if (!slot) return Status{};  // nothing readable to remove from; the next save replaces it
  (*slot)["drafts"].erase(residentId);
  auto st = (*slot)["drafts"].empty() ? s.clearAutosave(kSlot) : s.saveAutosave(kSlot, *slot);
  wizard::wipe(*slot);
  return st;
}

}  // namespace wizard_slot

}  // namespace gocua::app
