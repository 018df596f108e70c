"""The summary CSV: one row per unit, every indicator in Chinese with its unit, a 合计 of counts and amounts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.review.batch import files_in, review_paths
from fzdesk.review.summary import summary_csv, summary_name
from tests.review import files


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM WPS and Excel need to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_summary_sums_counts_and_amounts_but_not_rates_or_approximations(tmp_path: Path) -> None:
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府", accepted=88, fines="12.5")
    files.exported(tmp_path, "2王集乡.docx", "王集乡人民政府", accepted=12, fines="0.75", approx_reviews=False)
    files.hand_written(tmp_path, "3县政府办.docx")
    files.not_docx(tmp_path, "4照片.docx")
    rows, year = review_paths(files_in(tmp_path))
    sheet = read_csv(summary_csv(rows, resources.catalogue(), year))
    head = sheet[0]
    assert head[:11] == ["文件名", "单位", "年度", "来源", "成文日期", "状态", "错误", "警告", "提示", "与去年比较",
                         "计入合计"]
    assert len(head) == 11 + len(resources.catalogue().indicators)
    col = {name: i for i, name in enumerate(head)}
    by_file = {r[0]: r for r in sheet[1:4]}
    assert by_file["1石桥镇.docx"][1] == "石桥镇人民政府" and by_file["1石桥镇.docx"][3] == "本程序导出"
    assert by_file["1石桥镇.docx"][col["行政复议·受理（件）"]] == "88"
    assert by_file["1石桥镇.docx"][col["法律顾问与合同审查·法律顾问参与审核文件数（件）"]] == "近100"
    assert by_file["3县政府办.docx"][3] == "Word文件识别"
    total = sheet[4]
    assert total[0] == "合计" and total[1] == "3个单位"
    assert total[col["行政复议·受理（件）"]] == "100"
    assert total[col["行政复议·审结（件）"]] == "126"
    assert total[col["行政执法·罚没金额（万元）"]] == "13.25"
    assert total[col["法律顾问与合同审查·法律顾问参与审核文件数（件）"]] == "40"  # 近100 is not added
    assert total[col["普法·合格率（%）"]] == "不合计"
    notes = [r[1] for r in sheet if r and r[0] == "说明"]
    assert any("比率列不合计" in n and "普法·合格率（%）" in n for n in notes)
    assert any("约数" in n and "石桥镇人民政府" in n for n in notes)
    assert any("手写的Word文件" in n and "3县政府办.docx" in n for n in notes)
    unread = sheet.index(["未能读取的文件", "状态", "原因"])
    assert sheet[unread + 1][:2] == ["4照片.docx", "不是Word文件"]


def test_a_duplicate_is_listed_but_not_added_twice(tmp_path: Path) -> None:
    """One 成文日期, one file date, no 修改 in the names: which copy is newer cannot be told, so neither is added."""
    noon = dt.datetime(2024, 1, 10, 12, 0)
    files.exported(tmp_path, "1.docx", "石桥镇人民政府", accepted=88, modified=noon)
    files.exported(tmp_path, "2.docx", "石桥镇人民政府", accepted=90, modified=noon)
    files.exported(tmp_path, "3.docx", "王集乡人民政府", accepted=7)
    rows, year = review_paths(files_in(tmp_path))
    sheet = read_csv(summary_csv(rows, resources.catalogue(), year))
    col = sheet[0].index("行政复议·受理（件）")
    assert [r[10] for r in sheet[1:4]] == ["否", "否", "是"]
    assert sheet[1][5] == "重复（同一单位同一年度共2个文件，无法判断哪一份较新）"
    assert sheet[4][0] == "合计" and sheet[4][col] == "7" and sheet[4][1] == "1个单位"
    assert any(r[:1] == ["说明"] and "未计入合计" in r[1] and "1.docx" in r[1] for r in sheet)


def test_errors_warnings_and_hints_have_a_column_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One 提示 column counted 警告 and 提示 together: a 提示 5 could hide warnings. 错误, 警告 and 提示 apart, as the
    检查 step names them; the 合计 adds each; a dismissed 警告 counts nowhere."""
    files.graded_findings(monkeypatch, "石桥镇人民政府", errors=1, warnings=2, infos=3)
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府")
    files.exported(tmp_path, "2王集乡.docx", "王集乡人民政府")
    rows, year = review_paths(files_in(tmp_path))
    graded = next(r for r in rows if r.unit_name == "石桥镇人民政府")
    assert (graded.errors, graded.warnings, graded.infos) == (1, 2, 3)
    data = summary_csv(rows, resources.catalogue(), year)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    sheet = read_csv(data)
    col = {name: i for i, name in enumerate(sheet[0])}
    shiqiao = next(r for r in sheet if r[0] == "1石桥镇.docx")
    assert [shiqiao[col["错误"]], shiqiao[col["警告"]], shiqiao[col["提示"]]] == ["1", "2", "3"]
    wangji = next(r for r in sheet if r[0] == "2王集乡.docx")
    total = next(r for r in sheet if r[0] == "合计")
    for name in ("错误", "警告", "提示"):
        assert int(total[col[name]]) == int(shiqiao[col[name]]) + int(wangji[col[name]])


def test_a_unit_name_like_a_formula_stays_text(tmp_path: Path) -> None:
    files.exported(tmp_path, "=1+1.docx", "=HYPERLINK(1)")
    rows, year = review_paths(files_in(tmp_path))
    sheet = read_csv(summary_csv(rows, resources.catalogue(), year))
    assert sheet[1][0] == "'=1+1.docx" and sheet[1][1] == "'=HYPERLINK(1)"


def test_the_file_name_names_the_year() -> None:
    assert summary_name(2023) == "2023年度法治政府建设报告汇总表.csv"
    assert summary_name(None) == "法治政府建设报告汇总表.csv"
