// Choosing a folder without a native file dialog: the USB sticks the desktop mounted
// (/media/$USER/*, /run/media/$USER/*, /media/*) and the home folder as big buttons, a path the
// person may type, and the files of one kind (.gcp, .gcr, .gcb) in that folder to click. Plain C++:
// screens draw it (ui/folder_picker_widget.h), tests drive it with temp dirs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace gocua::ui {

struct FolderPlace {
  std::string name;  // the stick's label (directory name) or empty for home
  std::filesystem::path path;
  bool removable = false;
};

struct FolderFile {
  std::string name;  // file name only
  std::filesystem::path path;
  std::uintmax_t bytes = 0;
  std::int64_t modified = 0;  // seconds since the epoch, newest first in listings
};

class FolderPicker {
 public:
  // Where removable media appear and the home folder; default() reads $USER and $HOME.
  struct Roots {
    std::vector<std::filesystem::path> mountParents;  // each child directory is a stick
    std::filesystem::path home;
  };
  static Roots systemRoots();

  explicit FolderPicker(Roots roots = systemRoots()) : roots_(std::move(roots)) {}

  // Re-reads the mounted sticks. When a stick was chosen (or nothing yet) and sticks exist, the
  // first stick becomes the path: a volunteer who just plugged one in needs no extra click.
  void refresh();
  // refresh() at most every `everySeconds` (the screens call it each frame with the clock).
  void tick(double now, double everySeconds = 2.0);

  const std::vector<FolderPlace>& places() const { return places_; }  // sticks first, home last
  const std::filesystem::path& home() const { return roots_.home; }
  void choose(std::size_t place);
  void chooseHome();

  std::string path;  // the text field's buffer; the folder every command uses
  // The volunteer typed a path: it stays chosen even when a stick is plugged in later.
  void edited() { userTyped_ = true; }
  std::filesystem::path folder() const { return std::filesystem::path(path); }
  bool exists() const;  // path names a directory
  bool chosenIsRemovable() const;

  // Files ending in ext (".gcp") in the folder, newest first, at most 200; empty when the folder is
  // missing. Cached per (path, ext) until rescan(): the screens call this every frame.
  const std::vector<FolderFile>& files(const std::string& ext);
  void rescan() { cacheKey_.clear(); }

  void reset();

 private:
  Roots roots_;
  std::vector<FolderPlace> places_;
  double lastRefresh_ = -1e9;
  bool userTyped_ = false;
  std::string cacheKey_;
  std::vector<FolderFile> cache_;
};

// A file in dir that does not exist yet: stem + ext, else stem-2 + ext, stem-3 + ext, ...
std::filesystem::path uniqueFileIn(const std::filesystem::path& dir, const std::string& stem, const std::string& ext);
// Seconds since the epoch as local "dd/mm/yyyy HH:MM" (how the app shows a moment).
std::string localDateTime(std::int64_t epochSeconds);
// "2026-11-23T10:05:00Z" (UTC, as the workspace and the hub store it) → "23/11/2026 17:05" in
// local time; "" for an empty or unreadable value.
std::string formatLocalTime(const std::string& isoUtc);
// Seconds since the epoch as local "HH:MM" (a time later today, in a status line).
std::string localClockTime(std::int64_t epochSeconds);
// Local time as YYYYMMDD-HHMM for file names (ASCII: FAT sticks and Windows at the office).
std::string fileStamp();
// "850 B", "34 KB", "3,2 MB" (Vietnamese decimal comma) / "3.2 MB" in English.
std::string formatBytes(std::uint64_t bytes);

}  // namespace gocua::ui

namespace gocua::ui {
// A small file chosen in a picker (profile, receipt). Errors: "folder.unreadable",
// "folder.too_large" (over maxBytes: not the kind of file we asked for).
Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t maxBytes);
}  // namespace gocua::ui
