"""A small table in the body (a 统计表 of figures in 主要举措和成效): it was listed as unplaced and its text lost from
the block. Its rows are now paragraphs of the block where it stood, and the figure finder reads their numbers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from fzdesk.domain.model import Block
from fzdesk.exchange.body_text import table_paragraphs
from fzdesk.exchange.importer import open_import
from tests.exchange.clerk_docx import MEASURES, township_docx

TITLE = ["临河县司法局关于2023年度", "法治政府建设情况的报告"]  # broken over two lines, as clerks centre it


def _report(tmp_path: Path, rows: list[list[str]], *, after: str) -> Path:
    """A department's report with a table of rows after the paragraph starting with after."""
    document = docx.Document()
    for line in [*TITLE, "临河县人民政府：", "2023年，我局扎实推进法治政府建设。现将有关情况报告如下：",
                 "一、履行推进法治建设第一责任人职责情况", "局主要负责人带头学法。",
                 "二、主要举措和成效", "（一）规范行政执法", "全年开展执法检查36次。", "2023年主要执法数据如下：",
                 "（二）加强行政复议", "坚持依法办案。",
                 "三、存在的不足和原因", "执法人员力量不足。", "四、2024年工作安排", "加强执法队伍建设。",
                 "特此报告。", "临河县司法局", "2024年1月15日"]:
        document.add_paragraph(line)
        if line.startswith(after):
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    path = tmp_path / "table.docx"
    document.save(str(path))
    return path


STATS = [["序号", "项目", "数量"], ["1", "办理行政复议案件", "5件"], ["2", "行政执法检查（次）", "36"]]


def test_a_figures_table_stays_in_its_item(tmp_path: Path) -> None:
    preview = open_import(_report(tmp_path, STATS, after="2023年主要执法数据如下"))
    assert not preview.unplaced
    measures = preview.report.section(Block.MEASURES)
    assert measures is not None
    assert [(i.title, i.paragraphs) for i in measures.items] == [
        ("规范行政执法", ["全年开展执法检查36次。", "2023年主要执法数据如下：",
                          "办理行政复议案件5件。", "行政执法检查36次。"]),
        ("加强行政复议", ["坚持依法办案。"])]
    assert any("表格已按行转成2段文字" in w for w in preview.warnings)
    # the figure finder reads the table's numbers; 36 in the text and in the table is one candidate
    assert [(c.code, int(c.value), c.sentence) for c in preview.figures if c.value is not None] == [
        ("I.inspections", 36, "全年开展执法检查36次。"), ("A.accepted", 5, "办理行政复议案件5件。")]


def test_a_table_right_under_a_heading_and_one_before_the_closing(tmp_path: Path) -> None:
    """A table standing before the next heading or before 特此报告 belongs to the block above it."""
    path = _report(tmp_path, [["执法人员", "12人"]], after="三、")
    preview = open_import(path)
    shortcomings = preview.report.section(Block.SHORTCOMINGS)
    assert shortcomings is not None and shortcomings.items[0].paragraphs == ["执法人员12人。", "执法人员力量不足。"]
    path = _report(tmp_path, [["培训计划", "4期"]], after="加强执法队伍建设")
    preview = open_import(path)
    plans = preview.report.section(Block.PLANS)
    assert plans is not None and plans.items[0].paragraphs == ["加强执法队伍建设。", "培训计划4期。"]
    assert preview.report.date is not None and preview.report.organs == ["临河县司法局"]


def test_the_township_table_after_a_broken_title(tmp_path: Path) -> None:
    """The clerk's township report (title broken over two lines, so the lines were joined before the table's place
    was used): the table's rows follow the first measure's text, its text box note stays listed."""
    preview = open_import(township_docx(tmp_path / "township.docx"))
    measures = preview.report.section(Block.MEASURES)
    assert measures is not None and measures.items[0].title == MEASURES[0]
    assert measures.items[0].paragraphs[1:] == ["执法检查36次。", "行政处罚12件。"]
    assert preview.unplaced[0].reason == "文本框中的文字"


@pytest.mark.parametrize(("rows", "paragraphs"), [
    ([["项目", "2023年", "2022年"], ["执法检查", "36次", "30次"]], ["2023年执法检查36次，2022年30次。"]),
    ([["执法检查", "36次", "行政处罚", "12件"]], ["执法检查36次，行政处罚12件。"]),
    ([["类别", "件数", "金额（万元）"], ["行政处罚", "12件", "3.5"]], ["行政处罚12件，金额3.5万元。"]),
    ([["事项", "完成情况"], ["规范执法", "已完成"]], ["事项：完成情况。", "规范执法：已完成。"]),
    ([["", ""], ["", ""]], []),
    # a first column counting 1, 2, 3 … is a 序号 column, named or not
    ([["1", "执法检查", "36次"], ["2", "行政处罚", "12件"]], ["执法检查36次。", "行政处罚12件。"]),
    ([["", "项目", "数量"], ["1.", "执法检查", "36次"], ["2.", "行政处罚", "12件"]],
     ["执法检查36次。", "行政处罚12件。"]),
    ([["执法检查", "1"], ["行政处罚", "2"]], ["执法检查1。", "行政处罚2。"]),
    ([["3", "5"]], ["3，5。"]),
])
def test_table_rows_read_as_sentences(rows: list[list[str]], paragraphs: list[str]) -> None:
    assert table_paragraphs(rows) == paragraphs
