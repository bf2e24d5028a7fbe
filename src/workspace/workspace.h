// A volunteer's workspace: one directory holding one SQLite file whose record bodies are all
// sealed under a random data key; each volunteer unlocks that key with their own passphrase.
//
//   auto ws = Workspace::open(dir);              // locked: lists volunteers, nothing readable
//   auto session = ws->unlock("Lan", passphrase); // decrypts bodies into an in-memory index
//   session->addResident(json, &problems);
//
// A Session must not outlive its Workspace. Dropping (or lock()ing) a session wipes the keys and
// the index from memory. Nothing here prints or logs; errors are values with catalog codes.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/record_id.h"
#include "core/resident.h"
#include "core/result.h"
#include "forms/form.h"
#include "forms/registry.h"
#include "store/background_checkpoint.h"
#include "store/db.h"
#include "store/repository.h"
#include "sync/batch/batch.h"
#include "vault/keyslot.h"
#include "vault/plain_json.h"
#include "vault/record_cipher.h"
#include "workspace/record_count_seal.h"
#include "workspace/search_index.h"
#include "workspace/sync_types.h"

namespace gocua::workspace {

class Session;

// Where a workspace lives unless --workspace says otherwise:
// $XDG_DATA_HOME/gocua/workspace, else ~/.local/share/gocua/workspace.
std::filesystem::path defaultWorkspaceDir();

class Workspace {
 public:
  // Creates dir (0700) with a new database, data key and the first volunteer's keyslot.
  // Errors: "workspace.exists", "volunteer.name" (empty or invalid name),
  // "vault.passphrase_too_short", "vault.kdf_too_weak", store errors.
  static Result<std::unique_ptr<Workspace>> create(const std::filesystem::path& dir, std::string_view volunteer,
                                                   std::string_view passphrase, bool training,
                                                   const vault::KdfParams& kdf);
  // Errors: "workspace.not_found", "store.corrupt", "store.schema_too_new".
  static Result<std::unique_ptr<Workspace>> open(const std::filesystem::path& dir);

  // Volunteer display names in the order they were added (plaintext, for the unlock screen).
  Result<std::vector<std::string>> volunteers();
  bool training() const { return training_; }
  const std::filesystem::path& dir() const { return dir_; }

  struct UnlockStats {
    double kdfSeconds = 0;    // Argon2id
    double indexSeconds = 0;  // decrypt every body and build the search index, or open its copy
    std::size_t records = 0;
    bool fromSnapshot = false;  // the sealed copy of the index was opened (index_snapshot.h)
  };
  // volunteer empty = the first volunteer. Errors: "volunteer.not_found",
  // "vault.wrong_passphrase" (counted in the workspace, unlock_attempts.h), "workspace.unlock_delayed"
  // (detail: seconds to wait; after 5 wrong tries, no Argon2 work), store errors.
  Result<std::unique_ptr<Session>> unlock(std::string_view volunteer, std::string_view passphrase,
                                          UnlockStats* stats = nullptr);

  // Forgotten passphrase (sync/README.md, "Recovery"): the hub's one-time recovery file and the
  // code staff read out give back the data key; volunteer gets a keyslot for newPassphrase.
  // Errors: "sync.not_enrolled", "recovery.*" (wrong code, foreign file, used before),
  // "volunteer.not_found", "vault.passphrase_too_short".
  Status resetPassphrase(std::string_view recoveryFile, std::string_view code, std::string_view volunteer,
                         std::string_view newPassphrase, const vault::KdfParams& kdf);

  store::Repository& repo() { return repo_; }
  // Seconds since the epoch, for unlock()'s waits after wrong passphrases; tests set their own.
  void setClock(std::function<std::int64_t()> clock) { clock_ = std::move(clock); }

  // Form packs (session_forms.cpp): the forms the commune hub published arrive inside the
  // profile and receipts; Session::enroll() and applyReceipt() install a newer one (signed by the
  // pinned hub key, for this commune, every file loading). Public data, readable while locked.
  // packForms(): nullopt while this laptop uses the forms it was installed with (version 0).
  int formPackVersion();
  Result<std::optional<forms::FormRegistry>> packForms();
  store::Db& db() { return db_; }
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

 private:
  Workspace(std::filesystem::path dir, store::Db db);
  // Large commits (an import, a receipt) leave copying the WAL back into the file to a thread of
  // its own (store/background_checkpoint.h): the volunteer waits only until the WAL is durable.
  Status startBackgroundCheckpoint();
  static Result<std::unique_ptr<Workspace>> initialise(const std::filesystem::path& dir, const std::string& volunteer,
                                                       const vault::Keyslot& slot, bool training,
                                                       const vault::RecordCipher& cipher);
  std::filesystem::path dir_;
  store::Db db_;
  store::Repository repo_;
  std::unique_ptr<store::BackgroundCheckpoint> checkpoint_;
  bool training_ = false;
  std::function<std::int64_t()> clock_;
};

struct Warning {
  std::string code;  // e.g. "possible_duplicate"
  std::string existingId;
};

struct AddResult {
  std::string id;
  std::vector<Warning> warnings;
};

struct ImportResult {
  int imported = 0;
  struct Rejected {
    int line;  // 1-based
    Errors errors;
  };
  std::vector<Rejected> rejected;
};

struct ApplicationInfo {
  std::string id, formId, residentId, status, createdAt;
  int formVersion = 0;
  int problems = 0;  // validation errors saved with a draft
};

struct DamagedRecord {
  std::string id, kind;
};

// What `verify` reports beyond unreadable bodies (session_integrity.cpp): values the code trusts
// that fail their binding to the data key, or damage SQLite itself finds. code is a catalog code
// ("sync.pin_damaged", "workspace.damaged"); detail names the place, never resident data.
struct IntegrityReport {
  struct Problem {
    std::string code, detail;
    std::string field = {};  // a second value for the message, e.g. the records expected
  };
  std::vector<Problem> problems;
};

class Session {
 public:
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const std::string& volunteer() const { return volunteer_; }
  // Wrong passphrases typed (for any volunteer) between the last successful unlock and this one.
  int failedUnlocksBefore() const { return failedUnlocksBefore_; }
  Workspace& workspace() { return *ws_; }
  const Workspace& workspace() const { return *ws_; }

  // Validation problems go to *problems (all at once) and the result is the first one.
  Result<std::string> addHousehold(const nlohmann::json& household, Errors* problems);
  // Errors: validation codes (problems filled), "resident.duplicate" (detail = existing id:
  // a resident with the same personal ID exists). Same folded name + date of birth is saved with
  // a "possible_duplicate" warning.
  Result<AddResult> addResident(const nlohmann::json& resident, Errors* problems);
  // NDJSON, one resident a line, imported in one transaction; bad lines are listed, good ones kept.
  Result<ImportResult> importResidents(std::istream& ndjson);
  // Errors: "record.bad_id", "record.not_found", "record.damaged". The plaintext is wiped when
  // the holder goes (vault/plain_json.h).
  Result<vault::PlainJson> getResident(std::string_view id);
  // A new revision of a resident (the whole object, as for add). expectedRevision is the revision
  // the edit started from: if the record moved on meanwhile the edit is refused with
  // "record.conflict" instead of silently overwriting. The old revision stays in the history.
  // A personal ID taken by another resident → "resident.duplicate". Returns the new revision.
  Result<std::int64_t> updateResident(std::string_view id, const nlohmann::json& resident,
                                      std::int64_t expectedRevision, Errors* problems);
  // Best first: [{id, full_name, date_of_birth, sex, personal_id, phone, village, score}].
  nlohmann::json searchResidents(std::string_view query, std::size_t limit);

  // Validates answers against form (after filling fields marked "prefill" from the resident
  // where the answer is missing). Invalid and !draft → error "application.invalid" with the
  // report; with draft the application is saved with status "draft" and its problems.
  // *checklist receives the documents that apply to the (prefilled) answers.
  Result<std::string> newApplication(const forms::Form& form, std::string_view residentId,
                                     const nlohmann::json& answers, bool draft, forms::ValidationReport* report,
                                     std::vector<forms::DocumentItem>* checklist = nullptr);
  std::vector<ApplicationInfo> listApplications(std::optional<std::string> residentId) const;
  // A new revision of an application (a draft finished later): same rules as newApplication,
  // answers taken as given (no prefill). expectedRevision as for updateResident ("record.conflict").
  // Returns the new revision; the record travels again at the next sync.
  Result<std::int64_t> updateApplication(std::string_view id, const forms::Form& form, const nlohmann::json& answers,
                                         bool draft, std::int64_t expectedRevision, forms::ValidationReport* report,
                                         std::vector<forms::DocumentItem>* checklist = nullptr);

  // Volunteers. Errors: "volunteer.exists", "volunteer.not_found", "volunteer.last" (the last
  // keyslot cannot go: the data would be lost), "vault.*".
  Status addVolunteer(std::string_view name, std::string_view passphrase, const vault::KdfParams& kdf);
  Status removeVolunteer(std::string_view name);
  Status changePassphrase(std::string_view newPassphrase, const vault::KdfParams& kdf);

  // Synthetic residents for training workspaces only ("workspace.not_training" otherwise).
  Result<int> addDemoData(int residents, std::uint64_t seed);
  // A training session's one-click reset (session_training.cpp): every record, draft and batch
  // is deleted in one transaction, then `residents` synthetic residents are added afresh.
  // "workspace.not_training" for a real workspace (nothing changes).
  Result<int> resetTraining(int residents, std::uint64_t seed);

  // Sync with the commune hub (session_sync.cpp, session_receipts.cpp; sync/README.md).
  // Training workspaces never sync: "sync.training".
  // The signed enrollment request (.gcq); creates this laptop's keys on first use.
  Result<std::string> enrollmentRequest();
  // Checks the hub's signed profile (.gcp) and pins its key; a later profile signed by another
  // key is refused ("profile.key_changed"). Errors also "sync.no_request" (no keys yet).
  Result<EnrollInfo> enroll(std::string_view profileFile);
  // Unsynced and sent-but-unacknowledged records → a batch at out (temp, fsync, rename, read
  // back and compared). Nothing to send: records == 0 and no file. "sync.not_enrolled".
  Result<ExportInfo> exportBatch(const std::filesystem::path& out);
  // A hub receipt (.gcr): marks records synced/rejected (only at the acknowledged revision),
  // stores review decisions, follows the hub's next sequence, applies retention.
  Result<ReceiptInfo> applyReceipt(std::string_view receiptFile);
  Result<SyncStatus> syncStatus();
  // The enrolled device's signing keys and hub URL, for the HTTP client. "sync.not_enrolled".
  Result<sync::DeviceKeys> deviceSignKeys();
  Result<std::string> hubUrl();
  // Records accepted by the hub keep their body this many days (default 30).
  Status setRetentionDays(int days);
  // The sync screen's hub address and folder, sealed under the data key (session_sync_places.cpp).
  // syncPlaces(): empty values until saved; "workspace.damaged" when the sealed value does not open.
  Status saveSyncPlaces(const SyncPlaces& places);
  Result<SyncPlaces> syncPlaces();

  // Autosaved drafts (session_autosave.cpp): what a screen was typing, kept across a closed
  // window, an idle lock or a crash. One JSON value per slot ("wizard"), shared by the
  // volunteers of this workspace, sealed under the data key with the slot name bound in the
  // associated data. Slot names: 1-64 of [a-z0-9_.-]; "autosave.slot" otherwise.
  // loadAutosave: nullopt when the slot is empty; "autosave.damaged" when the blob does not open
  // (changed on disk, or moved from another slot). Clearing an empty slot is not an error.
  Status saveAutosave(std::string_view slot, const nlohmann::json& value);
  Result<std::optional<vault::PlainJson>> loadAutosave(std::string_view slot);
  Status clearAutosave(std::string_view slot);
  // One saved application's body ({form_id, form_version, resident_id, answers, status, ...}),
  // for lists built from answers (the VNeID appointment list). "record.bad_id",
  // "record.not_found", "record.damaged".
  Result<vault::PlainJson> getApplication(std::string_view id);

  // Digital-skills sessions a trainer logged (session_skills.cpp): checked by
  // forms::parseSkillsSession against topics (the form pack's training_topics list), every problem
  // in problems and the first returned; stored normalised with created_at/created_by, synced like
  // every record. skillsSessions(): each stored session with id, revision and sync_state, oldest
  // first; "record.damaged" when one does not open.
  Result<std::string> addSkillsSession(const nlohmann::json& session, const forms::ChoiceList* topics,
                                       Errors* problems);
  Result<std::vector<vault::PlainJson>> skillsSessions();

  // Checks everything bound to the data key (see IntegrityReport); changes nothing.
  IntegrityReport checkIntegrity();

  const SearchIndex& index() const { return index_; }
  const std::vector<DamagedRecord>& damaged() const { return damaged_; }
  std::size_t households() const { return households_; }

  // Wipes the data key, the index and cached plaintext. The session is unusable afterwards.
  void lock();

 private:
  friend class Workspace;
  int failedUnlocksBefore_ = 0;
  Session(Workspace& ws, std::string volunteer, vault::SecretBytes dataKey);
  Status loadAll();
  // The sealed copy of the index when the record rows still match it, else loadAll
  // (session_snapshot.cpp). Returns whether the copy was used.
  Result<bool> loadIndex();
  // At lock: seals what memory holds for the next unlock, when it is exactly what loadAll would
  // build (indexMatchesDisk_, nothing damaged, no other connection has committed since the load)
  // and the copy on disk is not already of these rows. Best effort: a failure costs only speed.
  void keepIndexSnapshot();
  bool indexMatchesDisk_ = false;                // cleared by anything memory does not follow (a purge)
  std::optional<std::int64_t> loadedAtVersion_;  // the file's data_version before the load
  // The rows' fingerprint (index_snapshot.h) of the copy on disk, when this session opened or wrote it.
  std::optional<std::array<std::uint8_t, 32>> snapshotRows_;
  // At unlock: binds what an older GoCua left unbound (session_integrity.cpp).
  Status bindLegacy();
  // Whether every row but the purged stubs is known to carry a sound tag: the unlock (or an
  // export's full check) found them so, and no other connection has committed to the file since
  // (this session's own writes tag what they write). An export then reads only the stubs.
  bool rowTagsChecked();
  std::optional<std::int64_t> rowTagsSoundAt_;  // the file's data_version when that was so

  Result<store::RecordRow> sealNew(std::string_view kind, const std::string& body, std::optional<std::string> formId,
                                   std::optional<int> formVersion);
  // head's next revision holding body: chained to head's hash, unsynced, updated now.
  store::RecordRow sealNext(store::RecordRow head, std::int64_t expectedRevision, const std::string& body);
  Status auditNow(std::string_view action, const core::RecordId& id, std::string_view kind);
  // Inserts a sealNew row and its "create" audit line in one transaction; returns the record id.
  Result<core::RecordId> insertCreated(const store::RecordRow& row, std::string_view kind);
  IndexedResident indexEntry(const core::RecordId& id, const core::Resident& r) const;
  Result<vault::PlainJson> openBody(std::span<const std::uint8_t> id, std::string_view expectedKind);
  // After a commit that wrote records: the record count file (record_count_seal.h), when the count
  // changed. One small write per transaction at most.
  void sealRecordCount();
  bool recordsWritten_ = false;
  std::optional<detail::RecordCount> sealed_;
  std::int64_t lostRecords_ = 0;  // records found missing at an unlock, this one or an earlier one

  Workspace* ws_;
  std::string volunteer_;
  vault::SecretBytes dataKey_;
  std::optional<vault::RecordCipher> cipher_;
  SearchIndex index_;
  std::vector<ApplicationInfo> applications_;
  std::vector<DamagedRecord> damaged_;
  std::size_t households_ = 0;
};

}  // namespace gocua::workspace
