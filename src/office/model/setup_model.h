// First run (Tạo dữ liệu xã): the commune's hub made from the window, for a desk with no terminal.
// The province, then the commune, from the 2025 list (search folds diacritics); the villages; the
// first staff member and their passphrase (asked twice). The hub is made off the UI thread
// (Argon2id for the keyslot, then again to unlock), exactly as `gocua-hub init --staff NAME`.
// Then the commune's key code in large type, and its poster (PDF with a QR code) for the desk.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "sync/hub/communes.h"
#include "ui/model/background_task.h"
#include "ui/model/folder_picker.h"
#include "ui/model/passphrase_strength.h"

namespace gocua::office {

class SetupModel {
 public:
  enum class Step { Commune, People, Key };
  static constexpr std::size_t kMaxShown = 200;  // communes listed at once; a search narrows them

  explicit SetupModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots()) : folder(std::move(roots)) {}

  // Reads the 2025 list (once) and starts at the commune step; error() says when it does not read.
  void open();
  Step step() const { return step_; }
  const std::string& error() const { return error_; }

  // [SECTION] the commune
  const std::vector<std::string>& provinces() const { return provinces_; }  // in the list's order
  std::string province;                                                     // one of provinces(); "": the whole country
  std::string query;                                                        // the search field's buffer
  // The chosen province's communes matching query (all of them for an empty query); with no
  // province, the query's matches in the whole country (none for an empty query). At most kMaxShown.
  const std::vector<hub::AdminUnit>& matches();
  std::size_t matchCount() { return matches(), matchCount_; }  // before the kMaxShown cut
  void choose(const hub::AdminUnit& unit);                     // also selects its province
  const std::optional<hub::AdminUnit>& chosen() const { return chosen_; }
  bool toPeople();  // needs a chosen commune
  void back() { step_ = Step::Commune; }

  // [SECTION] villages and the first staff member
  std::vector<std::string> villages;
  std::string villageDraft;
  bool addVillage();  // the draft, NFC and trimmed; refuses an empty or repeated (folded) name
  void removeVillage(std::size_t i);
  std::string staffName;
  std::string passphrase, confirm;  // the fields' buffers; wiped once the hub is made, and at reset
  ui::StrengthHint strength() const { return ui::scorePassphrase(passphrase, staffName); }
  // "" when the hub can be made; otherwise what to fix, in words (the first problem).
  std::string problem() const;
  // Starts making the hub in office.options().dataDir; the passphrase buffers are wiped at once.
  void create(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished hub: the office adopts it and the staff member's session; step Key.
  void poll(OfficeModel& office, double now);
  void finish(OfficeModel& office, double now);  // blocks (tests)

  // [SECTION] the key code and its poster
  const std::string& fingerprint() const { return fingerprint_; }
  ui::FolderPicker folder;
  bool printPoster(OfficeModel& office);  // <folder>/ma-khoa-xa-<code>.pdf
  const std::filesystem::path& lastPoster() const { return lastPoster_; }

  void reset();
  bool holdsPlaintext() const { return !passphrase.empty() || !confirm.empty(); }

 private:
  struct Outcome {
    std::unique_ptr<hub::Hub> hub;
    std::unique_ptr<hub::HubSession> session;
    std::string error;
  };
  void collect(OfficeModel& office, Outcome outcome, double now);
  void wipePassphrases();

  std::vector<hub::AdminUnit> units_;
  std::vector<std::string> provinces_;
  std::vector<hub::AdminUnit> matches_;
  std::size_t matchCount_ = 0;
  std::string matchedProvince_, matchedQuery_;
  bool matched_ = false;
  std::optional<hub::AdminUnit> chosen_;
  Step step_ = Step::Commune;
  std::string error_, fingerprint_;
  std::filesystem::path lastPoster_;
  ui::BackgroundTask<Outcome> task_;
};

}  // namespace gocua::office
