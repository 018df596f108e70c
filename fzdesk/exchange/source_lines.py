"""A hand-written report's text as lines: tables, text boxes and PDF page numbers set aside, unplaced text kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fzdesk.exchange.repair import fix_spaces
from fzdesk.exchange.source import SourceParagraph


@dataclass
class Unplaced:
    """Text the importer could not put anywhere, with the reason and where it was."""

    text: str
    reason: str


def _clean(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\ufeff", "").strip(" \t\u3000")


class SourceLines:
    """The lines of the text with their outline levels, and what recognising them left unplaced or warned of."""

    def __init__(self, paragraphs: list[SourceParagraph]) -> None:
        self.lines: list[str] = []
        self.outline: list[int | None] = []
        self.unplaced: list[Unplaced] = []
        self.warnings: list[str] = []
        #: each table row and text-box paragraph: the index of the line after it, its cells, its unplaced entry
        self.table_rows: list[tuple[int, list[str], Unplaced]] = []
        #: a table row's cells as they stand (empty ones kept, in their columns), by id() of its unplaced entry
        self.table_cells: dict[int, list[str]] = {}
        self.page_numbers = 0  # page-number lines of a text copied from a PDF, left out
        body_started = False
        for p in paragraphs:
            text = _clean(p.shown)
            if not text:
                continue
            if p.in_table:
                self.unplaced.append(Unplaced(text, "表格中的内容（数字可在“数据”页填写）"))
                self.table_rows.append((len(self.lines), [c for c in map(_clean, text.split("\t")) if c],
                                        self.unplaced[-1]))
                self.table_cells[id(self.unplaced[-1])] = [fix_spaces(_clean(c)) for c in p.shown.split("\t")]
                continue
            if p.in_text_box and body_started:  # (one above all the text holds the title: read as the head's)
                # (the 署名 and date set in a text box over the seal are read as the tail's)
                self.unplaced.append(Unplaced(text, "文本框中的文字"))
                self.table_rows.append((len(self.lines), [text], self.unplaced[-1]))
                continue
            if PAGE_NUMBER.match(text):
                self.page_numbers += 1
                continue
            self.lines.append(text)
            self.outline.append(p.outline_level)
            body_started = body_started or not p.in_text_box

    def join_lines(self, i: int, j: int) -> None:
        """Lines i..j become one; the table rows and text boxes after them keep their place."""
        self.lines[i:j + 1] = ["".join(self.lines[i:j + 1])]
        del self.outline[i + 1:j + 1]
        self.table_rows = [(at if at <= i else max(i + 1, at - (j - i)), cells, entry)
                           for at, cells, entry in self.table_rows]

    def remove_line(self, i: int) -> None:
        """Takes line i out; the table rows and text boxes after it keep their place."""
        del self.lines[i], self.outline[i]
        self.table_rows = [(at - (at > i), cells, entry) for at, cells, entry in self.table_rows]


#: A page number on its own line, as text copied from a PDF has them: "— 2 —", "- 3 -", "第5页 共8页", "5/8".
PAGE_NUMBER = re.compile(r"^(?:[—\-－–]{1,2}\s*\d{1,3}\s*[—\-－–]{1,2}"
                         r"|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
                         r"|\d{1,3}\s*[/／]\s*\d{1,3})$")
