// The floors under issue 13's sync targets, measured in the same run as the figures they bound:
// what SQLite, the JSON parse, sealing and compression alone take for the same records on this
// machine. Each floor leaves out everything else the real path must also do (checks, signatures,
// the receipt, the HTTP exchange), so the real figure can only be above it: a target past its
// floor cannot be met on this machine by any change to GoCua's own code, and the distance between
// a figure and its floor is what such a change could still win.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gocua::bench {

struct SyncLimitInputs {
  std::filesystem::path scratch;           // a directory the floors may fill and empty
  std::filesystem::path hubDb;             // the hub's database after the import (row sizes)
  std::filesystem::path workspaceDb;       // the laptop's database (copied, never written)
  const std::vector<std::string>& bodies;  // the residents' NDJSON lines the batch carried
  double encryptedPeerSeconds = 0;         // the export's peer, to put the export floor beside it
  std::size_t batchBytes = 0;              // the batch file's size, written durably as the export does
};

// One JSON object: each measured part ("..._seconds", "..._per_second") and the floors derived
// from them for the hub import, the export and the loopback sync (formulas in sync_limits.cpp).
nlohmann::json measureSyncLimits(const SyncLimitInputs& in);

}  // namespace gocua::bench
