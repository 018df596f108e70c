"""The county office's summary table: one row per unit with its check counts (错误, 警告, 提示) and every figure of
the catalogue, a 合计 row where summing makes sense, and the files that could not be read. Written as CSV with a UTF-8
BOM, which WPS and Excel open as a sheet with the Chinese intact."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from fzdesk.domain.catalogue import Catalogue, Indicator, Kind
from fzdesk.domain.figure_text import format_number
from fzdesk.domain.model import Approx, FigureState, FigureValue
from fzdesk.review.batch import duplicate_notes, year_state
from fzdesk.review.reading import ReviewedFile, Source

#: 错误, 警告 and 提示 counted apart, in the words of the 检查 step (Severity.label): one 提示 column of 警告 and 提示
#: together left the office unable to tell a 提示 5 with warnings from one without.
HEAD = ["文件名", "单位", "年度", "来源", "成文日期", "状态", "错误", "警告", "提示", "与去年比较", "计入合计"]
TOTAL = "合计"
#: A text cell starting like a formula is kept as text (a unit name "=..." must not run in Excel).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def column_name(indicator: Indicator, catalogue: Catalogue) -> str:
    """行政复议·受理（件）: the family, the indicator and its unit (several families have a 上年结转)."""
    return f"{catalogue.family(indicator.family).name}·{indicator.name}（{indicator.unit}）"


def summed_kind(indicator: Indicator) -> bool:
    """Counts and amounts add up across units; a rate of one unit plus a rate of another means nothing."""
    return indicator.kind in (Kind.COUNT, Kind.AMOUNT)


def figure_cell(figure: FigureValue | None) -> str:
    """The figure as the report reads it: 88, 近100, 60000余, 不涉及, or empty."""
    if figure is None or figure.state is FigureState.EMPTY or (figure.value is None and
                                                               figure.state is not FigureState.NA):
        return ""
    if figure.state is FigureState.NA:
        return "不涉及"
    assert figure.value is not None
    number = format_number(figure.value)
    if figure.state is FigureState.APPROX:
        return f"{number}余" if figure.approx is Approx.OVER else f"近{number}"
    return number


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def summary_rows(rows: Sequence[ReviewedFile], catalogue: Catalogue, year: int | None,
                 unchecked: Sequence[str] = ()) -> list[list[str]]:
    """The sheet as rows of cells: the head, one row per file read, 合计, then the notes and the unread files.
    unchecked: the files a cancelled check did not reach (said first among the notes: the 合计 is incomplete)."""
    indicators = catalogue.indicators
    read = [r for r in rows if r.readable and r.report is not None]
    out = [HEAD + [column_name(i, catalogue) for i in indicators]]
    totals: dict[str, Decimal] = {}
    approx: dict[str, list[str]] = {}
    for row in read:
        assert row.report is not None
        figures = row.report.figures
        out.append([_text(row.name), _text(row.unit_name), str(row.year or ""), str(row.source or ""),
                    row.date.isoformat() if row.date else "", _text(year_state(row, year)), str(row.errors),
                    str(row.warnings), str(row.infos), row.last_year, "是" if row.summed else "否"]
                   + [figure_cell(figures.get(i.code)) for i in indicators])
        if not row.summed:
            continue
        for i in indicators:
            f = figures.get(i.code)
            if f is None or not summed_kind(i):
                continue
            if f.state is FigureState.NUMBER and f.value is not None:
                totals[i.code] = totals.get(i.code, Decimal(0)) + f.value
            elif f.state is FigureState.APPROX:
                approx.setdefault(i.code, []).append(row.unit_name or row.name)
    counted = [r for r in read if r.summed]
    out.append([TOTAL, f"{len(counted)}个单位", str(year or ""), "", "", "", str(sum(r.errors for r in counted)),
                str(sum(r.warnings for r in counted)), str(sum(r.infos for r in counted)), "", ""]
               + [format_number(totals[i.code]) if i.code in totals else ("不合计" if not summed_kind(i) else "")
                  for i in indicators])
    out.append([])
    if unchecked:
        out.append(["说明", f"检查中途取消，以下{len(unchecked)}个文件没有检查，不在本表中，合计不完整"
                          "（请重新检查后再导出）：" + "、".join(unchecked) + "。"])
    out += [["说明", line] for line in notes(rows, catalogue, approx)]
    unread = [r for r in rows if not r.readable]
    if unread:
        out.append([])
        out.append(["未能读取的文件", "状态", "原因"])
        out += [[_text(r.name), r.status, r.detail] for r in unread]
    return out


def notes(rows: Sequence[ReviewedFile], catalogue: Catalogue, approx: dict[str, list[str]]) -> list[str]:
    """What the 合计 row leaves out, and why, one sentence each."""
    rates = [column_name(i, catalogue) for i in catalogue.indicators if not summed_kind(i)]
    lines = ["合计只加各单位的确数（件数、人数、次数、金额等）；“不涉及”和未填的不计入。",
             "以下比率列不合计（各单位的比率相加没有意义）：" + "、".join(rates) + "。"]
    for code, units in approx.items():
        indicator = catalogue[code]
        lines.append(f"“{column_name(indicator, catalogue)}”中的约数（近、余）未计入合计：{'、'.join(units)}。")
    lines += duplicate_notes(rows)
    left_out = [r for r in rows if r.readable and not r.summed]
    if left_out:
        lines.append("以下文件未计入合计（重复、不是本年度或未识别年度，请核实后删去多余的一份再导出）："
                     + "、".join(f"{r.name}" for r in left_out) + "。")
    word = [r.name for r in rows if r.source is Source.WORD]
    if word:
        lines.append("以下是手写的Word文件，没有数据表，数字列为空（正文中的数字需人工核对）："
                     + "、".join(word) + "。")
    return lines


def summary_csv(rows: Sequence[ReviewedFile], catalogue: Catalogue, year: int | None,
                unchecked: Sequence[str] = ()) -> bytes:
    """The summary as CSV bytes: UTF-8 with a BOM (WPS and Excel then read the Chinese right), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(summary_rows(rows, catalogue, year, unchecked))
    return buffer.getvalue().encode("utf-8-sig")


def summary_name(year: int | None) -> str:
    return f"{year}年度法治政府建设报告汇总表.csv" if year else "法治政府建设报告汇总表.csv"
