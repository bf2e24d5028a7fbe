#!/usr/bin/env bash
# Fails when a C++ file differs from .clang-format (run scripts/format.sh to fix).
# Usage: format_check.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
mapfile -t files < <(find src sync tests \( -name '*.cpp' -o -name '*.h' \) | sort)
if ! out=$(clang-format --dry-run -Werror "${files[@]}" 2>&1); then
  grep -E '(warning|error):' <<<"$out" | cut -d: -f1 | sort -u | sed 's/^/format: /' >&2
  echo "format: the files above differ from .clang-format; run scripts/format.sh" >&2
  exit 1
fi
echo "format: ${#files[@]} files as .clang-format says"
