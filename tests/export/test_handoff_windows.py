"""The hand-off on Windows, proven on Linux: Windows' names, MAX_PATH, a read-only file, an antivirus holding the
fresh file for a moment (Windows, its long-path setting and its errors are faked)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PureWindowsPath

import pytest

from fzdesk import patience
from fzdesk.export import handoff
from fzdesk.export.handoff import HandoffError, next_free_name, report_file_name, safe_file_name, write_safely

DATA = b"PK\x03\x04" + bytes(range(256)) * 40
NAME = "某县人民政府关于2024年度法治政府建设情况的报告.docx"


def windows_error(cls: type[OSError], code: int, winerror: int, text: str) -> OSError:
    """An OSError as Python on Windows raises it (errno mapped from winerror, which is kept too)."""
    exc = cls(code, text)
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


@pytest.fixture
def on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff, "_on_windows", lambda: True)
    monkeypatch.setattr(patience, "on_windows", lambda: True)
    monkeypatch.setattr(handoff, "_long_paths_enabled", lambda: False)
    monkeypatch.setattr(patience.time, "sleep", lambda seconds: None)


@pytest.mark.parametrize("name", ["CON", "con.txt", "NUL .docx", "COM0", "LPT¹", "CONIN$", "Aux . docx"])
def test_reserved_device_names_are_not_used(name: str) -> None:
    cleaned = safe_file_name(name)
    stem = cleaned.split(".")[0].rstrip(" ").upper()
    assert stem not in {"CON", "NUL", "COM0", "LPT¹", "CONIN$", "AUX"}
    assert cleaned.startswith("_")


def test_ordinary_names_stay_as_typed() -> None:
    assert safe_file_name("CONSOLE 报告") == "CONSOLE 报告"
    assert safe_file_name("COM10") == "COM10"


def test_characters_windows_forbids_never_reach_the_name() -> None:
    typed = '某局\\办公室/科:一*二?三"四<五>六|七\t八\x7f九 . '
    name = report_file_name([typed], 2024)
    assert not set('\\/:*?"<>|\t\x7f') & set(name)
    assert PureWindowsPath("C:/", name).name == name  # one name, not a path
    assert not name.removesuffix(".docx").endswith((".", " "))


def test_a_long_joint_report_name_fits_windows_limit_with_the_temporary_name() -> None:
    organs = [f"中共某某省某某市某某县第{i}某某镇委员会某某办公室法治建设领导小组" for i in range(12)]
    name = report_file_name(organs, 2024)
    longest = f".{next_free_name(Path(name)).name}.0123abcd.tmp"  # the temporary file of "name(2).docx"
    assert len(longest.encode("utf-16-le")) // 2 <= 255
    assert name.endswith("关于2024年度法治政府建设情况的报告.docx")
    assert name.startswith(organs[0][:10])
    assert "等" in name


def test_a_single_organ_too_long_is_cut_with_an_ellipsis_not_with_deng() -> None:
    """等 says "and others": right for a joint report cut short, wrong for one organ whose name is long."""
    organ = "中共某某省某某市某某县某某镇委员会全面依法治镇委员会办公室法治建设领导小组" * 7
    name = report_file_name([organ], 2024)
    stem, dot, suffix = name.rpartition(".")
    assert len(f".{stem}(2){dot}{suffix}.0123abcd.tmp".encode("utf-16-le")) // 2 <= 255
    assert name.endswith("…关于2024年度法治政府建设情况的报告.docx") and name.startswith(organ[:20])
    assert "等" not in name
    joint = report_file_name([organ, "某某县人民政府"], 2024)
    assert joint.endswith("等关于2024年度法治政府建设情况的报告.docx") and "…" not in joint


def test_a_name_with_characters_outside_the_bmp_is_counted_in_utf16_units() -> None:
    name = report_file_name(["𠀀" * 200], 2024)  # each is two UTF-16 units on Windows
    assert len(f".{name}(2).0123abcd.tmp".encode("utf-16-le")) // 2 <= 255


def test_a_path_longer_than_max_path_says_what_to_do(tmp_path: Path, on_windows: None) -> None:
    deep = tmp_path.joinpath(*["各乡镇报告汇总文件夹" + str(i) for i in range(20)])
    deep.mkdir(parents=True)
    with pytest.raises(HandoffError, match=r"路径太长.*259.*浅的文件夹") as caught:
        write_safely(deep, NAME, DATA)
    assert "拔出" not in str(caught.value)
    assert list(deep.iterdir()) == []


def test_a_long_path_is_written_when_windows_allows_long_paths(tmp_path: Path, on_windows: None,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff, "_long_paths_enabled", lambda: True)
    deep = tmp_path.joinpath(*["各乡镇报告汇总文件夹" + str(i) for i in range(20)])
    deep.mkdir(parents=True)
    assert write_safely(deep, NAME, DATA).path.read_bytes() == DATA


def test_the_path_limit_is_not_applied_off_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff, "_on_windows", lambda: False)
    deep = tmp_path.joinpath(*["各乡镇报告汇总文件夹" + str(i) for i in range(20)])
    deep.mkdir(parents=True)
    assert write_safely(deep, NAME, DATA).path.is_file()


def test_an_antivirus_holding_the_fresh_file_is_waited_for(tmp_path: Path, on_windows: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = os.replace

    def scanned(source: Path, target: Path) -> None:
        calls.append(source)
        if len(calls) < 3:
            raise windows_error(PermissionError, errno.EACCES, 32, "另一个程序正在使用此文件，进程无法访问。")
        real(source, target)

    monkeypatch.setattr(handoff.os, "replace", scanned)
    written = write_safely(tmp_path, NAME, DATA)
    assert written.path.read_bytes() == DATA and len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME]


def test_a_file_open_in_word_is_named_after_the_retries(tmp_path: Path, on_windows: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / NAME).write_bytes(b"old")

    def held(source: Path, target: Path) -> None:
        raise windows_error(PermissionError, errno.EACCES, 5, "拒绝访问。")

    monkeypatch.setattr(handoff.os, "replace", held)
    with pytest.raises(HandoffError, match=r"正被其他程序（如 Word 或 WPS）打开.*关闭"):
        write_safely(tmp_path, NAME, DATA, overwrite=True)
    assert (tmp_path / NAME).read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME]


def test_a_read_only_file_is_named_as_such(tmp_path: Path, on_windows: None, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    target = tmp_path / NAME
    target.write_bytes(b"old")
    target.chmod(stat.S_IREAD)  # what Python on Windows reports for the read-only attribute

    def refused(source: Path, target: Path) -> None:
        raise windows_error(PermissionError, errno.EACCES, 5, "拒绝访问。")

    monkeypatch.setattr(handoff.os, "replace", refused)
    with pytest.raises(HandoffError, match=r"只读.*属性.*取消"):
        write_safely(tmp_path, NAME, DATA, overwrite=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME]


def test_a_temporary_file_held_by_an_antivirus_is_still_removed(tmp_path: Path, on_windows: None,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def pulled(source: Path, target: Path) -> None:
        raise windows_error(OSError, errno.EIO, 1167, "设备没有连接。")

    tries = []
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        tries.append(self)
        if len(tries) < 2:
            raise windows_error(PermissionError, errno.EACCES, 32, "另一个程序正在使用此文件，进程无法访问。")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(handoff.os, "replace", pulled)
    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(HandoffError, match="拔出"):
        write_safely(tmp_path, NAME, DATA)
    assert list(tmp_path.iterdir()) == []


def test_a_long_name_is_written_on_linux_too(tmp_path: Path) -> None:
    """Linux counts 255 bytes, 3 for a Chinese character: a name that fits Windows' 255 UTF-16 units failed there
    with 'File name too long' (an organ of about 80 characters)."""
    single = ["中共某某县某某镇委员会全面依法治镇委员会办公室" * 4]
    for organs in (single, ["中共某某县某某镇委员会" * 4, "某某县人民政府" * 3]):
        name = report_file_name(organs, 2024)
        assert len(f".{next_free_name(Path(name)).name}.0123abcd.tmp".encode()) <= 255
        written = write_safely(tmp_path, name, b"docx")
        assert written.path.read_bytes() == b"docx"
        temp = tmp_path / f".{next_free_name(written.path).name}.0123abcd.tmp"
        temp.write_bytes(b"")  # (the temporary file of a second export, "(2)", can be made there too)
