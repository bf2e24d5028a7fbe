// HubSession::forEachRecord: opens each sealed record once, applies the filters that need the
// plaintext (village) after the ones that do not, and wipes the plaintext after the callback.
#include <cstdio>
#include <cstring>

#include "core/json_read.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
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

// Decrypts one stored record for fn (when its body's village is the one asked for, if any) and
// wipes the plaintext after fn.
Status openStored(HubSession::Impl& impl, const StoredRecord& r, const std::optional<std::string>& village,
                  const std::function<Status(const OpenRecord&)>& fn) {
  auto line = impl.cipher.open(r.sealed, recordAd(r.id, r.revision));
  if (!line) return Error::make(err::kHubDamaged, "record");
  vault::PlainJson plain(json::parse(*line, nullptr, false));
  vault::wipe(*line);
  if (!plain.get().is_object()) return Error::make(err::kHubDamaged, "record");
  if (village) {
    const auto body = plain.get().find("body");  // looked at in place: no copy to wipe
    if (body == plain.get().end() || !body->is_object() || jsonField<std::string>(*body, "village") != village)
      return {};
  }
  return fn(OpenRecord{recordInfo(r), r.formVersion, r.receivedAt, plain.get()});
}

}  // namespace

Status HubSession::forEachRecord(const RecordFilter& filter, const std::function<Status(const OpenRecord&)>& fn) {
  if (auto st = checkFilter(filter); !st) return st;
  return hub_.store().forEachRecord(filter.procedure, true, [&](const StoredRecord& r) -> Status {
    if (!metadataMatches(filter, r)) return {};
    return openStored(*impl_, r, filter.village, fn);
  });
}

Status HubSession::withRecord(std::string_view recordId, const std::function<Status(const OpenRecord&)>& fn) {
  auto id = core::parseRecordId(recordId);
  if (!id) return Error::make(err::kHubBadRecordId);
  auto row = hub_.store().recordWithBody(*id);  // one row by its key, never a walk
  if (!row) return row.error();
  if (!*row) return Error::make(err::kHubRecordNotFound);
  return openStored(*impl_, **row, std::nullopt, fn);
}

const forms::Form* HubSession::form(std::string_view id) const { return impl_->forms.find(id); }

}  // namespace gocua::hub
