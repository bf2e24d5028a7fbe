#!/usr/bin/env bash
# Sets up, builds and runs GoCua's main job. Until the desktop app lands this is a CLI demo on
# a built-in training workspace: it creates the workspace (once), fills it with synthetic
# residents, adds one resident and a birth-registration application, and shows searches.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build

export GOCUA_LANG=${GOCUA_LANG:-vi}
ws=${GOCUA_DEMO_WORKSPACE:-build/demo-workspace}
# The demo workspace is a training workspace with a published passphrase: practice data only.
export GOCUA_PASSPHRASE=${GOCUA_PASSPHRASE:-taphuan2026}
ctl() { build/src/cli/gocuactl --workspace "$ws" "$@"; }

if [ ! -f "$ws/gocua.db" ]; then
  echo "== Tạo sổ đào tạo / creating the training workspace: $ws"
  ctl init --volunteer "Tình nguyện viên Lan" --training >/dev/null
  ctl demo-data --residents 2000 --seed 7 >/dev/null
fi
echo "== Mật khẩu sổ đào tạo / training passphrase: $GOCUA_PASSPHRASE"
echo "== Kiểm tra sổ / verify"
ctl verify
echo "== Tìm 'nguyen van' / search"
ctl resident search "nguyen van" --limit 5
echo "== Tìm theo số điện thoại / search by phone prefix '091'"
ctl resident search "091" --limit 3
echo "== Mẫu đơn / forms"
ctl forms list
echo "== Thêm một người dân / add a resident (a newborn without an ID number)"
baby=$(date -d '-10 days' +%d/%m/%Y)
out=$(printf '{"full_name":"Lò Thị Hoà","date_of_birth":"%s","sex":"female","village":"Bản Nà Lầu","consent":{"given_by":"Lò Văn Pấng","method":"thumbprint"}}' "$baby" | ctl resident add)
echo "$out"
id=$(echo "$out" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
echo "== Lập hồ sơ khai sinh nháp / draft birth registration"
ctl application new --form birth_registration --resident "$id" --draft </dev/null || true
ctl application list --resident "$id"
