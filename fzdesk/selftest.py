"""`fzdesk --self-test`: a headless smoke test of a build, one stage after another, exit status 0 or 1."""

from __future__ import annotations

import copy
import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from fzdesk import __version__
from fzdesk.domain.model import FigureState, FigureValue, Item, Report, Unit, UnitType


@dataclass
class Context:
    """What the stages hand on to each other."""

    folder: Path
    unit: Unit | None = None
    report: Report | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    def sample(self) -> tuple[Unit, Report]:
        assert self.unit is not None and self.report is not None, "the store stage runs first"
        return self.unit, self.report


def sample_unit() -> Unit:
    name = "自检县人民政府办公室"
    return Unit(name=name, short_name="县政府办", unit_type=UnitType.DEPARTMENT, organs=[name],
                recipient="自检县人民政府", cc="县委依法治县办", contact="张三 0394-1234567")


def sample_report(unit: Unit, year: int = 2025) -> Report:
    """A complete report: every block has items with text, and a few figures of different kinds."""
    from fzdesk import resources
    from fzdesk.domain.outline import new_report

    r = new_report(resources.outline(unit.unit_type), unit, year)
    r.date = dt.date(year, 12, 15)
    for section in r.body_sections:
        if not section.items:
            section.items = [Item("", [f"{section.heading}方面，全年扎实推进各项工作。"])]
        for item in section.items:
            if not item.paragraphs:
                item.paragraphs = [f"{item.title}方面的工作取得新进展，完成年度目标。"]
    r.figures = {
        "A.accepted": FigureValue("A.accepted", FigureState.NUMBER, Decimal(88)),
        "A.closed": FigureValue("A.closed", FigureState.NUMBER, Decimal(63)),
        "A.open": FigureValue("A.open", FigureState.NUMBER, Decimal(25)),  # 88 accepted = 63 closed + 25 open
        "I.fines": FigureValue("I.fines", FigureState.NA),
    }
    return r


def without_ids(report: Report) -> Report:
    """A copy with every database id cleared, for comparing a report across a store or a file."""
    out = copy.deepcopy(report)
    out.id = out.unit_id = None
    for section in out.sections:
        section.id = None
        for item in section.items:
            item.id = None
    return out


def _same(what: str, got: Any, expected: Any) -> None:
    if got != expected:
        raise AssertionError(f"{what}: read back differs from what was written")


# ----- stages ----------------------------------------------------------------------------------------------
def stage_resources(ctx: Context) -> str:
    from fzdesk import paths, resources
    from fzdesk.domain.model import UnitType

    catalogue = resources.catalogue()
    for unit_type in UnitType:
        resources.outline(unit_type)
    for parts in (("fzdesk.png",), ("fzdesk.ico",), ("window", "fzdesk-32.png")):
        if not paths.resource("icons", *parts).is_file():
            raise FileNotFoundError(paths.resource("icons", *parts))
    count = len(getattr(catalogue, "indicators", ()))
    return f"{paths.resources_dir()}; {count} indicators"


def stage_store(ctx: Context) -> str:
    from fzdesk.storage.store import Store

    unit = sample_unit()
    with Store.open(ctx.folder / "data") as store:
        store.save_unit(unit)
        report = sample_report(unit)
        report_id = store.create_report(report)
    with Store.open(ctx.folder / "data", daily_backup=False) as store:
        _same("unit", store.unit(unit.id or 0), unit)
        loaded = store.load_report(report_id)
    _same("report", without_ids(loaded), without_ids(report))
    ctx.unit, ctx.report = unit, loaded
    return f"{sum(len(s.items) for s in loaded.sections)} items"


def stage_report_json(ctx: Context) -> str:
    from fzdesk import resources
    from fzdesk.exchange import report_json

    unit, report = ctx.sample()
    text = report_json.dumps(report, unit, resources.catalogue())
    back = report_json.loads(text.encode("utf-8"))
    _same("report JSON", without_ids(back.report), without_ids(report))
    return f"{len(text)} characters"


def stage_check(ctx: Context) -> str:
    """The checks run over the sample, and a figure slip planted in a copy is reported as an error."""
    from fzdesk import resources
    from fzdesk.checks.engine import check_report
    from fzdesk.checks.rules import load_rules
    from fzdesk.checks.wording import load_wording

    unit, report = ctx.sample()
    rules, wording = load_rules(ctx.folder / "data"), load_wording(ctx.folder / "data")
    clean = check_report(report, unit, resources.catalogue(), rules, wording)
    if any(f.rule == "A.balance" for f in clean.findings):
        raise AssertionError("the checks report a slip in figures that add up")
    slipped = copy.deepcopy(report)
    slipped.figures["A.open"] = FigureValue("A.open", FigureState.NUMBER, Decimal(20))
    found = check_report(slipped, unit, resources.catalogue(), rules, wording)
    if not any(f.rule == "A.balance" and f.severity.value == "error" for f in found.open_findings):
        raise AssertionError("the checks missed 88 accepted != 63 closed + 20 open")
    return f"{len(rules.rules)} rules, {len(clean.findings)} findings on the sample"


def stage_export(ctx: Context) -> str:
    """The .docx export; python-docx must open it, and the report data it carries must read back unchanged."""
    import docx

    from fzdesk import resources
    from fzdesk.exchange import embedded, report_json
    from fzdesk.export.docx_writer import export_docx

    unit, report = ctx.sample()
    path = ctx.folder / "自检报告.docx"
    path.write_bytes(export_docx(report, unit, catalogue=resources.catalogue()).data)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    title = "".join(report.display_title.split())
    if not any(title in "".join(t.split()) for t in paragraphs[:6]):  # the title may be broken over lines
        raise AssertionError("the exported document does not begin with the report's title")
    carried = embedded.read_embedded(path)
    if carried is None or carried.text_changed:
        raise AssertionError("the exported document lost its report data or its text hash")
    _same("report in the .docx", without_ids(report_json.loads(carried.json_text).report), without_ids(report))
    ctx.notes["docx"] = path
    return f"{path.stat().st_size} bytes, {len(paragraphs)} paragraphs"


def stage_import(ctx: Context) -> str:
    """The exported .docx imported back into a second store: the report read from the store is the same."""
    from fzdesk.exchange.apply import apply_import
    from fzdesk.exchange.importer import SourceKind, open_import
    from fzdesk.storage.store import Store

    unit, report = ctx.sample()
    preview = open_import(ctx.notes["docx"])
    if preview.kind is not SourceKind.FZDESK_DOCX or preview.text_changed:
        raise AssertionError(f"the exported .docx was read as {preview.kind.value}")
    with Store.open(ctx.folder / "imported") as store:
        report_id = apply_import(store, preview)
        back = store.load_report(report_id)
        _same("unit after import", store.unit(back.unit_id or 0).name, unit.name)
    _same("report after import", without_ids(back), without_ids(report))
    plain = _without_embedded_data(ctx.notes["docx"], ctx.folder / "手写报告.docx")
    read = open_import(plain)  # as a hand-written document: recognised from its text and numbering
    shape = [len(s.items) for s in report.body_sections]
    got = (read.kind, read.report.year, read.unit.name, [len(s.items) for s in read.report.body_sections])
    _same("report recognised from the document's text", got, (SourceKind.DOCX, report.year, unit.name, shape))
    return f"embedded data and text recognition, {len(preview.summary())} preview lines"


def _without_embedded_data(source: Path, target: Path) -> Path:
    """A copy of a .docx without its customXml parts: what a hand-written document looks like to the importer."""
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            if not name.startswith("customXml/"):
                out.writestr(name, src.read(name))
    return target


def stage_qt(ctx: Context) -> str:
    """Qt starts offscreen, loads Qt's Chinese translation, shows a widget and writes a PDF."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
    from PySide6.QtGui import QIcon, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication, QLabel

    from fzdesk import paths
    from fzdesk.pyside_fix import pin_singletons

    pin_singletons()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        raise FileNotFoundError(f"qtbase_zh_CN.qm not found in {folder}")
    QCoreApplication.installTranslator(translator)
    try:
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    finally:
        QCoreApplication.removeTranslator(translator)  # leave a shared QApplication as it was
    if cancel != "取消":
        raise AssertionError(f"Qt's Chinese translation not in effect ('Cancel' -> {cancel!r})")
    icon = QIcon(str(paths.resource("icons", "fzdesk.png")))
    if icon.isNull():
        raise AssertionError("the program icon does not load")
    label = QLabel("法治政府建设年度报告助手")
    label.setWindowIcon(icon)
    label.show()
    app.processEvents()
    label.close()
    pdf = ctx.folder / "selftest.pdf"
    writer = QPdfWriter(str(pdf))
    painter = QPainter(writer)
    painter.drawText(100, 100, "自检")
    painter.end()
    del writer
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise AssertionError("QPdfWriter wrote no PDF")
    return f"Qt {QLibraryInfo.version().toString()}, {QApplication.platformName()}"


def stage_submitted(ctx: Context) -> str:
    """The 报送稿 .docx, its 版记 page found by Qt's layout (fzdesk.typeset) as the window and `fzdesk export` do:
    the 版记 on the back of the last sheet, and the .docx carrying it (after stage_qt: Qt is up, offscreen)."""
    import zipfile

    from fzdesk import resources
    from fzdesk.export.docx_writer import build, export_docx
    from fzdesk.export.options import ExportOptions, Variant
    from fzdesk.typeset.paged import PagedReport, foot_pages

    unit, report = ctx.sample()
    options = ExportOptions(variant=Variant.SUBMITTED)
    predicted = foot_pages(build(report, unit, options, resources.catalogue()), options.font_set)
    if predicted is None:
        raise AssertionError("the 报送稿 has no 版记")
    path = ctx.folder / "自检报送稿.docx"
    path.write_bytes(export_docx(report, unit, options, resources.catalogue(), pages=foot_pages).data)
    with zipfile.ZipFile(path) as z:
        document = z.read("word/document.xml").decode("utf-8")
    if "印发" not in document:
        raise AssertionError("the 报送稿 lost its 版记")
    pages = PagedReport(report, unit, options, resources.catalogue()).page_count
    if pages % 2:
        raise AssertionError(f"the 版记 is on page {pages}, the front of a sheet")
    return f"版记 on page {pages} (before the page breaks: {predicted[0]})"


STAGES: list[tuple[str, Callable[[Context], str]]] = [
    ("资源", stage_resources),
    ("数据库", stage_store),
    ("报告数据文件", stage_report_json),
    ("检查", stage_check),
    ("导出 .docx", stage_export),
    ("导入 .docx", stage_import),
    ("Qt 界面", stage_qt),
    ("导出报送稿", stage_submitted),
]


def run(verbose: bool = False, stages: list[tuple[str, Callable[[Context], str]]] | None = None) -> int:
    """Runs every stage; prints one summary line (and the failing stage's traceback on stderr)."""
    started = time.perf_counter()
    chosen = STAGES if stages is None else stages
    with tempfile.TemporaryDirectory(prefix="fzdesk-selftest-") as tmp:
        ctx = Context(Path(tmp))
        for name, stage in chosen:
            try:
                detail = stage(ctx)
            except Exception as exc:
                traceback.print_exc(file=sys.stderr)
                print(f"fzdesk {__version__} 自检失败：{name}：{type(exc).__name__}: {exc}")
                return 1
            if verbose:
                print(f"  {name}：通过（{detail}）", file=sys.stderr)
    seconds = time.perf_counter() - started
    names = "、".join(n for n, _ in chosen)
    print(f"fzdesk {__version__} 自检通过：{len(chosen)} 项（{names}），用时 {seconds:.1f} 秒")
    return 0
