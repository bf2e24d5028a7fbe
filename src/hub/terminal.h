// Reading a secret from the controlling terminal without echo (the staff passphrase prompt).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gocua::hubcli {

// Prompts on /dev/tty and reads one line with echo off. nullopt when there is no terminal (a
// service or a script): the caller must fail at once instead of waiting for input forever.
std::optional<std::string> readSecretFromTerminal(std::string_view prompt);

}  // namespace gocua::hubcli
