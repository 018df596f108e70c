"""Writing a confirmed import into the store: what to ask first, then everything in one transaction."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from fzdesk.domain.model import Unit
from fzdesk.exchange.figure_finder import FigureCandidate
from fzdesk.exchange.importer import ImportPreview
from fzdesk.storage.checklist import replace_plan_checks
from fzdesk.storage.store import ReportSummary, Store


class ExistingYear(StrEnum):
    """What to do when the unit already has a report for the year."""

    REPLACE = "replace"  # the stored report is deleted and the imported one takes its place
    KEEP_BOTH = "keep"  # the imported report is added beside it


class ImportConflict(RuntimeError):
    """The import needs a decision the caller has not made; nothing was written."""


@dataclass(frozen=True)
class Situation:
    """What the caller must ask about before apply_import."""

    unit: Unit | None  # the stored unit the report will belong to; None: a new unit is created from the file
    other_unit: bool  # the file names a unit other than the chosen one (ask before importing it under it)
    existing: list[ReportSummary]  # reports of that unit and year already in the store (ask: replace/keep/cancel)
    #: the unit's fields the file's 版记 / 附注 fill: (field, value); a stored unit's only where it has none
    fills: tuple[tuple[str, str], ...] = ()
    #: the fields the file names but the stored unit keeps (it has its own): (field, the file's value)
    kept: tuple[tuple[str, str], ...] = ()

    @property
    def notes(self) -> list[str]:
        """What importing does to the unit's profile besides the report, in Chinese (shown before 导入)."""
        out = []
        names = {field: label for field, label in UNIT_FIELDS}
        if self.fills:
            filled = "、".join(f"{names[f]}“{v}”" for f, v in self.fills)
            if self.unit is None:
                out.append(f"新建单位的{filled}取自文件末尾。")
            else:
                out.append(f"将把文件末尾的{filled}填入“{self.unit.name}”的单位信息（这些栏目原来空着）。")
        if self.kept and self.unit is not None:
            kept = "、".join(f"{names[f]}（文件中为“{v}”）" for f, v in self.kept)
            out.append(f"“{self.unit.name}”的单位信息中已填写的{kept}保持不变。")
        return out

    @property
    def questions(self) -> list[str]:
        out = []
        if self.other_unit and self.unit is not None:
            out.append(f"这个文件属于另一个单位，确定要导入到“{self.unit.name}”名下吗？")
        if self.existing:
            out.append(f"“{self.existing[0].unit_name}”已有{self.existing[0].year}年度的报告。"
                       "要替换它、两份都保留，还是取消导入？")
        return out


#: The unit's fields an imported file may fill (from its 抄送 line and its 联系人 note), with their names.
UNIT_FIELDS = (("cc", "常用抄送"), ("contact", "联系人"))


def _fills(unit: Unit | None, found: Unit) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The fields of found (the file's unit) that go into unit: all of them into a new unit (None), only the empty
    ones of a stored unit, never over what the clerk set; and those the stored unit keeps though they differ."""
    fills, kept = [], []
    for name, _ in UNIT_FIELDS:
        value = getattr(found, name).strip()
        if not value:
            continue
        current = getattr(unit, name).strip() if unit is not None else ""
        if not current:
            fills.append((name, value))
        elif _key(current) != _key(value):
            kept.append((name, value))
    return tuple(fills), tuple(kept)


def _key(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def same_unit(a: Unit, b: Unit) -> bool:
    names_a = {_key(x) for x in (a.name, a.short_name, *a.organs) if _key(x)}
    names_b = {_key(x) for x in (b.name, b.short_name, *b.organs) if _key(x)}
    return bool(names_a & names_b)


def assess(store: Store, preview: ImportPreview, unit: Unit | None = None) -> Situation:
    """Which unit the report goes to (the chosen one, or the stored unit the file names) and what conflicts."""
    other = False
    if unit is not None:
        other = bool(preview.unit.name) and not same_unit(unit, preview.unit)
    else:
        unit = next((u for u in store.units() if same_unit(u, preview.unit)), None)
    existing = ([r for r in store.reports(unit.id) if r.year == preview.report.year]
                if unit is not None and unit.id is not None else [])
    fills, kept = _fills(unit, preview.unit) if not other else ((), ())  # another unit's 抄送 is not this one's
    return Situation(unit, other, existing, fills, kept)


def new_store_situation(preview: ImportPreview) -> Situation:
    """The situation in a data folder that holds nothing yet: a new unit, nothing to ask."""
    return Situation(None, False, [], *_fills(None, preview.unit))


def apply_import(store: Store, preview: ImportPreview, *, unit: Unit | None = None,
                 existing: ExistingYear | None = None, other_unit_confirmed: bool = False,
                 figures: Iterable[FigureCandidate] = ()) -> int:
    """Stores the previewed report (and a new unit if none is given) in one transaction; returns the report id.

    figures: the candidates the user accepted. Raises ImportConflict, writing nothing, when the year exists
    and no ExistingYear was chosen, or the file is another unit's and that was not confirmed.
    """
    if not preview.report.year:
        raise ImportConflict("没有识别出报告年度，请先填写年度再导入。")
    situation = assess(store, preview, unit)
    if situation.other_unit and not other_unit_confirmed:
        raise ImportConflict(situation.questions[0])
    if situation.existing and existing is None:
        raise ImportConflict(situation.questions[-1])
    report = copy.deepcopy(preview.report)
    for candidate in figures:
        report.figures[candidate.code] = candidate.figure(report.figures.get(candidate.code))
    checks = copy.deepcopy(preview.plan_checks)
    with store.transaction():
        target = situation.unit
        if target is None:
            target = copy.deepcopy(preview.unit)
            target.id = None
            if not target.name.strip():
                target.name = (report.organs[0] if report.organs else "") or "未命名单位"
            store.save_unit(target)
        elif situation.fills:
            target = copy.deepcopy(target)
            for name, value in situation.fills:
                setattr(target, name, value)
            store.save_unit(target)
        if existing is ExistingYear.REPLACE:
            for old in situation.existing:
                store.delete_report(old.id)
        report.unit_id = target.id
        report.id = None
        report_id = store.create_report(report)
        for check, link in zip(checks, preview.plan_links, strict=False):
            check.id = None
            check.item_id = report.sections[link[0]].items[link[1]].id if link else None
        if checks:
            replace_plan_checks(store, report_id, checks)
    return report_id
