"""The program started from a USB stick, the stick pulled while the clerk types: the window still says so and
offers its ways out (ui/stick_ready.py). Run in a fresh interpreter, as the bundle is: modules another test loaded
would hide the failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_pulling_the_program_s_stick_is_said_and_the_edit_kept(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FZDESK_DATA", "FZDESK_RESOURCES")}
    result = subprocess.run([sys.executable, "-m", "tests.ui.pulled_stick_child", str(tmp_path)], cwd=REPO,
                            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # before: ImportError from the pulled stick in the autosave's except clause; no word, no retries, 已保存 shown
    assert any(line.startswith("数据文件不见了|") for line in lines), result.stdout + result.stderr
    assert "PENDING True" in lines
    assert "程序所在的U盘已拔出" not in result.stderr, result.stderr


def test_nothing_is_loaded_ahead_on_a_pc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the PC's disk (or from Python) the modules stay loaded on first use: start-up work stays light."""
    from fzdesk import portable
    from fzdesk.ui import stick_ready

    loaded: list[str] = []
    monkeypatch.setattr(stick_ready.importlib, "import_module", loaded.append)
    monkeypatch.setattr(portable, "executable_dir", lambda: None)
    stick_ready.load_while_the_stick_is_there()
    assert loaded == []
    monkeypatch.setattr(portable, "executable_dir", lambda: Path("/media/clerk/U盘/fzdesk"))
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    stick_ready.load_while_the_stick_is_there()
    assert loaded == []


def test_the_libraries_mapped_from_the_stick_are_listed_and_read(tmp_path: Path) -> None:
    from fzdesk.ui import stick_ready

    program = tmp_path / "U盘" / "fzdesk"
    (program / "_internal").mkdir(parents=True)
    qt = program / "_internal" / "libQt6Widgets.so.6"
    qt.write_bytes(b"\0" * 3_000_000)
    maps = tmp_path / "maps"
    maps.write_text(
        f"7f00-7f10 r-xp 00000000 00:2a 11  {qt}\n"
        f"7f10-7f20 r--p 00100000 00:2a 11  {qt}\n"
        "7f20-7f30 r-xp 00000000 08:01 12  /usr/lib/x86_64-linux-gnu/libc.so.6\n"
        "7f30-7f40 rw-p 00000000 00:00 0 \n"
        "7ffd-7ffe rw-p 00000000 00:00 0  [stack]\n", encoding="utf-8")
    assert stick_ready.mapped_files(program, maps) == [qt]  # once, and nothing from the PC's own disk
    stick_ready.read_into_cache([tmp_path / "gone.so", qt])  # a file gone already ends the reading quietly
    stick_ready.read_into_cache([qt])
