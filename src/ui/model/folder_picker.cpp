#include "ui/model/folder_picker.h"
#include "ui/model/errors.h"

#include "core/date.h"
#include "core/i18n.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace gocua::ui {
namespace fs = std::filesystem;

FolderPicker::Roots FolderPicker::systemRoots() {
  Roots r;
  std::string user;
  if (const char* u = std::getenv("USER"); u && *u) user = u;
  if (user.empty())
    if (const passwd* pw = ::getpwuid(::getuid())) user = pw->pw_name;
  if (!user.empty()) {
    r.mountParents.push_back(fs::path("/media") / user);
    r.mountParents.push_back(fs::path("/run/media") / user);
  }
  r.mountParents.push_back("/media");
  if (const char* h = std::getenv("HOME"); h && *h) r.home = h;
  return r;
}

void FolderPicker::refresh() {
  std::vector<FolderPlace> sticks;
  std::error_code ec;
  for (const auto& parent : roots_.mountParents) {
    for (auto it = fs::directory_iterator(parent, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code dirEc;
      if (!it->is_directory(dirEc)) continue;
      const fs::path p = it->path();
      // /media/<user> is a parent of sticks, not a stick; an unreadable entry is skipped.
      if (std::any_of(roots_.mountParents.begin(), roots_.mountParents.end(),
                      [&](const fs::path& q) { return q == p; }))
        continue;
      if (std::any_of(sticks.begin(), sticks.end(), [&](const FolderPlace& s) { return s.path == p; })) continue;
      sticks.push_back({p.filename().string(), p, true});
    }
    ec.clear();
  }
  std::sort(sticks.begin(), sticks.end(), [](const FolderPlace& a, const FolderPlace& b) { return a.path < b.path; });
  const bool stickWasChosen = chosenIsRemovable();
  const bool stickGone = stickWasChosen && !exists();
  places_ = sticks;
  if (!roots_.home.empty()) places_.push_back({"", roots_.home, false});
  if (!userTyped_ || stickGone) {
    if (!sticks.empty() && (path.empty() || stickGone || !stickWasChosen))
      path = sticks.front().path.string();
    else if (path.empty() || stickGone)
      path = roots_.home.string();
    if (stickGone) rescan();
  }
}

void FolderPicker::tick(double now, double everySeconds) {
  if (now - lastRefresh_ < everySeconds) return;
  lastRefresh_ = now;
  refresh();
}

void FolderPicker::choose(std::size_t place) {
  if (place >= places_.size()) return;
  path = places_[place].path.string();
  userTyped_ = true;  // an explicit choice: a new stick does not take over
  rescan();
}

void FolderPicker::chooseHome() {
  path = roots_.home.string();
  userTyped_ = true;
  rescan();
}

bool FolderPicker::exists() const {
  std::error_code ec;
  return !path.empty() && fs::is_directory(folder(), ec);
}

bool FolderPicker::chosenIsRemovable() const {
  if (path.empty()) return false;
  const fs::path p = folder();
  for (const auto& parent : roots_.mountParents) {
    auto rel = p.lexically_relative(parent);
    if (!rel.empty() && *rel.begin() != ".." && *rel.begin() != ".") return true;
  }
  return false;
}

const std::vector<FolderFile>& FolderPicker::files(const std::string& ext) {
  const std::string key = path + '\n' + ext;
  if (key == cacheKey_) return cache_;
  cacheKey_ = key;
  cache_.clear();
  std::error_code ec;
  if (path.empty()) return cache_;
  for (auto it = fs::directory_iterator(folder(), ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code fileEc;
    if (!it->is_regular_file(fileEc)) continue;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // temp files of an interrupted write, macOS litter
    std::string lowered = it->path().extension().string();
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lowered != ext) continue;
    FolderFile f{name, it->path(), it->file_size(fileEc), 0};
    auto when = it->last_write_time(fileEc);
    if (!fileEc)
      f.modified =
          std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(when).time_since_epoch())
              .count();
    cache_.push_back(std::move(f));
  }
  std::sort(cache_.begin(), cache_.end(), [](const FolderFile& a, const FolderFile& b) {
    return a.modified != b.modified ? a.modified > b.modified : a.name < b.name;
  });
  if (cache_.size() > 200) cache_.resize(200);
  return cache_;
}

void FolderPicker::reset() {
  path.clear();
  userTyped_ = false;
  lastRefresh_ = -1e9;
  rescan();
  cache_.clear();
}

fs::path uniqueFileIn(const fs::path& dir, const std::string& stem, const std::string& ext) {
  std::error_code ec;
  fs::path candidate = dir / (stem + ext);
  for (int n = 2; fs::exists(candidate, ec) && n < 10000; ++n) candidate = dir / (stem + "-" + std::to_string(n) + ext);
  return candidate;
}

namespace {
std::string localTimeAs(std::int64_t epochSeconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(epochSeconds);
  std::tm local{};
  if (!::localtime_r(&t, &local)) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, format, &local);
  return buf;
}
}  // namespace

std::string localDateTime(std::int64_t epochSeconds) { return localTimeAs(epochSeconds, "%d/%m/%Y %H:%M"); }
std::string formatLocalTime(const std::string& isoUtc) {
  const auto seconds = core::parseIsoUtc(isoUtc);
  return seconds ? localDateTime(*seconds) : std::string();
}
std::string localClockTime(std::int64_t epochSeconds) { return localTimeAs(epochSeconds, "%H:%M"); }

std::string fileStamp() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M", &local);
  return buf;
}

Result<std::string> readSmallFile(const fs::path& file, std::size_t maxBytes) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return Error::make(err::kFolderUnreadable, "", ec.message());
  if (size > maxBytes) return Error::make(err::kFolderTooLarge, "", std::to_string(size));
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::make(err::kFolderUnreadable);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Error::make(err::kFolderUnreadable);
  return bytes.str();
}

std::string formatBytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes < 1000) {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  } else if (bytes < 1000 * 1000) {
    std::snprintf(buf, sizeof buf, "%llu KB", static_cast<unsigned long long>((bytes + 512) / 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    if (i18n::lang() == i18n::Lang::Vi)
      for (char* c = buf; *c; ++c)
        if (*c == '.') *c = ',';
  }
  return buf;
}

}  // namespace gocua::ui
