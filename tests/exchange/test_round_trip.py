"""Export, import into a new store, export again: the same JSON (hypothesis over generated reports)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzdesk import resources
from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.domain.model import Block, Report, Unit
from fzdesk.exchange import embedded, report_json
from fzdesk.exchange.apply import apply_import
from fzdesk.exchange.importer import SourceKind, open_import
from fzdesk.export.docx_writer import export_docx
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from tests import factories
from tests.exchange import strategies


def export_json(store: Store, report_id: int) -> str:
    report = store.load_report(report_id)
    unit = store.unit(report.unit_id or 0)
    return report_json.dumps(report, unit, resources.catalogue(), plan_checks=checklist.plan_checks(store, report_id))


def exported_docx(path: Path, store: Store, report_id: int) -> Path:
    """The real exporter's .docx (fzdesk.export), written from what the store holds, as the program does."""
    report = store.load_report(report_id)
    unit = store.unit(report.unit_id or 0)
    path.write_bytes(export_docx(report, unit, catalogue=resources.catalogue(),
                                 plan_checks=checklist.plan_checks(store, report_id)).data)
    return path


def _round_trip(report: Report, unit: Unit, folder: Path, via: str, checks: list[PlanCheck] | None = None) -> None:
    with Store.open(folder / "a", daily_backup=False) as a:
        a.save_unit(unit)
        report.unit_id = unit.id
        rid = a.create_report(report)
        if checks:
            for c in checks:
                if c.item_id is not None:
                    c.item_id = report.sections[c.item_id].items[0].id
            checklist.replace_plan_checks(a, rid, checks)
        first = export_json(a, rid)
        if via == "json":
            path = folder / "r.json"
            path.write_text(first, encoding="utf-8")
        else:
            path = exported_docx(folder / "r.docx", a, rid)
    preview = open_import(path)
    assert preview.kind is (SourceKind.JSON if via == "json" else SourceKind.FZDESK_DOCX)
    assert not preview.text_changed, "a fresh export looks edited in Word"
    with Store.open(folder / "b", daily_backup=False) as b:
        rid_b = apply_import(b, preview)
        second = export_json(b, rid_b)
    assert second == first


@st.composite
def _with_checks(draw: st.DrawFn) -> tuple[Report, list[PlanCheck]]:
    report = draw(strategies.reports())
    linkable = [n for n, s in enumerate(report.sections) if s.items]
    checks = [PlanCheck(draw(strategies.text), draw(strategies.text), draw(st.sampled_from(list(PlanStatus))),
                        draw(st.none() | st.sampled_from(linkable)) if linkable else None, draw(strategies.text))
              for _ in range(draw(st.integers(0, 3)))]
    return report, checks


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(data=_with_checks(), unit=strategies.units, via=st.sampled_from(["json", "docx"]))
def test_export_import_export_gives_the_same_json(data: tuple[Report, list[PlanCheck]], unit: Unit, via: str) -> None:
    report, checks = data
    with tempfile.TemporaryDirectory() as folder:
        _round_trip(report, unit, Path(folder), via, checks)


def test_the_sample_report_round_trips_through_a_docx(tmp_path: Path) -> None:
    u = factories.unit()
    _round_trip(factories.report(u), u, tmp_path, "docx")


@pytest.mark.parametrize("via", ["docx", "json"])
@pytest.mark.parametrize("text", ["0\r0", "甲\r\n乙", "丙\x0b丁\x01", "戊\ufffe己"])
def test_carriage_returns_and_control_characters_round_trip_as_stored(tmp_path: Path, via: str, text: str) -> None:
    """A unit name "0\r0" made a fresh export look edited in Word: the XML parser reads "\r" back as "\n"."""
    u = factories.unit()
    u.name = text
    r = factories.report(u)
    r.title = text
    r.sections[1].heading = text
    r.sections[1].items[0].title = text
    r.sections[1].items[0].paragraphs[0] = text
    _round_trip(r, u, tmp_path, via)


def test_an_fzdesk_docx_edited_in_word_offers_the_documents_text(tmp_path: Path) -> None:
    u = factories.unit()
    r = factories.report(u)
    for section in r.sections:
        if section.block is Block.MEASURES:
            section.heading = "法治政府建设的主要举措和成效"
    json_text = report_json.dumps(r, u, resources.catalogue())
    path = tmp_path / "exported.docx"
    document = docx.Document()
    document.add_paragraph(r.display_title)
    document.add_paragraph("沈丘县人民政府：")
    document.add_paragraph("2023年，我办扎实推进法治政府建设。现将有关情况报告如下：")
    document.add_paragraph("一、法治政府建设的主要举措和成效")
    document.add_paragraph("（一）加强组织领导")
    document.add_paragraph("全年召开专题会议4次。")
    document.add_paragraph("特此报告。")
    document.add_paragraph("2023年12月15日")
    embedded.embed_in_document(document, json_text)
    document.save(str(path))
    assert not open_import(path).text_changed
    edited = docx.Document(str(path))
    edited.paragraphs[5].text = "全年召开专题会议6次。"
    edited.save(str(path))
    preview = open_import(path)
    assert preview.kind is SourceKind.FZDESK_DOCX and preview.text_changed
    assert preview.report.sections == r.sections  # the embedded data as exported
    alt = preview.document_version
    assert alt is not None
    measures = alt.report.section(Block.MEASURES)
    assert measures is not None and measures.items[0].title == "加强组织领导"
    assert measures.items[0].paragraphs == ["全年召开专题会议6次。"]
    assert alt.report.figures == r.figures and alt.unit.name == u.name  # the data sheet still comes from the JSON
    assert any("修改" in line for line in preview.summary())
    # the hand-made document holds one block of the embedded report: many changes, the list capped
    assert "    开头：正文有改动（第1段）" in preview.summary() and "    另有12处改动" in preview.summary()


def test_the_exporters_docx_imports_losslessly_and_edits_are_detected(tmp_path: Path) -> None:
    u = factories.unit()
    r = factories.report(u)
    path = tmp_path / "exported.docx"
    path.write_bytes(export_docx(r, u, catalogue=resources.catalogue()).data)
    preview = open_import(path)
    assert preview.kind is SourceKind.FZDESK_DOCX and not preview.text_changed
    assert preview.report == r and preview.unit.name == u.name
    document = docx.Document(str(path))
    last = next(p for p in document.paragraphs if "全年扎实推进" in p.text)
    last.text = last.text.replace("全年扎实推进", "全年稳步推进")
    document.save(str(path))
    edited = open_import(path)
    assert edited.text_changed and edited.document_version is not None
    texts = [t for s in edited.document_version.report.sections for i in s.items for t in (i.title, *i.paragraphs)]
    assert any("全年稳步推进" in t for t in texts)
