"""A data folder deleted or moved, or its stick pulled, while the program runs: SQLite would go on writing to the
vanished file and every edit would be lost at exit. Each write first checks that the file is still there; if not,
the write is refused (DataGone, in Chinese) and the data still open can be written back in place or elsewhere."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from fzdesk.domain.model import Block
from fzdesk.storage import store as store_module
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.store import DB_NAME, DataGone, Store
from fzdesk.storage.trouble import write_trouble
from tests import factories


def _filled(store: Store) -> tuple[int, int]:
    unit = factories.unit()
    store.save_unit(unit)
    report = factories.report(unit)
    store.create_report(report)
    item = report.section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert report.id is not None and item.id is not None
    return report.id, item.id


def _body(folder: Path, report_id: int) -> str:
    with Store.open(folder, daily_backup=False) as again:
        return again.load_report(report_id).section(Block.MEASURES).items[0].text  # type: ignore[union-attr]


def test_a_deleted_data_folder_refuses_the_write_and_the_data_can_be_saved_back(data_dir: Path) -> None:
    store = Store.open(data_dir, daily_backup=False)
    try:
        report_id, item_id = _filled(store)
        store.update_item(item_id, paragraphs=["删除之前写的"])
        shutil.rmtree(data_dir)  # deleted in the file manager while the window is open
        with pytest.raises(DataGone) as info:
            store.update_item(item_id, paragraphs=["删除之后写的"])
        assert "不见了" in str(info.value) and "U盘" in str(info.value) and "都还在程序里" in str(info.value)
        assert write_trouble(info.value) == str(info.value)  # the clerk reads it as it is, in Chinese
        store.save_to(data_dir)  # 重新保存到原来的位置: all that was in the open file, the folder made again
        store.update_item(item_id, paragraphs=["删除之后写的"])  # the kept edit, retried
    finally:
        store.close()
    assert _body(data_dir, report_id) == "删除之后写的"


def test_the_data_can_be_saved_to_another_folder_and_the_work_goes_on_there(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "新的位置"
    store = Store.open(data_dir, daily_backup=False)
    try:
        report_id, item_id = _filled(store)
        os.rename(data_dir, tmp_path / "moved")  # moved aside: the path leads nowhere
        with pytest.raises(DataGone):
            store.update_item(item_id, paragraphs=["移走之后写的"])
        store.save_to(elsewhere)
        store.update_item(item_id, paragraphs=["移走之后写的"])
        assert store.folder == elsewhere
        assert (elsewhere / "fzdesk.lock").exists()  # held there: a second program cannot open it
    finally:
        store.close()
    assert _body(elsewhere, report_id) == "移走之后写的"


def test_saving_to_a_folder_that_holds_data_is_refused_and_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    Store.open(other, daily_backup=False).close()
    before = (other / DB_NAME).read_bytes()
    with Store.open(data_dir, daily_backup=False) as store:
        _filled(store)
        with pytest.raises(FileExistsError) as info:
            store.save_to(other)
        assert "已经有一份 fzdesk 数据" in str(info.value)
        assert store.folder == data_dir
    assert (other / DB_NAME).read_bytes() == before
    assert not (other / (DB_NAME + ".part")).exists()


def test_another_file_put_in_its_place_is_not_written(data_dir: Path, tmp_path: Path) -> None:
    Store.open(tmp_path / "copy", daily_backup=False).close()
    store = Store.open(data_dir, daily_backup=False)
    try:
        _, item_id = _filled(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # (a stale WAL would be read into any file there)
        os.replace(tmp_path / "copy" / DB_NAME, data_dir / DB_NAME)  # e.g. a backup copied over it by hand
        with pytest.raises(DataGone) as info:
            store.update_item(item_id, paragraphs=["不该写进别的文件"])
        assert "已被另一个文件替换" in str(info.value)
    finally:
        store.close()
    with Store.open(data_dir, daily_backup=False) as again:
        assert again.reports() == []  # the file put there was left as it was


class _PulledStick:
    """A connection whose writes fail as on a pulled stick (reads of what is cached still work)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.closed = False

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith(("BEGIN", "UPDATE", "INSERT")):
            raise sqlite3.OperationalError("disk I/O error")
        return self.conn.execute(sql, *args)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def close(self) -> None:
        self.closed = True
        self.conn.close()


def test_after_an_io_error_the_stick_plugged_in_again_is_written_through_a_fresh_connection(data_dir: Path) -> None:
    store = Store.open(data_dir, daily_backup=False)
    try:
        report_id, item_id = _filled(store)
        pulled = _PulledStick(store.conn)
        store.conn = pulled  # type: ignore[assignment]
        with pytest.raises(sqlite3.OperationalError):
            store.update_item(item_id, paragraphs=["拔出时写的"])
        assert write_trouble(sqlite3.OperationalError("disk I/O error")).startswith("读写磁盘出错（U盘是否被拔出？）")
        store.update_item(item_id, paragraphs=["拔出时写的"])  # plugged in again: the retry works
        assert pulled.closed and store.conn is not pulled
    finally:
        store.close()
    assert _body(data_dir, report_id) == "拔出时写的"


def test_the_same_file_under_a_new_device_number_is_opened_afresh(data_dir: Path) -> None:
    """A stick plugged in again is mounted anew: same file, another st_dev."""
    store = Store.open(data_dir, daily_backup=False)
    try:
        report_id, item_id = _filled(store)
        old = store.conn
        dev, ino = store._identity  # type: ignore[misc]
        store._identity = (dev + 1, ino)
        store.update_item(item_id, paragraphs=["重新插入后写的"])
        assert store.conn is not old
    finally:
        store.close()
    assert _body(data_dir, report_id) == "重新插入后写的"


def test_the_check_costs_typing_nothing(store: Store) -> None:
    """One stat per write: far below the ~1 ms a write transaction takes."""
    start = time.perf_counter()
    for _ in range(1000):
        store.check_present()
    assert (time.perf_counter() - start) / 1000 < 0.0001


def test_the_file_back_in_place_after_it_vanished_is_written_through_a_fresh_connection(data_dir: Path,
                                                                                      tmp_path: Path) -> None:
    """The stick pulled and plugged in again at the same place: the old connection's descriptor is dead (every
    write an I/O error), so the kept edits go through a new one, at the first retry."""
    store = Store.open(data_dir, daily_backup=False)
    try:
        report_id, item_id = _filled(store)
        old = store.conn
        os.rename(data_dir, tmp_path / "pulled")
        with pytest.raises(DataGone):
            store.update_item(item_id, paragraphs=["拔出后写的"])
        os.rename(tmp_path / "pulled", data_dir)  # plugged in again
        store.update_item(item_id, paragraphs=["拔出后写的"])
        assert store.conn is not old
    finally:
        store.close()
    assert _body(data_dir, report_id) == "拔出后写的"


def test_the_data_are_not_put_back_where_the_stick_was_mounted(tmp_path: Path) -> None:
    """The stick pulled: its mount point is gone too. Made again, it would hold the data on this PC's disk, where
    the clerk would not look for them (and the stick would be mounted elsewhere when plugged in again)."""
    stick = tmp_path / "media" / "U盘"
    folder = stick / "fzdesk-data"
    store = Store.open(folder, daily_backup=False)
    try:
        _, item_id = _filled(store)
        shutil.rmtree(stick)
        with pytest.raises(DataGone):
            store.update_item(item_id, paragraphs=["拔出后写的"])
        with pytest.raises(FileNotFoundError) as info:
            store.save_to(folder)
        assert "U盘被拔出" in str(info.value) and "请把U盘插回去后再试" in str(info.value)
        assert not stick.exists() and store.folder == folder
    finally:
        store.close()


def test_a_reconnect_that_fails_keeps_the_lock_and_says_the_real_trouble(data_dir: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The file back but not readable yet (the stick still settling): the I/O error is said, not "another fzdesk
    uses the folder", and the folder stays locked for this program."""
    store = Store.open(data_dir, daily_backup=False)
    try:
        _, item_id = _filled(store)
        store._stale = True  # type: ignore[attr-defined]  # (as after an I/O error)

        def unreadable(conn: sqlite3.Connection) -> int:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(store_module, "schema_version", unreadable)
        with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
            store.update_item(item_id, paragraphs=["还读不出来"])
        with pytest.raises(StoreLocked):
            Store.open(data_dir)
        monkeypatch.undo()
        store.update_item(item_id, paragraphs=["读得出来了"])  # the next retry
    finally:
        store.close()
