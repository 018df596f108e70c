"""fzdesk.storage.trouble: a failed write described in Chinese, the technical text kept."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from fzdesk.storage.trouble import write_trouble


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
])
def test_the_kinds_clerks_meet_are_named(exc: BaseException, expected: str) -> None:
    assert write_trouble(exc) == expected
