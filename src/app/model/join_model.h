// Joining a commune, in two trips with a USB stick:
//   1. write this laptop's signed enrollment request (.gcq) to the stick — "take this file to the
//      commune office";
//   2. later, load the hub's answer, the commune profile (.gcp), from the stick. The commune name,
//      villages and the hub key's fingerprint are shown first (nothing stored); only when the
//      volunteer says the fingerprint matches the poster at the office is the profile enrolled
//      (Session::enroll pins the hub key).
// Training workspaces never join (they never sync). File work is small (< 64 KiB) and synchronous.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "ui/model/folder_picker.h"

namespace gocua::app {

using ui::fileStamp;
using ui::FolderFile;
using ui::FolderPicker;
using ui::localDateTime;
using ui::readSmallFile;
using ui::uniqueFileIn;

class JoinModel {
 public:
  // Reads whether the laptop is already enrolled, detects sticks, clears the last preview.
  void open(AppModel& app);

  bool blocked() const { return training_; }  // training workspace: the screen explains why
  const std::string& enrolledCommune() const { return enrolledCommune_; }  // empty = not enrolled

  FolderPicker folder;

  // Step 1. Writes <folder>/gocua-yeu-cau-<stamp>.gcq (durably: read back and compared).
  bool writeRequest(AppModel& app);
  const std::string& requestFile() const { return requestFile_; }  // name written, empty = none yet

  // Step 2. The profiles (.gcp) in the chosen folder, newest first.
  const std::vector<FolderFile>& profiles() { return folder.files(".gcp"); }
  // Reads and verifies the profile's signature without storing anything.
  bool preview(const std::filesystem::path& file);
  struct Preview {
    std::string fileName;
    std::string communeCode, communeName, hubUrl, fingerprint;
    std::vector<std::string> villages;
  };
  const std::optional<Preview>& shown() const { return preview_; }
  // The fingerprint matches the poster: enrolls the exact bytes that were previewed.
  bool confirm(AppModel& app);
  // It does not match: nothing is stored and the volunteer is told what to do.
  void reject();
  bool done() const { return done_; }

  const std::string& error() const { return error_; }
  const std::string& message() const { return message_; }

  void reset();
  // The previewed commune profile (not residents' data, but wiped at lock all the same).
  bool holdsPlaintext() const { return preview_.has_value() || !previewBytes_.empty(); }

 private:
  bool training_ = false;
  std::string enrolledCommune_;
  std::string requestFile_;
  std::optional<Preview> preview_;
  std::string previewBytes_;
  bool done_ = false;
  std::string error_, message_;
};

}  // namespace gocua::app
