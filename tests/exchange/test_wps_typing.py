"""A township report typed in WPS with the input method's punctuation set to English and full-width digits: spaces
around half-width ", ; :", "(一)" and "２０２３". The text was imported as typed ("职责 , 全年召开专题会议３次"),
the title kept its full-width year (so it never followed the unit's organs) and "１８次" read as-is."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from fzdesk.domain.model import Block
from fzdesk.exchange.changes import compare_reports
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.repair import fix_spaces
from tests import factories

LINES = ["临河县 柳 庄 镇 人 民 政 府", "关于２０２３年度法治政府建设情况的报告", "临河县人民政府:",
         "　　２０２３年, 我镇在县委、县政府的正确领导下 , 认真贯彻落实上级决策部署 , 现将有关情况报告如下 :",
         "一 、履行推进法治建设第一责任人职责情况",
         "　　镇党委书记、镇长认真履行第一责任人职责 , 全年召开专题会议３次 。",
         "二 、主要举措和成效", "(一)加强依法行政 :全年召开镇政府常务会议研究重大事项１８次 , 均经合法性审查 。",
         "（二） 规范行政执法 :开展综合执法检查２６次 ,办理行政处罚案件９件 。",
         "三 、存在的不足和原因", "　　一是法治宣传形式较为单一 ; 二是执法人员数量不足 。",
         "四 、下一步工作打算", "　　一是创新普法形式 ; 二是充实执法力量 。",
         "　　特此报告 。", "临河县柳庄镇人民政府", "二〇二四年一月十日"]


def test_a_report_typed_in_wps_reads_as_written_properly(tmp_path: Path) -> None:
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "柳庄镇法治政府建设报告(WPS).docx"
    document.save(str(path))
    preview = open_import(path)
    report = preview.report
    assert report.organs == ["临河县柳庄镇人民政府"] and report.year == 2023 and report.recipient == "临河县人民政府"
    assert report.title == ""  # the conventional title: derived from the organs and the year again
    opening = report.section(Block.OPENING)
    assert opening is not None and opening.items[0].paragraphs == [
        "2023年，我镇在县委、县政府的正确领导下，认真贯彻落实上级决策部署，现将有关情况报告如下："]
    responsibility = report.section(Block.RESPONSIBILITY)
    assert responsibility is not None
    assert responsibility.items[0].paragraphs == ["镇党委书记、镇长认真履行第一责任人职责，全年召开专题会议3次。"]
    measures = report.section(Block.MEASURES)
    assert measures is not None and [(i.title, i.paragraphs) for i in measures.items] == [
        ("加强依法行政", ["全年召开镇政府常务会议研究重大事项18次，均经合法性审查。"]),
        ("规范行政执法", ["开展综合执法检查26次，办理行政处罚案件9件。"])]
    shortcomings = report.section(Block.SHORTCOMINGS)
    assert shortcomings is not None
    assert [i.title for i in shortcomings.items] == ["法治宣传形式较为单一；", "执法人员数量不足"]
    assert {(c.name, int(c.value)) for c in preview.figures if c.value is not None} >= {("执法检查", 26)}


@pytest.mark.parametrize(("typed", "fixed"), [
    ("２０２３年, 我镇", "2023年，我镇"), ("网上可办率达９８．５％", "网上可办率达98.5％"),
    ("执法(含联合检查8次)", "执法（含联合检查8次）"), ("电话:0394-8211234", "电话：0394-8211234"),
    ("一是形式单一 ; 二是", "一是形式单一；二是"), ("是否到位 ?", "是否到位？"),
    # Latin text keeps its own punctuation, and "一." stays a level-1 number
    ("Word, WPS (1) 9:00 (WPS)", "Word, WPS (1) 9:00 (WPS)"), ("一.主要举措", "一.主要举措"),
    ("2024.1.15", "2024.1.15"),
])
def test_typing_mended(typed: str, fixed: str) -> None:
    assert fix_spaces(typed) == fixed


def test_typing_mended_on_reading_back_is_no_change_made_in_word() -> None:
    """A paragraph typed in the program with "," beside Chinese reads back from the exported document as "，": the
    list of what was changed in Word named it although nobody changed it."""
    old = factories.report(factories.unit(), 2023)
    new = copy.deepcopy(old)
    old_measures, new_measures = old.section(Block.MEASURES), new.section(Block.MEASURES)
    assert old_measures is not None and new_measures is not None
    old_measures.items[0].paragraphs[0] = "全年开展执法检查36次, 办理(简易程序)案件12件"
    new_measures.items[0].paragraphs[0] = fix_spaces(old_measures.items[0].paragraphs[0])
    assert new_measures.items[0].paragraphs[0] == "全年开展执法检查36次，办理（简易程序）案件12件"
    assert compare_reports(old, new) == []
