"""`fzdesk review DIR [--csv OUT]`: the received files in a table, the summary written safely, the data untouched."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.commands import review as review_command
from fzdesk.storage.store import DB_NAME
from tests import factories
from tests.review import files


def test_review_prints_a_line_per_file_and_writes_the_summary(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    files.exported(stick, "a.docx", "石桥镇人民政府", accepted=5)
    files.exported(stick, "b.docx", "王集乡人民政府", accepted=7)
    files.not_docx(stick, "c.docx")
    data = factories.two_years_folder(tmp_path / "data")
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    out = tmp_path / "汇总"
    out.mkdir()
    status = main(["--data", str(data), "review", str(stick), "--csv", str(out / "汇总表"), "--findings"])
    assert status == 1  # a file could not be read
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split("\t") == ["文件名", "单位", "年度", "来源", "成文日期", "错误", "警告", "提示",
                                     "与去年比较", "状态"]
    assert printed[1].split("\t")[0] == "c.docx" and printed[1].split("\t")[-1] == "不是Word文件"  # problems first
    assert printed[2].split("\t")[:5] == ["a.docx", "石桥镇人民政府", "2023", "本程序导出", "2023-12-15"]
    assert "共 3 个文件" in "\n".join(printed) and "文件：" in "\n".join(printed)
    sheet = list(csv.reader(io.StringIO((out / "汇总表.csv").read_bytes().decode("utf-8-sig"))))
    total = next(r for r in sheet if r and r[0] == "合计")
    assert total[sheet[0].index("行政复议·受理（件）")] == "12"
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    assert (data / DB_NAME).is_file()


def test_an_empty_folder_is_an_error_with_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In the command's words: it said 用“添加文件”逐个添加 and 勾选“包括子文件夹”, the dialog's controls."""
    assert main(["review", str(tmp_path)]) == 2
    said = capsys.readouterr().err
    assert "没有 Word 文档" in said and "在 fzdesk review 后面写存放各单位报告的文件夹" in said
    assert "添加文件" not in said
    assert main(["review", str(tmp_path), "--no-subfolders"]) == 2
    said = capsys.readouterr().err
    assert "请去掉 --no-subfolders" in said and "包括子文件夹" not in said


def test_a_clean_batch_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files.exported(tmp_path, "a.docx", "石桥镇人民政府")
    assert main(["review", str(tmp_path), "--year", "2023"]) == 0
    assert "\t正常" in capsys.readouterr().out


def test_review_reads_the_townships_subfolders_unless_told_not_to(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    stick = tmp_path / "stick"
    (stick / "石桥镇").mkdir(parents=True)
    files.exported(stick / "石桥镇", "报告.docx", "石桥镇人民政府", accepted=5)
    files.exported(stick, "县公安局.docx", "沈丘县公安局", accepted=7)
    assert main(["review", str(stick)]) != 2
    printed = capsys.readouterr().out
    assert "石桥镇人民政府" in printed and "共 2 个文件" in printed
    assert main(["review", str(stick), "--no-subfolders"]) != 2
    printed = capsys.readouterr().out
    assert "石桥镇人民政府" not in printed and "子文件夹中还有 1 个文件没有读取" in printed


def test_review_lists_the_files_problems_first_as_the_dialog_does(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Unreadable, then most 错误 first, then duplicates and other years, then the rest, each group by name (the
    order of the dialog's 错误 column: fzdesk.review.batch.attention_key), in the table and in --findings."""
    stick = tmp_path / "stick"
    stick.mkdir()
    files.exported(stick, "1石桥镇.docx", "石桥镇人民政府")
    files.exported(stick, "2王集乡.docx", "王集乡人民政府")
    files.exported(stick, "3王集乡（改）.docx", "王集乡人民政府")
    files.exported(stick, "4李寨乡.docx", "李寨乡人民政府", year=2022)
    files.exported(stick, "5刘庄店镇.docx", "刘庄店镇人民政府", accepted=12)  # one 错误
    files.exported(stick, "6槐店回族镇.docx", "槐店回族镇人民政府", accepted=5, last_year=True)  # two 错误
    files.corrupt(stick, "7坏文件.docx")
    files.not_docx(stick, "8照片.docx")
    assert main(["review", str(stick), "--year", "2023", "--findings"]) == 1
    printed = capsys.readouterr().out
    table = printed.split("\n\n")[0].splitlines()[1:]
    names = [line.split("\t")[0] for line in table]
    assert names == ["7坏文件.docx", "8照片.docx", "6槐店回族镇.docx", "5刘庄店镇.docx", "2王集乡.docx",
                     "3王集乡（改）.docx", "4李寨乡.docx", "1石桥镇.docx"]
    assert [line.split("\t")[5] for line in table[2:4]] == ["2", "1"]
    assert table[6].split("\t")[-1] == "不是2023年度报告" and table[7].split("\t")[-1] == "正常"
    findings = [printed.index(name, printed.index("\n文件：")) for name in names]
    assert findings == sorted(findings)


def test_a_missing_csv_folder_is_said_before_any_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    files.exported(tmp_path, "a.docx", "石桥镇人民政府")
    read: list[object] = []
    monkeypatch.setattr(review_command, "review_paths", lambda *args, **kwargs: read.append(args) or ([], None))
    assert main(["review", str(tmp_path), "--csv", str(tmp_path / "没有的文件夹" / "汇总表")]) == 2
    captured = capsys.readouterr()
    assert "找不到保存汇总表的文件夹" in captured.err and "没有的文件夹" in captured.err
    assert captured.out == "" and read == []  # nothing read, no table printed


def test_review_says_which_copy_of_a_unit_was_counted_and_why(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    noon = dt.datetime(2024, 1, 10, 12, 0)
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府", accepted=88, modified=noon)
    files.exported(tmp_path, "2石桥镇（修改稿）.docx", "石桥镇人民政府", accepted=90, modified=noon)
    files.exported(tmp_path, "3王集乡.docx", "王集乡人民政府", modified=noon)
    files.exported(tmp_path, "4王集乡再发.docx", "王集乡人民政府", modified=noon)
    main(["review", str(tmp_path), "--csv", str(tmp_path / "汇总表.csv")])
    printed = capsys.readouterr().out
    lines = {line.split("\t")[0]: line.split("\t")[-1] for line in printed.split("\n\n")[0].splitlines()[1:]}
    assert lines["2石桥镇（修改稿）.docx"] == "重复（计入合计：这一份较新）"
    assert lines["1石桥镇.docx"] == "重复（较旧，未计入合计）"
    assert "重复：石桥镇人民政府有2份2023年度报告，计入合计的是2石桥镇（修改稿）.docx（文件名写有“修改”），" \
           "未计入：1石桥镇.docx。" in printed
    assert "重复：王集乡人民政府有2份2023年度报告（3王集乡.docx、4王集乡再发.docx）" in printed
    assert "无法判断哪一份较新，请核对后只保留一份。" in printed


def test_errors_warnings_and_hints_are_printed_apart_as_the_dialog_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's 提示 column counted 警告 and 提示 together, after the dialog had split them."""
    files.graded_findings(monkeypatch, "石桥镇人民政府", errors=1, warnings=2, infos=3)
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府")
    main(["review", str(tmp_path)])
    head, row = capsys.readouterr().out.splitlines()[:2]
    counts = dict(zip(head.split("\t"), row.split("\t"), strict=True))
    assert (counts["错误"], counts["警告"], counts["提示"]) == ("1", "2", "3")
