"""Text as the store keeps it: line ends as "\\n", no character a Word document cannot hold."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fzdesk.domain.model import FigureState, FigureValue
from fzdesk.domain.plain_text import storable
from fzdesk.storage.store import Store
from tests import factories


def test_carriage_returns_become_line_feeds_and_controls_are_dropped() -> None:
    assert storable("甲\r\n乙\r丙\n丁") == "甲\n乙\n丙\n丁"
    assert storable("a\x00b\x0bc\x0cd\x1fe\ufffef\uffff") == "abcdef"
    assert storable("制表\t保留　全角空格 𠮷") == "制表\t保留　全角空格 𠮷"


def test_the_store_keeps_text_storable_on_every_way_in(tmp_path: Path) -> None:
    with Store.open(tmp_path, daily_backup=False) as store:
        u = factories.unit()
        u.name, u.organs, u.recipient = "某某\r镇", ["某某\r\n镇人民政府\x01"], "县\x0b政府"
        store.save_unit(u)
        r = factories.report(u)
        r.unit_id = u.id
        r.title, r.attachments = "标题\r", ["附件\x02"]
        r.sections[1].heading = "一级\r标题"
        item = r.sections[1].items[0]
        item.title, item.paragraphs = "条目\x0c", ["第一段\r第二段"]
        rid = store.create_report(r)
        saved_unit, saved = store.unit(u.id or 0), store.load_report(rid)
        assert (saved_unit.name, saved_unit.organs) == ("某某\n镇", ["某某\n镇人民政府"])
        assert saved_unit.recipient == "县政府"
        assert (saved.title, saved.attachments, saved.sections[1].heading) == ("标题\n", ["附件"], "一级\n标题")
        assert saved.sections[1].items[0].title == "条目"
        assert saved.sections[1].items[0].paragraphs == ["第一段", "第二段"]
        store.update_report(rid, recipient="主送\r\n机关", organs=["机关\x1f"])
        store.update_section(saved.sections[1].id or 0, heading="改\x00后")
        store.update_item(item.id or 0, title="新\r标题", paragraphs=["段\x0b落"])
        store.set_figure(rid, FigureValue("A.accepted", FigureState.NUMBER, Decimal(3), explanation="说明\r"))
        again = store.load_report(rid)
        assert (again.recipient, again.organs, again.sections[1].heading) == ("主送\n机关", ["机关"], "改后")
        assert (again.sections[1].items[0].title, again.sections[1].items[0].paragraphs) == ("新\n标题", ["段落"])
        assert again.figures["A.accepted"].explanation == "说明\n"
