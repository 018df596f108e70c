"""Exporting a 30,000-character report: fzdesk's writer against python-docx writing the same paragraphs.

python-docx gets the same paragraphs with the same fonts (East Asian and Latin on every run), sizes,
character spacing, exact line spacing, indents and alignment, and the same page setup; it writes no
footers, styles of ours or embedded JSON, which fzdesk's figure includes. Both produce the .docx bytes in
memory. The figure is the median of N alternating runs after one discarded run of each, in the same process.

    .venv/bin/python -m benchmarks.bench_export [--runs 15] [--chars 30000]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from fzdesk import resources  # noqa: E402
from fzdesk.domain.model import BODY_BLOCKS, Item, Report, Unit  # noqa: E402
from fzdesk.export import geometry as g  # noqa: E402
from fzdesk.export.docx_writer import build, export_docx  # noqa: E402
from fzdesk.export.fonts import LATIN, font_for  # noqa: E402
from fzdesk.export.layout import Align, Para  # noqa: E402
from fzdesk.export.options import ExportOptions  # noqa: E402
from fzdesk.typeset.paged import foot_pages  # noqa: E402
from tests.export.sample import sample_report, sample_unit  # noqa: E402

TARGET_RATIO = 1.5


def big_report(chars: int) -> Report:
    """The sample report with its items repeated until the body holds at least `chars` characters."""
    report = sample_report()
    sections = [s for s in report.sections if s.block in BODY_BLOCKS and s.items]
    originals = {id(s): list(s.items) for s in sections}
    while sum(len(p) for s in report.sections for i in s.items for p in i.paragraphs) < chars:
        for s in sections:
            s.items += [Item(i.title, list(i.paragraphs)) for i in originals[id(s)]]
    return report


def fzdesk_export(report: Report, unit: Unit, options: ExportOptions) -> bytes:
    return export_docx(report, unit, options, resources.catalogue(), pages=foot_pages).data


def python_docx_export(report: Report, unit: Unit, options: ExportOptions) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    alignment = {Align.BOTH: WD_ALIGN_PARAGRAPH.JUSTIFY, Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
                 Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER, Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT}
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Twips(g.PAGE_WIDTH), Twips(g.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(g.MARGIN_TOP), Twips(g.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(g.MARGIN_LEFT), Twips(g.MARGIN_RIGHT)
    for element in build(report, unit, options, resources.catalogue()):
        if not isinstance(element, Para):
            continue
        p = document.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(element.line)
        fmt.space_after = Pt(0)
        fmt.first_line_indent = Twips(element.first_line - element.hanging)
        fmt.left_indent, fmt.right_indent = Twips(element.left), Twips(element.right)
        fmt.alignment = alignment[element.align]
        for run in element.runs:
            r = p.add_run(run.text)
            r.font.name = LATIN
            r.font.size = Pt(run.size / 2)
            r.font.bold = run.bold or None
            rpr = r._element.get_or_add_rPr()
            rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font_for(options.font_set, run.role))
            if run.spacing:
                spacing = OxmlElement("w:spacing")
                spacing.set(qn("w:val"), str(run.spacing))
                rpr.append(spacing)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(fn: Callable[[], bytes]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--chars", type=int, default=30000)
    args = parser.parse_args(argv)
    report, unit, options = big_report(args.chars), sample_unit(), ExportOptions()
    body = sum(len(p) for s in report.sections for i in s.items for p in i.paragraphs)

    def ours() -> bytes:
        return fzdesk_export(report, unit, options)

    def theirs() -> bytes:
        return python_docx_export(report, unit, options)

    ours(), theirs()  # warm-up, discarded
    a, b = [], []
    for _ in range(args.runs):
        a.append(timed(ours))
        b.append(timed(theirs))
    mine, baseline = statistics.median(a), statistics.median(b)
    ratio = mine / baseline
    print(f"report body: {body} characters, {len(ours())} bytes (fzdesk) / {len(theirs())} bytes (python-docx)")
    print(f"fzdesk export_docx:  median {mine * 1000:.1f} ms over {args.runs} runs")
    print(f"python-docx, same paragraphs: median {baseline * 1000:.1f} ms over {args.runs} runs")
    print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
