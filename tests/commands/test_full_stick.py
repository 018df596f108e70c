"""The commands on a stick so full that SQLite cannot even open the data (the -shm/-wal files cannot be made):
a Chinese message and status 2, not a Python traceback (seen with `fzdesk export` from the bundle on a full stick)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fzdesk.cli import main
from fzdesk.storage import store as store_module
from fzdesk.storage.store import Store
from tests import factories


@pytest.mark.parametrize("command", [["list"], ["check"], ["export", "--out", "OUT"]], ids=lambda c: c[0])
def test_a_full_stick_is_said_in_chinese(tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "fzdesk-data"
    with Store.open(folder) as store:
        unit = factories.unit()
        store.save_unit(unit)
        store.create_report(factories.report(unit))
    real = sqlite3.connect

    def full(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")  # what the bundle got on the full stick

    monkeypatch.setattr(store_module.sqlite3, "connect", full)
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert main(["--data", str(folder), *argv]) == 2
    err = capsys.readouterr().err
    assert f"无法打开数据文件夹“{folder}”中的数据：读写磁盘出错" in err and "磁盘是否已满" in err
    assert "Traceback" not in err
    monkeypatch.setattr(store_module.sqlite3, "connect", real)
