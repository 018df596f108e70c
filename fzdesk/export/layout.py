"""The document as a list of paragraphs and tables, independent of the file format that renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from fzdesk.export.geometry import CONDENSE, LINE_PITCH, SIZE_BODY


class Role(StrEnum):
    """Which face a run is set in; the font set maps roles to font names."""

    BODY = "body"  # 仿宋
    KAI = "kai"  # 楷体: （一） headings, 签发人's name
    HEI = "hei"  # 黑体: 一、 headings, 附件 label
    TITLE = "title"  # 方正小标宋简体
    SONG = "song"  # 宋体: page numbers


class Align(StrEnum):
    BOTH = "both"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Run:
    text: str
    role: Role = Role.BODY
    bold: bool = False
    size: int = SIZE_BODY  # half-points
    spacing: int = CONDENSE  # twips


@dataclass
class Para:
    """One paragraph: runs, alignment and indents in twips; exact line spacing."""

    runs: list[Run] = field(default_factory=list)
    style: str = "FzBody"
    align: Align = Align.BOTH
    first_line: int = 0
    hanging: int = 0
    left: int = 0
    right: int = 0
    line: int = LINE_PITCH
    exact: bool = True
    page_break_before: bool = False
    keep_next: bool = False
    keep_lines: bool = False  # the paragraph's lines on one page
    border_top: int = 0  # eighths of a point, 0: none
    border_bottom: int = 0
    tab: int = 0  # a right tab stop at this position (twips), 0: none
    foot: bool = False  # set in a frame at the foot of the page's text block (the 版记)
    #: A foot paragraph's frame this far (twips) under the text block's top edge; None: on its lower edge
    foot_y: int | None = None
    breaks: tuple[int, ...] = ()  # line breaks (w:br) after these run indices
    #: The pages from this (empty) paragraph's on have no page numbers: the blank page and the 版记 after it
    #: (GB/T 9704-2012 7.5). The .docx starts a section there; typeset.paged.PagedReport leaves them out.
    unnumbered: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    paras: list[Para]
    span: int = 1


@dataclass
class Table:
    """A fixed-layout table whose column widths sum to the text block."""

    widths: list[int]
    rows: list[list[Cell]]
    header_rows: int = 1


Element = Para | Table


def blank() -> Para:
    """An empty line of the body's pitch."""
    return Para([], style="FzBody")
