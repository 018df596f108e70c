"""Opening the window's data folder before Qt (fzdesk.opening): a store, or a Chinese reason and nothing changed."""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
from pathlib import Path

import pytest

from fzdesk import opening
from fzdesk.opening import LAST_REPORT_SETTING, Refusal, first_report, open_for_window, open_with_first_report
from fzdesk.storage.store import Store
from tests import factories


def files(folder: Path) -> dict[str, bytes]:
    """The data file and its WAL companions (-wal, -shm), by name."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name.startswith("fzdesk.sqlite")}


def malformed(folder: Path) -> None:
    """A data file whose header reads but whose schema page is broken (what a failing disk leaves)."""
    Store.open(folder, daily_backup=False).close()
    path = folder / "fzdesk.sqlite"
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def open_files_in(folder: Path) -> list[str]:
    """This process's open files inside folder (Linux's /proc)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # (the listing's own descriptor is gone by now)
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith(str(folder)):
                found.append(target)
    return found


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


def test_a_data_file_left_empty_beside_backups_is_refused_not_taken_for_a_new_store(tmp_path: Path) -> None:
    """A power cut (or the stick pulled) can leave the file 0 bytes long: SQLite would start an empty store in it and
    the clerk would find the data gone without a word; the backups that could bring them back are named instead."""
    with Store.open(tmp_path) as store:
        factories.two_years(store)
    assert list((tmp_path / "backups").glob("fzdesk-*.sqlite"))
    for leftover in tmp_path.glob("fzdesk.sqlite*"):
        leftover.write_bytes(b"")
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == "数据文件已损坏"
    assert "文件是空的，0 字节" in refusal.text and str(tmp_path / "backups") in refusal.text
    assert (tmp_path / "fzdesk.sqlite").stat().st_size == 0  # left as it was


def test_an_empty_data_file_without_backups_is_a_new_store(tmp_path: Path) -> None:
    """The first start cut short right after the file was made: nothing to lose, nothing to refuse."""
    (tmp_path / "fzdesk.sqlite").write_bytes(b"")
    opened = open_for_window(str(tmp_path))
    assert isinstance(opened, Store)
    assert opened.reports() == []
    opened.close()


def test_a_broken_schema_page_is_refused_untouched_and_the_file_is_closed(tmp_path: Path) -> None:
    """The clerk is asked to rename the file: it must not stay open (Windows would refuse), even with the
    collector off as it is while the window starts (fzdesk.cli)."""
    malformed(tmp_path)
    before = files(tmp_path)
    gc.disable()
    try:
        refusal = open_for_window(str(tmp_path))
        if os.path.isdir("/proc/self/fd"):
            assert open_files_in(tmp_path) == []
        else:
            (tmp_path / "fzdesk.sqlite").rename(tmp_path / "fzdesk-损坏.sqlite")  # fails while the file is open
            (tmp_path / "fzdesk-损坏.sqlite").rename(tmp_path / "fzdesk.sqlite")
    finally:
        gc.enable()
    assert isinstance(refusal, Refusal) and refusal.title == "数据文件已损坏"
    assert "fzdesk.sqlite-wal" in refusal.text and "如果没有备份文件" in refusal.text
    assert files(tmp_path) == before


def test_a_folder_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    (tmp_path / "occupied").write_text("a file where the folder should be", encoding="utf-8")
    refusal = open_for_window(str(tmp_path / "occupied"))
    assert isinstance(refusal, Refusal) and refusal.title == "无法打开数据文件夹"
    assert str(tmp_path / "occupied") in refusal.text and "原因" in refusal.text
    assert "是否可以写入" in refusal.text and "数据没有被改动" in refusal.text  # what to check, not the errno alone


def test_a_lock_file_that_cannot_be_written_says_what_to_check(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder or stick: the lock file cannot be made (PermissionError), as root cannot simulate."""
    from fzdesk.storage import lock

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "fzdesk.lock"))

    monkeypatch.setattr(lock.FolderLock, "acquire", refuse)
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == "无法打开数据文件夹"
    assert "Permission denied" in refusal.text and "写保护" in refusal.text


@pytest.mark.parametrize(("error", "title", "advice"), [
    (sqlite3.OperationalError("disk I/O error"), "无法打开数据文件夹", "写保护"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "无法打开数据文件夹", "写保护"),
    (sqlite3.OperationalError("database or disk is full"), "无法打开数据文件夹", "磁盘是否已满"),
    (sqlite3.OperationalError("database is locked"), "无法打开数据", "联系技术支持"),
    (sqlite3.IntegrityError("UNIQUE constraint failed: units.name"), "无法打开数据", "联系技术支持"),
])
def test_other_sqlite_errors_say_what_to_do(error: sqlite3.DatabaseError, title: str, advice: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> Store:
        raise error

    monkeypatch.setattr(Store, "open", failing)
    refusal = open_for_window(str(tmp_path))
    assert isinstance(refusal, Refusal) and refusal.title == title
    assert str(error) in refusal.text and advice in refusal.text


@pytest.mark.parametrize(("message", "expected"), [
    ("file is not a database", True),
    ("database disk image is malformed", True),
    ("disk I/O error", False),
    ("attempt to write a readonly database", False),
])
def test_which_errors_mean_a_damaged_file(message: str, expected: bool) -> None:
    assert opening.damaged(sqlite3.DatabaseError(message)) is expected


def test_the_first_report_is_the_one_last_opened_else_the_first_listed(tmp_path: Path) -> None:
    factories.two_years_folder(tmp_path)
    with Store.open(tmp_path, daily_backup=False) as store:
        newest, older = store.reports()  # 2023, 2022
        first = first_report(store)
        assert first is not None and first.report.id == newest.id and first.unit.name == newest.unit_name
        store.set_setting(LAST_REPORT_SETTING, older.id)
        first = first_report(store)
        assert first is not None and first.report.year == 2022 and first.report.sections
        first = first_report(store, newest.id)  # (after a backup is restored: the report that was open)
        assert first is not None and first.report.id == newest.id
    with Store.open(tmp_path / "empty", daily_backup=False) as store:
        assert first_report(store) is None


def test_opening_reads_the_first_report_or_refuses_and_closes(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    factories.two_years_folder(tmp_path)
    opened, first = open_with_first_report(str(tmp_path))
    assert isinstance(opened, Store) and first is not None and first.report.year == 2023
    opened.close()

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "load_report", broken)
    refused, first = open_with_first_report(str(tmp_path))
    assert isinstance(refused, Refusal) and refused.title == "数据文件已损坏" and first is None
    monkeypatch.undo()
    again = open_for_window(str(tmp_path))  # the lock was given back
    assert isinstance(again, Store)
    again.close()


def test_what_the_step_list_reads_is_read_with_the_report(tmp_path: Path) -> None:
    """开头's state compares with the outline's opening: read before Qt, with the report (while Qt loads)."""
    from fzdesk import resources

    factories.two_years_folder(tmp_path)
    resources.outline_opening.cache_clear()
    opened, first = open_with_first_report(str(tmp_path))
    assert isinstance(opened, Store) and first is not None
    opened.close()
    assert resources.outline_opening.cache_info().currsize == 1
