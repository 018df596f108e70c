"""The opening's and the blocks' paragraphs: PDF breaks repaired, a table among them turned into sentences."""

from __future__ import annotations

import re

from fzdesk.exchange.repair import SENTENCE_END, fix_spaces, join_broken
from fzdesk.exchange.source_lines import SourceLines


class BodyText:
    """The paragraphs of the opening and of each block: the lines, with PDF breaks repaired, and the tables that
    stand among them turned into paragraphs where they stood (they were listed as unplaced and their text lost
    from the block)."""

    def __init__(self, r: SourceLines, width: int | None) -> None:
        self.r = r
        self.width = width
        self.joins = 0

    def text(self, start: int, stop: int, first: list[str], where: str) -> list[str]:
        """lines[start:stop] after first, with the tables standing before lines start..stop among them."""
        tables: dict[int, list[list[str]]] = {}
        for at, _, entry in self.r.table_rows:
            cells = self.r.table_cells.get(id(entry))
            if cells is not None and start <= at <= stop and any(u is entry for u in self.r.unplaced):
                tables.setdefault(at, []).append(cells)
                self.r.unplaced.remove(entry)
        out: list[str] = []
        run = list(first)
        for k in range(start, stop + 1):
            if k in tables:
                out += self._repaired(run)
                run = []
                rows = table_paragraphs(tables[k])
                out += rows
                self.r.warnings.append(f"“{shortened(where, 20)}”中的表格已按行转成{len(rows)}段文字，放在原来的位置；"
                                       "导出的报告中它不再是表格，请核对。")
            if k < stop:
                run.append(fix_spaces(self.r.lines[k]))
        return out + self._repaired(run)

    def _repaired(self, run: list[str]) -> list[str]:
        got, joins = join_broken(run, width=self.width)
        self.joins += joins
        return got


def shortened(text: str, limit: int = 30) -> str:
    """text as a warning quotes it: its first limit characters and …, when it is longer."""
    return text if len(text) <= limit else text[:limit] + "…"


_SERIAL = re.compile(r"^(序号|编号|序)$")
#: A unit in a column's or row's name: "行政处罚（件）", "金额(万元)", "（单位：次）".
_UNIT_IN_NAME = re.compile(r"^(.*?)[（(]\s*(?:单位[：:]\s*)?"
                           r"(件|次|人|人次|场|场次|个|项|条|份|家|期|名|万元|元|%|％)\s*[)）]$")
_YEAR_NAME = re.compile(r"^\d{4}\s*年(?:度)?$")
#: Column names that say only "the value": left out of the sentence ("办理行政复议案件5件", not "…数量5件").
_VALUE_NAMES = {"数量", "数值", "数据", "数目", "合计", "总数", "完成数", "完成情况", "情况", "内容",
                "件数", "次数", "人数"}


def _has_number(cell: str) -> bool:
    return bool(re.search(r"\d", cell)) and not _YEAR_NAME.match(cell)


def _value(cell: str, unit: str) -> str:
    """A cell's value with the unit its column or row names ("12" under "行政处罚（件）": "12件")."""
    return cell + unit if unit and re.fullmatch(r"[\d.,，]+", cell) else cell


def table_paragraphs(rows: list[list[str]]) -> list[str]:
    """A table in the body as sentences, one per row, that read as the report would say them and that the
    figure finder reads: "办理行政复议案件5件。" for a name and a number (a unit in brackets after the name goes
    after the number), "执法检查：2023年36次，2022年30次。" under a header row naming the columns, cells joined
    with "，" otherwise. A 序号 column is left out; empty cells too."""
    width = max(len(row) for row in rows)
    grid = [row + [""] * (width - len(row)) for row in rows]
    serial = [c for c in range(width) if _SERIAL.match(grid[0][c])] if len(grid) > 1 else []
    counted = [row[0] for row in grid if row[0]]  # 1, 2, 3 … down the first column, with or without its 序号
    if not serial and len(counted) >= 2 and any(
            [c.rstrip(".、．") for c in counted[k:]] == [str(n) for n in range(1, len(counted) - k + 1)]
            for k in (0, 1)):
        serial = [0]
    grid = [[cell for c, cell in enumerate(row) if c not in serial] for row in grid]
    grid = [row for row in grid if any(row)]
    if not grid:
        return []
    header = (len(grid) > 1 and not any(_has_number(c) for c in grid[0])
              and any(_has_number(c) for row in grid[1:] for c in row))
    names: list[tuple[str, str]] = []  # the header's column names and units
    if header:
        names = [(m.group(1).strip(), m.group(2)) if (m := _UNIT_IN_NAME.match(c)) else (c, "") for c in grid[0]]
        grid = grid[1:]
    out = []
    for row in grid:
        label, unit = (m.group(1).strip(), m.group(2)) if (m := _UNIT_IN_NAME.match(row[0])) else (row[0], "")
        clauses: list[str] = []
        for c in range(1, len(row)):
            if not row[c]:
                continue
            name, column_unit = names[c] if names else ("", "")
            value = _value(row[c], unit or column_unit)
            shown = name if name and (_YEAR_NAME.match(name) or (name not in _VALUE_NAMES and len(row) > 2)) else ""
            clauses.append(f"{shown}{'' if not shown or _starts_number(value) else '：'}{value}")
        by_year = any(_YEAR_NAME.match(n) for n, _ in names)
        sentence = _row_sentence(label, clauses, by_year,
                                 starts_with_number=_starts_number(next((v for v in row[1:] if v), "")))
        out.append(sentence if sentence[-1:] in SENTENCE_END else sentence + "。")
    return out


def _starts_number(text: str) -> bool:
    return bool(re.match(r"^(?:近|约)?[\d０-９]", text))


def _row_sentence(label: str, clauses: list[str], by_year: bool, *, starts_with_number: bool) -> str:
    """One row: "行政处罚12件", "执法检查36次，行政处罚12件" (names and values side by side), "2023年执法检查36次，
    2022年30次" (the year first, so the figure finder takes the number after the name), "事项：内容"."""
    if not label or not clauses:
        return "，".join([label, *clauses] if label else clauses)
    if by_year and (year := re.match(r"^(\d{4}\s*年度?)(.*)$", clauses[0])):
        return "，".join([f"{year.group(1)}{label}{year.group(2)}", *clauses[1:]])
    cells = [label, *clauses]
    if len(cells) > 2 and len(cells) % 2 == 0 and all(_starts_number(c) == (k % 2 == 1) for k, c in enumerate(cells)):
        return "，".join(cells[k] + cells[k + 1] for k in range(0, len(cells), 2))
    if label[-1].isdigit():  # two numbers never run together ("1" "2" is no "12")
        return "，".join(cells)
    return label + ("" if starts_with_number and _starts_number(clauses[0]) else "：") + "，".join(clauses)
