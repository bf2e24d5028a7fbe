// What the laptop's side of syncing with the commune hub returns (Session, session_sync*.cpp).
// Plain values: the CLI prints them as JSON, the desktop app's sync screen shows them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gocua::workspace {

struct EnrollInfo {
  std::string communeCode, communeName, hubUrl;
  std::string fingerprint;  // of the hub's signing key, to compare with the office's poster
  std::vector<std::string> villages;
  int formPack = 0;  // the form pack installed from the profile, 0 when none came with it
};

struct ExportInfo {
  std::int64_t records = 0;  // 0: nothing to send, no file written
  std::uint64_t sequence = 0;
  std::string batchId;  // hex
  std::uint64_t bytes = 0;
  std::vector<std::string> damaged;  // ids left out because their body no longer opens
};

struct ReceiptInfo {
  std::string batchStatus;  // imported | replay | quarantined | rejected | status
  std::string reason;
  std::int64_t synced = 0;
  struct Rejected {
    std::string id, reason;
  };
  std::vector<Rejected> rejected;
  std::int64_t statusUpdates = 0;
  std::uint64_t nextSequence = 0;
  std::int64_t clockSkewSeconds = 0;  // hub time minus this laptop's time
  std::int64_t purged = 0;            // bodies dropped by the retention rule
  int formPack = 0;                   // a newer form pack installed from this receipt, else 0
  std::string formPackError;          // why a form pack that came along was not installed
  bool revoked = false;               // the hub says it revoked this laptop (exports now refused)
};

// Where the volunteer last sent records from (Session::saveSyncPlaces): the hub address typed on
// the sync screen (empty = the profile's) and the folder batches went to. Both can name the
// commune, so they are sealed in the workspace, not kept in the plaintext settings file.
struct SyncPlaces {
  std::string hubUrl;
  std::string folder;
};

struct SyncStatus {
  bool enrolled = false;
  bool revoked = false;  // a receipt said the hub revoked this laptop; cleared by enrolling again
  std::string communeName;
  std::map<std::string, std::int64_t> counts;  // unsynced, sent, synced, rejected
  std::string lastSync;                        // UTC ISO, empty = never
  struct NeedsDocuments {
    std::string id, name, note;
  };
  std::vector<NeedsDocuments> needsDocuments;
};

}  // namespace gocua::workspace
