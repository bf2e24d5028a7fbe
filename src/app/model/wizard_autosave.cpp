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

Result<vault::PlainJson> load(workspace::Session* s) {
  if (!s) return Error::make(err::kAutosaveLocked);
  auto slot = s->loadAutosave(kSlot);
  if (!slot) return slot.error();
  if (!*slot) return vault::PlainJson(empty());
  const json& root = (*slot)->get();
  if (!root.is_object() || !root.contains("drafts") || !root["drafts"].is_object()) return vault::PlainJson(empty());
  return std::move(**slot);
}

Status put(workspace::Session& s, const std::string& residentId, const json& state) {
  auto slot = load(&s);
  vault::PlainJson root = slot ? std::move(*slot) : vault::PlainJson(empty());
  root.edit()["drafts"][residentId] = state;
  return s.saveAutosave(kSlot, root.get());
}

Status remove(workspace::Session& s, const std::string& residentId) {
  auto slot = load(&s);
  if (!slot) return Status{};  // nothing readable to remove from; the next save replaces it
  json& drafts = slot->edit()["drafts"];
  drafts.erase(residentId);
  return drafts.empty() ? s.clearAutosave(kSlot) : s.saveAutosave(kSlot, slot->get());
}

}  // namespace wizard_slot

}  // namespace gocua::app
