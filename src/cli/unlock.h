// The open-once and unlock steps both command lines share (gocuactl opens a workspace, gocua-hub
// a hub): one object per process, and a passphrase that is wiped as soon as it has been used.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "vault/secret.h"

namespace gocua::cli {

// The object in slot, made by make() the first time (a failed make leaves slot empty).
template <class T, class Make>
Result<T*> openOnce(std::unique_ptr<T>& slot, Make&& make) {
  if (!slot) {
    auto made = std::forward<Make>(make)();
    if (!made) return made.error();
    slot = std::move(*made);
  }
  return slot.get();
}

// Hands a read passphrase to open (e.g. an unlock) and wipes it whatever open returns; open is
// not called when reading the passphrase failed.
template <class Open>
auto withPassphrase(Result<std::string> pass, Open&& open) -> decltype(open(std::string_view{})) {
  if (!pass) return pass.error();
  auto result = std::forward<Open>(open)(std::string_view(*pass));
  vault::wipe(*pass);
  return result;
}

}  // namespace gocua::cli
