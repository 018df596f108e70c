"""The published 2023 report of a county government office (../shared/samples), built into a Report."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fzdesk.domain.model import Block, Item, Numbering, Report, Section, Unit, UnitType
from tests.checks.helpers import figures

SAMPLE = Path("/work/shared/samples/000_d3385afb506ce1c5.txt")
HEADING_RE = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
ITEM_RE = re.compile(r"^（[一二三四五六七八九十]+）")
# A copy of the sample's text, used when the shared folder is not there (the tests must run anywhere).
FALLBACK = Path(__file__).with_name("sample_2023.txt")


def sample_text() -> str:
    path = SAMPLE if SAMPLE.exists() else FALLBACK
    return path.read_text(encoding="utf-8")


def _block(heading: str) -> Block:
    if "第一责任人" in heading:
        return Block.RESPONSIBILITY
    if "举措" in heading or "成效" in heading:
        return Block.MEASURES
    if "不足" in heading or "问题" in heading:
        return Block.SHORTCOMINGS
    if "安排" in heading or "计划" in heading:
        return Block.PLANS
    return Block.OTHER


def sample_unit() -> Unit:
    organ = "沈丘县人民政府办公室"
    return Unit(organ, "县政府办", UnitType.DEPARTMENT, [organ], "沈丘县人民政府", id=1)


def sample_report() -> Report:
    """Split by its headings: 一、 starts a block, （一） an item (title = first sentence), other lines paragraphs."""
    lines = [line.strip() for line in sample_text().splitlines() if line.strip()]
    organ, title, recipient = lines[0], lines[1], lines[2].rstrip("：")
    report = Report(unit_id=1, year=2023, title=organ + title, recipient=recipient, organs=[organ])
    opening = Section(Block.OPENING, "", Numbering.NONE, [Item("", [lines[3]])])
    report.sections.append(opening)
    current: Section | None = None
    for line in lines[4:]:
        m = HEADING_RE.match(line)
        if m:
            current = Section(_block(m.group(1)), m.group(1), Numbering.NONE, [])
            report.sections.append(current)
            continue
        date = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", line)
        if date:
            report.date = dt.date(*(int(g) for g in date.groups()))
            continue
        if line == "特此报告。":
            report.sections.append(Section(Block.CLOSING, "", Numbering.NONE, [Item("", [line])]))
            continue
        assert current is not None
        if ITEM_RE.match(line):
            current.numbering = Numbering.INLINE
            body = ITEM_RE.sub("", line)
            cut = body.index("。") + 1
            current.items.append(Item(body[:cut], [body[cut:]]))
        else:
            current.items.append(Item("", [line]))
    for position, section in enumerate(report.sections):
        section.id = position + 1
        for index, item in enumerate(section.items):
            item.id = section.id * 100 + index
    # the figures the text states, entered into the sheet
    figures(report, A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8, A_ordered=3,
            A_terminated=13, D_items=7, D_sponsors=3, E_documents_reviewed="近100", H_exam_participation=100,
            H_exam_pass=100, L_online_rate=100)
    return report
