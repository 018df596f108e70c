"""Text writes through the window's Autosaver that know what they change: a report or unit read again from the store
while some are kept for a retry (the disk full, the stick pulled) shows them, and goes on from them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from fzdesk.domain.model import Report, Unit
from fzdesk.storage.store import Store

if TYPE_CHECKING:
    from fzdesk.domain.checklist import PlanCheck
    from fzdesk.ui.autosave import Autosaver

Kind = Literal["item", "section", "report"]


class TextEdit:
    """Some fields of one item, section or report, written with the values they had when typed. Kept under `key`
    (kind, row and fields), so that a newer edit of the same fields, from any page or a check's fix, replaces it."""

    __slots__ = ("fields", "kind", "row_id", "store")

    def __init__(self, store: Store, kind: Kind, row_id: int, **fields: Any) -> None:
        self.store = store
        self.kind = kind
        self.row_id = row_id
        self.fields: dict[str, Any] = {name: list(value) if isinstance(value, list) else value  # (as typed then)
                                       for name, value in fields.items()}

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.row_id}:{','.join(sorted(self.fields))}"

    def __call__(self) -> None:
        if self.kind == "item":
            self.store.update_item(self.row_id, **self.fields)
        elif self.kind == "section":
            self.store.update_section(self.row_id, **self.fields)
        else:
            self.store.update_report(self.row_id, **self.fields)

    def apply(self, report: Report) -> None:
        """Puts the kept values on the same row of report (read again from the store), if it has that row."""
        target: object | None = None
        if self.kind == "report":
            target = report if report.id == self.row_id else None
        elif self.kind == "section":
            target = next((s for s in report.sections if s.id == self.row_id), None)
        else:
            target = next((i for s in report.sections for i in s.items if i.id == self.row_id), None)
            if target is not None and ("title" in self.fields or "paragraphs" in self.fields):
                target.carried_over = False  # (as the store does when it saves the edit)
        if target is not None:
            for name, value in self.fields.items():
                setattr(target, name, copy.copy(value))


class UnitEdit:
    """The unit as shown, written whole (`Store.save_unit`); kept under the unit's key. A unit not yet in the store
    (新建单位, or the first name typed on 单位信息) is kept under its object's key until its row is written: it
    exists only in the window till then (no report can be made for it), and `created` is called with its new id once
    the write lands (the window lists it in the switcher)."""

    __slots__ = ("created", "store", "unit")

    def __init__(self, store: Store, unit: Unit, created: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.unit = unit
        self.created = created

    @property
    def key(self) -> str:
        return unit_key(self.unit)

    def __call__(self) -> None:
        new = self.unit.id is None
        self.store.save_unit(self.unit)
        if new and self.created is not None and self.unit.id is not None:
            self.created(self.unit.id)


def unit_key(unit: Unit) -> str:
    """The Autosaver's key for a unit's write: its id, or (no row yet) the object's own."""
    return f"unit:{unit.id}" if unit.id is not None else f"unit:new:{id(unit)}"


class PlanMark:
    """One plan of the 上年计划 checklist marked (status) or linked to this year's item (item_id, None unlinks),
    written with `storage.checklist.update_plan_check`; kept under `plan:<check id>:<field>`."""

    __slots__ = ("check_id", "fields", "store")

    def __init__(self, store: Store, check_id: int, **fields: Any) -> None:
        self.store = store
        self.check_id = check_id
        self.fields = fields

    @property
    def key(self) -> str:
        return f"plan:{self.check_id}:{','.join(sorted(self.fields))}"

    def __call__(self) -> None:
        from fzdesk.storage import checklist

        fields = dict(self.fields)
        if "item_id" in fields and fields["item_id"] is None:
            fields["unlink"] = True
        checklist.update_plan_check(self.store, self.check_id, **fields)

    def apply(self, checks: list[PlanCheck]) -> None:
        for check in checks:
            if check.id == self.check_id:
                for name, value in self.fields.items():
                    setattr(check, name, value)


def save_text(saver: Autosaver, store: Store, kind: Kind, row_id: int, **fields: Any) -> TextEdit:
    """Queues the write (after the typing pause) and returns it."""
    edit = TextEdit(store, kind, row_id, **fields)
    saver.schedule(edit.key, edit)
    return edit


def write_text(saver: Autosaver, store: Store, kind: Kind, row_id: int, **fields: Any) -> bool:
    """Writes at once (a choice, a history restore, a check's fix), through the same queue and under the same key as
    typing: True if it landed; else it is kept and retried, and the clerk is told on the event loop's next turn."""
    edit = TextEdit(store, kind, row_id, **fields)
    return saver.write_now(edit.key, edit)


def save_unit(saver: Autosaver, store: Store, unit: Unit, created: Callable[[int], None] | None = None) -> None:
    edit = UnitEdit(store, unit, created)
    saver.schedule(edit.key, edit)


def write_unit(saver: Autosaver, store: Store, unit: Unit, created: Callable[[int], None] | None = None) -> bool:
    edit = UnitEdit(store, unit, created)
    return saver.write_now(edit.key, edit)


def unit_kept(saver: Autosaver, unit: Unit) -> bool:
    """Whether a write of unit is queued or kept for a retry."""
    return saver.queued(unit_key(unit)) is not None


def write_plan_mark(saver: Autosaver, store: Store, check_id: int, **fields: Any) -> bool:
    """Writes a plan's mark or link at once through the queue: True if it landed; else kept, retried and said."""
    edit = PlanMark(store, check_id, **fields)
    return saver.write_now(edit.key, edit)


def kept_marks(saver: Autosaver, checks: list[PlanCheck]) -> list[PlanCheck]:
    """A checklist read from the store gets the marks and links kept for a retry."""
    if saver.pending:
        for write in saver.kept():
            if isinstance(write, PlanMark):
                write.apply(checks)
    return checks


def take_kept(saver: Autosaver, report: Report | None, unit: Unit | None) -> Unit | None:
    """A report (and its unit) read again from the store get what is kept for a retry: the text edits' values, the
    kept figures (whose write then takes its values from this report), and the unit object kept, which the window
    then edits (its later edits are written with the kept ones). Returns the unit to show."""
    if not saver.pending:
        return unit  # (the usual case, and the one at start-up: nothing more is imported)
    from fzdesk.ui.figure_saving import UnsavedFigures, key_of

    for write in saver.kept():
        if isinstance(write, TextEdit) and report is not None:
            write.apply(report)
        elif isinstance(write, UnitEdit) and unit is not None and write.unit.id == unit.id:
            unit = write.unit
    if report is not None and report.id is not None:
        figures = saver.queued(key_of(report.id))
        if isinstance(figures, UnsavedFigures):
            figures.move_to(report)
    return unit


def show_kept(saver: Autosaver, report: Report) -> None:
    """The same for a report read only to be looked at (last year's, which the checks compare with): it gets copies
    of the kept values; the kept writes stay with the report the window edits."""
    if not saver.pending or report.id is None:
        return
    from fzdesk.ui.figure_saving import UnsavedFigures, key_of

    for write in saver.kept():
        if isinstance(write, TextEdit):
            write.apply(report)
    figures = saver.queued(key_of(report.id))
    if isinstance(figures, UnsavedFigures) and figures.report is not report:
        for code in figures.codes:
            report.figures[code] = copy.deepcopy(figures.report.figures[code])
