"""What follows the body: 附件说明, 署名 and 成文日期 (with or without room for a seal), the 版记."""

from __future__ import annotations

import datetime as dt

from fzdesk.domain.dates import written_date
from fzdesk.domain.model import Report, Unit
from fzdesk.export.body import issuing_organs
from fzdesk.export.geometry import CHAR, LAYOUT_WIDTH, SIZE_RECORD, chars, text_width
from fzdesk.export.layout import Align, Element, Para, Run, blank
from fzdesk.export.options import ExportOptions, Variant


def date_text(date: dt.date | None) -> str:
    """成文日期 in Arabic numerals without zero padding: 2023年12月15日 (blanks when not set)."""
    if date is None:
        return "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
    return written_date(date)


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


def record(unit: Unit, options: ExportOptions) -> list[Element]:
    """版记 of a 报送稿: the 抄送 line between two separator lines, 1 character in on both sides."""
    cc = unit.cc.strip().rstrip("。.，,")
    if options.variant is not Variant.SUBMITTED or not cc:
        return []
    # The separator lines span the text block; the text keeps 1 character (an ideographic space) in.
    run = Run(f"\u3000抄送：{cc}。", size=SIZE_RECORD, spacing=0)
    # At the foot of the last page (GB/T 9704-2012 7.4.1), not under the date.
    return [Para([run], align=Align.LEFT, border_top=8, border_bottom=8, foot=True)]
