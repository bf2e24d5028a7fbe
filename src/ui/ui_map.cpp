#include "ui/ui_map.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "vault/primitives.h"

namespace gocua::ui {

UiMap& uiMap() {
  static UiMap map;
  return map;
}

void UiMap::beginFrame(const std::string& screen) {
  screen_ = screen;
  items_.clear();
  scroll_.clear();
  cut_.clear();
  disabled_.clear();
  activeId_.clear();
  activeDigest_.clear();
  hoveredId_.clear();
}

void UiMap::active(const std::string& id, const std::string* text) {
  if (!enabled()) return;
  activeId_ = id;
  activeDigest_.clear();
  if (text && !key_.empty()) activeDigest_ = typedTextDigest(key_, *text);
}

std::string typedTextDigest(std::span<const std::uint8_t> key, std::string_view text) {
  return vault::Blake2b(16, key).update(text).finalHex();
}

void UiMap::add(const std::string& id, float x0, float y0, float x1, float y1) {
  if (!enabled()) return;
  items_[id] = {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1), static_cast<int>(y1)};
}

void UiMap::endFrame() {
  if (!enabled()) return;
  nlohmann::json j = {{"screen", screen_}, {"items", nlohmann::json::object()}};
  for (const auto& [id, r] : items_) j["items"][id] = r;
  if (!cut_.empty()) j["cut"] = cut_;
  if (!disabled_.empty()) j["disabled"] = disabled_;
  if (!scroll_.empty()) j["scroll"] = scroll_;
  if (!hoveredId_.empty()) j["hovered"] = hoveredId_;
  if (!activeId_.empty()) j["active"] = {{"id", activeId_}, {"digest", activeDigest_}};
  std::string text = j.dump();
  if (text == lastWritten_) return;
  // Written beside and renamed, so the test never reads half a file.
  const auto tmp = file_.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file_, ec);
  lastWritten_ = std::move(text);
}

}  // namespace gocua::ui
