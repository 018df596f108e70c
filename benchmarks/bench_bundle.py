"""Size and start of the frozen one-folder bundle against a frozen bare PySide6 window, in the same run.

Both are built by build.spec with the same Qt options (the bare one with `-- --bare`) into --out; both hold their
Python code as bytecode in PyInstaller's archive, so PYTHONDONTWRITEBYTECODE (set on the development machines)
changes nothing here. fzdesk opens a store of 10 units x 5 years of full reports. With FZDESK_QUIT_WHEN_IDLE=1
each quits on the event loop's first turn after its main window's first paint (fzdesk: after the work queued for
that moment) and writes that moment (time.perf_counter(), a system-wide monotonic clock) to a file. Figures are
medians of N alternating runs:

- cold start: process start to that moment, with the page cache dropped before each run (sync, then 3 into
  /proc/sys/vm/drop_caches), so that each program reads its files from the disk as on a PC's first start of the
  day or from a USB stick: the figure the issue's target (1.3x) is about. Dropping the cache needs root on Linux;
  elsewhere this line says it was not measured and the warm figure is held to the target instead;
- warm start: the same with the files in the page cache (after one discarded run of each): a second start in the
  same session, where the programs' own work, not the disk, decides;
- to exit: process start to process exit, warm, for reference (adds the teardown and, for fzdesk, waiting for the
  first check still running in its worker thread);
- counts shown: fzdesk with FZDESK_QUIT_WHEN_IDLE=checked, warm, which quits once the first check's counts are
  shown.

A run that has not quit after QUIT_TIMEOUT seconds (a stale bundle meeting a newer database schema shows a dialog
and waits) is killed and ends the benchmark; the store is made in a temporary folder that is removed however the
benchmark ends.

    xvfb-run -a .venv/bin/python -m benchmarks.bench_bundle [--runs 10] [--cold-runs 25] [--no-build]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import fill_store
from benchmarks.deadline import QUIT_TIMEOUT, quits_within

REPO = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 120
START_TARGET_RATIO = 1.3
#: Cold runs are noisy (each reads its files through the virtual disk): on one host, medians of 10 gave ratios of
#: 1.16, 1.20 and 1.30 within a day, medians of 25 gave 1.04, 1.10 and 1.15 within ten minutes.
COLD_RUNS = 25
STALE_HINT = ("it probably shows a dialog instead of its window, as a bundle older than the database's schema "
              "does (数据来自更新的版本): rebuild the bundle with the current code (drop --no-build)")


def build(out: Path, bare: bool) -> Path:
    name = "bare_window" if bare else "fzdesk"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(REPO / "build.spec")]
    subprocess.run([*cmd, "--", "--bare"] if bare else cmd, cwd=REPO, check=True, capture_output=True)
    return out / "dist" / name


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


@dataclass(frozen=True)
class Start:
    shown: float  # seconds from process start to the stamp written when quitting
    exited: float  # seconds from process start to process exit


def start_seconds(cmd: list[str], env: dict[str, str], stamp: Path | None = None,
                  timeout: float = QUIT_TIMEOUT) -> Start:
    if stamp is not None:
        stamp.unlink(missing_ok=True)
        env = dict(env, FZDESK_STARTUP_STAMP=str(stamp))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with quits_within(proc, cmd, timeout, STALE_HINT):
        _, err = proc.communicate()
    exited = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed with {proc.returncode}: {err.decode(errors='replace')}")
    if stamp is None:
        return Start(exited, exited)
    if not stamp.exists():
        raise SystemExit(f"{cmd[0]} quit without writing {stamp}")
    return Start(float(stamp.read_text(encoding="ascii")) - started, exited)


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def spread(starts: list[Start]) -> str:
    """The middle half of the runs (first to third quartile), in ms: how far one median of them can be trusted."""
    if len(starts) < 2:
        return "n/a"
    q1, _, q3 = statistics.quantiles([s.shown * 1000 for s in starts], n=4)
    return f"{q1:.0f}-{q3:.0f} ms"


def drop_page_cache() -> bool:
    """Writes dirty pages out and drops the page cache (Linux, root); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    os.sync()
    try:
        DROP_CACHES.write_text("3\n", encoding="ascii")
    except OSError:  # not root, or a container that does not allow it
        return False
    return True


def cold_starts(cmds: dict[str, list[str]], env: dict[str, str], stamp: Path, runs: int) -> dict[str, list[Start]]:
    """Alternating runs of each command, the page cache dropped before each; empty lists if it cannot be."""
    starts: dict[str, list[Start]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            if not drop_page_cache():
                return {name: [] for name in cmds}
            starts[name].append(start_seconds(cmd, env, stamp))
    return starts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10, help="warm runs of each program")
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS, help="cold runs of each program (needs root)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bench-bundle")
    parser.add_argument("--no-build", action="store_true", help="reuse the bundles already in --out")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and sys.platform != "win32":
        raise SystemExit("needs a display: run under xvfb-run -a")
    if args.no_build:
        app, bare = args.out / "dist" / "fzdesk", args.out / "dist" / "bare_window"
    else:
        app, bare = build(args.out, bare=False), build(args.out, bare=True)
    with tempfile.TemporaryDirectory(prefix="fzdesk-bench-") as work:
        return measure(Path(work), app, bare, args.runs, args.cold_runs)


def measure(work: Path, app: Path, bare: Path, runs: int, cold_runs: int = COLD_RUNS) -> int:
    """Runs both bundles against a store made in work; prints the figures; 0 if both targets are met."""
    exe = ".exe" if sys.platform == "win32" else ""
    data = fill_store(work / "data")
    stamp = work / "stamp"
    env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="1")
    checked_env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="checked")
    app_cmd = [str(app / f"fzdesk{exe}"), "--data", str(data)]
    bare_cmd = [str(bare / f"bare_window{exe}")]
    start_seconds(bare_cmd, env, stamp), start_seconds(app_cmd, env, stamp)  # warm the cache; the day's backup
    headless_cmd = [str(app / f"fzdesk{exe}"), "--version"]  # where the time goes: Python and fzdesk's imports
    bare_runs: list[Start] = []
    app_runs: list[Start] = []
    checked_runs: list[Start] = []
    headless_runs: list[Start] = []
    for _ in range(runs):
        bare_runs.append(start_seconds(bare_cmd, env, stamp))
        app_runs.append(start_seconds(app_cmd, env, stamp))
        checked_runs.append(start_seconds(app_cmd, checked_env, stamp))
        headless_runs.append(start_seconds(headless_cmd, env))
    cold = cold_starts({"bare": bare_cmd, "app": app_cmd}, env, stamp, cold_runs)
    bt, at = statistics.median(r.shown for r in bare_runs), statistics.median(r.shown for r in app_runs)
    bx, ax = statistics.median(r.exited for r in bare_runs), statistics.median(r.exited for r in app_runs)
    app_mb, bare_mb = size_mb(app), size_mb(bare)
    print(f"bundle size   fzdesk {app_mb:.1f} MB   bare window {bare_mb:.1f} MB   (target <= {SIZE_TARGET_MB} MB)")
    ratio = at / bt
    if cold["app"]:
        cb, ca = statistics.median(r.shown for r in cold["bare"]), statistics.median(r.shown for r in cold["app"])
        ratio = ca / cb
        print(f"cold start, painted and idle (page cache dropped before each run, median of {cold_runs})   "
              f"bare {cb * 1000:.0f} ms   fzdesk {ca * 1000:.0f} ms   ratio {ratio:.2f} "
              f"(target <= {START_TARGET_RATIO})")
        print(f"  cold runs, middle half: bare {spread(cold['bare'])}   fzdesk {spread(cold['app'])}")
    else:
        print("cold start: not measured (dropping the page cache needs root on Linux); the warm start is held to "
              "the target instead")
    print(f"warm start, painted and idle (files in the page cache, median of {runs})   bare {bt * 1000:.0f} ms   "
          f"fzdesk {at * 1000:.0f} ms   ratio {at / bt:.2f}")
    print(f"to process exit, warm (reference)   bare {bx * 1000:.0f} ms   fzdesk {ax * 1000:.0f} ms   "
          f"ratio {ax / bx:.2f}")
    print(f"fzdesk: first check's problem counts shown "
          f"{statistics.median(r.shown for r in checked_runs) * 1000:.0f} ms after process start (warm)")
    print(f"for comparison: fzdesk --version (Python and fzdesk's headless imports, no Qt) "
          f"{statistics.median(r.exited for r in headless_runs) * 1000:.0f} ms")
    return 0 if app_mb <= SIZE_TARGET_MB and ratio <= START_TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
