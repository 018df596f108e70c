"""新建年度报告 from the window: an empty report, next year from last year's in the store, or from a file."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from fzdesk import resources
from fzdesk.domain.model import Unit
from fzdesk.domain.outline import new_report
from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import NewReportDialog, Start


def start_new_report(parent: QWidget | None, store: Store, unit: Unit) -> int | None:
    """Asks how to start, then creates the report (in one transaction); its id, or None when nothing changed."""
    assert unit.id is not None
    summaries = store.reports(unit.id)
    dialog = NewReportDialog(unit.name, {s.year for s in summaries}, parent)
    if not dialog.exec():
        return None
    year = dialog.year.value()
    if dialog.start is Start.FILE:
        from fzdesk.ui.import_dialog import import_file

        assert dialog.preview is not None
        return import_file(parent, store, unit=unit, preview=dialog.preview, for_year=year)
    if dialog.start is Start.LAST_YEAR:
        last = next(s for s in summaries if s.year == year - 1)
        try:
            return start_new_year(store, last.id, copy_text=dialog.copy_text.isChecked())
        except Exception as exc:  # rolled back: nothing was written
            QMessageBox.critical(parent, "新建失败", f"没能新建{year}年度的报告，数据没有任何改动。\n\n原因：{exc}")
            return None
    report = new_report(resources.outline(unit.unit_type), unit, year)
    report.catalogue_version = resources.catalogue().version  # a new report shows today's whole catalogue
    from fzdesk.ui.write_guard import attempt

    created: list[int] = []
    # refused by the disk: nothing was written (one transaction) and the year list stays as it was
    if not attempt(parent, f"没能新建{year}年度的报告", lambda: created.append(store.create_report(report))):
        return None
    return created[0]
