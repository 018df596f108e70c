#!/usr/bin/env bash
# Builds the Linux bundle for older desktops (UOS 20: glibc 2.28, Kylin V10: glibc 2.31) on a Debian 12 host, as
# root: a Debian 11 (bullseye, glibc 2.31) chroot, CPython 3.11 built from Debian 12's verified source in it, the
# newest PySide6 whose wheels fit (6.9.3 in November 2026), then PyInstaller and the self-test. Not in CI: slow.
#
#   sudo bash scripts/build-compat.sh [--test] [WORKDIR]     (WORKDIR default /tmp/oldglibc, outside the repo)
#
# --test also runs the test suite in the chroot (without the LibreOffice and bundle tests). The bundle ends in
# WORKDIR/dist/fzdesk, a screenshot of its window under Xvfb in WORKDIR/window.png; the script prints the bundle's
# size and the glibc it needs. Measured on 2 cores, from nothing: 6 min (debootstrap and packages 2, CPython 3.5,
# pip and PyInstaller 0.5; --test adds 2). The result (November 2026): PySide6 6.9.3 (Qt 6.9.3), 118 MB. Buster
# (glibc 2.28) is gone from deb.debian.org, so the bundle needs glibc >= 2.30: Kylin V10 yes, UOS 20 (2.28) no.
# Needs network access to deb.debian.org and pypi.org; the repository is cloned from the
# working tree's last commit (uncommitted edits are not built).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
run_tests=0
[ "${1:-}" = --test ] && { run_tests=1; shift; }
work=${1:-/tmp/oldglibc}
root=$work/root
mirror=http://deb.debian.org/debian
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot, mount)" >&2; exit 2; }
mkdir -p "$work"
start=$(date +%s)
step() { echo "== $(( $(date +%s) - start )) s: $*"; }

unmount() {  # every mount under the chroot, deepest first; runs on any exit
  findmnt -rn -o TARGET | grep -E "^$root/" | sort -r | while read -r m; do umount -l "$m" || true; done
}
trap unmount EXIT

# 1. Debian 11 with its compiler and the -dev libraries CPython's modules need
if [ ! -x "$root/usr/bin/gcc" ]; then
  step "debootstrap bullseye"
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase --include=build-essential,ca-certificates,git,libssl-dev,libffi-dev,zlib1g-dev,\
libbz2-dev,liblzma-dev,libsqlite3-dev,libreadline-dev,libncurses-dev,uuid-dev,libgdbm-dev,pkg-config,xz-utils \
    bullseye "$root" "$mirror" > "$work/debootstrap.log"
  echo "deb $mirror-security bullseye-security main" >> "$root/etc/apt/sources.list"
fi
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
for d in sys dev; do mountpoint -q "$root/$d" || { mount --rbind "/$d" "$root/$d"; mount --make-rslave "$root/$d"; }; done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# a network that inspects TLS through its own CA: the chroot trusts what the host trusts
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi
step "Qt's run-time libraries, Xvfb, fonts"
chroot "$root" bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get upgrade -y -qq >/dev/null &&
  apt-get install -y -qq --no-install-recommends libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
  libglib2.0-0 libxkbcommon0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-wqy-microhei fonts-noto-cjk xvfb xauth \
  binutils >/dev/null'

# 2. CPython 3.11 (shared libpython, for PyInstaller) from Debian 12's source package: apt checks the files
# against the signed Sources index. Upstream 3.11.2 plus Debian's backported fixes (the patches from
# shutdown-deadlock.diff on: upstream bug and CVE fixes; the ones before change Debian's file layout).
if [ ! -x "$root/opt/py311/bin/python3.11" ]; then
  step "CPython 3.11 source"
  src=$work/src
  mkdir -p "$src" "$work/apt/lists/partial" "$work/apt/cache"
  printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
    "$mirror" bookworm "$mirror-security" bookworm-security > "$work/apt/bookworm-src.list"
  apt=(apt-get -q -o Dir::Etc::SourceList="$work/apt/bookworm-src.list" -o Dir::Etc::SourceParts=/dev/null
       -o Dir::State::Lists="$work/apt/lists" -o Dir::Cache="$work/apt/cache")
  "${apt[@]}" update >/dev/null
  # the security archive may lag its index; the main archive's last version has the same .orig
  (cd "$src" && { "${apt[@]}" source --download-only python3.11 >/dev/null 2>&1 ||
                  "${apt[@]}" source --download-only python3.11/bookworm >/dev/null; })
  tarball=$(ls "$src"/python3.11_*.debian.tar.xz | sort -V | tail -1)
  rm -rf "$root/build" && mkdir -p "$root/build" "$src/debian"
  tar -xzf "$src"/python3.11_3.11.*.orig.tar.gz -C "$root/build"
  tar -xJf "$tarball" -C "$src/debian"
  python_src=$(ls -d "$root"/build/Python-3.11.*)
  sed -n '/^shutdown-deadlock.diff$/,$p' "$src/debian/debian/patches/series" | while read -r p; do
    patch -d "$python_src" -p1 -s < "$src/debian/debian/patches/$p"
  done
  # Debian builds pyexpat as a core module; setup.py does not, and the CVE-2026-4224 fix includes a core header
  grep -q Py_BUILD_CORE_MODULE "$python_src/Modules/pyexpat.c" ||
    sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' "$python_src/Modules/pyexpat.c"
  step "CPython 3.11 build (make -j$(nproc))"
  chroot "$root" bash -c "cd /build/$(basename "$python_src") &&
    ./configure --enable-shared --prefix=/opt/py311 LDFLAGS=-Wl,-rpath,/opt/py311/lib >/build/configure.log 2>&1 &&
    make -j$(nproc) >/build/make.log 2>&1 && make install >/build/install.log 2>&1"
fi
chroot "$root" /opt/py311/bin/python3.11 -c "import ssl, sqlite3, ctypes, lzma, bz2, zlib, pyexpat, uuid, readline"

# 3. The repository's last commit, a venv, pip's choice of PySide6
step "fzdesk and its packages"
rm -rf "$root/src"
git clone -q "$repo" "$root/src"
extras=build
[ "$run_tests" = 1 ] && extras=test,build
chroot "$root" bash -c "cd /src && /opt/py311/bin/python3.11 -m venv .venv && .venv/bin/python -m pip install -q -U pip &&
  .venv/bin/python -m pip install -q -e '.[$extras]' 2>&1 | grep -v '^WARNING: Location' || true"
chroot "$root" /src/.venv/bin/python -c "import PySide6, PySide6.QtCore as c; print('PySide6', PySide6.__version__, 'Qt', c.qVersion())"

# 4. The tests (optional): the sample reports of /work/shared, read-only, where this machine has them
if [ "$run_tests" = 1 ]; then
  step "tests"
  if [ -d /work/shared ]; then
    mkdir -p "$root/work/shared" && mount --bind /work/shared "$root/work/shared" && mount -o remount,bind,ro "$root/work/shared"
  fi
  chroot "$root" bash -c 'cd /src && QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -p no:cacheprovider -m "not render and not bundle"' | tail -3
fi

# 5. The bundle, its self-test (scripts/build.sh), its window under Xvfb
step "bundle"
chroot "$root" bash -c 'cd /src && env -u DISPLAY -u WAYLAND_DISPLAY bash scripts/build.sh'
cat > "$root/tmp/grab.py" <<'EOF'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
EOF
chroot "$root" bash -c 'rm -rf /tmp/shot && mkdir /tmp/shot && export FZDESK_DATA=/tmp/shot LANG=C.UTF-8 &&
  xvfb-run -a -s "-screen 0 1366x768x24" bash -c "/src/dist/fzdesk/fzdesk & pid=\$!; sleep 8;
    /src/.venv/bin/python /tmp/grab.py /tmp/window.png; status=\$?; kill \$pid; exit \$status"'
rm -rf "$work/dist" && mkdir -p "$work/dist" && cp -a "$root/src/dist/fzdesk" "$work/dist/" && cp "$root/tmp/window.png" "$work/"
step "done: $work/dist/fzdesk, its window in $work/window.png (look at it: Chinese must render)"
