"""Moves the data folder between the per-user folder and the portable folder without ever losing data.

The copy goes to a temporary folder beside the target, is verified (SQLite integrity, the same rows in every
table, the same bytes in every other file), and only then switched in: the source folder is renamed aside and
the copy renamed into place. The old folder is kept (renamed) unless the caller asks to remove it. plan_move
finds beforehand what would stop a move (no data, no write access, too little space) and what the target holds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import filecmp
import glob
import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

from fzdesk.paths import DB_NAME, DataLocation, DataSource, default_data_dir
from fzdesk.patience import patiently
from fzdesk.portable import portable_folder
from fzdesk.storage.lock import FolderLock, StoreLocked
from fzdesk.storage.uri import read_only_uri

#: Files that belong to a running program, not to the data (the lock, SQLite's WAL and shared memory).
_SKIP = {"fzdesk.lock", DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal"}


#: Room kept free beyond the copy itself (SQLite's backup and the file system need a little more).
SPACE_MARGIN = 4 * 1024 * 1024


class MoveError(RuntimeError):
    """The move did not happen; the data are where they were. The message is for the clerk."""


class TargetState(StrEnum):
    """What the target folder holds before the move."""

    EMPTY = "empty"  # missing or empty: the data simply go there
    STORE = "store"  # fzdesk data (another copy, e.g. from an earlier move)
    OTHER = "other"  # other files


@dataclass(frozen=True)
class MovePlan:
    """What a move would do, found before anything is touched."""

    source: Path
    target: Path
    size: int  # bytes to copy
    free: int  # bytes free where the target goes
    target_state: TargetState
    target_summary: str  # what the target holds, in Chinese ("" when empty)


@dataclass(frozen=True)
class MoveResult:
    target: Path
    kept: Path | None  # the old folder, renamed aside (None with keep_old=False)
    replaced: Path | None  # what was in the target before, renamed aside (None if it was empty)


def megabytes(size: int) -> str:
    """A size for the clerk: "0.4 MB", "35 MB", "1.2 GB"."""
    if size >= 1024 ** 3:
        return f"{size / 1024 ** 3:.1f} GB"
    mb = size / 1024 ** 2
    return f"{mb:.1f} MB" if mb < 10 else f"{mb:.0f} MB"


def move_target(current: DataLocation) -> Path | None:
    """Where the window's "move data" entry would move the data: portable <-> per-user, else None."""
    portable = portable_folder()
    if current.source is DataSource.PORTABLE:
        return default_data_dir()
    if current.source is DataSource.USER and portable is not None:
        return portable
    return None


def plan_move(source: Path, target: Path) -> MovePlan:
    """What moving source to target would do; raises MoveError (with the reason, for the clerk) if it cannot.

    Refused: no data in source; target inside source or the other way round; a folder that cannot be written
    (where the copy goes, or where the old folder is renamed aside); too little free space for the copy.
    """
    source, target = Path(source).absolute(), Path(target).absolute()
    if not (source / DB_NAME).is_file():
        raise MoveError(f"“{source}”中没有 fzdesk 数据，无需移动。")
    if target == source or source in target.parents or target in source.parents:
        raise MoveError("目标文件夹不能是原数据文件夹本身，也不能包含它或在它里面。")
    if target.exists() and not target.is_dir():
        raise MoveError(f"“{target}”是一个文件，不是文件夹。请把它改名或移走后再试。")
    where = _existing_ancestor(target.parent)
    if not _writable(where) or (target.is_dir() and not _writable(target)):
        raise MoveError(f"不能在“{where}”中写入（可能是只读的位置、U盘设了写保护，或没有权限），"
                        "所以无法把数据移到那里。")
    if not _writable(source.parent):
        raise MoveError(f"不能在“{source.parent}”中写入，原数据文件夹无法改名保留，所以不能移动。")
    size = folder_size(source)
    free = _free_space(where)
    if free < size + SPACE_MARGIN:
        raise MoveError(f"“{where}”所在的磁盘空间不够：数据约 {megabytes(size)}，"
                        f"那里只剩 {megabytes(free)} 可用。请先腾出空间再移动。")
    state, summary = _target_contents(target)
    if state is TargetState.STORE:
        _refuse_if_in_use(target)
    return MovePlan(source, target, size, free, state, summary)


def move_data_folder(source: Path, target: Path, *, keep_old: bool = True, replace: bool = False) -> MoveResult:
    """Moves the store in source to target. Close the Store before calling.

    A target that holds anything is refused unless replace=True; then, after the copy is verified, what was
    there is renamed aside ("<name>-replaced-<time>"), never deleted. The old folder is kept as
    "<name>-moved-<time>" unless keep_old=False. Raises MoveError (nothing changed: the data are where they
    were) or StoreLocked (another fzdesk uses the folder).
    """
    plan = plan_move(source, target)
    source, target = plan.source, plan.target
    if plan.target_state is not TargetState.EMPTY and not replace:
        raise MoveError(f"目标文件夹“{target}”不是空的：{plan.target_summary}。为免覆盖数据，没有移动。")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = target.with_name(f".{target.name}.moving-{stamp}")
    _stage_copy(source, staging, full="复制时目标磁盘空间用完了，没有移动，数据仍在原处。请先腾出空间再试。",
                failed="复制数据时出错，数据仍在原处：{}")
    replaced = None
    if plan.target_state is not TargetState.EMPTY:
        replaced = target.with_name(f"{target.name}-replaced-{stamp}")
    aside = source.with_name(f"{source.name}-moved-{stamp}")
    journals = _write_journal(staging, target, replaced, source, aside)
    try:
        kept = _switch(source, staging, target, aside, replaced)
    finally:
        _remove(journals)
    if not keep_old:
        shutil.rmtree(kept, ignore_errors=True)
        return MoveResult(target, None, replaced)
    return MoveResult(target, kept, replaced)


def _switch(source: Path, staging: Path, target: Path, aside: Path, replaced: Path | None) -> Path:
    """Renames source aside (and an occupied target to replaced), then the verified copy into place; undoes
    the earlier renames if a later one fails."""
    try:
        _rename(source, aside)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise MoveError(f"无法切换数据文件夹（是否还有程序在使用它？），数据仍在原处：{exc}") from exc
    try:
        if replaced is not None:
            _rename(target, replaced)
        elif target.exists():
            patiently(target.rmdir)  # checked empty by plan_move
    except OSError as exc:
        _put_back(staging, [(aside, source)], f"无法把“{target}”中原有的内容改名保留，没有移动", exc)
    try:
        _rename(staging, target)
    except OSError as exc:
        renamed = [(aside, source)] if replaced is None else [(replaced, target), (aside, source)]
        _put_back(staging, renamed, f"无法把数据放到“{target}”", exc)
    return aside


def _rename(source: Path, target: Path) -> None:
    """os.replace, waited for while an antivirus or the indexer holds a file in the folder (fzdesk.patience): a
    folder open in Explorer or a program still fails, after about two seconds."""
    patiently(os.replace, source, target)


def _put_back(staging: Path, renamed: list[tuple[Path, Path]], what: str, cause: OSError) -> NoReturn:
    """Undoes renames (each (now, was)) after a failed step and raises MoveError saying where the data are.

    If a folder cannot be put back, nothing is deleted (the verified copy neither) and the message names both."""
    stuck: list[tuple[Path, Path]] = []
    for now, was in renamed:
        try:
            _rename(now, was)
        except OSError:
            stuck.append((now, was))
    if not stuck:
        shutil.rmtree(staging, ignore_errors=True)
        raise MoveError(f"{what}，数据仍在原处：{cause}") from cause
    names = "；".join(f"“{now}”应改回“{was.name}”" for now, was in stuck)
    raise MoveError(f"{what}（{cause}），也没能把文件夹改回原来的名字。数据没有丢失：{names}"
                    f"（另有一份校验过的副本在“{staging}”）。请关闭程序，按上面改回名字后再启动。") from cause


def _refuse_if_in_use(target: Path) -> None:
    """A target whose data another running fzdesk holds is not replaced under it."""
    lock = FolderLock(target)
    try:
        lock.acquire()
    except StoreLocked as exc:
        raise MoveError(f"目标文件夹“{target}”中的数据正由另一个正在运行的 fzdesk 使用。"
                        "请先关闭那个窗口再移动。") from exc
    except OSError:
        return  # a read-only target is refused by plan_move's write test
    lock.release()


def folder_size(folder: Path) -> int:
    """Bytes of the files a move copies (the lock file left out)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not (path.parent == folder and path.name == "fzdesk.lock"):
            total += path.stat().st_size
    return total


def _existing_ancestor(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _writable(folder: Path) -> bool:
    """True if a file can really be created in folder (os.access does not see Windows ACLs or read-only media)."""
    try:
        fd, name = tempfile.mkstemp(prefix=".fzdesk-write-test-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    os.unlink(name)
    return True


def _free_space(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _target_contents(target: Path) -> tuple[TargetState, str]:
    """What target holds: nothing, fzdesk data (described) or other files."""
    if not target.is_dir() or not any(target.iterdir()):
        return TargetState.EMPTY, ""
    db = target / DB_NAME
    if not db.is_file():
        count = sum(1 for _ in target.iterdir())
        return TargetState.OTHER, f"里面有 {count} 个其他文件或文件夹"
    newest = max(p.stat().st_mtime for p in target.glob(DB_NAME + "*"))
    when = dt.datetime.fromtimestamp(newest).strftime("%Y-%m-%d %H:%M")
    try:
        counts = _table_counts(db)
    except sqlite3.Error:
        return TargetState.STORE, f"已有一份 fzdesk 数据（最后修改于 {when}，内容无法读取）"
    units, reports = counts.get("units", 0), counts.get("reports", 0)
    if not units and not reports:
        return TargetState.STORE, f"已有一份空的 fzdesk 数据（没有单位和报告，最后修改于 {when}）"
    return TargetState.STORE, f"已有一份 fzdesk 数据（{units} 个单位、{reports} 份报告，最后修改于 {when}）"



def _stage_copy(source: Path, staging: Path, *, full: str, failed: str) -> None:
    """Copies source into staging under its lock and verifies the copy; on failure removes staging and raises
    MoveError with full (disk full) or failed (formatted with the error). A copy left half-made beside it by a move
    cut short (a power cut while copying) is removed first: it only takes room on the stick."""
    kind = staging.name.rsplit("-", 2)[0]  # ".fzdesk-data.moving"
    for stale in staging.parent.glob(f"{glob.escape(kind)}-????????-??????"):
        shutil.rmtree(stale, ignore_errors=True)
    try:
        staging.parent.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(source)
        lock.acquire()
        try:
            _copy_folder(source, staging)
            _verify(source, staging)
        finally:
            lock.release()
    except (OSError, sqlite3.Error) as exc:  # (SQLite's copy says "database or disk is full", not ENOSPC)
        shutil.rmtree(staging, ignore_errors=True)
        if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc).lower():
            raise MoveError(full) from exc
        if isinstance(exc, PermissionError) and exc.filename:
            raise MoveError(failed.format(
                f"文件“{exc.filename}”正被其他程序使用，或没有权限读写它。请关闭可能打开了它的程序"
                f"（如WPS、Word、杀毒软件）后再试（{exc.strerror}）")) from exc
        raise MoveError(failed.format(exc)) from exc
    except MoveError:
        shutil.rmtree(staging, ignore_errors=True)
        raise

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
            _copy_file(path, dest)


def _copy_file(path: Path, dest: Path) -> None:
    """The file's bytes, then its times where the file system keeps them. Its permission bits are not required:
    a FAT stick mounted on Linux refuses chmod (shutil.copy2 then failed the whole move with EPERM)."""
    patiently(shutil.copyfile, path, dest)
    with contextlib.suppress(OSError):
        shutil.copystat(path, dest)


def _copy_database(path: Path, dest: Path) -> None:
    """SQLite's online backup: a consistent copy that includes what is still in the WAL file."""
    src = sqlite3.connect(read_only_uri(path), uri=True)
    out = sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=WAL")  # as Store.open leaves it
    finally:
        out.close()
        src.close()


def _table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _verify(source: Path, staging: Path) -> None:
    copy_db = staging / DB_NAME
    conn = sqlite3.connect(read_only_uri(copy_db), uri=True)
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



def copy_data_folder(source: Path, target: Path) -> MoveResult:
    """Copies the store in source into target, leaving source as it is (this PC's data onto a stick whose
    fzdesk-data is new). Close the Store in target before calling. What target held is renamed aside
    ("<name>-replaced-<time>"), never deleted; the copy is verified before it is switched in. Raises MoveError
    (nothing changed) or StoreLocked (another fzdesk uses source)."""
    source, target = Path(source).absolute(), Path(target).absolute()
    if not (source / DB_NAME).is_file():
        raise MoveError(f"“{source}”中没有 fzdesk 数据，无需复制。")
    if target == source or source in target.parents or target in source.parents:
        raise MoveError("目标文件夹不能是原数据文件夹本身，也不能包含它或在它里面。")
    where = _existing_ancestor(target.parent)
    if not _writable(where):
        raise MoveError(f"不能在“{where}”中写入（可能是只读的位置、U盘设了写保护，或没有权限），所以无法复制数据。")
    size = folder_size(source)
    free = _free_space(where)
    if free < size + SPACE_MARGIN:
        raise MoveError(f"“{where}”所在的磁盘空间不够：数据约 {megabytes(size)}，那里只剩 {megabytes(free)} 可用。"
                        "请先腾出空间再复制。")
    state, _ = _target_contents(target)
    if state is TargetState.STORE:
        _refuse_if_in_use(target)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = target.with_name(f".{target.name}.copying-{stamp}")
    _stage_copy(source, staging, full="复制时目标磁盘空间用完了，没有复制。请先腾出空间再试。",
                failed="复制数据时出错，没有复制：{}")
    replaced = target.with_name(f"{target.name}-replaced-{stamp}") if state is not TargetState.EMPTY else None
    journals = _write_journal(staging, target, replaced)
    try:
        try:
            if replaced is not None:
                _rename(target, replaced)
            elif target.exists():
                patiently(target.rmdir)
        except OSError as exc:
            _put_back(staging, [], f"无法把“{target}”中原有的内容改名保留，没有复制", exc)
        try:
            _rename(staging, target)
        except OSError as exc:
            _put_back(staging, [] if replaced is None else [(replaced, target)], f"无法把数据放到“{target}”", exc)
    finally:
        _remove(journals)
    return MoveResult(target, None, replaced)


# ----- a move cut short (power cut, the program killed) between its renames --------------------------------------
def journal_path(folder: Path) -> Path:
    """The note beside folder that says a move into or out of it is switching folders (".fzdesk-data.move.json")."""
    return folder.with_name(f".{folder.name}.move.json")


def _write_journal(staging: Path, target: Path, replaced: Path | None, source: Path | None = None,
                   aside: Path | None = None) -> list[Path]:
    """Writes, beside the target and beside the source, what the renames to come will be, so that a start after a
    power cut between them can put the folders back (finish_interrupted_move). The notes written."""
    note = json.dumps({"staging": str(staging), "target": str(target), "replaced": _text(replaced),
                       "source": _text(source), "aside": _text(aside)}, ensure_ascii=False)
    written: list[Path] = []
    try:
        for folder in (target, source):
            if folder is None:
                continue
            path = journal_path(folder)
            partial = path.with_name(path.name + ".part")
            with partial.open("w", encoding="utf-8") as fh:
                fh.write(note)
                fh.flush()
                os.fsync(fh.fileno())
            _rename(partial, path)
            written.append(path)
    except OSError as exc:
        _remove(written)
        shutil.rmtree(staging, ignore_errors=True)
        done = "移动" if source is not None else "复制"  # (a copy has no source folder to put aside)
        where = Path(exc.filename).parent if exc.filename else target.parent
        raise MoveError(f"无法在“{where}”中写入，没有{done}，数据仍在原处。"
                        f"请检查U盘是否插好、是否设了写保护，或选择其他位置后再试（{exc.strerror or exc}）") from exc
    return written


def _text(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def finish_interrupted_move(folder: Path) -> bool:
    """After a move or copy into or out of folder was cut short between its renames (folder then has no data): puts
    the folders back as they were before it (the data where they were; what the target held back in place) and
    removes the half-switched copy, or, if the copy had been switched in, only the note. True if there was one."""
    try:
        note = json.loads(journal_path(folder).read_text(encoding="utf-8"))
        staging, target = Path(note["staging"]), Path(note["target"])
        replaced, source, aside = (Path(note[k]) if note.get(k) else None for k in ("replaced", "source", "aside"))
    except (OSError, ValueError, KeyError, TypeError):
        return False  # none, or not ours to act on
    if not ((target / DB_NAME).is_file() and not staging.exists()):  # the verified copy is not in place: undo
        if source is not None and aside is not None and aside.is_dir() and not source.exists():
            _rename(aside, source)
        if replaced is not None and replaced.is_dir() and not (target / DB_NAME).exists():
            if target.is_dir() and not any(target.iterdir()):
                target.rmdir()
            if not target.exists():
                _rename(replaced, target)
        if staging.is_dir() and (source is None or (source / DB_NAME).is_file()):
            shutil.rmtree(staging, ignore_errors=True)
    _remove([journal_path(target)] + ([journal_path(source)] if source is not None else []))
    return True
