"""Moves the data folder between the per-user folder and the portable folder without ever losing data.

The copy goes to a temporary folder beside the target, is verified (SQLite integrity, the same rows in every
table, the same bytes in every other file), and only then switched in: the source folder is renamed aside and
the copy renamed into place. The old folder is kept (renamed) unless the caller asks to remove it.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import sqlite3
from pathlib import Path

from fzdesk.paths import DB_NAME, DataLocation, DataSource, default_data_dir
from fzdesk.portable import portable_folder
from fzdesk.storage.lock import FolderLock

#: Files that belong to a running program, not to the data (the lock, SQLite's WAL and shared memory).
_SKIP = {"fzdesk.lock", DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal"}


class MoveError(RuntimeError):
    """The move did not happen; the data are where they were. The message is for the clerk."""


def move_target(current: DataLocation) -> Path | None:
    """Where the window's "move data" entry would move the data: portable <-> per-user, else None."""
    portable = portable_folder()
    if current.source is DataSource.PORTABLE:
        return default_data_dir()
    if current.source is DataSource.USER and portable is not None:
        return portable
    return None


def move_data_folder(source: Path, target: Path, *, keep_old: bool = True) -> Path | None:
    """Moves the store in source to target (which must hold no store). Close the Store before calling.

    Returns where the old folder was kept (source renamed to "<name>-moved-<time>"), or None with keep_old=False.
    Raises MoveError (source untouched) or StoreLocked (another fzdesk uses the folder).
    """
    source, target = Path(source).absolute(), Path(target).absolute()
    if not (source / DB_NAME).is_file():
        raise MoveError(f"“{source}”中没有 fzdesk 数据，无需移动。")
    if target == source or source in target.parents or target in source.parents:
        raise MoveError("目标文件夹不能是原数据文件夹本身，也不能包含它或在它里面。")
    if target.exists() and any(target.iterdir()):
        raise MoveError(f"目标文件夹“{target}”不是空的。为免覆盖数据，请先把其中的内容移走。")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = target.with_name(f".{target.name}.moving-{stamp}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(source)
        lock.acquire()
        try:
            _copy_folder(source, staging)
            _verify(source, staging)
        finally:
            lock.release()
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise MoveError(f"复制数据时出错，数据仍在原处：{exc}") from exc
    except MoveError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return _switch(source, staging, target, f"{source.name}-moved-{stamp}", keep_old)


def _switch(source: Path, staging: Path, target: Path, aside_name: str, keep_old: bool) -> Path | None:
    """Renames source aside, then the verified copy into place; undoes the first rename if the second fails."""
    aside = source.with_name(aside_name)
    try:
        os.replace(source, aside)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise MoveError(f"无法切换数据文件夹（是否还有程序在使用它？），数据仍在原处：{exc}") from exc
    try:
        if target.exists():
            target.rmdir()  # checked empty above
        os.replace(staging, target)
    except OSError as exc:
        os.replace(aside, source)
        shutil.rmtree(staging, ignore_errors=True)
        raise MoveError(f"无法把数据放到“{target}”，数据仍在原处：{exc}") from exc
    if keep_old:
        return aside
    shutil.rmtree(aside, ignore_errors=True)
    return None


def _copy_folder(source: Path, staging: Path) -> None:
    staging.mkdir(parents=True)
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.name in _SKIP and relative.parent == Path("."):
            continue
        dest = staging / relative
        if path.is_dir():
            dest.mkdir(exist_ok=True)
        elif relative == Path(DB_NAME):
            _copy_database(path, dest)
        else:
            shutil.copy2(path, dest)


def _copy_database(path: Path, dest: Path) -> None:
    """SQLite's online backup: a consistent copy that includes what is still in the WAL file."""
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=WAL")  # as Store.open leaves it
    finally:
        out.close()
        src.close()


def _table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _verify(source: Path, staging: Path) -> None:
    copy_db = staging / DB_NAME
    conn = sqlite3.connect(f"file:{copy_db}?mode=ro", uri=True)
    try:
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if status != "ok" or _table_counts(source / DB_NAME) != _table_counts(copy_db):
        raise MoveError("复制后的数据校验未通过，数据仍在原处。")
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if not path.is_file() or relative == Path(DB_NAME) or (relative.parent == Path(".") and relative.name in _SKIP):
            continue
        if not filecmp.cmp(path, staging / relative, shallow=False):
            raise MoveError(f"复制后的文件“{relative}”与原文件不一致，数据仍在原处。")

