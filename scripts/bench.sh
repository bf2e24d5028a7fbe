#!/usr/bin/env bash
# Benchmarks with targets (see README.md). Builds optimised, runs each benchmark, prints JSON.
# Speed and memory targets are checked here, never by timed unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh bench
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release
residents=${GOCUA_BENCH_RESIDENTS:-100000}
echo "== core: $residents residents (import, unlock, search, size, RSS)" >&2
build/tests/bench/gocua-bench-workspace --residents "$residents" --kdf "${GOCUA_BENCH_KDF:-moderate}"
echo "== sync: $residents residents (export vs sqlite|zstd|age, batch size, hub import, loopback sync)" >&2
build/tests/bench/gocua-bench-sync --residents "$residents" --hub-bin build/src/hub_cli/gocua-hub
echo "== commune desk: $residents applications (XLSX export, monthly report, declaration PDF, queue open and filter)" >&2
build/tests/bench/gocua-bench-office --applications "$residents" --hub-bin build/src/hub_cli/gocua-hub
echo "== commune desk window: $residents applications under Xvfb (unlock to queue, frame times scrolling and filtering, idle CPU, RSS)" >&2
build/tests/bench/gocua-bench-office-gui --applications "$residents" --bench-office build/tests/bench/gocua-bench-office \
  --hub-bin build/src/hub_cli/gocua-hub
echo "== desktop app: $residents residents under Xvfb (launch, frame times scrolling and typing, idle CPU, RSS)" >&2
build/tests/bench/gocua-bench-gui --residents "$residents"
echo "== desktop app layout: every screen at 100-250 % text (screenshots, faults in build/gui-screenshots/layout-faults.txt)" >&2
GOCUA_KDF=interactive GOCUA_LAYOUT_MAX_PERCENT=250 build/tests/gui/test_gui -tc="gui: at 100*" >&2
echo "== commune desk layout: every desk screen at 100-250 % text (faults in build/gui-screenshots/office-layout-faults.txt)" >&2
GOCUA_KDF=interactive GOCUA_LAYOUT_MAX_PERCENT=250 build/tests/gui/test_gui -tc="gui: the desk at*" >&2
