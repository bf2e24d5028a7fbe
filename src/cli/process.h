// What both command lines do around their commands: the process set-up before anything is read,
// and argument parsing with the shared exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>

namespace gocua::cli {

// No core dumps (decrypted residents' data and keys live in this process's memory), messages in
// GOCUA_LANG, libsodium started. kOk, or the exit code to return after the message it printed.
int startProcess();

// Parses argv into app: nullopt to go on, else the exit code (0 after --help, kInvalid on a usage
// error, whose message CLI11 has printed).
std::optional<int> parseArguments(CLI::App& app, int argc, char** argv);

}  // namespace gocua::cli
