#!/usr/bin/env bash
# Fails when a module includes a header of a module it may not include. The rules are README.md's
# module table (between <!-- layers:begin --> and <!-- layers:end -->), so the documented order and
# the checked order cannot drift apart. Usage: layering_check.sh [SOURCE_DIR]
set -euo pipefail
root=${1:-$(dirname "$0")/../..}
cd "$root"

declare -A folder_of allowed
order=()
while IFS='|' read -r _ name folder deps _; do
  name=$(echo "$name" | tr -d ' `')
  folder=$(echo "$folder" | tr -d ' `')
  [[ -z "$name" || "$name" == module || "$name" == -* ]] && continue
  folder_of[$name]=$folder
  allowed[$name]=" $name $(echo "$deps" | tr -d '`—' | tr ',' ' ') "
  order+=("$name")
done < <(sed -n '/<!-- layers:begin -->/,/<!-- layers:end -->/p' README.md | grep '^|')
[ ${#order[@]} -gt 0 ] || { echo "layering: no module table in README.md" >&2; exit 1; }

# The module an include path names: the one whose folder (without "src/") is its longest prefix.
# Sets $found (no subshells: the check runs over every include of the tree).
module_of_include() {
  local inc=$1 best_len=0 m f
  found=""
  for m in "${order[@]}"; do
    f=${folder_of[$m]#src/}
    if [[ "$inc" == "$f/"* && ${#f} -gt $best_len ]]; then found=$m; best_len=${#f}; fi
  done
}

# The module a source file belongs to: the longest folder that contains it.
module_of_file() {
  local file=$1 best_len=0 m f
  found=""
  for m in "${order[@]}"; do
    f=${folder_of[$m]}
    if [[ "$file" == "$f/"* && ${#f} -gt $best_len ]]; then found=$m; best_len=${#f}; fi
  done
}

failures=0
checked=0
while IFS= read -r file; do
  module_of_file "$file"
  mod=$found
  if [ -z "$mod" ]; then
    echo "layering: $file is in no module of README.md's table" >&2
    failures=$((failures + 1))
    continue
  fi
  while IFS= read -r inc; do
    module_of_include "$inc"
    target=$found
    [ -z "$target" ] && continue  # a library header ("sodium.h" is <>, but e.g. "imgui.h")
    checked=$((checked + 1))
    if [[ "${allowed[$mod]}" != *" $target "* ]]; then
      echo "layering: $file ($mod) includes \"$inc\" ($target), which $mod may not include" >&2
      failures=$((failures + 1))
    fi
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file")
done < <(find src sync -type f \( -name '*.h' -o -name '*.cpp' \) | sort)

# A header that says "Private to <folder>" in its comments may be included only from that folder
# (e.g. sync/batch/batch_format.h: other modules read batches through batch.h).
while IFS= read -r header; do
  owner=$(sed -n 's|^//.*Private to \([a-z_/]*[a-z_]\).*|\1|p' "$header" | head -1)
  inc=${header#src/}
  while IFS= read -r user; do
    checked=$((checked + 1))
    if [[ "$user" != "$owner/"* ]]; then
      echo "layering: $user includes \"$inc\", which is private to $owner" >&2
      failures=$((failures + 1))
    fi
  done < <(grep -rlF --include='*.h' --include='*.cpp' "#include \"$inc\"" src sync || true)
done < <(grep -rlE --include='*.h' '^//.*Private to [a-z_/]+' src sync | sort)

echo "layering: ${#order[@]} modules, $checked project includes checked, $failures violations"
[ "$failures" -eq 0 ]
