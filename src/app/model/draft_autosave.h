// Autosaved drafts of the screens where residents' data is typed: one workspace autosave slot per
// kind of screen, each holding one draft per key, and the clock that says when a change is due to
// be sealed into it. The wizard keys its drafts by resident (starting for another resident never
// overwrites someone else's unfinished application); the resident editor by resident id, or "new"
// for a resident not yet saved.
//
// No thread: the clock only answers "when" (deadline()) and "now?" (due()). The event loop
// sleeps until the earliest deadline of the app (idle lock, autosave) and then calls each
// screen's tick, which asks due() and saves.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.h"
#include "workspace/workspace.h"

namespace gocua::app {

class AutosaveClock {
 public:
  // Seconds from the first change not yet saved to the save.
  static constexpr double kDelay = 2.0;

  void changed() { pending_ = true; }
  bool pending() const { return pending_; }
  // The delay starts at the first tick that sees a change; true once it is over.
  bool due(double now);
  // When the pending change must be saved: the start of the delay + kDelay, or the last tick
  // when a change came after it (the next tick starts the delay). nullopt when nothing is pending.
  std::optional<double> deadline() const;
  // Saved (or wiped): nothing pending.
  void clear() {
    pending_ = false;
    since_.reset();
  }

 private:
  bool pending_ = false;
  std::optional<double> since_;  // app time of the first tick that saw the pending change
  double lastTick_ = 0;
};

// Which screen's slot: "wizard" or "resident".
enum class DraftKind { Wizard, Resident };

namespace draft_slot {

// The slot, {"version": 1, "drafts": {key: state}}; an empty or foreign slot reads as no drafts.
// Errors: "autosave.locked" without a session, the store's (e.g. "autosave.damaged").
Result<vault::PlainJson> load(workspace::Session* session, DraftKind kind);
// The draft stored under key (an object), nullopt when there is none.
Result<std::optional<nlohmann::json>> find(workspace::Session* session, DraftKind kind, const std::string& key);
// Stores state as key's draft (other drafts kept; a damaged slot is replaced).
Status put(workspace::Session& session, DraftKind kind, const std::string& key, const nlohmann::json& state);
// Forgets key's draft; clears the slot when it was the last one.
Status remove(workspace::Session& session, DraftKind kind, const std::string& key);

}  // namespace draft_slot

}  // namespace gocua::app
