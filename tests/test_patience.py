"""Waiting for a file an antivirus holds for a moment (fzdesk.patience), proven on Linux with Windows faked."""

from __future__ import annotations

import errno

import pytest

from fzdesk import patience
from fzdesk.patience import RETRY_PAUSES, patiently


def held(winerror: int = 32) -> PermissionError:
    """The PermissionError Python on Windows raises for a file another program holds (32: sharing violation)."""
    exc = PermissionError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。")
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


def pretend_windows(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Windows faked for fzdesk.patience; the pauses it would have slept, recorded instead of slept."""
    pauses: list[float] = []
    monkeypatch.setattr(patience, "on_windows", lambda: True)
    monkeypatch.setattr(patience.time, "sleep", pauses.append)
    return pauses


class Flaky:
    """A call that fails `times` times with `error`, then returns what it was given."""

    def __init__(self, times: int, error: Exception) -> None:
        self.times, self.error, self.calls = times, error, 0

    def __call__(self, value: str) -> str:
        self.calls += 1
        if self.calls <= self.times:
            raise self.error
        return value


def test_a_file_held_for_a_moment_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    pauses = pretend_windows(monkeypatch)
    action = Flaky(2, held(32))
    assert patiently(action, "done") == "done"
    assert action.calls == 3 and pauses == list(RETRY_PAUSES[:2])


def test_a_file_held_for_good_gives_the_last_error_after_about_two_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    pauses = pretend_windows(monkeypatch)
    action = Flaky(100, held(5))
    with pytest.raises(PermissionError):
        patiently(action, "done")
    assert action.calls == len(RETRY_PAUSES) + 1 and 1.5 <= sum(pauses) <= 2.5


@pytest.mark.parametrize("error", [held(2), OSError(errno.EIO, "设备没有连接。")])
def test_other_errors_are_not_retried(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    pauses = pretend_windows(monkeypatch)
    action = Flaky(1, error)
    with pytest.raises(OSError):
        patiently(action, "done")
    assert action.calls == 1 and pauses == []


def test_nothing_is_retried_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patience, "on_windows", lambda: False)
    monkeypatch.setattr(patience.time, "sleep", lambda seconds: pytest.fail("slept"))
    action = Flaky(1, held(32))
    with pytest.raises(PermissionError):
        patiently(action, "done")
    assert action.calls == 1
