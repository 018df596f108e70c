"""The sample report of ../shared/samples, cut into the parts the wizard asks for."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from fzdesk.domain.model import Block, Numbering

SAMPLES = Path("/work/shared/samples")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
_ITEM = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是)(.+)$")


@dataclass
class SampleBlock:
    heading: str
    numbering: Numbering
    items: list[tuple[str, list[str]]] = field(default_factory=list)  # (title, paragraphs)


@dataclass
class Sample:
    organ: str
    title: str
    recipient: str
    opening: str
    blocks: list[SampleBlock]
    closing: str
    date: dt.date


BLOCK_OF = (Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS)


def load(path: Path | None = None) -> Sample:
    path = path or sorted(SAMPLES.glob("*.txt"))[0]
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    organ, title, recipient, opening = lines[0], lines[1], lines[2].rstrip("：:"), lines[3]
    blocks: list[SampleBlock] = []
    closing, date = "", dt.date(2000, 1, 1)
    for line in lines[4:]:
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            blocks.append(SampleBlock(heading.group(1), Numbering.NONE))
        elif line.startswith("特此报告"):
            closing = line
        elif re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", line):
            y, m, d = map(int, re.findall(r"\d+", line))
            date = dt.date(y, m, d)
        elif item:
            block = blocks[-1]
            block.numbering = Numbering.YISHI if item.group(1).endswith("是") else Numbering.INLINE
            head, _, rest = item.group(2).partition("。")
            block.items.append((head, [rest] if rest else []))
        else:
            blocks[-1].items.append(("", [line]))
    return Sample(organ, organ + title, recipient, opening, blocks, closing, date)
