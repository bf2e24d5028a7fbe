// The wizard's autosave: the workspace slot "wizard" (one in-progress draft per resident, so
// starting for another resident never overwrites someone else's unfinished application) and the
// clock that says when a change is due to be sealed into it.
//
// No thread: the clock only answers "when" (deadline()) and "now?" (due()). The event loop
// sleeps until the earliest deadline of the app (idle lock, autosave) and then calls
// WizardModel::tick, which asks due() and saves.
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

namespace wizard_slot {

// The slot, {"version": 1, "drafts": {resident id: state}}; an empty or foreign slot reads as
// no drafts. Errors: "autosave.locked" without a session, the store's (e.g. "autosave.damaged").
Result<vault::PlainJson> load(workspace::Session* session);
// Stores state as the resident's draft (other residents' drafts kept; a damaged slot is replaced).
Status put(workspace::Session& session, const std::string& residentId, const nlohmann::json& state);
// Forgets the resident's draft; clears the slot when it was the last one.
Status remove(workspace::Session& session, const std::string& residentId);

}  // namespace wizard_slot

}  // namespace gocua::app
