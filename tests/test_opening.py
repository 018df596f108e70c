"""Opening the window's data folder before Qt (fzdesk.opening): a store, or a Chinese reason and nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fzdesk import opening
from fzdesk.opening import Refusal, open_for_window
from fzdesk.storage.store import Store


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.suffix == ".sqlite"}


def test_a_new_folder_gets_a_store(tmp_path: Path) -> None:
    opened = open_for_window(str(tmp_path / "data"))
    assert isinstance(opened, Store)
    try:
        assert opened.units() == []
        assert not (tmp_path / "data" / "backups").exists()  # the day's backup waits for the first paint
    finally:
        opened.close()


def test_a_folder_in_use_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path, daily_backup=False):
        refusal = open_for_window(str(tmp_path))
        assert isinstance(refusal, Refusal)
        assert refusal.title == "程序已经在运行" and "另一个正在运行的 fzdesk" in refusal.text


def test_newer_data_are_refused_untouched(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "fzdesk.sqlite")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = files(tmp_path)
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == "数据来自更新的版本"
    assert "请安装最新版本" in refusal.text
    assert files(tmp_path) == before


def test_a_damaged_file_is_refused_untouched_and_the_backups_are_named(tmp_path: Path) -> None:
    (tmp_path / "fzdesk.sqlite").write_bytes("这不是数据库文件".encode() * 100)
    before = files(tmp_path)
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == "数据文件已损坏"
    assert str(tmp_path / "backups") in refusal.text and "改名为 fzdesk.sqlite" in refusal.text
    assert files(tmp_path) == before
    again = open_for_window(str(tmp_path))  # the lock was given back: the same answer, not "already running"
    assert isinstance(again, Refusal) and again.title == "数据文件已损坏"


def test_a_folder_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    (tmp_path / "occupied").write_text("a file where the folder should be", encoding="utf-8")
    refusal = open_for_window(str(tmp_path / "occupied"))
    assert isinstance(refusal, Refusal) and refusal.title == "无法打开数据文件夹"
    assert str(tmp_path / "occupied") in refusal.text and "原因" in refusal.text


def test_another_sqlite_error_says_what_to_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> Store:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(opening.Store, "open", failing)
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == "无法打开数据文件夹"
    assert "disk I/O error" in refusal.text and "写保护" in refusal.text


@pytest.mark.parametrize(("message", "expected"), [
    ("file is not a database", True),
    ("database disk image is malformed", True),
    ("disk I/O error", False),
    ("attempt to write a readonly database", False),
])
def test_which_errors_mean_a_damaged_file(message: str, expected: bool) -> None:
    assert opening.damaged(sqlite3.DatabaseError(message)) is expected
