// Reading a secret from the controlling terminal without echo: the passphrase prompts of gocuactl
// and gocua-hub.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::cli {

// Prompts on /dev/tty and reads one line with echo off (up to 1,024 bytes, typed into guarded
// memory; the rest of a longer line is dropped). nullopt when there is no terminal
// (a script or CI): the caller must fail at once instead of waiting for input forever.
std::optional<std::string> readSecretFromTerminal(std::string_view prompt);

struct PassphraseSource {
  std::string_view envVar;           // read first, e.g. "GOCUA_PASSPHRASE"
  std::string prompt, repeatPrompt;  // localised, without the trailing ": "
  bool confirm = false;              // ask twice (new passphrases)
  ErrorCode missingCode;             // neither the variable nor a terminal
  ErrorCode mismatchCode;            // the two typed passphrases differ
};

// The passphrase from the environment, else typed on the terminal; returned as NFC (an input
// method may hand over NFD, and the keyslot must open however it was typed). Callers wipe it.
Result<std::string> readPassphrase(const PassphraseSource& source);

// A source whose prompts are the catalog's promptKey and "cli.prompt.repeat": how both command
// lines describe a passphrase; only their error codes differ.
PassphraseSource passphraseSource(std::string_view envVar, std::string_view promptKey, bool confirm,
                                  ErrorCode missingCode, ErrorCode mismatchCode);

}  // namespace gocua::cli
