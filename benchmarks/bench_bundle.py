"""Size and cold start of the frozen one-folder bundle against a frozen bare PySide6 window, in the same run.

Both are built by build.spec with the same Qt options (the bare one with `-- --bare`) into --out. Each quits
as soon as its main window is shown and the event loop is idle (FZDESK_QUIT_WHEN_IDLE=1); fzdesk opens a store
of 10 units x 5 years of full reports. Time is process start to exit (wall clock), the median of N alternating
runs after one discarded run of each. The file cache is warm (it cannot be dropped without root on the host):
this is a warm-cache start, not a first start after boot.

    xvfb-run -a .venv/bin/python -m benchmarks.bench_bundle [--runs 10] [--no-build]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import fill_store

REPO = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 120
START_TARGET_RATIO = 1.3


def build(out: Path, bare: bool) -> Path:
    name = "bare_window" if bare else "fzdesk"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(REPO / "build.spec")]
    subprocess.run([*cmd, "--", "--bare"] if bare else cmd, cwd=REPO, check=True, capture_output=True)
    return out / "dist" / name


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def start_seconds(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed with {result.returncode}: {result.stderr.decode(errors='replace')}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bench-bundle")
    parser.add_argument("--no-build", action="store_true", help="reuse the bundles already in --out")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and sys.platform != "win32":
        raise SystemExit("needs a display: run under xvfb-run -a")
    exe = ".exe" if sys.platform == "win32" else ""
    if args.no_build:
        app, bare = args.out / "dist" / "fzdesk", args.out / "dist" / "bare_window"
    else:
        app, bare = build(args.out, bare=False), build(args.out, bare=True)
    data = fill_store(Path(tempfile.mkdtemp(prefix="fzdesk-bench-")) / "data")
    env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="1")
    app_cmd = [str(app / f"fzdesk{exe}"), "--data", str(data)]
    bare_cmd = [str(bare / f"bare_window{exe}")]
    start_seconds(bare_cmd, env), start_seconds(app_cmd, env)  # warm the file cache
    headless_cmd = [str(app / f"fzdesk{exe}"), "--version"]  # where the time goes: Python and fzdesk's imports
    bare_times, app_times, headless_times = [], [], []
    for _ in range(args.runs):
        bare_times.append(start_seconds(bare_cmd, env))
        app_times.append(start_seconds(app_cmd, env))
        headless_times.append(start_seconds(headless_cmd, env))
    bt, at = statistics.median(bare_times), statistics.median(app_times)
    app_mb, bare_mb = size_mb(app), size_mb(bare)
    print(f"bundle size   fzdesk {app_mb:.1f} MB   bare window {bare_mb:.1f} MB   (target <= {SIZE_TARGET_MB} MB)")
    print(f"start (warm cache, median of {args.runs})   bare {bt * 1000:.0f} ms   fzdesk {at * 1000:.0f} ms   "
          f"ratio {at / bt:.2f} (target <= {START_TARGET_RATIO})")
    print(f"for comparison: fzdesk --version (Python and fzdesk's headless imports, no Qt) "
          f"{statistics.median(headless_times) * 1000:.0f} ms")
    return 0 if app_mb <= SIZE_TARGET_MB and at / bt <= START_TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
