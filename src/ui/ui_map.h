// Where each named widget was drawn, for the GUI test: with GOCUA_UI_MAP=FILE the app writes
// {"screen": "...", "items": {"unlock.passphrase": [x0, y0, x1, y1], ...}, "disabled": [...],
// "hovered": "id", "scroll": {"window name": [x0, y0, x1, y1]}} whenever it changes,
// so the test can click a button by name through real X events. Only widget names and
// rectangles, never what a field holds: with a key (GOCUA_UI_MAP_KEY, 32 bytes in hex) the text
// field being edited is named as "active" with a keyed digest of its text, so the test can check
// that what it typed arrived (xdotool drops letters under load) while the file tells nobody
// without the key anything about the text.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gocua::ui {

// A rectangle in window pixels: x0, y0, x1, y1.
using UiRect = std::array<float, 4>;

// What of an item drawn under the clip rectangle can be clicked, where it is: the intersection.
// Nothing when less than a pixel is left (scrolled away, or under a list's frozen header): the
// test then scrolls instead of clicking whatever covers the item. Plain geometry (tests/unit/ui).
inline std::optional<UiRect> clickablePart(const UiRect& item, const UiRect& clip) {
  const UiRect part{std::max(item[0], clip[0]), std::max(item[1], clip[1]), std::min(item[2], clip[2]),
                    std::min(item[3], clip[3])};
  if (part[2] - part[0] < 1 || part[3] - part[1] < 1) return std::nullopt;
  return part;
}

// A list row gets the next visible number ("home.row.N") when at least half of it can be clicked:
// the first row under the header is row 0 even though ImGui's selectable reaches a few pixels
// (half the item spacing) up behind the header, and a row mostly scrolled away is not counted.
inline bool rowCounts(const UiRect& item, const UiRect& clip) {
  const auto part = clickablePart(item, clip);
  return part && ((*part)[3] - (*part)[1]) * 2 >= item[3] - item[1];
}

class UiMap {
 public:
  void enable(std::filesystem::path file) { file_ = std::move(file); }
  bool enabled() const { return !file_.empty(); }
  void beginFrame(const std::string& screen);
  void add(const std::string& id, float x0, float y0, float x1, float y1);
  // A widget that runs past the window's left or right edge: nothing scrolls sideways, so part of
  // it can never be seen (the layout test counts these). Written as "cut": [ids].
  void cut(const std::string& id) {
    if (enabled()) cut_.insert(id);
  }
  // A widget drawn disabled (a button that cannot be pressed yet): written as "disabled": [ids],
  // so the test waits for it, or says why it could not press it.
  void disabled(const std::string& id) {
    if (enabled()) disabled_.insert(id);
  }
  // An area that scrolls vertically this frame (ImGui's window name: the test only wheels over it).
  void scrollable(const std::string& name, float x0, float y0, float x1, float y1) {
    if (enabled())
      scroll_[name] = {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1), static_cast<int>(y1)};
  }
  // The widget under the mouse this frame, as ImGui sees it: the test clicks only once the app
  // has seen the pointer arrive (on a loaded machine a click sent to where a widget was a frame
  // ago lands on whatever is there now).
  void hovered(const std::string& id) {
    if (enabled()) hoveredId_ = id;
  }
  // Names the field being edited this frame; its text is digested only when a key is set and
  // text is given (never for passphrases).
  void active(const std::string& id, const std::string* text);
  void setDigestKey(std::vector<std::uint8_t> key) { key_ = std::move(key); }
  void endFrame();  // writes the file if the map changed

 private:
  std::filesystem::path file_;
  std::string screen_;
  std::map<std::string, std::array<int, 4>> items_, scroll_;
  std::set<std::string> cut_, disabled_;
  std::string activeId_, activeDigest_, hoveredId_;
  std::vector<std::uint8_t> key_;
  std::string lastWritten_;
};

UiMap& uiMap();

// The digest "active" carries: BLAKE2b-128 of text keyed with key, lowercase hex (the GUI test
// computes the same).
std::string typedTextDigest(std::span<const std::uint8_t> key, std::string_view text);

}  // namespace gocua::ui
