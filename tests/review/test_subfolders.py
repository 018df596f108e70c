"""A stick sorted into one folder per township (as many offices keep it): the subfolders are read, named in the
rows, a copy of the program and the system's folders are not; unread subfolders are counted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fzdesk.review.batch import MAX_FILES, ReviewError, files_in, in_subfolders, review_paths
from fzdesk.review.reading import OFFICE_ADVICE, Checker, review_file
from tests.review import files


@pytest.fixture
def sorted_stick(tmp_path: Path) -> Path:
    stick = tmp_path / "U盘"
    for town in ("石桥镇", "王集乡"):
        (stick / town).mkdir(parents=True)
        files.exported(stick / town, "2023年度法治政府建设情况报告.docx", f"{town}人民政府")  # the same name twice
    files.exported(stick, "县公安局.docx", "沈丘县公安局")
    program = stick / "fzdesk"  # the portable program beside the reports: its resources are not reports
    (program / "resources" / "catalogue").mkdir(parents=True)
    (program / "resources" / "catalogue" / "indicators.json").write_text("{}", encoding="utf-8")
    (program / "说明.docx").write_bytes(b"")
    for hidden in (".Trashes", "System Volume Information", "~临时"):
        (stick / hidden).mkdir()
        (stick / hidden / "x.docx").write_bytes(b"")
    return stick


def test_the_townships_folders_are_read_and_named_with_their_folder(sorted_stick: Path) -> None:
    paths = files_in(sorted_stick, subfolders=True)
    assert [p.relative_to(sorted_stick).as_posix() for p in paths] == [
        "县公安局.docx", "王集乡/2023年度法治政府建设情况报告.docx", "石桥镇/2023年度法治政府建设情况报告.docx"]
    rows, year = review_paths(paths, root=sorted_stick)
    assert year == 2023
    assert [r.name for r in rows] == ["县公安局.docx", os.path.join("王集乡", "2023年度法治政府建设情况报告.docx"),
                                      os.path.join("石桥镇", "2023年度法治政府建设情况报告.docx")]
    assert [r.unit_name for r in rows] == ["沈丘县公安局", "王集乡人民政府", "石桥镇人民政府"]
    assert not any(r.duplicates for r in rows)  # two files of one name, but two units


def test_without_subfolders_only_the_top_is_read_and_the_rest_is_counted(sorted_stick: Path) -> None:
    assert [p.name for p in files_in(sorted_stick)] == ["县公安局.docx"]
    assert in_subfolders(sorted_stick) == 2
    (sorted_stick / "县公安局.docx").unlink()
    with pytest.raises(ReviewError, match="勾选“包括子文件夹”"):
        files_in(sorted_stick)
    assert len(files_in(sorted_stick, subfolders=True)) == 2


def test_a_whole_disk_picked_by_mistake_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    for n in range(MAX_FILES // 100 + 2):
        folder = tmp_path / f"d{n}"
        folder.mkdir()
        for m in range(100):
            (folder / f"{m}.docx").write_bytes(b"")
    with pytest.raises(ReviewError, match=f"{MAX_FILES}个以上.*不像是收到的报告"):
        files_in(tmp_path, subfolders=True)


@pytest.mark.parametrize("make", ["old", "empty", "encrypted", "corrupt", "picture"])
def test_a_file_that_cannot_be_read_is_explained_for_the_office_not_as_an_import(make: str, tmp_path: Path) -> None:
    """The reasons were the import's (再导入, 去年报告的原稿): the office does not import; it asks the unit again."""
    path = {"old": lambda: (tmp_path / "县住建局.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600),
            "empty": lambda: (tmp_path / "空.docx").write_bytes(b""),
            "encrypted": lambda: files.encrypted(tmp_path),
            "corrupt": lambda: files.corrupt(tmp_path),
            "picture": lambda: files.not_docx(tmp_path)}[make]
    path()
    row = review_file(files_in(tmp_path)[0], Checker())
    assert row.detail == OFFICE_ADVICE[row.status]
    assert "导入" not in row.detail and "去年" not in row.detail
    assert "报送单位" in row.detail or "重新拷贝" in row.detail
