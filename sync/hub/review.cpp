// Staff review decisions. The note is sealed under the hub data key here; each receipt reseals it
// to the device's box key, so only the hub and that laptop ever read it.
#include <chrono>

#include "core/text.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;

Status HubSession::setReview(std::string_view recordId, std::string_view statusText, std::string_view noteIn) {
  auto id = core::parseRecordId(recordId);
  if (!id) return Error::make(err::kHubBadRecordId);
  auto status = sync::parseReviewStatus(statusText);
  if (!status) return Error::make(err::kHubBadStatus);
  auto note = core::normalizeText(noteIn, sync::kMaxNoteBytes);
  if (!note) return Error::like(note.error(), "note");
  if (note->size() > sync::kMaxNoteBytes) {
    vault::wipe(*note);
    return Error::make(err::kHubNoteTooLong, "note");
  }
  auto& store = hub_.store();
  return store.transaction([&]() -> Status {
    auto rec = store.record(*id);
    if (!rec) return rec.error();
    if (!*rec) return Error::make(err::kHubRecordNotFound);
    ReviewRow row;
    row.recordId = *id;
    row.revision = (*rec)->revision;
    row.status = std::string(sync::toString(*status));
    if (!note->empty()) row.note = impl_->cipher.seal(*note, noteAd(*id, row.revision));
    vault::wipe(*note);
    row.at = nowIso();
    // Milliseconds keep a hub rebuilt from its key backup (decisions start again) above what
    // laptops hold; the store still makes each record's decisions strictly grow.
    row.decision =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    GOCUA_TRY(store.setReview(row));
    return audit("review." + row.status, core::formatRecordId(*id));
  });
}

}  // namespace gocua::hub
