#!/usr/bin/env bash
# Configures and builds GoCua into build/ (or $1) with warnings as errors. Extra CMake options
# may follow, e.g. scripts/build.sh build-asan -DGOCUA_SANITIZE=ON. GOCUA_BUILD_TARGET limits
# the build to the targets it names (space-separated).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOCUA_WERROR=ON "$@" >/dev/null
read -r -a targets <<<"${GOCUA_BUILD_TARGET:-}"
cmake --build "$dir" -j "$(nproc)" ${targets[@]:+--target "${targets[@]}"}
