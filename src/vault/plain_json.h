// PlainJson: decrypted residents' JSON handed out by the workspace (a resident, an application, an
// autosaved draft). Move-only, so there is one copy to wipe; the destructor and reset() zero every
// string with the one JSON wipe (json_wipe.h) before the memory goes back to the heap.
#pragma once

#include <utility>

#include <nlohmann/json.hpp>

#include "vault/json_wipe.h"

namespace gocua::vault {

class PlainJson {
 public:
  PlainJson() = default;
  explicit PlainJson(nlohmann::json value) : value_(std::move(value)) {}

  PlainJson(const PlainJson&) = delete;
  PlainJson& operator=(const PlainJson&) = delete;
  // The moved-from holder is null: nothing of the plaintext stays behind in it.
  PlainJson(PlainJson&& other) noexcept : value_(std::exchange(other.value_, nullptr)) {}
  PlainJson& operator=(PlainJson&& other) noexcept {
    if (this != &other) {
      wipe(value_);
      value_ = std::exchange(other.value_, nullptr);
    }
    return *this;
  }
  ~PlainJson() { wipe(value_); }

  const nlohmann::json& get() const { return value_; }
  // For callers that edit the value in place (or move a part of it into their own wiped state).
  nlohmann::json& edit() { return value_; }
  // Wipes now instead of at destruction; the holder is null afterwards.
  void reset() { wipe(value_); }
  // Wipes now, but hands back the emptied tree (json_wipe.h) to be freed elsewhere.
  [[nodiscard]] nlohmann::json wipeAndRelease() { return vault::wipeAndRelease(value_); }

 private:
  nlohmann::json value_;
};

}  // namespace gocua::vault
