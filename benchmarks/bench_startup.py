"""Start-up time and peak memory of fzdesk against a bare PySide6 window, measured in the same run.

The store holds 10 units x 5 years of full reports. Both programs run with FZDESK_QUIT_WHEN_IDLE=1: each quits
on the event loop's first turn after its main window's first paint (for fzdesk: after the work queued for that
moment, such as handing the first check to the worker thread, the last-year lookup and the day's backup), and
writes that moment (time.perf_counter(), a system-wide monotonic clock) to a file. Figures, medians of N
alternating runs after one discarded run of each:

- start-up: process start to that moment, the figure the target is about (window shown, loop idle);
- to exit: process start to process exit, for reference (adds Qt's teardown and, for fzdesk, waiting for the
  first check, which is still running in its worker thread when the window quits);
- counts shown: fzdesk run again with FZDESK_QUIT_WHEN_IDLE=checked, which quits once the first check's problem
  counts are in the step list;
- peak RSS: the child's maxrss in the FZDESK_QUIT_WHEN_IDLE=1 runs (it includes the first check, which finishes
  before the process exits).

fzdesk is started as the README starts it, by the `fzdesk` command of the environment. The sources are compiled
first: installed programs run from bytecode (pip and PyInstaller compile it), and this machine sets
PYTHONDONTWRITEBYTECODE=1, under which fzdesk would otherwise be compiled anew on every start. A run that has
not quit after QUIT_TIMEOUT seconds (a dialog waiting for a click) is killed and ends the benchmark; the store is
made in a temporary folder that is removed however the benchmark ends.

    xvfb-run -a .venv/bin/python -m benchmarks.bench_startup [--runs 10]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import fzdesk
from benchmarks.corpus import fill_store
from benchmarks.deadline import QUIT_TIMEOUT, quits_within

BARE = Path(__file__).with_name("bare_window.py")
TIME_TARGET = 1.5
MEMORY_TARGET = 1.5
DIALOG_HINT = "it probably shows a dialog instead of quitting by itself: run the command by hand to see it"


@dataclass(frozen=True)
class Run:
    shown: float  # seconds from process start to the stamp written when quitting
    exited: float  # seconds from process start to process exit
    rss_mb: float


def run(cmd: list[str], env: dict[str, str], stamp: Path, timeout: float = QUIT_TIMEOUT) -> Run:
    stamp.unlink(missing_ok=True)
    start = time.perf_counter()
    with subprocess.Popen(cmd, env=dict(env, FZDESK_STARTUP_STAMP=str(stamp)), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as proc:  # the with closes the stderr pipe however run() ends
        with quits_within(proc, cmd, timeout, DIALOG_HINT):
            _, status, usage = os.wait4(proc.pid, 0)
        exited = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace") if proc.returncode != 0 and proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed with {proc.returncode}: {err}")
    if not stamp.exists():
        raise SystemExit(f"{cmd} quit without writing {stamp}")
    shown = float(stamp.read_text(encoding="ascii")) - start
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return Run(shown, exited, rss_mb)


def fzdesk_command() -> list[str]:
    """What the README starts: the `fzdesk` command pip installed beside this Python (it imports fzdesk.cli
    directly); `python -m fzdesk` (which loads runpy and importlib.util first) where there is none."""
    script = Path(sys.executable).with_name("fzdesk.exe" if sys.platform == "win32" else "fzdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "fzdesk"]


def median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    compileall.compile_dir(str(Path(fzdesk.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory(prefix="fzdesk-bench-") as work:
        return measure(Path(work), args.runs)


def measure(work: Path, runs: int) -> int:
    """Runs both programs against a store made in work; prints the figures; 0 if both targets are met."""
    data = fill_store(work / "data")
    stamp = work / "stamp"
    env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="1")
    checked_env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="checked")
    bare_cmd = [sys.executable, str(BARE)]
    app_cmd = [*fzdesk_command(), "--data", str(data)]
    run(bare_cmd, env, stamp), run(app_cmd, env, stamp)  # warm the file cache; makes the day's backup
    bare: list[Run] = []
    app: list[Run] = []
    checked: list[Run] = []
    for _ in range(runs):
        bare.append(run(bare_cmd, env, stamp))
        app.append(run(app_cmd, env, stamp))
        checked.append(run(app_cmd, checked_env, stamp))
    bt, at = median([r.shown for r in bare]), median([r.shown for r in app])
    bx, ax = median([r.exited for r in bare]), median([r.exited for r in app])
    bm, am = median([r.rss_mb for r in bare]), median([r.rss_mb for r in app])
    ct = median([r.shown for r in checked])
    print(f"store: 10 units x 5 years, {(data / 'fzdesk.sqlite').stat().st_size / 1e6:.1f} MB; "
          f"medians of {runs} alternating runs")
    print(f"start-up (painted, loop idle)  bare {bt * 1000:.0f} ms   fzdesk {at * 1000:.0f} ms   "
          f"ratio {at / bt:.2f} (target <= {TIME_TARGET})")
    print(f"to process exit                bare {bx * 1000:.0f} ms   fzdesk {ax * 1000:.0f} ms   "
          f"ratio {ax / bx:.2f} (reference)")
    print(f"fzdesk: first check's problem counts shown {ct * 1000:.0f} ms after process start")
    print(f"peak RSS  bare {bm:.0f} MB   fzdesk {am:.0f} MB   ratio {am / bm:.2f} (target <= {MEMORY_TARGET})")
    return 0 if at / bt <= TIME_TARGET and am / bm <= MEMORY_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
