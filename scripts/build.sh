#!/usr/bin/env bash
# Builds the one-folder bundle dist/fzdesk/ for this OS with PyInstaller (offline), then runs its self-test.
#   bash scripts/setup.sh --build && bash scripts/build.sh
# Extra arguments go to PyInstaller (e.g. --distpath DIR --workpath DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
distpath=dist
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--distpath" ] && distpath="${args[$((i + 1))]}"
done
.venv/bin/pyinstaller --noconfirm --log-level WARN "$@" build.spec
bundle="$distpath/fzdesk"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
if command -v objdump >/dev/null && [ "$(uname)" = Linux ]; then  # what the receiving PC's glibc must be
  needed=$(find "$bundle" -type f \( -name "*.so*" -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
    | grep -oE "GLIBC_2\.[0-9]+" | sort -uV | tail -1)
  echo "needs: Linux x86-64 with glibc >= ${needed#GLIBC_}"
fi
# The self-test must pass without a display, as on a build server.
env -u DISPLAY -u WAYLAND_DISPLAY "$bundle/fzdesk" --self-test
