// The import's reading half off the importing thread: a reader thread decrypts and decompresses
// the batch into blocks of record lines, and a pool (ordered_pool.h) checks and seals each line,
// while the importing thread stores the blocks already done, in file order. Checking a 100,000-
// record batch costs more CPU than SQLite takes to store it (the residents' checks the most of
// it); a check pool on every core keeps both cores busy where one checking thread left the
// importer waiting.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "forms/registry.h"
#include "sync/batch/batch.h"
#include "sync/hub/hub_store.h"
#include "sync/hub/payload.h"
#include "vault/record_cipher.h"

namespace gocua::hub::detail {

// One record line, judged on its own (checkRecordLine) and, when acceptable, sealed under the hub
// data key with its id and revision as AD: ready for the store, no plaintext left in it.
struct CheckedRecord {
  RecordLine line;
  Blob sealed;  // empty when line.reason says why it is rejected
};

struct CheckedRecordsSource {
  const std::filesystem::path& gcb;
  const sync::HubKeys& hubBox;
  sync::BatchLimits limits;
  const forms::FormRegistry& forms;
  const vault::RecordCipher& cipher;
  core::Date today;
};

// Reads the batch with sync::readBatch on a second thread. onManifest sees the first line, on that
// thread, before any record; onRecord sees every further line, checked and sealed, on the calling
// thread and in file order. The reader works at most a few blocks ahead, so memory stays bounded;
// each block's plaintext is wiped once its lines are checked.
// Returns the first error: onManifest's or the batch's (as readBatch returns it), or onRecord's,
// which stops the reader. Either way the reader thread has ended when this returns.
[[nodiscard]] Status readCheckedRecords(const CheckedRecordsSource& source,
                                        const std::function<Status(std::string_view)>& onManifest,
                                        const std::function<Status(CheckedRecord&)>& onRecord);

}  // namespace gocua::hub::detail
