// The skeleton every command of both command lines shares: CLI11 calls the chosen subcommand's
// callback while parsing, which stores what to run; main runs it afterwards with the Context
// (workspace or hub) built from the global options. onUnlocked adds the unlock every command
// that reads or writes sealed data starts with; a failed unlock goes to the program's own
// commandFailed(Context&, const Error&), found next to its Context.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <utility>

#include "core/result.h"

namespace gocua::cli {

// When cmd is chosen, action becomes body(Context&) → exit code.
template <class Context, class Body>
void onChosen(CLI::App* cmd, std::function<int(Context&)>& action, Body body) {
  cmd->callback([&action, body = std::move(body)] { action = body; });
}

// When cmd is chosen, action unlocks (ctx.unlock()) and runs body(ctx, session) → exit code.
template <class Context, class Body>
void onUnlocked(CLI::App* cmd, std::function<int(Context&)>& action, Body body) {
  onChosen(cmd, action, [body = std::move(body)](Context& ctx) {
    auto session = ctx.unlock();
    if (!session) return commandFailed(ctx, session.error());
    return body(ctx, **session);
  });
}

}  // namespace gocua::cli
