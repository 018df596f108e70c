"""Starting the new year from last year's report: outline, headings, item titles, figures and plans carried."""

from __future__ import annotations

import re

from fzdesk import resources
from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.model import Block, FigureState, FigureValue, Item, Report, Section, Unit
from fzdesk.domain.outline import fill
from fzdesk.domain.signing import foreign_organs, names_unit, own_organs
from fzdesk.storage.checklist import replace_plan_checks
from fzdesk.storage.store import Store

_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")


def shift_years(text: str, year: int) -> str:
    """Moves "2023年" to "2024年" and "2024年" to "2025年" for a report of year moving on to year + 1."""
    def move(m: re.Match[str]) -> str:
        found = int(m.group(1))
        return str(found + 1) if found in (year, year + 1) else m.group(1)

    return _YEAR.sub(move, text)


def first_sentence(text: str) -> str:
    head, sep, _ = text.partition("。")
    return head + sep if sep else text


def plan_checklist(last: Report) -> list[PlanCheck]:
    """Last year's 下一年度安排 items as this year's checklist (none when the block is missing or empty)."""
    section = last.section(Block.PLANS)
    if section is None:
        return []
    out = []
    for item in section.items:
        body = [p for p in item.paragraphs if p.strip()]
        plan = item.title.strip() or (first_sentence(body[0]).strip() if body else "")
        if plan:
            out.append(PlanCheck(plan, "\n".join([item.title, *body]).strip()))
    return out


def carried_signature(last: Report, unit: Unit) -> tuple[list[str], str]:
    """The organs and title next year's report takes from last year's: both kept when last year's organs are the
    unit's own; another unit's (its file imported under this unit) give way to the unit profile's organs, and a
    title that does not name this unit or names the other body is dropped (the default title then names the unit).
    """
    organs = [o for o in last.organs if o.strip()]
    title = shift_years(last.title, last.year) if last.title else ""
    if not organs:
        return own_organs(unit), title
    if not foreign_organs(organs, unit):
        return list(last.organs), title
    if title and (not names_unit(title, unit) or any(o.strip() in title for o in organs)):
        title = ""
    return own_organs(unit), title


def carried_recipient(last: Report, unit: Unit) -> str:
    """The 主送 next year's report takes: last year's, unless last year's was signed by another body (its file
    imported under this unit) and the unit profile names one of its own."""
    if foreign_organs(last.organs, unit) and unit.recipient.strip():  # (blank organs count for nothing there)
        return unit.recipient
    return last.recipient or unit.recipient


def next_year_report(last: Report, unit: Unit, *, copy_text: bool = False) -> Report:
    """This year's report built from last year's; copied paragraphs are marked 未更新 (carried_over).
    The 署名 (and with it the default title and the generated opening) is this unit's: see carried_signature."""
    year = last.year + 1
    organs, title = carried_signature(last, unit)
    organ = (organs or [unit.name])[0]
    sections = []
    for s in last.sections:
        items: list[Item] = []
        if s.block is Block.OPENING:
            if copy_text and s.items:
                items = [Item(i.title, list(i.paragraphs), True) for i in s.items]
            else:
                items = [Item("", [fill(resources.outline(unit.unit_type).opening, year, organ)])]
        elif s.block is Block.CLOSING:
            items = [Item(i.title, list(i.paragraphs)) for i in s.items]
        else:
            for i in s.items:
                if copy_text:
                    items.append(Item(i.title, list(i.paragraphs), True))
                elif i.title.strip():
                    items.append(Item(i.title))
        sections.append(Section(s.block, shift_years(s.heading, last.year), s.numbering, items, s.omitted))
    figures = {
        code: FigureValue(code, last_state=f.state, last_value=f.value, last_approx=f.approx)
        for code, f in last.figures.items() if f.state is not FigureState.EMPTY
    }
    return Report(
        unit_id=last.unit_id,
        year=year,
        title=title,
        recipient=carried_recipient(last, unit),
        organs=organs,
        sections=sections,
        figures=figures,
        attachments=[shift_years(a, last.year) for a in last.attachments],
        catalogue_version=resources.catalogue().version,
    )


def start_new_year(store: Store, last_report_id: int, *, copy_text: bool = False) -> int:
    """Creates next year's report of the same unit, with the plan checklist, in one transaction."""
    last = store.load_report(last_report_id)
    unit = store.unit(last.unit_id or 0)
    if any(r.year == last.year + 1 for r in store.reports(unit.id)):
        raise ValueError(f"“{unit.name}”已有{last.year + 1}年度的报告。")
    report = next_year_report(last, unit, copy_text=copy_text)
    checks = plan_checklist(last)
    with store.transaction():
        report_id = store.create_report(report)
        if checks:
            replace_plan_checks(store, report_id, checks)
    return report_id


def previous_report(store: Store, report: Report) -> Report | None:
    """Last year's report of the same unit, for showing beside this year's editor."""
    if report.unit_id is None:
        return None
    summary = store.report_of_year(report.unit_id, report.year - 1)  # of two, the one edited last
    return None if summary is None else store.load_report(summary.id)
