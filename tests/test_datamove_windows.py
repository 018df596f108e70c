"""Moving the data folder while an antivirus or the indexer holds a fresh file for a moment (Windows faked): the
renames and the copy wait about two seconds; a folder held for good still stops the move with the data in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fzdesk import datamove, paths
from fzdesk.datamove import MoveError, copy_data_folder, move_data_folder
from fzdesk.patience import RETRY_PAUSES
from tests.test_datamove import _filled_store, _load
from tests.test_patience import held, pretend_windows


def _scanned_renames(monkeypatch: pytest.MonkeyPatch, failures: int, only: Path | None = None
                     ) -> list[tuple[Path, Path]]:
    """os.replace failing `failures` times for each rename (of `only`, when given) with a sharing violation, then
    doing it; the tries."""
    real = os.replace
    tries: list[tuple[Path, Path]] = []

    def replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if only is not None and Path(src) != only:
            return real(src, dst)
        tries.append((Path(src), Path(dst)))
        if tries.count((Path(src), Path(dst))) <= failures:
            raise held(32)
        real(src, dst)

    monkeypatch.setattr(datamove.os, "replace", replace)
    return tries


def test_a_move_waits_for_each_rename_an_antivirus_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_windows(monkeypatch)
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    tries = _scanned_renames(monkeypatch, failures=2)
    result = move_data_folder(source, target)
    assert _load(target, report_id) == before and not source.exists()
    assert result.kept is not None and (result.kept / paths.DB_NAME).is_file()
    renamed = {(src, dst) for src, dst in tries}
    assert (source, result.kept) in renamed and target in {dst for _, dst in renamed}  # the switch, both ways
    assert all(tries.count(pair) == 3 for pair in renamed)  # each rename: two refusals, then done
    assert not list(target.parent.glob(".*"))  # no staging copy, no note left


def test_a_copy_onto_the_stick_waits_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_windows(monkeypatch)
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    target.mkdir(parents=True)
    (target / "别的文件.txt").write_text("留着", encoding="utf-8")
    tries = _scanned_renames(monkeypatch, failures=2)
    result = copy_data_folder(source, target)
    assert _load(target, report_id) == _load(source, report_id)
    assert result.replaced is not None and (result.replaced / "别的文件.txt").read_text(encoding="utf-8") == "留着"
    assert tries and all(tries.count(pair) == 3 for pair in set(tries))


def test_a_file_an_antivirus_reads_while_it_is_copied_is_waited_for(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_windows(monkeypatch)
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    _filled_store(source)
    scanned = source / "backups" / "说明.docx"
    scanned.write_bytes(b"docx")
    copy = datamove.shutil.copyfile
    tries: list[Path] = []

    def copyfile(src: Path, dest: Path) -> object:
        if Path(src) == scanned:
            tries.append(Path(src))
            if len(tries) <= 2:
                raise held(32)
        return copy(src, dest)

    monkeypatch.setattr(datamove.shutil, "copyfile", copyfile)
    move_data_folder(source, target)
    assert len(tries) == 3 and (target / "backups" / "说明.docx").read_bytes() == b"docx"


def test_a_folder_held_for_good_stops_the_move_with_the_data_in_place(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pauses = pretend_windows(monkeypatch)
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    report_id = _filled_store(source)
    before = _load(source, report_id)
    tries = _scanned_renames(monkeypatch, failures=1000, only=source)  # Explorer open in it
    with pytest.raises(MoveError, match=r"^无法切换数据文件夹（是否还有程序在使用它？），数据仍在原处："):
        move_data_folder(source, target)
    assert len(tries) == len(RETRY_PAUSES) + 1 and sum(pauses) == pytest.approx(sum(RETRY_PAUSES))
    assert sorted(p.name for p in source.parent.iterdir()) == ["fzdesk"]
    assert _load(source, report_id) == before
    assert sorted(p.name for p in target.parent.iterdir()) == []  # the verified copy and the notes removed


def test_a_file_held_for_good_while_copying_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pretend_windows(monkeypatch)
    source, target = tmp_path / "user" / "fzdesk", tmp_path / "stick" / "fzdesk-data"
    _filled_store(source)
    scanned = source / "backups" / "说明.docx"
    scanned.write_bytes(b"docx")
    copy = datamove.shutil.copyfile
    tries: list[Path] = []

    def copyfile(src: Path, dest: Path) -> object:
        if Path(src) == scanned:
            tries.append(Path(src))
            exc = held(32)
            exc.filename = str(src)
            raise exc
        return copy(src, dest)

    monkeypatch.setattr(datamove.shutil, "copyfile", copyfile)
    with pytest.raises(MoveError, match=r"^复制数据时出错，数据仍在原处：文件“.*说明\.docx”正被其他程序使用"):
        move_data_folder(source, target)
    assert len(tries) == len(RETRY_PAUSES) + 1
    assert (source / paths.DB_NAME).is_file() and scanned.read_bytes() == b"docx"
    assert sorted(p.name for p in target.parent.iterdir()) == []
