"""The checks' one-thread worker (fzdesk.ui.check_runner.Worker): what ThreadPoolExecutor(max_workers=1) did for
the runner, without concurrent.futures: jobs in order, errors raised by result(), and at interpreter exit the
queued work is finished and the non-daemon thread joined (not killed, not waited for forever)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.check_runner import Worker

REPO = Path(__file__).resolve().parents[2]


def test_jobs_run_in_order_on_one_non_daemon_thread() -> None:
    worker = Worker("fzdesk-checks")
    seen: list[tuple[int, str, bool]] = []
    gate = threading.Event()
    first = worker.submit(gate.wait)
    jobs = [worker.submit(lambda i=i: seen.append((i, threading.current_thread().name,
                                                    threading.current_thread().daemon))) for i in range(5)]
    assert not first.done() and not jobs[-1].done()  # held by the first job
    gate.set()
    jobs[-1].result()
    assert first.done() and all(job.done() for job in jobs)
    assert seen == [(i, "fzdesk-checks", False) for i in range(5)]
    worker.shutdown()


def test_result_raises_what_the_job_raised_and_the_worker_goes_on() -> None:
    worker = Worker("fzdesk-checks")

    def fail() -> None:
        raise KeyError("no report")

    failed = worker.submit(fail)
    with pytest.raises(KeyError, match="no report"):
        failed.result()
    later = worker.submit(lambda: None)
    later.result()
    assert later.done()
    worker.shutdown()


def test_shutdown_runs_what_was_queued_then_ends_the_thread() -> None:
    worker = Worker("fzdesk-checks")
    seen: list[int] = []
    worker.submit(time.sleep, 0.2)
    worker.submit(seen.append, 1)
    worker.shutdown()
    assert seen == [1]
    assert all(t.name != "fzdesk-checks" for t in threading.enumerate())


EXIT_PROBE = """
import sys, time
from fzdesk.ui.check_runner import Worker
worker = Worker("fzdesk-checks")
worker.submit(time.sleep, 0.3)
worker.submit(lambda: print("queued work done", flush=True))
dropped = Worker("fzdesk-checks")  # never shut down and still referenced at exit
print("main done", flush=True)
"""

DROP_PROBE = """
import gc, threading
from fzdesk.ui.check_runner import Worker
worker = Worker("fzdesk-checks")
worker.submit(lambda: None).result()
del worker
gc.collect()
for t in threading.enumerate():
    if t.name == "fzdesk-checks":
        t.join(5)
print(sum(t.name == "fzdesk-checks" for t in threading.enumerate()))
"""


def test_at_exit_the_queued_work_is_finished_and_the_process_ends() -> None:
    result = subprocess.run([sys.executable, "-c", EXIT_PROBE], capture_output=True, text=True, cwd=REPO,
                            timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["main done", "queued work done"]


def test_a_worker_dropped_without_shutdown_ends_its_thread() -> None:
    result = subprocess.run([sys.executable, "-c", DROP_PROBE], capture_output=True, text=True, cwd=REPO,
                            timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_the_window_s_worker_thread_is_running_before_the_first_paint(filled_store: Store, qtbot: QtBot) -> None:
    """The window's runner is deferred (its first check waits for the first paint), but its thread starts with
    it: started at the first paint, the thread's start made the window's thread wait for the interpreter while
    the work queued for that moment was still to run. start() then only queues the first check."""
    from fzdesk.ui.main_window import MainWindow

    before = {t.ident for t in threading.enumerate()}
    w = MainWindow(filled_store)
    qtbot.addWidget(w)
    started = [t for t in threading.enumerate() if t.name == "fzdesk-checks" and t.ident not in before]
    assert len(started) == 1 and not w.checks.runner.started  # running, and the check has not been queued
    w.show()
    qtbot.waitUntil(lambda: w.checks.runner.checked, timeout=5000)
    assert [t for t in threading.enumerate() if t.name == "fzdesk-checks" and t.ident not in before] == started
    w.close()
