#!/usr/bin/env bash
# Installs the Debian packages GoCua builds, tests and runs with. Idempotent: packages already
# present are not touched, so a second run costs one dpkg query.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libsodium-dev libzstd-dev libutf8proc-dev libxlsxwriter-dev python3-openpyxl
  libhpdf-dev libqrencode-dev poppler-utils
  nlohmann-json3-dev libsimdjson-dev libcli11-dev doctest-dev libcpp-httplib-dev
  clang clang-format libclang-rt-dev
  libimgui-dev libglfw3-dev libstb-dev libgl-dev fonts-noto-core xvfb xauth xdotool libgl1-mesa-dri
)

# `setup.sh bench` adds the command-line tools of the sync benchmark's peer pipelines.
if [ "${1:-}" = "bench" ]; then packages+=(age sqlite3 sqlcipher zstd); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
