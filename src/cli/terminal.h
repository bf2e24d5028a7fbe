// Reading a secret from the controlling terminal without echo (gocuactl's passphrase prompt).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gocua::cli {

// Prompts on /dev/tty and reads one line with echo off. nullopt when there is no terminal
// (a script or CI): the caller must fail at once instead of waiting for input forever.
std::optional<std::string> readSecretFromTerminal(std::string_view prompt);

}  // namespace gocua::cli
