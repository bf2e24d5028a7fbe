// Opening stored records on every core while the caller still hears them one at a time, in order.
// Decrypting and parsing each record is most of a walk over the hub (export, report, the desk's
// queue); it does not depend on the other records, while the store and the caller's callback stay
// on the calling thread. Blocks of stored records go to a few worker threads and come back in the
// store's order; at most a few blocks are open at once, and each record's plaintext is wiped right
// after the caller has seen it (or when the walk stops early).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include "core/result.h"
#include "sync/hub/hub.h"
#include "sync/hub/hub_store.h"
#include "vault/plain_json.h"

namespace gocua::hub::detail {

// One stored record as a worker leaves it.
struct OpenedRecord {
  StoredRecord row;  // as the store gave it
  RecordInfo info;
  vault::PlainJson plain;
  nlohmann::json emptied;  // plain's tree once wiped after delivery, freed with its block
  bool skip = false;       // a plaintext filter left it out: not delivered
  Status status;           // an error stops the walk at this record
};

struct OpenPipelineOptions {
  std::size_t blockRecords = 128;  // records per hand-over
  std::size_t blocksAhead = 4;     // blocks opened ahead of the one the caller is hearing
  // Threads besides the caller; none: one less than the cores (at most 3); 0: all on the caller.
  std::optional<std::size_t> workers{};
};

// Calls its argument once per stored record, on the calling thread (the row is the argument's to
// move from), and returns its first error.
using StoredSource = std::function<Status(const std::function<Status(StoredRecord&)>&)>;

// Runs source; each record it gives is moved into an OpenedRecord, opened by open (on a worker
// or on the calling thread while it waits: open must be safe to run on several threads at once
// and should set status instead of throwing; an exception becomes "hub.io"), and then, in source
// order on the calling thread, handed to deliver unless skipped, and wiped. A record's status error
// or deliver's error ends the walk there and is returned: nothing after it is delivered. When the
// source fails, the records it gave before are still delivered, then its error is returned. All
// workers have ended, and every plaintext is wiped, when this returns (or throws what deliver threw).
[[nodiscard]] Status openInOrder(const StoredSource& source, const std::function<void(OpenedRecord&)>& open,
                                 const std::function<Status(OpenedRecord&)>& deliver,
                                 const OpenPipelineOptions& options = {});

}  // namespace gocua::hub::detail
