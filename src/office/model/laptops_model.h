// Máy tình nguyện viên (the volunteers' laptops): every laptop the commune has joined, with its
// volunteers, the day it joined, its last batch and how many records it brought; joining a new one
// from the request file (.gcq) a volunteer brings on a stick, the commune's profile (.gcp) written
// back beside it; revoking a lost or stolen laptop (asked twice); and a recovery file (.gcx) with
// a one-time code for a volunteer who forgot the passphrase. The same HubSession calls as
// `gocua-hub device enroll|list|revoke|recovery`. Volunteers' names are shown, never residents'.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

struct LaptopRow {
  std::string id;              // the device id in hex (what `gocua-hub device` takes)
  std::string shortId;         // its first 12 hex digits, for people
  std::string volunteers;      // "Lan, Minh"
  std::string joined;          // local dd/mm/yyyy
  std::string revoked;         // local dd/mm/yyyy, empty while it may send
  std::int64_t lastBatch = 0;  // the highest batch number received, 0 = none yet
  std::size_t records = 0;     // records of this laptop at the hub
  bool canRecover = false;     // its batches brought a recovery slot
};

class LaptopsModel {
 public:
  explicit LaptopsModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots()) : folder(std::move(roots)) {}

  void open(OfficeModel& office);
  const std::vector<LaptopRow>& laptops() const { return laptops_; }
  const std::string& fingerprint() const { return fingerprint_; }  // the hub key staff post at the desk

  // [SECTION] joining: the request files in the chosen folder
  ui::FolderPicker folder;
  const std::vector<ui::FolderFile>& requests() { return folder.files(".gcq"); }
  // Enrolls the laptop of request i and writes the profile beside it (<stem>.gcp).
  bool enroll(OfficeModel& office, std::size_t i);
  const std::filesystem::path& lastProfile() const { return lastProfile_; }

  // [SECTION] revoking: ask, then confirm
  std::optional<std::size_t> confirmingRevoke;  // the row staff asked to revoke
  void askRevoke(std::size_t row) { confirmingRevoke = row; }
  bool confirmRevoke(OfficeModel& office);

  // [SECTION] recovery: the .gcx into the chosen folder; the code to read out to the volunteer
  bool makeRecovery(OfficeModel& office, std::size_t row);
  const std::string& recoveryCode() const { return recoveryCode_; }
  const std::filesystem::path& recoveryFile() const { return recoveryFile_; }
  void forgetRecovery();  // once read out, or on leaving the screen

  const std::string& error() const { return error_; }
  void reset();
  bool holdsPlaintext() const { return !recoveryCode_.empty(); }

 private:
  std::vector<LaptopRow> laptops_;
  std::string fingerprint_, error_, recoveryCode_;
  std::filesystem::path lastProfile_, recoveryFile_;
};

}  // namespace gocua::office
