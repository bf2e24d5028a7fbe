#!/usr/bin/env bash
# Sets up, builds and starts GoCua's main job: the desktop app on a built-in demo training
# workspace (practice data that never syncs). The unlock screen shows the demo passphrase.
# No display (a server, CI)? It runs under xvfb-run and writes screenshots to
# build/run-screenshots/ instead; GOCUA_RUN_SECONDS limits how long it stays up there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Only the two programs it starts: the tests, fuzzers and benchmarks are scripts/test.sh's job.
GOCUA_BUILD_TARGET="gocua gocuactl" scripts/build.sh build

ws=${GOCUA_DEMO_WORKSPACE:-build/demo-workspace}
# The demo workspace is a training workspace with a published passphrase: practice data only.
passphrase=taphuan2026
ctl() { GOCUA_PASSPHRASE=$passphrase build/src/device_cli/gocuactl --workspace "$ws" "$@"; }

if [ ! -f "$ws/gocua.db" ]; then
  echo "== Tạo sổ tập huấn / creating the training workspace: $ws (2.000 người dân mẫu)"
  ctl init --volunteer "Tình nguyện viên Lan" --training >/dev/null
  ctl demo-data --residents 2000 --seed 7 >/dev/null
fi
echo "== Mật khẩu sổ tập huấn / training passphrase: $passphrase"

app=(build/src/app/gocua --workspace "$ws" --demo-passphrase "$passphrase")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "${app[@]}"
fi
echo "== Không có màn hình: chạy trong Xvfb, ảnh chụp ở build/run-screenshots / no display: running under Xvfb"
mkdir -p build/run-screenshots
GOCUA_SCREENSHOT_DIR=$PWD/build/run-screenshots timeout "${GOCUA_RUN_SECONDS:-15}" \
  xvfb-run -a -s "-screen 0 1280x800x24" "${app[@]}" || [ $? -eq 124 ]
ls build/run-screenshots
