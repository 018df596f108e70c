"""The plan checklist table: stored in order, marked, linked to an item, gone with its report."""

from __future__ import annotations

import pytest

from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from tests import factories


def test_checklist_is_stored_marked_and_linked(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    rid = store.create_report(r)
    item = r.sections[2].items[0]
    checks = [PlanCheck("完善机制", "一是完善机制。"), PlanCheck("加强宣传", status=PlanStatus.NOT_DONE)]
    checklist.replace_plan_checks(store, rid, checks)
    assert [c.plan for c in checklist.plan_checks(store, rid)] == ["完善机制", "加强宣传"]
    checklist.update_plan_check(store, checks[0].id or 0, status=PlanStatus.DONE, item_id=item.id, note="见第二部分")
    first = checklist.plan_checks(store, rid)[0]
    assert (first.status, first.item_id, first.note) == (PlanStatus.DONE, item.id, "见第二部分")
    assert first.status.label == "已落实"
    store.delete_item(item.id or 0)
    assert checklist.plan_checks(store, rid)[0].item_id is None
    store.delete_report(rid)
    assert checklist.plan_checks(store, rid) == []


def test_an_item_of_another_report_cannot_be_linked(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    a, b = factories.report(u, 2022), factories.report(u, 2023)
    store.create_report(a)
    rid = store.create_report(b)
    with pytest.raises(ValueError):
        checklist.replace_plan_checks(store, rid, [PlanCheck("x", item_id=a.sections[1].items[0].id)])
    assert checklist.plan_checks(store, rid) == []
