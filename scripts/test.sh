#!/usr/bin/env bash
# The test command (README.md, .ci/run): installs dependencies, builds with -Werror, runs the
# whole ctest suite, then the unit tests again in a clang AddressSanitizer + UBSan build, where
# the fuzz targets are real libFuzzer binaries that each fuzz for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== build (RelWithDebInfo, -Werror)"
scripts/build.sh build
echo "== ctest: whole suite"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== build (clang, ASan + UBSan + libFuzzer, unit tests only, -O0 to keep the build short)"
CC=clang CXX=clang++ GOCUA_BUILD_TARGET=gocua_unit_tests \
  scripts/build.sh build-asan -DGOCUA_SANITIZE=ON -DGOCUA_LIBFUZZER=ON -DCMAKE_BUILD_TYPE=Debug
echo "== ctest: unit tests under ASan + UBSan, fuzz targets under libFuzzer"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -L unit
echo "== all tests passed"
