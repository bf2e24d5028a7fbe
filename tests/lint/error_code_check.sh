#!/usr/bin/env bash
# Error codes are declared once, with their kind, in each module's errors.h (core/result.h):
# fails when code makes an error from a string literal or decides on an error's code text.
# (tests/unit/app/error_codes_test.cpp reads every errors.h and checks each code's catalog text.)
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
[ "$status" -eq 0 ] && echo "error codes: every code declared, $(find src sync -name errors.h | wc -l) errors.h files checked"
exit "$status"
