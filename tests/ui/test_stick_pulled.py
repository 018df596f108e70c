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
