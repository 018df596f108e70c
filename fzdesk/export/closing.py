"""What follows the body: 附件说明, 署名 and 成文日期 (with or without room for a seal), the 版记."""

from __future__ import annotations

import datetime as dt

from fzdesk.domain.dates import written_date
from fzdesk.domain.model import Report, Unit
from fzdesk.export.body import issuing_organs
from fzdesk.export.geometry import CHAR, LAYOUT_WIDTH, LINE_PITCH, SIZE_RECORD, TEXT_HEIGHT, chars, text_width
from fzdesk.export.layout import Align, Element, Para, Run, blank
from fzdesk.export.options import ExportOptions, Variant

RECORD_CHAR = 20 * SIZE_RECORD // 2  # 280 twips: one 四号 character
#: The 版记's first and last rules, in eighths of a point: about 0.35 mm (GB/T 9704-2012 7.4.1).
THICK_RULE = 8
#: The rules between the 版记's parts: about 0.25 mm (3/4 pt, the nearest width Word offers).
THIN_RULE = 6
CC_LABEL = "抄送："
BLANK_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def date_text(date: dt.date | None) -> str:
    """成文日期 in Arabic numerals without zero padding: 2023年12月15日 (blanks when not set)."""
    return BLANK_DATE if date is None else written_date(date)


def annex_name(report: Report) -> str:
    return f"{report.year}年度法治政府建设主要数据"


def attachment_names(report: Report, options: ExportOptions) -> list[str]:
    names = [a.strip() for a in report.attachments if a.strip()]
    if options.figures_annex and annex_name(report) not in names:
        names.append(annex_name(report))
    return names


def attachment_note(names: list[str]) -> list[Element]:
    """附件说明: one blank line under the body, 2 characters in; several attachments numbered 1. 2. ..."""
    if not names:
        return []
    if len(names) == 1:
        # A long name wraps under its first character, after "附件：" (GB/T 9704-2012 7.3.4).
        return [blank(), Para([Run(f"附件：{names[0]}")], align=Align.LEFT, left=chars(5), hanging=chars(3))]
    out: list[Element] = [blank()]
    for n, name in enumerate(names, start=1):
        prefix = "附件：" if n == 1 else ""
        # Wrapped lines align with the attachment's name, after "附件：1. ".
        left = chars(5) + text_width(f"{n}. ")
        first = chars(2) - left if n == 1 else chars(5) - left
        out.append(Para([Run(f"{prefix}{n}. {name}")], align=Align.LEFT, left=left, hanging=-first))
    return out


def signature(report: Report, unit: Unit, options: ExportOptions) -> list[Element]:
    """署名 and 成文日期 placed as GB/T 9704-2012 7.3.5 says.

    Without a seal: 署名 one blank line under the body, 2 characters from the right, one line an organ;
    the date on the next line starts 2 characters right of the 署名's start (if the date is the longer,
    the date keeps 2 characters from the right and the 署名 moves left).
    With a seal: the date 4 characters from the right, the 署名 centred above it, room above for the seal.
    """
    organs = issuing_organs(report, unit)
    date = date_text(report.date)
    w_sig = max(text_width(o) for o in organs)
    w_date = text_width(date)
    if options.seal_space:
        # Both centred in one box around the date's centre, so the 署名 stays centred over the date
        # whatever width the renderer gives the digits; the box leaves the date 4 characters from the right.
        centre = LAYOUT_WIDTH - chars(4) - w_date // 2
        half = min(max(w_sig, w_date) // 2 + chars(1), LAYOUT_WIDTH - centre)
        left, right = centre - half, LAYOUT_WIDTH - centre - half
        out: list[Element] = [blank(), blank()]
        out += [Para([Run(o)], align=Align.CENTER, left=left, right=right) for o in organs]
        out.append(Para([Run(date)], align=Align.CENTER, left=left, right=right))
        return out
    out = [blank()]
    if w_sig >= w_date:
        # 署名 2 characters from the right; every organ starts where the longest one does, and the date
        # starts 2 characters further right (left-aligned, so digit widths cannot shift its start).
        start = LAYOUT_WIDTH - chars(2) - w_sig
        out += [Para([Run(o)], align=Align.LEFT, left=start) for o in organs]
        # A date as wide as the 署名 fills its space exactly; LibreOffice then wraps its last character
        # (an empty date under 中共××镇委员会, both 11 characters). One character of slack into the margin
        # keeps it on its line; its start does not move.
        out.append(Para([Run(date)], align=Align.LEFT, left=start + chars(2), right=-CHAR))
        return out
    # The date is the longer: it keeps 2 characters from the right and the 署名 moves left. The date is
    # left-aligned 2 characters right of the 署名's start, so that its printed width cannot move its start.
    start = max(LAYOUT_WIDTH - chars(2) - w_date - chars(2), 0)
    out += [Para([Run(o)], align=Align.LEFT, left=start) for o in organs]
    out.append(Para([Run(date)], align=Align.LEFT, left=start + chars(2), right=-CHAR))
    return out


def default_issuer(report: Report, unit: Unit) -> str:
    """印发机关 when the clerk set none: the office of the first issuing organ (沈丘县司法局 → 沈丘县司法局办公室);
    an organ that is an office itself (沈丘县人民政府办公室) sends its own report to print."""
    organ = issuing_organs(report, unit)[0]
    return organ if organ.endswith(("办公室", "办公厅")) else f"{organ}办公室"


def issuer(report: Report, unit: Unit, options: ExportOptions) -> str:
    return options.issuer.strip() or default_issuer(report, unit)


def issue_date(report: Report) -> dt.date | None:
    """印发日期: the one the clerk set, else the 成文日期."""
    return report.issued_on or report.date


def imprint_runs(report: Report, unit: Unit, options: ExportOptions) -> list[Run]:
    """印发机关 at the line's start, "2024年1月5日印发" at a right tab 1 character in from the right (7.4.3)."""
    date = issue_date(report)
    when = f"{written_date(date) if date else BLANK_DATE}印发"
    return [Run(issuer(report, unit, options), size=SIZE_RECORD, spacing=0), Run("\t", size=SIZE_RECORD, spacing=0),
            Run(when, size=SIZE_RECORD, spacing=0)]


#: Marks that may not start a line: a renderer moves the character before them down with them.
_NO_LINE_START = "，。、；：？！）》」』”’"


def record_lines(text: str, width: int) -> int:
    """The lines a 四号 text takes in the 版记 at width twips (full-width characters, none starting a line with a
    closing mark), the first line holding "抄送：" and the others wrapping after it (7.4.2)."""
    per_line = width // RECORD_CHAR
    lines, rest = 1, len(text) - per_line
    label = len(CC_LABEL)
    while rest > 0:
        start = len(text) - rest
        if text[start] in _NO_LINE_START:
            rest += 1  # the character before the mark goes down with it
        lines += 1
        rest -= per_line - label
    return lines


def record(report: Report, unit: Unit, options: ExportOptions) -> list[Para]:
    """版记 of a 报送稿 (GB/T 9704-2012 7.4): 抄送 (when the unit has one) and the 印发机关 and 印发日期 line (unless
    turned off), 1 character in on both sides; a thick rule (0.35 mm) above the first part and under the last,
    a thin one (0.25 mm) between them (7.4.1). A long 抄送 wraps under the first organ, after "抄送：" (7.4.2).

    Each part is a framed paragraph with its own rules: the last on the text block's lower edge, 抄送 right above
    it (its frame's distance from the top edge from its line count). In one frame the thin rule cannot be drawn,
    and LibreOffice 7.4 sets consecutive paragraphs with the same frame in two frames anyway (the second went to
    the next page's top); a floating table (w:tblpPr) as wide as the text block is laid out inline."""
    if options.variant is not Variant.SUBMITTED:
        return []
    out: list[Para] = []
    cc = unit.cc.strip().rstrip("。.，,")
    if cc:
        text = f"{CC_LABEL}{cc}。"
        label = RECORD_CHAR * len(CC_LABEL)
        height = record_lines(text, LAYOUT_WIDTH - 2 * RECORD_CHAR) * LINE_PITCH + rule_twips(THICK_RULE)
        bottom = THIN_RULE if options.imprint else THICK_RULE
        height += rule_twips(bottom)
        below = LINE_PITCH + rule_twips(THICK_RULE) if options.imprint else 0
        out.append(Para([Run(text, size=SIZE_RECORD, spacing=0)], align=Align.LEFT, left=RECORD_CHAR + label,
                        hanging=label, right=RECORD_CHAR, border_top=THICK_RULE, border_bottom=bottom, foot=True,
                        foot_y=None if not options.imprint else TEXT_HEIGHT - below - height))
    if options.imprint:
        # At the foot of the last page (GB/T 9704-2012 7.4.1), not under the date; record_page.on_even_page puts that
        # page on the back of a sheet.
        out.append(Para(imprint_runs(report, unit, options), align=Align.LEFT, left=RECORD_CHAR, right=RECORD_CHAR,
                        tab=LAYOUT_WIDTH - RECORD_CHAR, border_top=0 if cc else THICK_RULE,
                        border_bottom=THICK_RULE, foot=True))
    return out


def rule_twips(eighths: int) -> int:
    """A paragraph border's width in twips (w:sz is in eighths of a point; w:space 0 adds no gap)."""
    return eighths * 20 // 8
