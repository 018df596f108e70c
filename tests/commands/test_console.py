"""The subcommands' output on Windows, faked on Linux: a console redirected in code page 936, and the windowed
fzdesk.exe with no console at all (sys.stdout, sys.stderr and sys.stdin are None)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from fzdesk import cli

RARE = "㙟"  # in place names; outside GBK


def gbk_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="cp936", errors="strict")


def test_a_rare_character_survives_a_gbk_redirect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = gbk_stream()
    monkeypatch.setattr(sys, "stdout", gbk_stream())
    monkeypatch.setattr(sys, "stderr", err)
    folder = tmp_path / f"{RARE}头镇"
    assert cli.main(["--data", str(folder), "list"]) == 2
    err.flush()
    text = err.buffer.getvalue().decode("gb18030")  # type: ignore[attr-defined]
    assert f"{RARE}头镇" in text and "没有找到 fzdesk 的数据" in text
    assert "没有找到".encode("gbk") in err.buffer.getvalue()  # type: ignore[attr-defined]  (GBK's bytes unchanged)


def test_a_subcommand_of_the_windowed_program_runs_without_a_console(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdin", None)
    assert cli.main(["--data", str(tmp_path / "none"), "list"]) == 2
    assert cli.main(["--data", str(tmp_path / "none"), "list", "--json"]) == 2
    assert not (tmp_path / "none").exists()
    opened = [sys.stdout, sys.stderr, sys.stdin]
    assert [getattr(s, "name", None) for s in opened] == [os.devnull] * 3
    for stream in opened:  # (the program keeps them for its life; the test's process goes on)
        stream.close()
