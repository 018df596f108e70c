"""Stop a benchmark whose program does not quit (a modal error dialog, for example) instead of waiting forever."""

from __future__ import annotations

import shlex
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

QUIT_TIMEOUT = 60.0  # seconds a measured run may take before it is taken for hung; runs take 1-3 s


@contextmanager
def quits_within(proc: subprocess.Popen[bytes], cmd: Sequence[str], seconds: float, hint: str) -> Iterator[None]:
    """Wait for proc inside the block; kill it if it is still running `seconds` after the block began.

    A timer thread does the killing, so the block keeps waiting the blocking way it measures with (communicate,
    os.wait4) rather than through the polling loop of Popen.wait(timeout=...), which would add its sleeps to the
    exit times. A killed run ends the benchmark with SystemExit naming the command, then the hint; an exception
    from the block (Ctrl-C) kills and reaps proc before it goes on."""
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()  # polls first: no signal to a process already reaped, even by os.wait4

    timer = threading.Timer(seconds, kill)
    timer.start()
    try:
        yield
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        timer.cancel()
        timer.join()
    if killed.is_set():
        raise SystemExit(f"{shlex.join(cmd)} did not quit within {seconds:g} s and was killed: {hint}")
