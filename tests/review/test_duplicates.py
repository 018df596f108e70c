"""Two copies of one unit's report for one year: the newest is counted (成文日期, then file date, then a name
saying 修改/修订/终稿/定稿), the others are not; when the newest cannot be told, none is, and the office is told so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fzdesk import resources
from fzdesk.review.batch import duplicate_notes, files_in, review_paths
from fzdesk.review.findings_text import finding_lines
from fzdesk.review.reading import DuplicateRole, ReviewedFile
from fzdesk.review.summary import summary_csv
from tests.review import files
from tests.review.test_summary import read_csv

NOON = dt.datetime(2024, 1, 10, 12, 0)
UNIT = "石桥镇人民政府"


def by_name(rows: list[ReviewedFile]) -> dict[str, ReviewedFile]:
    return {r.name: r for r in rows}


def test_the_later_written_date_wins_over_a_later_file_date(tmp_path: Path) -> None:
    files.exported(tmp_path, "a.docx", UNIT, date=dt.date(2023, 12, 28), modified=NOON)
    files.exported(tmp_path, "b.docx", UNIT, date=dt.date(2023, 12, 15), modified=NOON + dt.timedelta(days=3))
    rows = by_name(review_paths(files_in(tmp_path))[0])
    newest, older = rows["a.docx"], rows["b.docx"]
    assert newest.duplicate_role is DuplicateRole.NEWEST and newest.summed
    assert older.duplicate_role is DuplicateRole.OLDER and not older.summed
    assert newest.state_text == "重复（计入合计：这一份较新）"
    assert older.state_text == "重复（较旧，未计入合计）"
    assert older.counted_copy == "a.docx" and older.newest_reason == "成文日期较晚"
    # the findings name the other copy with its 成文日期 and file date, so the office can check
    text = "\n".join(finding_lines(older))
    assert "a.docx（成文日期2023年12月28日，文件日期2024-01-10 12:00）" in text
    assert "a.docx较新（成文日期较晚），计入合计；这一份较旧，未计入合计" in text
    assert "文件日期：2024-01-13 12:00" in text
    assert "b.docx（成文日期2023年12月15日，文件日期2024-01-13 12:00）" in "\n".join(finding_lines(newest))


def test_on_one_written_date_the_later_file_wins(tmp_path: Path) -> None:
    files.exported(tmp_path, "石桥镇.docx", UNIT, modified=NOON + dt.timedelta(minutes=30))
    files.exported(tmp_path, "石桥镇（修改稿）.docx", UNIT, modified=NOON)  # the file date comes before the name
    rows = by_name(review_paths(files_in(tmp_path))[0])
    assert rows["石桥镇.docx"].duplicate_role is DuplicateRole.NEWEST
    assert rows["石桥镇.docx"].newest_reason == "成文日期相同，文件修改时间较晚"
    assert not rows["石桥镇（修改稿）.docx"].summed


def test_a_second_apart_is_the_same_time_and_the_name_then_decides(tmp_path: Path) -> None:
    files.exported(tmp_path, "石桥镇（定稿）.docx", UNIT, modified=NOON)
    files.exported(tmp_path, "石桥镇.docx", UNIT, modified=NOON + dt.timedelta(seconds=1))  # a FAT stick's 2 s
    rows = by_name(review_paths(files_in(tmp_path))[0])
    assert rows["石桥镇（定稿）.docx"].duplicate_role is DuplicateRole.NEWEST
    assert rows["石桥镇（定稿）.docx"].newest_reason == "文件名写有“定稿”"
    assert rows["石桥镇.docx"].state_text == "重复（较旧，未计入合计）"


def test_when_the_newest_cannot_be_told_none_is_counted_and_the_office_is_told(tmp_path: Path) -> None:
    files.exported(tmp_path, "1.docx", UNIT, modified=NOON)
    files.exported(tmp_path, "2.docx", UNIT, modified=NOON)
    files.exported(tmp_path, "3.docx", "王集乡人民政府", modified=NOON)
    rows, _year = review_paths(files_in(tmp_path))
    first, second, other = rows
    assert first.duplicate_role is second.duplicate_role is DuplicateRole.UNDECIDED
    assert not first.summed and not second.summed and other.summed and other.duplicate_role is None
    assert first.state_text == "重复（同一单位同一年度共2个文件，无法判断哪一份较新）"
    assert "无法判断哪一份较新" in "\n".join(finding_lines(first))
    assert duplicate_notes(rows) == [f"{UNIT}有2份2023年度报告（1.docx、2.docx），成文日期、文件日期和文件名"
                                     "都分不出先后，都未计入合计：无法判断哪一份较新，请核对后只保留一份。"]


def test_the_newest_of_three_is_counted_only_when_it_is_newer_than_both(tmp_path: Path) -> None:
    files.exported(tmp_path, "a.docx", UNIT, date=dt.date(2023, 12, 20), modified=NOON)
    files.exported(tmp_path, "b.docx", UNIT, date=dt.date(2023, 12, 20), modified=NOON)
    files.exported(tmp_path, "c.docx", UNIT, date=dt.date(2023, 12, 1), modified=NOON)
    rows, _year = review_paths(files_in(tmp_path))
    assert [r.duplicate_role for r in rows] == [DuplicateRole.UNDECIDED] * 3  # a and b tie: none is counted
    assert [len(r.duplicates) for r in rows] == [2, 2, 2]


def test_the_summary_counts_the_newest_copy_and_says_which_and_why(tmp_path: Path) -> None:
    files.exported(tmp_path, "1石桥镇.docx", UNIT, accepted=88, date=dt.date(2023, 12, 15), modified=NOON)
    files.exported(tmp_path, "2石桥镇（修改稿）.docx", UNIT, accepted=90, date=dt.date(2023, 12, 22), modified=NOON)
    files.exported(tmp_path, "3王集乡.docx", "王集乡人民政府", accepted=7, modified=NOON)
    rows, year = review_paths(files_in(tmp_path))
    sheet = read_csv(summary_csv(rows, resources.catalogue(), year))
    col = sheet[0].index("行政复议·受理（件）")
    assert [(r[0], r[5], r[10]) for r in sheet[1:4]] == [
        ("1石桥镇.docx", "重复（较旧，未计入合计）", "否"),
        ("2石桥镇（修改稿）.docx", "重复（计入合计：这一份较新）", "是"),
        ("3王集乡.docx", "正常", "是")]
    assert sheet[4][0] == "合计" and sheet[4][1] == "2个单位" and sheet[4][col] == "97"  # 90 + 7, not 88
    notes = [r[1] for r in sheet if r[:1] == ["说明"]]
    assert f"{UNIT}有2份2023年度报告，计入合计的是2石桥镇（修改稿）.docx（成文日期较晚），未计入：1石桥镇.docx。" \
           "请核对后删去较旧的一份。" in notes
    assert any("未计入合计" in n and "1石桥镇.docx" in n and "2石桥镇" not in n for n in notes)


def test_the_table_s_short_words_keep_the_long_ones_for_the_details_the_csv_and_the_command(tmp_path: Path) -> None:
    """QA: at 1366 px the table cut 重复（同一单位同一年度共2个文件，无法判断哪一份较新） and
    不是Word文件（旧版.doc/.wps） to 12 characters. The table says them short (state(short=True)); everything
    else keeps the long words."""
    from fzdesk.review.batch import year_state

    files.exported(tmp_path, "1.docx", UNIT, modified=NOON)
    files.exported(tmp_path, "2.docx", UNIT, modified=NOON)
    files.exported(tmp_path, "3.docx", "王集乡人民政府", 2022)
    files.old_word(tmp_path, "4.doc")
    rows, year = review_paths(files_in(tmp_path))
    first, _second, other, old = rows
    assert first.state(short=True) == "重复（无法判断哪一份较新）"
    assert first.state_text == first.state() == "重复（同一单位同一年度共2个文件，无法判断哪一份较新）"
    assert old.state(short=True) == "旧版Word/WPS文件" and old.state_text == "不是Word文件（旧版.doc/.wps）"
    assert year_state(other, year, short=True) == year_state(other, year) == "不是2023年度报告"
    sheet = read_csv(summary_csv(rows, resources.catalogue(), year))
    assert next(r for r in sheet if r and r[0] == "1.docx")[sheet[0].index("状态")] == first.state_text
    assert any(r[:2] == ["4.doc", "不是Word文件（旧版.doc/.wps）"] for r in sheet)
