"""Read-only commands (list, check, export) on a folder without a store: a Chinese message, nothing created."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.storage.store import Store

COMMANDS = [["list"], ["list", "--json"], ["check"], ["check", "--json"], ["export", "--out", "OUT"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_missing_folder_is_reported_and_not_created(tmp_path: Path, command: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nonexistent"
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert main(["--data", str(folder), *argv]) == 2
    err = capsys.readouterr().err
    assert f"在数据文件夹“{folder}”中没有找到 fzdesk 的数据（这个文件夹不存在）" in err
    assert "请检查 --data" in err and "fzdesk import" in err
    assert not folder.exists()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_empty_folder_stays_empty(tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert main(["--data", str(folder), *argv]) == 2
    assert "其中没有数据文件 fzdesk.sqlite" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_environment_variable_folder_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "from-env"
    monkeypatch.setenv("FZDESK_DATA", str(folder))
    assert main(["check"]) == 2
    assert "没有找到 fzdesk 的数据" in capsys.readouterr().err
    assert not folder.exists()


def test_an_existing_empty_store_still_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(tmp_path).close()
    assert main(["--data", str(tmp_path), "list"]) == 0
    assert "数据中还没有单位" in capsys.readouterr().out
