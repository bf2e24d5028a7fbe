// The laptop's whole "sync now" over HTTP, shared by gocuactl and the desktop app's sync screen:
// resume a batch left in the outbox by an earlier cut, else export a new one; upload it
// (resumable), apply the hub's receipt, then fetch and apply the status receipt, so review
// decisions arrive even when there was nothing to send.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "sync/transport/transport.h"
#include "workspace/workspace.h"

namespace gocua::sync {

struct SyncProgress {
  enum class Stage { Export, Upload, Receipt, Status } stage = Stage::Export;
  std::uint64_t done = 0, total = 0;  // bytes during Upload
  std::int64_t records = 0;           // in the batch being uploaded; 0 when unknown (a resumed batch)
};

struct SyncReport {
  workspace::ExportInfo exported;  // records 0 when nothing new was sent
  bool resumed = false;            // an earlier, interrupted upload was finished
  std::uint64_t resumedFrom = 0;   // bytes the hub already held
  std::uint64_t bytesSent = 0;
  workspace::ReceiptInfo batchReceipt;   // batchStatus empty when no batch travelled
  workspace::ReceiptInfo statusReceipt;  // the review decisions
};

// hubUrl empty = the URL in the commune profile. progress may return false to cancel (the
// outbox file stays and the next call resumes it).
Result<SyncReport> syncWithHub(workspace::Session& session, std::string hubUrl,
                               const std::function<bool(const SyncProgress&)>& progress = {},
                               const transport::ClientOptions& options = {});

// Runs one short Session step under the caller's lock, for a Session shared with another thread.
using SessionStep = std::function<Status(workspace::Session&)>;
using SessionAccess = std::function<Status(const SessionStep&)>;

// The same sync, touching the Session only inside withSession (hub address, keys, export,
// receipts); the uploads and the status fetch run outside it, so the other thread can go on.
Result<SyncReport> syncWithHub(const SessionAccess& withSession, std::string hubUrl,
                               const std::function<bool(const SyncProgress&)>& progress = {},
                               const transport::ClientOptions& options = {});

// How the app tells an attempt's failures apart without reaching into the transport: the hub
// could not be reached (down, no network, busy, failing) — worth trying again later — or the
// caller asked to stop (progress returned false; an access gate gave up waiting).
bool hubUnreachable(const Error& e);
bool syncCancelled(const Error& e);
Error syncCancelledError();

// Where "sync now" keeps the batch it is sending until the hub's receipt is applied.
std::filesystem::path outboxDir(const workspace::Session& session);

}  // namespace gocua::sync
