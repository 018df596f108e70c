"""Reads `pdftotext -bbox-layout` output into pages of text lines with their boxes (in points)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

NS = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4


@dataclass
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cjk(self) -> int:
        """Full-width characters on the line (Chinese characters and full-width punctuation)."""
        return sum(1 for c in self.text if ord(c) >= 0x2E80)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def parse(html: str) -> list[Page]:
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html))
    pages = []
    for n, page in enumerate(root.iter(f"{NS}page"), start=1):
        p = Page(n, float(page.get("width", 0)), float(page.get("height", 0)))
        for line in page.iter(f"{NS}line"):
            words = [w.text or "" for w in line.iter(f"{NS}word")]
            p.lines.append(Line("".join(words), *(float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))))
        p.lines.sort(key=lambda ln: (round(ln.y0, 1), ln.x0))
        pages.append(p)
    return pages


def merge_rows(lines: list[Line], tolerance: float = 2.0) -> list[Line]:
    """Lines on one baseline (pdftotext may split a row into several) joined left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        if rows and abs(rows[-1][0].y0 - line.y0) <= tolerance:
            rows[-1].append(line)
        else:
            rows.append([line])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        out.append(Line("".join(r.text for r in row), row[0].x0, min(r.y0 for r in row), max(r.x1 for r in row),
                        max(r.y1 for r in row)))
    return out
