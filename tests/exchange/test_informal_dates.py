"""Informal 成文日期 near the signature (2024.1.15, 2024/1/15, 二0二四年 …) are read; doubtful ones never guessed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from fzdesk.domain.model import Block
from fzdesk.exchange import dates
from fzdesk.exchange import recognise as rec
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.source import SourceParagraph
from tests.exchange import samples

JAN_15 = dt.date(2024, 1, 15)
INFORMAL = ["2024.1.15", "2024/1/15", "2024-01-15", "2024．1．15", "２０２４.１.１５", "2024 . 1 . 15",
            "2024年元月15日", "二0二四年一月十五日", "２０２４年１月１５日", "2024 年 1 月 15 日",
            "二〇二四年一月十五日", "2024年1月15号", "二O二四年一月十五日", "二o二四年一月十五日"]


@pytest.mark.parametrize("text", INFORMAL)
def test_informal_dates_parse(text: str) -> None:
    assert dates.parse_date(text) == JAN_15


@pytest.mark.parametrize("text", ["2024.1", "24.1.15", "1/15/2024", "15.1.2024", "2024.13.1", "2024.2.30",
                                  "2024.1-15", "2024年1月", "2024年1月15日至20日", "2024.1.15.16"])
def test_ambiguous_text_is_no_date(text: str) -> None:
    assert dates.parse_date(text) is None


def _county(tail: list[str], closing: bool = True) -> rec.Recognised:
    text = samples.lines(samples.county_text())
    text[-1:] = tail
    if not closing:
        text.remove("特此报告。")
    return rec.recognise([SourceParagraph(line) for line in text])


@pytest.mark.parametrize("closing", [True, False])
@pytest.mark.parametrize("date", ["2024.1.15", "2024/1/15", "2024-01-15", "二0二四年一月十五日", "２０２４．１．１５"])
def test_an_informal_date_under_the_signature_is_the_report_date(date: str, closing: bool) -> None:
    got = _county(["沈丘县人民政府办公室", date], closing)
    assert got.report.date == JAN_15
    assert not got.unplaced and not any("日期" in w for w in got.warnings)
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


def test_an_informal_date_beside_the_signature() -> None:
    got = _county(["沈丘县人民政府办公室    2024.1.15"])
    assert got.report.date == JAN_15 and got.report.organs == ["沈丘县人民政府办公室"]


@pytest.mark.parametrize("closing", [True, False])
@pytest.mark.parametrize("date", ["2024.1", "2024年2月30日", "2024.13.5"])
def test_a_doubtful_date_is_not_taken_and_the_preview_says_so(date: str, closing: bool) -> None:
    got = _county(["沈丘县人民政府办公室", date], closing)
    assert got.report.date is None
    assert [u.text for u in got.unplaced] == [date]
    assert any(f"“{date}”不是一个确切的成文日期" in w and "报告信息" in w for w in got.warnings)
    plans = got.report.section(Block.PLANS)  # never glued into the last block
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


def test_a_right_aligned_informal_date_in_word(tmp_path: Path) -> None:
    """As clerks place it: right-aligned with spaces before it, the signature in a table cell beside."""
    document = docx.Document()
    for line in samples.lines(samples.county_text())[:-1]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "沈丘县人民政府办公室"
    p = document.add_paragraph("\u3000\u30002024/1/15 ")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = tmp_path / "informal-date.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.date == JAN_15
    assert "成文日期：2024年1月15日" in preview.summary()
    assert not preview.unplaced


def test_a_title_year_typed_with_the_letter_o() -> None:
    """"二O二三年度" (the letter O typed for 〇, as clerks do): the year was not recognised."""
    assert dates.find_year("沈丘县人民政府办公室关于二O二三年度法治政府建设情况的报告") == 2023
