#!/usr/bin/env bash
# Error codes are declared once, with their kind, in each module's errors.h (core/result.h):
# fails when code makes an error from a string literal, decides on an error's code text, or when
# an errors.h is missing from the test that checks every declared code's catalog text.
# Usage: error_code_check.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
status=0

if grep -rnE 'Error::make\("' src sync; then
  echo "error codes: use a declared err::k... constant, not a string literal (see core/result.h)" >&2
  status=1
fi
if grep -rnE 'error\(\)\.code *(==|!=)|\.code\.rfind\(' src sync; then
  echo "error codes: decide on the kind, or on a declared constant with is(), not on the code's text" >&2
  status=1
fi
test_file=tests/unit/app/error_codes_test.cpp
while IFS= read -r header; do
  inc=${header#src/}
  if ! grep -q "#include \"$inc\"" "$test_file"; then
    echo "error codes: $header is not included in $test_file" >&2
    status=1
  fi
done < <(find src sync -name errors.h | sort)
[ "$status" -eq 0 ] && echo "error codes: every code declared, $(find src sync -name errors.h | wc -l) errors.h files checked"
exit "$status"
