"""What was changed in Word: the embedded report compared with the one read from the document's text."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import docx

from fzdesk.domain.model import Block, Item, Report
from fzdesk.exchange.changes import Change, change_lines, compare_reports
from fzdesk.exchange.importer import _document_version, open_import
from fzdesk.exchange.package import DocxPackage
from fzdesk.exchange.source import read_docx
from fzdesk.export.docx_writer import export_docx
from tests import factories

MEASURES = "二、2023年度推进法治政府建设的主要举措和成效"
PLANS = "四、2024年度推进法治政府建设的主要安排"


def pair() -> tuple[Report, Report]:
    old = factories.report(factories.unit(), 2023)
    return old, copy.deepcopy(old)


def section(report: Report, block: Block) -> list[Item]:
    found = report.section(block)
    assert found is not None
    return found.items


def texts(old: Report, new: Report) -> list[str]:
    return [c.text for c in compare_reports(old, new)]


def test_nothing_changed_finds_nothing() -> None:
    old, new = pair()
    assert compare_reports(old, new) == []
    assert change_lines([]) == ["逐项对比没有发现文字上的差别（可能只改了空格或标点）。"]


def test_a_changed_paragraph_names_the_block_item_and_paragraph() -> None:
    old, new = pair()
    item = section(new, Block.MEASURES)[2]
    item.paragraphs = [item.paragraphs[0], "新写的第二段。"]
    section(old, Block.MEASURES)[2].paragraphs.append("原来的第二段。")
    assert texts(old, new) == [f"{MEASURES} · （三）：正文有改动（第2段）"]


def test_spaces_are_not_changes() -> None:
    old, new = pair()
    item = section(new, Block.MEASURES)[0]
    item.paragraphs[0] = " ".join(item.paragraphs[0])
    assert compare_reports(old, new) == []


def test_an_added_and_a_removed_item() -> None:
    old, new = pair()
    section(new, Block.PLANS).append(Item("", ["加强执法人员培训，全年轮训一遍。"]))
    assert texts(old, new) == [f"{PLANS}：多了一条三是加强执法人员培训，全年轮训一遍。"]
    del section(new, Block.PLANS)[2]
    del section(new, Block.MEASURES)[1]
    assert texts(old, new) == [f"{MEASURES}：少了一条（二）依法全面履行政府职能"]


def test_a_changed_block_heading_and_item_title() -> None:
    old, new = pair()
    measures = new.section(Block.MEASURES)
    assert measures is not None
    measures.heading = "主要举措和成效"
    measures.items[0].title = "坚持党的全面领导"
    assert texts(old, new) == [f"{MEASURES}：标题改为“主要举措和成效”",
                               "二、主要举措和成效 · （一）：标题改为“坚持党的全面领导”"]


def test_report_fields_date_signers_and_attachments() -> None:
    old, new = pair()
    old.date, new.date = dt.date(2024, 1, 5), dt.date(2024, 1, 8)
    new.recipient = "沈丘县人民政府办公室"
    new.organs = ["沈丘县司法局"]
    old.attachments, new.attachments = ["数据表"], ["数据表", "典型案例"]
    assert texts(old, new) == ["主送：沈丘县人民政府 → 沈丘县人民政府办公室",
                               "附件：多了“典型案例”",
                               "署名：沈丘县人民政府办公室 → 沈丘县司法局",
                               "成文日期：2024年1月5日 → 2024年1月8日"]
    new.date = None
    assert texts(old, new)[-1] == "成文日期：2024年1月5日 → （无）"
    new.title = "关于2023年度法治工作的报告"
    assert texts(old, new)[0] == ("标题：沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"
                                  " → 关于2023年度法治工作的报告")


def test_many_changes_are_capped() -> None:
    changes = [Change(f"第{n}处", "正文有改动（第1段）") for n in range(1, 21)]
    lines = change_lines(changes)
    assert len(lines) == 8 and lines[:2] == ["第1处：正文有改动（第1段）", "第2处：正文有改动（第1段）"]
    assert lines[-1] == "另有13处改动"
    assert change_lines(changes[:8]) == [c.text for c in changes[:8]]  # exactly the cap: all shown


def exported(tmp_path: Path) -> Path:
    u = factories.unit()
    path = tmp_path / "exported.docx"
    path.write_bytes(export_docx(factories.report(u, 2023), u).data)
    return path


def test_a_fresh_export_read_back_from_its_text_shows_no_change(tmp_path: Path) -> None:
    """Reading the document's text back (numbering, unnumbered parts, 一是 items, the tail) adds no false change."""
    path = exported(tmp_path)
    preview = open_import(path)
    with DocxPackage(path) as package:
        document = _document_version(preview, read_docx(package))
    assert compare_reports(preview.report, document.report) == []


def test_an_export_edited_in_word_lists_its_edits(tmp_path: Path) -> None:
    path = exported(tmp_path)
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    body = next(p for p in paragraphs if p.text == "依法全面履行政府职能方面的工作，全年扎实推进。")
    body.text = "依法全面履行政府职能方面的工作，全年扎实推进，成效明显。"
    next(p for p in paragraphs if p.text == "二是第二项的内容。" and p._p.getnext() is not None
         and "五、" in p._p.getnext().xpath("string(.)")).insert_paragraph_before("三是新加的一条安排。")
    paragraphs[-1].text = "2024年1月8日"
    document.save(str(path))
    preview = open_import(path)
    assert preview.text_changed and preview.document_version is not None
    assert [c.text for c in compare_reports(preview.report, preview.document_version.report)] == [
        f"{MEASURES} · （二）：正文有改动（第1段）",
        f"{PLANS}：多了一条二是新加的一条安排",
        "成文日期：2023年12月15日 → 2024年1月8日"]


def test_a_sentence_read_back_as_an_items_title_is_a_changed_paragraph() -> None:
    old, new = pair()
    section(new, Block.PLANS)[1] = Item("改写后的安排", [])  # was Item("", ["第二项的内容。"])
    assert texts(old, new) == [f"{PLANS} · 二是：正文有改动（第1段）"]
