"""The SQL of the plan checklist (table plan_checks, migration m002): last year's plans in this year's report."""

from __future__ import annotations

import datetime as dt

from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.storage.store import Store


def plan_checks(store: Store, report_id: int) -> list[PlanCheck]:
    rows = store.conn.execute(
        "SELECT id, plan, detail, status, item_id, note FROM plan_checks WHERE report_id=? ORDER BY position",
        (report_id,)).fetchall()
    return [PlanCheck(plan, detail, PlanStatus(status), item_id, note, cid)
            for cid, plan, detail, status, item_id, note in rows]


def _check_item(store: Store, report_id: int, item_id: int | None) -> None:
    if item_id is None:
        return
    row = store.conn.execute("SELECT s.report_id FROM items i JOIN sections s ON s.id = i.section_id WHERE i.id=?",
                             (item_id,)).fetchone()
    if row is None or row[0] != report_id:
        raise ValueError(f"item {item_id} is not part of report {report_id}")


def replace_plan_checks(store: Store, report_id: int, checks: list[PlanCheck]) -> None:
    """Stores the report's whole checklist in one transaction (joining an outer one); sets the ids."""
    with store.transaction():
        store.conn.execute("DELETE FROM plan_checks WHERE report_id=?", (report_id,))
        for position, c in enumerate(checks):
            _check_item(store, report_id, c.item_id)
            cur = store.conn.execute(
                "INSERT INTO plan_checks (report_id, position, plan, detail, status, item_id, note) "
                "VALUES (?,?,?,?,?,?,?)",
                (report_id, position, c.plan, c.detail, c.status.value, c.item_id, c.note))
            c.id = int(cur.lastrowid or 0)


def update_plan_check(store: Store, check_id: int, *, status: PlanStatus | None = None,
                      item_id: int | None = None, unlink: bool = False, note: str | None = None) -> None:
    """Marks one plan (已落实/部分落实/未落实), links it to the item that reports it (or unlinks), or notes it."""
    with store.transaction():
        row = store.conn.execute("SELECT report_id FROM plan_checks WHERE id=?", (check_id,)).fetchone()
        if row is None:
            raise KeyError(check_id)
        if status is not None:
            store.conn.execute("UPDATE plan_checks SET status=? WHERE id=?", (status.value, check_id))
        if item_id is not None or unlink:
            _check_item(store, row[0], item_id)
            store.conn.execute("UPDATE plan_checks SET item_id=? WHERE id=?", (item_id, check_id))
        if note is not None:
            store.conn.execute("UPDATE plan_checks SET note=? WHERE id=?", (note, check_id))
        store.conn.execute("UPDATE reports SET updated=? WHERE id=?",
                           (dt.datetime.now().isoformat(timespec="seconds"), row[0]))
