"""文件 → 删除这份报告…: removes the open report (e.g. a kept copy of an import) after asking, with a backup first."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from fzdesk.storage import backup
from fzdesk.ui.ask import CANCEL, MessageBox

if TYPE_CHECKING:
    from fzdesk.ui.main_window import MainWindow

TITLE = "删除报告"


def _question(unit_name: str, label: str, title: str, others: int) -> str:
    text = (f"确定要删除“{unit_name}”的{label}报告吗？\n\n标题：{title}\n\n"
            "删除前会先把全部数据备份一份（文件 → 恢复备份… 可以找回），然后从数据中删除这份报告的全部内容。")
    if others:
        text += f"\n\n同一年度还有另外{others}份报告，不受影响。"
    return text


def delete_report(window: MainWindow) -> Path | None:
    """Asks (默认：取消), copies the whole store aside, deletes the open report and opens the unit's latest
    report (or its 单位 step). Returns the backup file, or None if nothing was deleted."""
    session = window.session
    report = session.report
    if report is None or report.id is None or session.unit is None:
        QMessageBox.information(window, TITLE, "现在没有打开任何报告，没有可删除的报告。")
        return None
    store = session.store
    window.saver.flush()
    summary = next(s for s in store.reports(session.unit.id) if s.id == report.id)
    others = sum(1 for s in store.reports(session.unit.id) if s.year == summary.year and s.id != summary.id)
    box = MessageBox(QMessageBox.Icon.Warning, TITLE, _question(summary.unit_name, summary.year_label,
                                                                  summary.title, others), parent=window)
    delete = box.addButton("删除(&D)", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is not delete:
        return None
    window.saver.flush()
    window.checks.runner.wait()
    try:
        saved = backup.before_deleting_report(store.conn, store.backup_folder, report.id)
    except (OSError, sqlite3.Error) as exc:  # (a full disk is sqlite3's "database or disk is full")
        QMessageBox.critical(window, TITLE, f"没能先备份数据，所以没有删除报告。\n\n原因：{exc}\n\n"
                             "请检查磁盘空间是否已满、U盘是否设了写保护，然后再删除。")
        return None
    from fzdesk.ui.write_guard import attempt

    rid = report.id
    # its last export's record goes with it, in the same transaction; refused by the disk, the report stays open
    if not attempt(window, "没能删除报告", lambda: store.delete_report(rid)):
        return None
    window.saver.discard()  # everything was saved above; nothing may write into the deleted report now
    window.open_unit(store.unit(session.unit.id or 0))
    window.statusBar().showMessage(f"已删除{summary.year_label}报告；删除前的数据已备份为 {saved.name}。", 10000)
    return saved
