#include "app/model/join_model.h"

#include "core/i18n.h"
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "ui/model/errors.h"
#include "workspace/durable_file.h"

namespace gocua::app {
namespace fs = std::filesystem;

void JoinModel::open(AppModel& app) {
  training_ = app.training();
  enrolledCommune_.clear();
  preview_.reset();
  previewBytes_.clear();
  done_ = false;
  error_.clear();
  message_.clear();
  if (auto* s = app.session())
    if (auto st = s->syncStatus(); st.ok() && st->enrolled) enrolledCommune_ = st->communeName;
  folder.refresh();
  folder.rescan();
}

bool JoinModel::writeRequest(AppModel& app) {
  error_.clear();
  message_.clear();
  auto* session = app.session();
  if (!session) return false;
  if (!folder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return false;
  }
  auto request = session->enrollmentRequest();
  if (!request.ok()) {
    error_ = i18n::message(request.error());
    return false;
  }
  const fs::path out = uniqueFileIn(folder.folder(), "gocua-yeu-cau-" + fileStamp(), ".gcq");
  if (auto st = workspace::writeFileDurably(out, *request); !st.ok()) {
    error_ = i18n::message(st.error());
    return false;
  }
  requestFile_ = out.filename().string();
  message_ = i18n::tr("app.join.request_written", {{"file", requestFile_}});
  folder.rescan();
  return true;
}

bool JoinModel::preview(const fs::path& file) {
  error_.clear();
  message_.clear();
  preview_.reset();
  previewBytes_.clear();
  auto bytes = readSmallFile(file, sync::kMaxProfileBytes);
  if (!bytes.ok()) {
    error_ = i18n::message(bytes.error().is(err::kFolderTooLarge) ? Error::make(err::kProfileFormat) : bytes.error());
    return false;
  }
  // The signature is checked against the key inside the file; pinning waits for the volunteer.
  auto profile = sync::readProfile(*bytes, std::nullopt);
  if (!profile.ok()) {
    error_ = i18n::message(profile.error());
    return false;
  }
  preview_ = Preview{file.filename().string(),
                     profile->communeCode,
                     profile->communeName,
                     profile->hubUrl,
                     sync::fingerprint(profile->hubSignPublic),
                     profile->villages};
  previewBytes_ = std::move(*bytes);
  return true;
}

bool JoinModel::confirm(AppModel& app) {
  error_.clear();
  message_.clear();
  auto* session = app.session();
  if (!session || !preview_) return false;
  auto info = session->enroll(previewBytes_);
  if (!info.ok()) {
    error_ = i18n::message(info.error());
    preview_.reset();
    previewBytes_.clear();
    return false;
  }
  enrolledCommune_ = info->communeName;
  if (info->formPack > 0) app.refreshForms();
  message_ = i18n::tr("app.join.enrolled", {{"commune", info->communeName}});
  preview_.reset();
  previewBytes_.clear();
  done_ = true;
  return true;
}

void JoinModel::reject() {
  preview_.reset();
  previewBytes_.clear();
  error_ = i18n::tr("app.join.rejected");
  message_.clear();
}

void JoinModel::reset() {
  preview_.reset();
  previewBytes_.clear();
  requestFile_.clear();
  enrolledCommune_.clear();
  done_ = false;
  error_.clear();
  message_.clear();
  folder.reset();
}

}  // namespace gocua::app
