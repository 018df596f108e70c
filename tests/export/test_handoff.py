"""The safe hand-off: temp file, fsync, rename, read back; every failure leaves nothing under the final name."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from fzdesk import portable
from fzdesk.export import handoff
from fzdesk.export.handoff import HandoffError, TargetExists, next_free_name, report_file_name, write_safely

DATA = b"PK\x03\x04" + bytes(range(256)) * 400
NAME = "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告.docx"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_file_name_from_the_organ_and_year() -> None:
    assert report_file_name(["沈丘县人民政府办公室"], 2023) == NAME
    assert report_file_name(["中共某镇委员会", "某镇人民政府"], 2024) == \
        "中共某镇委员会、某镇人民政府关于2024年度法治政府建设情况的报告.docx"


def test_illegal_characters_are_replaced() -> None:
    name = report_file_name(['某局/办公室:"A"<B>|C*?\\\x01'], 2023)
    assert name == "某局_办公室__A__B__C____关于2023年度法治政府建设情况的报告.docx"
    assert handoff.safe_file_name("CON") == "_CON"
    assert handoff.safe_file_name("报告. ") == "报告"


def test_next_free_name(tmp_path: Path) -> None:
    target = tmp_path / NAME
    assert next_free_name(target).name == NAME.replace(".docx", "(2).docx")
    (tmp_path / NAME.replace(".docx", "(2).docx")).write_bytes(b"x")
    assert next_free_name(target).name == NAME.replace(".docx", "(3).docx")
    assert next_free_name(tmp_path / NAME.replace(".docx", "(2).docx")).name == NAME.replace(".docx", "(3).docx")


def test_success_writes_verifies_and_says_the_stick_may_be_removed(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portable, "is_removable", lambda path: path == tmp_path)
    written = write_safely(tmp_path, NAME, DATA)
    assert written.path.read_bytes() == DATA
    assert written.sha256 == hashlib.sha256(DATA).hexdigest()
    assert written.message == f"已保存到“{tmp_path / NAME}”，并已读回核对无误，可以安全拔出U盘。"
    assert leftovers(tmp_path) == [NAME]


def test_a_folder_on_the_pc_is_not_called_a_stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    written = write_safely(tmp_path, NAME, DATA)
    assert written.message == f"已保存到“{tmp_path / NAME}”，并已读回核对无误。"


def test_steps_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for step in ("_create_temp", "_write_all", "_sync", "_replace", "_sync_folder", "_read_back"):
        original = getattr(handoff, step)

        def spy(*args: object, _step: str = step, _original: object = original) -> object:
            calls.append(_step)
            return _original(*args)  # type: ignore[operator]

        monkeypatch.setattr(handoff, step, spy)
    write_safely(tmp_path, NAME, DATA)
    assert calls == ["_create_temp", "_write_all", "_sync", "_read_back", "_replace", "_sync_folder", "_read_back"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(HandoffError, match="找不到目标文件夹"):
        write_safely(tmp_path / "gone", NAME, DATA)


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path, name: str) -> tuple[int, Path]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(handoff, "_create_temp", refuse)
    with pytest.raises(HandoffError, match=r"只读.*写保护"):
        write_safely(tmp_path, NAME, DATA)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_for_real(tmp_path: Path) -> None:  # pragma: no cover - needs a non-root user
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(HandoffError, match="只读"):
            write_safely(tmp_path, NAME, DATA)
    finally:
        tmp_path.chmod(0o755)


def test_full_drive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handoff, "_write_all", full)
    with pytest.raises(HandoffError, match="空间不足"):
        write_safely(tmp_path, NAME, DATA)
    assert leftovers(tmp_path) == []


def test_drive_pulled_during_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def pulled(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(handoff, "_sync", pulled)
    with pytest.raises(HandoffError, match="U盘被拔出"):
        write_safely(tmp_path, NAME, DATA)
    assert leftovers(tmp_path) == []


def test_folder_removed_during_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    original = handoff._write_all

    def vanish(fd: int, data: bytes) -> None:
        original(fd, data)
        shutil.rmtree(folder)

    monkeypatch.setattr(handoff, "_write_all", vanish)
    with pytest.raises(HandoffError, match="U盘被拔出"):
        write_safely(folder, NAME, DATA)
    assert not folder.exists()


def test_existing_file_is_not_overwritten_without_asking(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"old")
    with pytest.raises(TargetExists) as info:
        write_safely(tmp_path, NAME, DATA)
    assert info.value.suggestion.name == NAME.replace(".docx", "(2).docx")
    assert "覆盖" in str(info.value)
    assert (tmp_path / NAME).read_bytes() == b"old"
    assert leftovers(tmp_path) == [NAME]


def test_overwrite_or_new_name(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"old")
    write_safely(tmp_path, NAME, DATA, overwrite=True)
    assert (tmp_path / NAME).read_bytes() == DATA
    other = write_safely(tmp_path, next_free_name(tmp_path / NAME).name, DATA)
    assert other.path.name.endswith("(2).docx")


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / NAME).write_bytes(b"old")

    def locked(source: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(handoff, "_replace", locked)
    with pytest.raises(HandoffError, match=r"正被其他程序.*打开"):
        write_safely(tmp_path, NAME, DATA, overwrite=True)
    assert (tmp_path / NAME).read_bytes() == b"old"
    assert leftovers(tmp_path) == [NAME]


def test_read_back_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff, "_read_back", lambda path: b"corrupt")
    with pytest.raises(HandoffError, match="核对不一致"):
        write_safely(tmp_path, NAME, DATA)
    assert leftovers(tmp_path) == []


def test_mismatch_after_the_rename_removes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = handoff._read_back

    def second_read_fails(path: Path) -> bytes:
        return original(path) if path.name.endswith(".tmp") else b"corrupt"

    monkeypatch.setattr(handoff, "_read_back", second_read_fails)
    with pytest.raises(HandoffError, match="核对不一致"):
        write_safely(tmp_path, NAME, DATA)
    assert leftovers(tmp_path) == []
