// Trình chiếu: a guide from forms/guides shown full screen on a projector or TV at a skills
// session. One idea per page (each of the scammers' sentences, each step), then what to bring,
// then deadline, fee and where to go; arrow keys page through. Guides hold no resident's data,
// so nothing here is wiped at lock beyond where the trainer was.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "core/i18n.h"
#include "forms/guide.h"
#include "ui/model/folder_picker.h"

namespace gocua::app {

struct PresentationPage {
  std::string heading;             // "Bước 3/10", "Mang theo"; empty on the cover
  std::vector<std::string> lines;  // what the room reads, one or more lines (the cover: the title)
  bool warning = false;            // the scammers' words: shown in the warning colour
  bool numbered = false;           // a list to number (what to bring)
};

// Every page of a guide in the given language, in the order a trainer presents it: the title,
// each warning, each step, what to bring, then deadline, fee and where to go.
std::vector<PresentationPage> presentationPages(const forms::Guide& guide, i18n::Lang lang);

// Every text of every page of the guides beside the app's forms, in both languages: the font
// atlas must hold their characters (the « » of the anti-scam card, for one).
std::vector<std::string> presentationTexts(const AppModel& app);

class PresentationModel {
 public:
  // Reads forms/guides beside the app's forms; problems (a damaged guide) are listed, the rest shown.
  void open(const AppModel& app);
  struct Entry {
    std::string id, title;
  };
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<std::string>& loadProblems() const { return loadProblems_; }

  // Starts presenting entry index at its first page (false for an index out of range).
  bool start(std::size_t index);
  void stop() { pages_.clear(); }
  bool presenting() const { return !pages_.empty(); }
  const std::string& guideId() const { return guideId_; }

  void next();
  void previous();
  void first() { page_ = 0; }
  void last() { page_ = pages_.empty() ? 0 : pages_.size() - 1; }
  std::size_t page() const { return page_; }
  std::size_t pageCount() const { return pages_.size(); }
  const PresentationPage& current() const { return pages_.at(page_); }
  std::string progress() const;  // "3 / 12"

  // The printed leaflet of entry index (the same guide as an A4 PDF, gocuactl leaflet) written
  // into leafletFolder as <id>.pdf; the message says where, or why not.
  ui::FolderPicker leafletFolder;
  bool writeLeaflet(std::size_t index);
  const std::string& leafletMessage() const { return leafletMessage_; }
  bool leafletError() const { return leafletError_; }

  void reset() { *this = PresentationModel(); }
  bool holdsPlaintext() const { return false; }  // guides only: no resident's data, no secret

 private:
  std::vector<forms::Guide> guides_;
  std::vector<Entry> entries_;
  std::vector<std::string> loadProblems_;
  std::vector<PresentationPage> pages_;
  std::string guideId_;
  std::size_t page_ = 0;
  std::string leafletMessage_;
  bool leafletError_ = false;
};

}  // namespace gocua::app
