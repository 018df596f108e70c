"""Start-up time and peak memory of fzdesk against a bare PySide6 window, measured in the same run.

The store holds 10 units x 5 years of full reports. Both programs quit as soon as their main window is
shown and the event loop is idle (fzdesk honours FZDESK_QUIT_WHEN_IDLE=1). Time is process start to
process exit (wall clock), peak memory is the child's maxrss; medians of N alternating runs.

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
from pathlib import Path

import fzdesk
from benchmarks.corpus import fill_store

BARE = Path(__file__).with_name("bare_window.py")


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{cmd} failed with {proc.returncode}: {err}")
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return elapsed, rss_mb


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    # Installed programs run from bytecode (pip and PyInstaller compile it); so does the benchmark, even where
    # PYTHONDONTWRITEBYTECODE is set for development.
    compileall.compile_dir(str(Path(fzdesk.__file__).parent), quiet=1)
    data = fill_store(Path(tempfile.mkdtemp(prefix="fzdesk-bench-")) / "data")
    env = dict(os.environ, FZDESK_QUIT_WHEN_IDLE="1")
    bare_cmd = [sys.executable, str(BARE)]
    app_cmd = [sys.executable, "-m", "fzdesk", "--data", str(data)]
    run(bare_cmd, env), run(app_cmd, env)  # warm the file cache
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(run(bare_cmd, env))
        app.append(run(app_cmd, env))
    bt = statistics.median(t for t, _ in bare)
    at = statistics.median(t for t, _ in app)
    bm = statistics.median(m for _, m in bare)
    am = statistics.median(m for _, m in app)
    print(f"store: 10 units x 5 years, {(data / 'fzdesk.sqlite').stat().st_size / 1e6:.1f} MB")
    print(f"start-up  bare {bt * 1000:.0f} ms   fzdesk {at * 1000:.0f} ms   ratio {at / bt:.2f} (target <= 1.5)")
    print(f"peak RSS  bare {bm:.0f} MB   fzdesk {am:.0f} MB   ratio {am / bm:.2f} (target <= 1.5)")
    return 0 if at / bt <= 1.5 and am / bm <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
