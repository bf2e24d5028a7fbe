#!/usr/bin/env bash
# nlohmann's typed j.value(key, default) throws type_error when the key holds another type
# ({"idle_lock_minutes":"10"} once killed the app at start). JSON from outside is read with
# jsonField/jsonValue (core/json_read.h), which never throw. Result::value() and
# std::optional::value() take no arguments, so any `.value(` with arguments is the typed getter.
# Usage: json_value_check.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
if grep -rnE '\.value\([^)]' src sync --include='*.cpp' --include='*.h' | grep -v '^src/core/json_read.h:'; then
  echo "json: a typed .value(key, default) throws on a wrong type; use gocua::jsonValue (core/json_read.h)" >&2
  exit 1
fi
echo "json: no typed .value( in src/ or sync/"
