"""Moving the data folder: copied, verified, switched; the old folder kept; nothing lost when a step fails."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk import datamove, opening, paths
from fzdesk.datamove import MoveError, TargetState, move_data_folder
from fzdesk.paths import DataLocation, DataSource
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.store import Store
from tests import factories


def _filled_store(folder: Path) -> int:
    with Store.open(folder) as s:
        u = factories.unit()
        s.save_unit(u)
        assert u.id is not None
        return s.create_report(factories.report(u))


def _load(folder: Path, report_id: int) -> object:
    with Store.open(folder, daily_backup=False) as s:
        return s.load_report(report_id)


def test_move_keeps_every_row_and_file(tmp_path: Path) -> None:
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    (source / "backups" / "note.txt").write_text("备份说明", encoding="utf-8")
    result = move_data_folder(source, target)
    assert not source.exists()
    aside = result.kept
    assert result.replaced is None and result.target == target
    assert aside is not None and aside.parent == source.parent and aside.name.startswith("fzdesk-moved-")
    assert (aside / paths.DB_NAME).is_file()
    assert (target / "backups" / "note.txt").read_text(encoding="utf-8") == "备份说明"
    assert not (target / "fzdesk.lock").exists()
    assert _load(target, report_id) == before
    assert not list(target.parent.glob(".*moving*"))


def test_move_without_keeping_the_old_folder(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    assert move_data_folder(source, target, keep_old=False).kept is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]


def test_empty_target_folder_is_fine(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    target.mkdir()
    move_data_folder(source, target)
    assert (target / paths.DB_NAME).is_file()


def test_refuses_to_overwrite_data(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    _filled_store(target)
    with pytest.raises(MoveError, match="不是空的：已有一份 fzdesk 数据（1 个单位、1 份报告"):
        move_data_folder(source, target)
    assert (source / paths.DB_NAME).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_refuses_a_folder_without_data_or_inside_itself(tmp_path: Path) -> None:
    with pytest.raises(MoveError, match="没有 fzdesk 数据"):
        move_data_folder(tmp_path / "nothing", tmp_path / "b")
    _filled_store(tmp_path / "a")
    with pytest.raises(MoveError, match="不能"):
        move_data_folder(tmp_path / "a", tmp_path / "a" / "inner")


def test_refuses_while_the_program_holds_the_folder(tmp_path: Path) -> None:
    source = tmp_path / "a"
    _filled_store(source)
    with Store.open(source, daily_backup=False), pytest.raises(StoreLocked):
        move_data_folder(source, tmp_path / "b")
    assert not (tmp_path / "b").exists()
    assert not list(tmp_path.glob(".*moving*"))


def test_failed_verification_leaves_everything_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    monkeypatch.setattr(datamove, "_table_counts", lambda path: {"units": len(str(path))})
    with pytest.raises(MoveError, match="校验未通过"):
        move_data_folder(source, target)
    assert (source / paths.DB_NAME).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_changed_file_fails_verification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    (source / "extra.txt").write_text("1", encoding="utf-8")
    copy = datamove.shutil.copyfile

    def corrupt(src: Path, dest: Path) -> None:
        copy(src, dest)
        Path(dest).write_text("2", encoding="utf-8")

    monkeypatch.setattr(datamove.shutil, "copyfile", corrupt)
    with pytest.raises(MoveError, match="不一致"):
        move_data_folder(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_failed_final_rename_puts_the_source_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    report_id = _filled_store(source)
    real_replace = os.replace

    def replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if Path(dst) == target:
            raise OSError("disk removed")
        real_replace(src, dst)

    monkeypatch.setattr(datamove.os, "replace", replace)
    with pytest.raises(MoveError, match="数据仍在原处"):
        move_data_folder(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]
    assert _load(source, report_id) is not None


def test_move_target_switches_between_user_and_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fzdesk"))
    user = DataLocation(paths.default_data_dir(), DataSource.USER)
    assert datamove.move_target(user) == tmp_path / "fzdesk-data"
    assert datamove.move_target(DataLocation(tmp_path / "fzdesk-data", DataSource.PORTABLE)) == user.path
    assert datamove.move_target(DataLocation(tmp_path, DataSource.OPTION)) is None


def test_moved_data_are_then_found_where_they_went(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The round trip the menu entry makes: per-user -> stick -> per-user, resolved by data_location."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "stick" / "fzdesk"))
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr("fzdesk.portable.is_removable", lambda path: False)
    report_id = _filled_store(paths.default_data_dir())
    here = paths.data_location()
    assert here.source is DataSource.USER
    target = datamove.move_target(here)
    assert target is not None
    move_data_folder(here.path, target)
    there = paths.data_location()
    assert there.source is DataSource.PORTABLE
    back = datamove.move_target(there)
    assert back is not None
    move_data_folder(there.path, back)
    assert paths.data_location().source is DataSource.USER
    assert _load(paths.default_data_dir(), report_id) is not None


# ----- what plan_move finds before anything is touched --------------------------------------------


def test_plan_of_a_move_to_an_empty_place(tmp_path: Path) -> None:
    source = tmp_path / "a"
    _filled_store(source)
    (source / "backups").mkdir(exist_ok=True)
    (source / "backups" / "big.bin").write_bytes(b"x" * 300_000)
    plan = datamove.plan_move(source, tmp_path / "new" / "place")
    assert plan.target_state is TargetState.EMPTY and plan.target_summary == ""
    assert 300_000 < plan.size < 2_000_000
    assert plan.free > plan.size
    assert not (tmp_path / "new").exists()  # planning writes nothing
    assert not list(tmp_path.rglob(".fzdesk-write-test-*"))


def test_an_empty_store_and_other_files_are_described(tmp_path: Path) -> None:
    source = tmp_path / "a"
    _filled_store(source)
    Store.open(tmp_path / "empty", daily_backup=False).close()
    plan = datamove.plan_move(source, tmp_path / "empty")
    assert plan.target_state is TargetState.STORE and "空的 fzdesk 数据" in plan.target_summary
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "照片.jpg").write_bytes(b"1")
    plan = datamove.plan_move(source, tmp_path / "other")
    assert plan.target_state is TargetState.OTHER and "1 个其他文件" in plan.target_summary


def test_replacing_keeps_what_was_in_the_target(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    report_id = _filled_store(source)
    moved = _load(source, report_id)
    old_id = _filled_store(target)
    old = _load(target, old_id)
    result = move_data_folder(source, target, replace=True)
    assert result.replaced is not None and result.replaced.name.startswith("b-replaced-")
    assert _load(target, report_id) == moved
    assert _load(result.replaced, old_id) == old
    assert result.kept is not None and (result.kept / paths.DB_NAME).is_file()
    assert not source.exists()


def test_replacing_other_files_keeps_them(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    target.mkdir()
    (target / "笔记.txt").write_text("别丢", encoding="utf-8")
    with pytest.raises(MoveError, match="其他文件"):
        move_data_folder(source, target)
    result = move_data_folder(source, target, replace=True)
    assert result.replaced is not None
    assert (result.replaced / "笔记.txt").read_text(encoding="utf-8") == "别丢"
    assert (target / paths.DB_NAME).is_file() and not (target / "笔记.txt").exists()


def test_failed_final_rename_puts_back_source_and_replaced_target(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    report_id = _filled_store(source)
    old_id = _filled_store(target)
    real_replace = os.replace

    def replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if Path(dst) == target and Path(src).name.startswith(".b.moving"):
            raise OSError("disk removed")
        real_replace(src, dst)

    monkeypatch.setattr(datamove.os, "replace", replace)
    with pytest.raises(MoveError, match="数据仍在原处"):
        move_data_folder(source, target, replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]
    assert _load(source, report_id) is not None and _load(target, old_id) is not None


def test_a_target_another_copy_of_the_program_uses_is_not_replaced(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    _filled_store(target)
    with Store.open(target, daily_backup=False), pytest.raises(MoveError, match="另一个正在运行"):
        move_data_folder(source, target, replace=True)
    assert (source / paths.DB_NAME).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_a_file_in_the_targets_place(tmp_path: Path) -> None:
    _filled_store(tmp_path / "a")
    (tmp_path / "b").write_text("x", encoding="utf-8")
    with pytest.raises(MoveError, match="是一个文件"):
        datamove.plan_move(tmp_path / "a", tmp_path / "b")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc: a place even root cannot write to")
def test_a_place_that_cannot_be_written_to(tmp_path: Path) -> None:
    source = tmp_path / "a"
    _filled_store(source)
    with pytest.raises(MoveError, match="不能在“/proc”中写入"):
        move_data_folder(source, Path("/proc/fzdesk-test/fzdesk-data"))
    assert (source / paths.DB_NAME).is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_too_little_space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "stick" / "fzdesk-data"
    _filled_store(source)
    size = datamove.folder_size(source)
    monkeypatch.setattr(datamove, "_free_space", lambda folder: size + datamove.SPACE_MARGIN - 1)
    with pytest.raises(MoveError, match=r"空间不够：数据约 .* MB，那里只剩 .* MB"):
        move_data_folder(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]
    monkeypatch.setattr(datamove, "_free_space", lambda folder: size + datamove.SPACE_MARGIN)
    assert datamove.plan_move(source, target).size == size


def test_space_running_out_while_copying(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    (source / "extra.txt").write_text("1", encoding="utf-8")

    def full(src: Path, dest: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(datamove.shutil, "copyfile", full)
    with pytest.raises(MoveError, match="空间用完"):
        move_data_folder(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_sizes_for_the_clerk() -> None:
    assert datamove.megabytes(400_000) == "0.4 MB"
    assert datamove.megabytes(35 * 1024 ** 2) == "35 MB"
    assert datamove.megabytes(3 * 1024 ** 3 // 2) == "1.5 GB"


def test_when_even_putting_back_fails_nothing_is_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    report_id = _filled_store(source)
    real_replace = os.replace

    def replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if Path(dst) in (target, source):  # the copy cannot go in, and the source cannot come back
            raise OSError("disk removed")
        real_replace(src, dst)

    monkeypatch.setattr(datamove.os, "replace", replace)
    with pytest.raises(MoveError, match="数据没有丢失") as caught:
        move_data_folder(source, target)
    aside = next(tmp_path.glob("a-moved-*"))
    staging = next(tmp_path.glob(".b.moving-*"))
    assert f"“{aside}”应改回“a”" in str(caught.value) and str(staging) in str(caught.value)
    assert _load(aside, report_id) is not None and _load(staging, report_id) is not None


def test_copy_leaves_the_source_and_keeps_what_the_target_held(tmp_path: Path) -> None:
    """This PC's data onto a stick whose fzdesk-data is new: verified copy, the source untouched."""
    source, target = tmp_path / "pc" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    with Store.open(source) as store:
        store.save_unit(factories.unit())
    Store.open(target).close()  # the empty store made on the stick's first start
    before = (source / "fzdesk.sqlite").read_bytes()
    result = datamove.copy_data_folder(source, target)
    assert result.target == target.absolute() and result.kept is None
    assert result.replaced is not None and (result.replaced / "fzdesk.sqlite").is_file()
    assert (source / "fzdesk.sqlite").read_bytes() == before
    with Store.open(target, exclusive=False, daily_backup=False) as copy:
        assert [u.name for u in copy.units()] == ["沈丘县人民政府办公室"]
    with pytest.raises(datamove.MoveError, match="没有 fzdesk 数据"):
        datamove.copy_data_folder(tmp_path / "nothing", target)


_KILLED_MID_SWITCH = """
import os, signal, sys
from pathlib import Path
from fzdesk import datamove
source, target, when = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
real = os.replace

def replace(src, dst):
    if (when == "into place" and Path(dst) == target) or (when == "aside" and Path(src) == source):
        os.kill(os.getpid(), signal.SIGKILL)  # the power cut: between the program's renames
    real(src, dst)

os.replace = replace
if when == "copying":
    datamove._verify = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
getattr(datamove, sys.argv[4])(source, target)
"""


def _killed_while_switching(source: Path, target: Path, when: str, function: str = "move_data_folder") -> None:
    done = subprocess.run([sys.executable, "-c", _KILLED_MID_SWITCH, str(source), str(target), when, function],
                          cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("when", ["aside", "into place"])
@pytest.mark.parametrize("opened", ["source", "target"])
def test_a_move_cut_short_by_a_power_cut_is_put_back_at_the_next_start(tmp_path: Path, when: str,
                                                                         opened: str) -> None:
    """Killed between renaming the data folder aside and the copy into place, the data folder was missing at the
    next start, and an empty store was made there. Now the next start (from either place) puts the folders back."""
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    _killed_while_switching(source, target, when)
    opened_store = opening.open_for_window(str(source if opened == "source" else target))
    assert isinstance(opened_store, Store)
    opened_store.close()
    assert _load(source, report_id) == before  # the data where they were, as if the move had not begun
    if when == "aside" and opened == "source":  # cut before any rename: the folder is whole, nothing to undo
        move_data_folder(source, target)  # and the move, done again, works (and clears what was left)
        assert _load(target, report_id) == before
        return
    assert not (target / paths.DB_NAME).exists() or opened == "target"
    assert sorted(p.name for p in source.parent.iterdir()) == ["fzdesk"]  # no -moved- copy, no note left
    assert [p.name for p in target.parent.iterdir() if p.name != "fzdesk-data"] == []  # no half-switched copy


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_copy_onto_the_stick_cut_short_puts_back_what_the_stick_held(tmp_path: Path) -> None:
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    Store.open(target).close()  # the stick's own (empty) data
    _killed_while_switching(source, target, "into place", "copy_data_folder")
    assert not (target / paths.DB_NAME).exists()  # cut short: the stick's data renamed aside, the copy not in
    opened_store = opening.open_for_window(str(target))
    assert isinstance(opened_store, Store)
    assert opened_store.reports() == []  # the stick's own data back in place
    opened_store.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["fzdesk-data"]
    assert _load(source, report_id) is not None


def test_a_finished_move_leaves_no_note(tmp_path: Path) -> None:
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    _filled_store(source)
    move_data_folder(source, target)
    assert not datamove.journal_path(source).exists() and not datamove.journal_path(target).exists()
    assert not datamove.finish_interrupted_move(target)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_copy_half_made_by_a_move_cut_short_is_cleared_by_the_next_move(tmp_path: Path) -> None:
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    _killed_while_switching(source, target, "copying")
    [half] = target.parent.iterdir()
    assert half.name.startswith(".fzdesk-data.moving-")  # taking room on the stick
    half.rename(half.with_name(".fzdesk-data.moving-20260101-000000"))
    move_data_folder(source, target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["fzdesk-data"]
    assert _load(target, report_id) is not None


def test_a_stick_that_fills_during_the_database_copy_is_said_and_nothing_moves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's copy reports a full disk as its own error, not as an OSError: it went past the move's handling and
    out of the window's, with the store already closed."""
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)

    def fills(path: Path, dest: Path) -> None:
        dest.write_bytes(b"\0" * 4096)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(datamove, "_copy_database", fills)
    with pytest.raises(MoveError, match="磁盘空间用完了，没有移动，数据仍在原处"):
        move_data_folder(source, target)
    assert _load(source, report_id) == before
    assert sorted(p.name for p in target.parent.iterdir()) == []


def test_a_file_in_use_by_another_program_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a file another program holds open (a report in WPS, a backup being scanned) cannot be read."""
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    _filled_store(source)
    held = source / "backups" / "说明.docx"
    held.write_bytes(b"docx")
    copy = datamove.shutil.copyfile

    def copyfile(src: Path, dest: Path) -> object:
        if Path(src) == held:
            raise PermissionError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。", str(src))
        return copy(src, dest)

    monkeypatch.setattr(datamove.shutil, "copyfile", copyfile)
    with pytest.raises(MoveError) as info:
        move_data_folder(source, target)
    assert str(info.value) == (f"复制数据时出错，数据仍在原处：文件“{held}”正被其他程序使用，或没有权限读写它。"
                               "请关闭可能打开了它的程序（如WPS、Word、杀毒软件）后再试（另一个程序正在使用此文件，进程无法访问。）")
    assert (source / paths.DB_NAME).is_file() and sorted(p.name for p in target.parent.iterdir()) == []


@pytest.mark.parametrize("copy", [False, True])
def test_a_note_that_cannot_be_written_stops_the_switch_and_says_what_to_do(
        copy: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The note for a move cut short is written before the renames: when it cannot be, nothing is switched, and the
    message says which it was (a copy is not a move) and what the clerk can do."""
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    nowhere = tmp_path / "pulled"  # a folder that is not there: the note's file cannot be opened

    def journal_path(folder: Path) -> Path:
        return nowhere / f".{folder.name}.move.json"

    monkeypatch.setattr(datamove, "journal_path", journal_path)
    with pytest.raises(MoveError) as info:
        (datamove.copy_data_folder if copy else move_data_folder)(source, target)
    done = "复制" if copy else "移动"
    assert str(info.value).startswith(f"无法在“{nowhere}”中写入，没有{done}，数据仍在原处。请检查U盘是否插好")
    assert _load(source, report_id) == before
    assert sorted(p.name for p in target.parent.iterdir()) == []  # the verified copy went with it
    assert sorted(p.name for p in source.parent.iterdir()) == ["fzdesk"]


def test_a_stick_that_refuses_permission_bits_takes_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    (source / "backups" / "note.txt").write_text("备份说明", encoding="utf-8")
    real_chmod = os.chmod

    def fat_chmod(path: object, *args: object, **kwargs: object) -> None:  # (vfat on Linux: EPERM)
        if str(path).startswith(str(target.parent)):
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        real_chmod(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "chmod", fat_chmod)
    move_data_folder(source, target)
    assert (target / "backups" / "note.txt").read_text(encoding="utf-8") == "备份说明"
    assert _load(target, report_id) == before
