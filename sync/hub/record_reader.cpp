// HubSession::forEachRecord: opens each sealed record once (on worker threads, record_pipeline.h),
// applies the filters that need the plaintext (village) after the ones that do not, and wipes the
// plaintext after the callback.
#include <cstdio>
#include <cstring>

#include "core/json_read.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/record_pipeline.h"
#include "sync/hub/record_skim.h"
#include "vault/plain_json.h"

namespace gocua::hub {

using namespace detail;
using nlohmann::json;

namespace {

// "yyyy-mm-dd", the first ten characters of a stored receivedAt.
std::string isoDay(const core::Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace

Status detail::checkFilter(const RecordFilter& filter) {
  if (filter.status && *filter.status != "new" && !sync::parseReviewStatus(*filter.status))
    return Error::make(err::kHubBadStatus, "status", *filter.status);
  return {};
}

bool detail::metadataMatches(const RecordFilter& filter, const StoredRecord& r) {
  if (filter.status && (*filter.status == "new" ? r.reviewStatus.has_value() : r.reviewStatus != filter.status))
    return false;
  if (!filter.since) return true;
  const std::string since = isoDay(*filter.since);
  return r.receivedAt.compare(0, since.size(), since) >= 0;
}

Result<std::vector<RecordInfo>> Hub::records(const RecordFilter& filter) {
  if (auto st = checkFilter(filter); !st) return st.error();
  if (filter.village) return Error::make(err::kHubInvalid, "village", "needs the unlocked hub");
  std::vector<RecordInfo> out;
  auto st = store_->forEachRecord(filter.procedure, false, [&](const StoredRecord& r) -> Status {
    if (metadataMatches(filter, r)) out.push_back(recordInfo(r));
    return {};
  });
  if (!st) return st.error();
  return out;
}

RecordInfo detail::recordInfo(const StoredRecord& r) {
  core::RecordId id{};
  std::memcpy(id.data(), r.id.data(), id.size());
  return {core::formatRecordId(id), r.kind, r.procedure, r.device, r.revision, r.reviewStatus};
}

namespace {

// Decrypts one stored record into out (all of it, or only fields when given), wipes the line, and
// marks it skipped when a village is asked for and its body names another. Runs on worker threads.
void openStored(const vault::RecordCipher& cipher, const RecordFields* fields,
                const std::optional<std::string>& village, OpenedRecord& out) {
  const StoredRecord& r = out.row;
  // One line buffer per thread, wiped after each record but kept: a walk then allocates no
  // kilobyte-sized buffer per record (glibc's arenas pay dearly for those across threads).
  thread_local std::string line;
  if (!cipher.openAppend(r.sealed, recordAd(r.id, r.revision), line)) {
    out.status = Error::make(err::kHubDamaged, "record");
    return;
  }
  json parsed;
  const bool read =
      fields ? skimRecordLine(line, *fields, parsed) : !(parsed = json::parse(line, nullptr, false)).is_discarded();
  vault::wipe(line);
  out.plain = vault::PlainJson(std::move(parsed));
  if (!read || !out.plain.get().is_object()) {
    out.status = Error::make(err::kHubDamaged, "record");
    return;
  }
  if (village) {
    const auto body = out.plain.get().find("body");  // looked at in place: no copy to wipe
    if (body == out.plain.get().end() || !body->is_object() || jsonField<std::string>(*body, "village") != village) {
      out.skip = true;
      return;
    }
  }
  out.info = recordInfo(r);
}

Status deliver(const OpenedRecord& r, const std::function<Status(const OpenRecord&)>& fn) {
  return fn(OpenRecord{r.info, r.row.formVersion, r.row.receivedAt, r.plain.get()});
}

// The walk behind both forEachRecord: metadata filters on the calling thread, opening in blocks.
Status walk(HubStore& store, const vault::RecordCipher& cipher, const RecordFilter& filter, const RecordFields* fields,
            const std::function<Status(const OpenRecord&)>& fn) {
  if (auto st = checkFilter(filter); !st) return st;
  RecordFields withVillage;
  if (fields && filter.village) {  // the village filter reads the body's village, asked for or not
    withVillage = *fields;
    withVillage.body.push_back("village");
    fields = &withVillage;
  }
  // Whole records are opened one at a time on the calling thread, as before: a whole line's DOM
  // is a hundred small allocations, and holding blocks of them (freed on the caller, allocated by
  // a worker) cost more than the second core saved (the desk's queue over 150,000 records: 3.1 s
  // alone, 6.9 s in blocks with a worker). A skimmed record is a few allocations: there the
  // worker halves the walk.
  OpenPipelineOptions options;
  if (!fields) options = {.blockRecords = 1, .blocksAhead = 0, .workers = 0};
  return openInOrder(
      [&](const std::function<Status(StoredRecord&)>& take) {
        return store.forEachRecord(filter.procedure, true, [&](StoredRecord& r) -> Status {
          return metadataMatches(filter, r) ? take(r) : Status{};
        });
      },
      [&](OpenedRecord& r) { openStored(cipher, fields, filter.village, r); },
      [&](OpenedRecord& r) { return deliver(r, fn); }, options);
}

}  // namespace

Status HubSession::forEachRecord(const RecordFilter& filter, const std::function<Status(const OpenRecord&)>& fn) {
  return walk(hub_.store(), impl_->cipher, filter, nullptr, fn);
}

Status HubSession::forEachRecord(const RecordFilter& filter, const RecordFields& fields,
                                 const std::function<Status(const OpenRecord&)>& fn) {
  return walk(hub_.store(), impl_->cipher, filter, &fields, fn);
}

Status HubSession::withRecord(std::string_view recordId, const std::function<Status(const OpenRecord&)>& fn) {
  auto id = core::parseRecordId(recordId);
  if (!id) return Error::make(err::kHubBadRecordId);
  auto row = hub_.store().recordWithBody(*id);  // one row by its key, never a walk
  if (!row) return row.error();
  if (!*row) return Error::make(err::kHubRecordNotFound);
  OpenedRecord opened;
  opened.row = std::move(**row);
  openStored(impl_->cipher, nullptr, std::nullopt, opened);
  if (!opened.status) return opened.status;
  return deliver(opened, fn);
}

const forms::Form* HubSession::form(std::string_view id) const { return impl_->forms.find(id); }

}  // namespace gocua::hub
