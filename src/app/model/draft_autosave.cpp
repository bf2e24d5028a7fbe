#include "app/model/draft_autosave.h"

#include "vault/json_wipe.h"
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

namespace draft_slot {

namespace {
constexpr int kVersion = 1;

const char* slotName(DraftKind kind) { return kind == DraftKind::Wizard ? "wizard" : "resident"; }

json empty() { return json{{"version", kVersion}, {"drafts", json::object()}}; }
}  // namespace

Result<json> load(workspace::Session* s, DraftKind kind) {
  if (!s) return Error::make(err::kAutosaveLocked);
  auto slot = s->loadAutosave(slotName(kind));
  if (!slot) return slot.error();
  if (!*slot || !(*slot)->is_object() || !(*slot)->contains("drafts") || !(**slot)["drafts"].is_object())
    return empty();
  return std::move(**slot);
}

Result<std::optional<json>> find(workspace::Session* s, DraftKind kind, const std::string& key) {
  auto slot = load(s, kind);
  if (!slot) return slot.error();
  std::optional<json> out;
  auto& drafts = (*slot)["drafts"];
  if (auto it = drafts.find(key); it != drafts.end() && it->is_object()) out = std::move(*it);
  vault::wipe(*slot);
  return out;
}

Status put(workspace::Session& s, DraftKind kind, const std::string& key, const json& state) {
  auto slot = load(&s, kind);
  json root = slot ? std::move(*slot) : empty();
  root["drafts"][key] = state;
  auto st = s.saveAutosave(slotName(kind), root);
  vault::wipe(root);
  return st;
}

Status remove(workspace::Session& s, DraftKind kind, const std::string& key) {
  auto slot = load(&s, kind);
  if (!slot) return Status{};  // nothing readable to remove from; the next save replaces it
  (*slot)["drafts"].erase(key);
  auto st = (*slot)["drafts"].empty() ? s.clearAutosave(slotName(kind)) : s.saveAutosave(slotName(kind), *slot);
  vault::wipe(*slot);
  return st;
}

}  // namespace draft_slot

}  // namespace gocua::app
