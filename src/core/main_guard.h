// The last line of defence in each program's main: module borders return errors as values, so an
// exception that reaches main is a bug. It becomes one catalog line on stderr and exit 1 instead
// of std::terminate's abort (exit 134, perhaps a core file). The exception's own text is not
// printed: it may quote the input (nlohmann's parse errors do), and input may be residents' data.
#pragma once

#include <functional>

namespace gocua::core {

inline constexpr int kExitEscapedException = 1;

// body's exit code, or kExitEscapedException after printing error.internal when it throws.
int runGuarded(const std::function<int()>& body);

}  // namespace gocua::core
