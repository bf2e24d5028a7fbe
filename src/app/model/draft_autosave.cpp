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

Result<vault::PlainJson> load(workspace::Session* s, DraftKind kind) {
  if (!s) return Error::make(err::kAutosaveLocked);
  auto slot = s->loadAutosave(slotName(kind));
  if (!slot) return slot.error();
  if (!*slot) return vault::PlainJson(empty());
  const json& root = (*slot)->get();
  if (!root.is_object() || !root.contains("drafts") || !root["drafts"].is_object()) return vault::PlainJson(empty());
  return std::move(**slot);
}

Result<std::optional<json>> find(workspace::Session* s, DraftKind kind, const std::string& key) {
  auto slot = load(s, kind);
  if (!slot) return slot.error();
  std::optional<json> out;
  auto& drafts = slot->edit()["drafts"];  // the rest is wiped when slot goes
  if (auto it = drafts.find(key); it != drafts.end() && it->is_object()) out = std::move(*it);
  return out;
}

Status put(workspace::Session& s, DraftKind kind, const std::string& key, const json& state) {
  auto slot = load(&s, kind);
  vault::PlainJson root = slot ? std::move(*slot) : vault::PlainJson(empty());
  root.edit()["drafts"][key] = state;
  return s.saveAutosave(slotName(kind), root.get());
}

Status remove(workspace::Session& s, DraftKind kind, const std::string& key) {
  auto slot = load(&s, kind);
  if (!slot) return Status{};  // nothing readable to remove from; the next save replaces it
  json& drafts = slot->edit()["drafts"];
  drafts.erase(key);
  return drafts.empty() ? s.clearAutosave(slotName(kind)) : s.saveAutosave(slotName(kind), slot->get());
}

}  // namespace draft_slot

}  // namespace gocua::app
