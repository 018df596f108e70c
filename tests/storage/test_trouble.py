"""fzdesk.storage.trouble: a failed write described in Chinese, the technical text kept."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from fzdesk.domain.model import Block
from fzdesk.storage.store import DB_NAME, Store
from fzdesk.storage.trouble import read_trouble, write_trouble
from tests import factories


@pytest.mark.parametrize(("exc", "expected"), [
    (sqlite3.OperationalError("database or disk is full"), "磁盘已满（database or disk is full）"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满（[Errno 28] No space left on device）"),
    (sqlite3.OperationalError("attempt to write a readonly database"),
     "数据文件不能写入（只读，或U盘设了写保护）（attempt to write a readonly database）"),
    (OSError(errno.EROFS, "Read-only file system"),
     "数据文件不能写入（只读，或U盘设了写保护）（[Errno 30] Read-only file system）"),
    (sqlite3.OperationalError("disk I/O error"), "读写磁盘出错（U盘是否被拔出？）（disk I/O error）"),
    (sqlite3.OperationalError("database is locked"), "数据文件正被其他程序占用（database is locked）"),
    (ValueError("条目不存在"), "条目不存在"),
    (sqlite3.DatabaseError("database disk image is malformed"),
     "数据文件已损坏，修改无法再保存到里面。请先在“导出”这一步把正在写的报告导出为Word文件留存，"
     "再用“文件 → 恢复备份…”恢复最近的备份（database disk image is malformed）"),
])
def test_the_kinds_clerks_meet_are_named(exc: BaseException, expected: str) -> None:
    assert write_trouble(exc) == expected


def test_a_data_file_damaged_while_in_use_is_named_in_chinese(data_dir: Path) -> None:
    """Pages broken under the running program (a bad sector on the stick): the next save says so in Chinese."""
    with Store.open(data_dir, daily_backup=False) as store:
        unit = factories.two_years(store)
        report_id = store.reports(unit.id)[0].id
        item = store.load_report(report_id).section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    path = data_dir / DB_NAME
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page but the first (the schema version still reads)
        data[offset:offset + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    with Store.open(data_dir, daily_backup=False) as store, pytest.raises(sqlite3.DatabaseError) as info:
        store.update_item(item.id or 0, paragraphs=["坏扇区之后写的"])
    assert write_trouble(info.value).startswith("数据文件已损坏，修改无法再保存到里面。")


@pytest.mark.parametrize(("exc", "expected"), [
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "找不到文件或文件夹（U盘是否被拔出？）"),
    (PermissionError(errno.EACCES, "Permission denied"), "没有读取权限（文件可能正被其他程序占用，或受系统保护）"),
    (OSError(errno.EIO, "Input/output error"), "读取磁盘出错（U盘是否被拔出或已损坏？）"),
    (OSError(errno.ELOOP, "Too many levels of symbolic links"), f"系统错误，代码 {errno.ELOOP}"),
    (OSError("no code at all"), "系统错误"),
])
def test_a_failed_read_is_named_in_chinese_without_the_systems_english(exc: OSError, expected: str) -> None:
    assert read_trouble(exc) == expected


def test_a_drive_without_its_medium_on_windows_is_not_ready() -> None:
    exc = OSError(errno.EINVAL, "The device is not ready")
    exc.winerror = 21  # type: ignore[attr-defined]  # (set by Windows' OSError; faked here)
    assert read_trouble(exc) == "设备未就绪（U盘是否被拔出？）"
