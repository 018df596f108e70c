"""Reading and checking received files: exports, a hand-written report, bad files, duplicates, another year."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.review.batch import ReviewError, ReviewRun, files_in, mark_batch, review_paths, year_state
from fzdesk.review.findings_text import finding_lines
from fzdesk.review.reading import LAST_YEAR_CARRIED, LAST_YEAR_NONE, Checker, Source, review_file
from tests.review import files


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_an_export_is_read_from_its_embedded_data_and_checked(tmp_path: Path, checker: Checker) -> None:
    row = review_file(files.exported(tmp_path, "a.docx", "石桥镇人民政府"), checker)
    assert row.readable and row.source is Source.EXPORTED
    assert (row.unit_name, row.year, row.date and row.date.isoformat()) == ("石桥镇人民政府", 2023, "2023-12-15")
    assert row.report is not None and row.report.figures["A.accepted"].value == 88
    assert row.state_text == "正常" and row.last_year == LAST_YEAR_NONE


def test_a_hand_written_report_is_recognised_and_its_findings_are_worded_as_the_check_step(
        tmp_path: Path, checker: Checker) -> None:
    row = review_file(files.hand_written(tmp_path), checker)
    assert row.source is Source.WORD and row.year == 2023 and row.unit_name
    assert row.warnings + row.infos > 0  # the sample's 法制政府, 近十余 ...
    text = "\n".join(finding_lines(row))
    assert "“法制政府”应写作“法治政府”" in text and "（开头 · 第1段）" in text
    assert "【警告】" in text and "数据表中与去年比较的规则没有检查" in text


def test_the_sheets_last_year_column_is_checked_and_the_row_says_so(tmp_path: Path, checker: Checker) -> None:
    row = review_file(files.exported(tmp_path, "a.docx", "石桥镇人民政府", last_year=True), checker)
    assert row.last_year == LAST_YEAR_CARRIED
    assert row.result is not None
    assert any(f.rule.startswith("A.") and f.location.figure == "A.carried_in" for f in row.result.open_findings)


@pytest.mark.parametrize(("make", "status"), [
    (files.corrupt, "文件已损坏"),
    (files.not_docx, "不是Word文件"),
    (files.encrypted, "加密"),
])
def test_a_file_that_cannot_be_read_gets_its_reason(tmp_path: Path, checker: Checker, make: object,
                                                   status: str) -> None:
    row = review_file(make(tmp_path), checker)  # type: ignore[operator]
    assert not row.readable and row.status == status and row.detail
    assert row.state_text == status and "数据" not in row.state_text


def test_an_old_doc_and_an_empty_file(tmp_path: Path, checker: Checker) -> None:
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (tmp_path / "空.docx").write_bytes(b"")
    assert review_file(tmp_path / "旧.doc", checker).status == "不是Word文件（旧版.doc/.wps）"
    assert review_file(tmp_path / "空.docx", checker).status == "空文件"


def test_the_batch_goes_on_past_bad_files_and_flags_a_duplicate(tmp_path: Path) -> None:
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府")
    files.corrupt(tmp_path, "2坏.docx")
    files.exported(tmp_path, "3石桥镇再发.docx", "石桥镇人民政府", accepted=90)
    files.exported(tmp_path, "4王集乡.docx", "王集乡人民政府")
    (tmp_path / "~$石桥镇.docx").write_bytes(b"lock")  # Word's lock file is not a report
    (tmp_path / "说明.txt").write_text("不是报告", encoding="utf-8")
    rows, year = review_paths(files_in(tmp_path))
    assert year == 2023
    assert [r.name for r in rows] == ["1石桥镇.docx", "2坏.docx", "3石桥镇再发.docx", "4王集乡.docx"]
    assert rows[0].duplicates == ["3石桥镇再发.docx"] and rows[2].duplicates == ["1石桥镇.docx"]
    assert rows[0].state_text.startswith("重复") and not rows[0].summed
    assert rows[1].status == "文件已损坏" and rows[3].state_text == "正常" and rows[3].summed


def test_a_file_of_another_year_is_named(tmp_path: Path) -> None:
    files.exported(tmp_path, "a.docx", "石桥镇人民政府", 2023)
    files.exported(tmp_path, "b.docx", "王集乡人民政府", 2023)
    files.exported(tmp_path, "c.docx", "白集镇人民政府", 2022)
    rows, year = review_paths(files_in(tmp_path))
    assert year == 2023 and rows[2].other_year and not rows[2].summed
    assert year_state(rows[2], year) == "不是2023年度报告"
    assert mark_batch(rows, 2022) == 2022 and year_state(rows[0], 2022) == "不是2022年度报告"
    assert year_state(rows[2], 2022) == "正常"


def test_an_empty_folder_and_a_missing_one_say_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"没有 Word 文档（\.docx）.*添加文件"):
        files_in(tmp_path)
    with pytest.raises(ReviewError, match=r"找不到文件夹.*U盘"):
        files_in(tmp_path / "gone")


def test_a_file_given_for_the_folder_is_named_a_file(tmp_path: Path) -> None:
    """QA: `fzdesk review 付井镇.docx` said 找不到文件夹 and to check the stick, of a file that was there."""
    report = files.exported(tmp_path, "付井镇.docx", "付井镇人民政府")
    with pytest.raises(ReviewError, match=r"“.*付井镇\.docx”是一个文件，不是文件夹.*所在的文件夹") as said:
        files_in(report)
    assert "找不到" not in str(said.value)


def test_a_run_stops_between_two_files_when_cancelled(tmp_path: Path, checker: Checker) -> None:
    paths = [files.exported(tmp_path, f"{n}.docx", f"单位{n}") for n in range(3)]
    run = ReviewRun(paths)
    run.cancel()
    run.run(checker)
    assert run.done and run.cancelled and run.rows == []
    run = ReviewRun(paths)
    run.run(checker)
    assert run.done and not run.cancelled and len(run.taken(1)) == 2


def test_a_file_the_system_refuses_is_explained_in_chinese(tmp_path: Path, checker: Checker,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's own text (Permission denied) is English on Linux/UOS: the row names the trouble in Chinese."""
    import errno

    from fzdesk.review import reading

    def refused(path: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(reading, "open_import", refused)
    row = review_file(files.exported(tmp_path, "a.docx", "王集乡"), checker)
    assert row.status == "读取出错" and "没有读取权限" in row.detail
    assert "Permission" not in row.detail


def test_a_folder_the_system_refuses_is_explained_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from fzdesk.review import batch

    def refused(folder: Path, subfolders: bool, found: list[Path]) -> None:
        raise OSError(errno.EIO, "Input/output error", str(folder))

    monkeypatch.setattr(batch, "_walk", refused)
    with pytest.raises(ReviewError, match=r"无法读取文件夹.*（读取磁盘出错（U盘是否被拔出或已损坏？））") as info:
        files_in(tmp_path)
    assert "Input/output" not in str(info.value)


def test_a_fault_in_the_reader_tells_the_office_what_it_can_do(tmp_path: Path, checker: Checker,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Not 导入上一年度报告 (that would import another unit's file): ask the unit again, else 技术支持."""
    from fzdesk.review import reading

    def faulty(path: Path) -> None:
        raise KeyError("word/document.xml")

    monkeypatch.setattr(reading, "open_import", faulty)
    row = review_file(files.exported(tmp_path, "a.docx", "王集乡"), checker)
    assert row.status == "读取出错" and "KeyError" in row.detail
    assert "导入" not in row.detail
    assert "重新发送" in row.detail and "技术支持" in row.detail
