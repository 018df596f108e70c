"""Moving the data folder: copied, verified, switched; the old folder kept; nothing lost when a step fails."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fzdesk import datamove, paths
from fzdesk.datamove import MoveError, move_data_folder
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
    aside = move_data_folder(source, target)
    assert not source.exists()
    assert aside is not None and (aside / paths.DB_NAME).is_file()
    assert (target / "backups" / "note.txt").read_text(encoding="utf-8") == "备份说明"
    assert not (target / "fzdesk.lock").exists()
    assert _load(target, report_id) == before
    assert not list(target.parent.glob(".*moving*"))


def test_move_without_keeping_the_old_folder(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled_store(source)
    assert move_data_folder(source, target, keep_old=False) is None
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
    with pytest.raises(MoveError, match="不是空的"):
        move_data_folder(source, target)
    assert (source / paths.DB_NAME).is_file()


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
    copy = datamove.shutil.copy2

    def corrupt(src: Path, dest: Path) -> None:
        copy(src, dest)
        Path(dest).write_text("2", encoding="utf-8")

    monkeypatch.setattr(datamove.shutil, "copy2", corrupt)
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
