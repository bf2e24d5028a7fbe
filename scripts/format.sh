#!/usr/bin/env bash
# Formats every C++ file of the tree with .clang-format (the suite's lint_format checks it).
set -euo pipefail
cd "$(dirname "$0")/.."
find src sync tests \( -name '*.cpp' -o -name '*.h' \) -print0 | xargs -0 clang-format -i
