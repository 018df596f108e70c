#!/usr/bin/env bash
# Installs what fzdesk needs on a Debian 12 machine (run as root) into ./.venv.
#   scripts/setup.sh          the program
#   scripts/setup.sh --test   the program, the test tools and LibreOffice for rendering exported documents
#   scripts/setup.sh --build  the program and PyInstaller
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
qt_libs=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxkbcommon-x11-0 fonts-wqy-microhei)
packages=(python3 python3-venv python3-pip "${qt_libs[@]}")
extras=""
case "$mode" in
  --test) packages+=(xvfb xauth libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai binutils)
          extras="[test,build]" ;;
  --build) packages+=(xvfb xauth binutils); extras="[build]" ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--test|--build]" >&2; exit 2 ;;
esac

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import fzdesk, PySide6, docx, sqlite_utils" || { echo "setup failed: packages missing" >&2; exit 1; }
