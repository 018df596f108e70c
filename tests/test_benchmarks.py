"""The start-up benchmarks stop a program that does not quit, and leave no store behind in the temp folder."""

from __future__ import annotations

import compileall
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from benchmarks import bench_bundle, bench_startup
from benchmarks.deadline import quits_within

# Writes its pid and, when asked, the quitting moment the benchmarks read (FZDESK_STARTUP_STAMP); then sleeps.
CHILD = (
    "import os, pathlib, sys, time\n"
    "pathlib.Path(sys.argv[1]).write_text(str(os.getpid()))\n"
    "if os.environ.get('FZDESK_STARTUP_STAMP'):\n"
    "    pathlib.Path(os.environ['FZDESK_STARTUP_STAMP']).write_text(str(time.perf_counter()))\n"
    "time.sleep(float(sys.argv[2]))\n"
)

Measure = Callable[[list[str], dict[str, str], Path, float], object]
MEASURES: list[Measure] = [bench_bundle.start_seconds, bench_startup.run]


def child(tmp_path: Path, sleep: float) -> list[str]:
    return [sys.executable, "-c", CHILD, str(tmp_path / "pid"), str(sleep)]


def assert_gone(pid: int) -> None:
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.parametrize("measure", MEASURES, ids=["bench_bundle", "bench_startup"])
def test_a_program_that_does_not_quit_is_killed_and_named(measure: Measure, tmp_path: Path) -> None:
    cmd = child(tmp_path, 30)
    started = time.monotonic()
    with pytest.raises(SystemExit) as stopped:
        measure(cmd, dict(os.environ), tmp_path / "stamp", 1.0)
    assert time.monotonic() - started < 5
    message = str(stopped.value)
    assert cmd[0] in message and "did not quit within 1 s" in message and "dialog" in message
    assert_gone(int((tmp_path / "pid").read_text()))


@pytest.mark.parametrize("measure", MEASURES, ids=["bench_bundle", "bench_startup"])
def test_a_program_that_quits_in_time_is_measured(measure: Measure, tmp_path: Path) -> None:
    run = measure(child(tmp_path, 0), dict(os.environ), tmp_path / "stamp", 30)
    assert isinstance(run, bench_bundle.Start | bench_startup.Run)
    assert 0 < run.shown <= run.exited < 30


@pytest.mark.parametrize("bench", [bench_bundle, bench_startup], ids=["bench_bundle", "bench_startup"])
@pytest.mark.parametrize("ending", [None, SystemExit("failed"), KeyboardInterrupt()], ids=["ok", "exit", "ctrl-c"])
def test_the_temporary_store_is_removed_however_the_benchmark_ends(
        bench: ModuleType, ending: BaseException | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("DISPLAY", ":0")  # bench_bundle asks for one; nothing is shown here
    monkeypatch.setattr(compileall, "compile_dir", lambda *args, **kwargs: True)
    folders: list[Path] = []

    def measure(work: Path, *args: object) -> int:
        (work / "data").mkdir()
        (work / "data" / "fzdesk.sqlite").write_bytes(b"store")
        folders.append(work)
        if ending is not None:
            raise ending
        return 0

    monkeypatch.setattr(bench, "measure", measure)
    argv = ["--no-build", "--out", str(tmp_path / "out")] if bench is bench_bundle else []
    if ending is None:
        assert bench.main(argv) == 0
    else:
        with pytest.raises(type(ending)):
            bench.main(argv)
    assert [f.name.startswith("fzdesk-bench-") for f in folders] == [True]
    assert not folders[0].exists() and list(tmp_path.iterdir()) == []


def test_ctrl_c_while_waiting_kills_the_program(tmp_path: Path) -> None:
    cmd = child(tmp_path, 30)
    with subprocess.Popen(cmd) as proc:
        with pytest.raises(KeyboardInterrupt), quits_within(proc, cmd, 30, "hint"):
            while not (tmp_path / "pid").exists():
                time.sleep(0.01)
            raise KeyboardInterrupt
        assert proc.returncode == -signal.SIGKILL
    assert_gone(proc.pid)


def test_cold_starts_drop_the_cache_before_every_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drops: list[str] = []
    runs: list[str] = []
    monkeypatch.setattr(bench_bundle, "drop_page_cache", lambda: drops.append("drop") or True)

    def start(cmd: list[str], env: dict[str, str], stamp: Path) -> bench_bundle.Start:
        runs.append(cmd[0])
        assert len(drops) == len(runs)  # dropped just before this run
        return bench_bundle.Start(0.1, 0.2)

    monkeypatch.setattr(bench_bundle, "start_seconds", start)
    starts = bench_bundle.cold_starts({"bare": ["b"], "app": ["a"]}, {}, tmp_path / "stamp", 3)
    assert runs == ["b", "a"] * 3 and len(drops) == 6
    assert [len(s) for s in starts.values()] == [3, 3]


def test_cold_starts_are_not_measured_where_the_cache_cannot_be_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_bundle, "DROP_CACHES", tmp_path / "no such folder" / "drop_caches")
    monkeypatch.setattr(bench_bundle, "start_seconds", lambda *args: pytest.fail("ran without a dropped cache"))
    assert bench_bundle.drop_page_cache() is False
    assert bench_bundle.cold_starts({"bare": ["b"], "app": ["a"]}, {}, tmp_path / "stamp", 3) == {
        "bare": [], "app": []}
