"""Importing a 10-page report: a hand-written .docx and an fzdesk .docx, each against python-docx reading it.

The baseline is what python-docx needs just to open the same file and read every paragraph's text
(`Document(path)` and `[p.text for p in document.paragraphs]`). fzdesk's figure is `open_import(path)`: the
safe zip and XML checks, the paragraphs with Word's numbering, the recognition of title, blocks, items,
署名 and date, PDF-damage repair and the figure candidates -- or, for an fzdesk .docx, the embedded JSON read,
validated and the text hash recomputed. Both read the file from disk. Each figure is the median of N
alternating runs after one discarded run of each, in the same process.

    .venv/bin/python -m benchmarks.bench_import [--runs 15] [--pages 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

from fzdesk import resources  # noqa: E402
from fzdesk.exchange.importer import SourceKind, open_import  # noqa: E402
from fzdesk.export.docx_writer import export_docx  # noqa: E402
from tests.exchange import samples  # noqa: E402

TARGET_RATIO = 2.0


def page_lines(lines: list[str]) -> int:
    """Lines the text takes at 28 characters a line, each paragraph indented by two characters."""
    return sum(-(-(len(line) + 2) // 28) for line in lines)


def hand_written_lines(pages: int) -> list[str]:
    """The county sample with its measures items repeated until the text fills `pages` pages of 22 lines."""
    lines = samples.lines(samples.county_text())
    start = next(i for i, line in enumerate(lines) if line.startswith("（一）"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    items = lines[start:end]
    out = lines[:end]
    n = 5
    while page_lines(out + lines[end:]) < pages * 22:
        item = items[n % len(items)]
        n += 1
        out.append(f"（{_cn(n)}）" + item.split("）", 1)[1])
    return out + lines[end:]


def _cn(n: int) -> str:
    from fzdesk.domain.numbering import chinese_number

    return chinese_number(n)


def write_hand_written(path: Path, lines: list[str]) -> None:
    """As a clerk's Word file: 仿宋_GB2312 16 pt body, East Asian font on every run, one paragraph a line."""
    document = docx.Document()
    for line in lines:
        run = document.add_paragraph().add_run(line)
        run.font.size = Pt(16)
        run.font.name = "仿宋_GB2312"
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    document.save(str(path))


def write_fzdesk(path: Path, hand_written: Path) -> None:
    """The same report exported by fzdesk's exporter (fzdesk.export), its JSON embedded."""
    preview = open_import(hand_written)
    path.write_bytes(export_docx(preview.report, preview.unit, catalogue=resources.catalogue()).data)


def python_docx_read(path: Path) -> Callable[[], object]:
    def run() -> object:
        document = docx.Document(str(path))
        return [p.text for p in document.paragraphs]

    return run


def fzdesk_import(path: Path) -> Callable[[], object]:
    return lambda: open_import(path)


def median_pair(a: Callable[[], object], b: Callable[[], object], runs: int) -> tuple[float, float]:
    a()
    b()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        for fn, times in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(ta), statistics.median(tb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args(argv)
    resources.catalogue()  # loaded once per program run, not per import
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        hand = Path(folder) / "hand.docx"
        lines = hand_written_lines(args.pages)
        write_hand_written(hand, lines)
        ours = Path(folder) / "fzdesk.docx"
        write_fzdesk(ours, hand)
        chars = sum(map(len, lines))
        print(f"report text: {chars} characters, {len(lines)} paragraphs, "
              f"{page_lines(lines) / 22:.1f} pages of 22 lines x 28 characters")
        for label, path, kind in (("hand-written .docx", hand, SourceKind.DOCX),
                                  ("fzdesk .docx", ours, SourceKind.FZDESK_DOCX)):
            preview = open_import(path)
            assert preview.kind is kind, preview.kind
            mine, baseline = median_pair(fzdesk_import(path), python_docx_read(path), args.runs)
            ratio = mine / baseline
            ok &= ratio <= TARGET_RATIO
            print(f"{label} ({path.stat().st_size // 1024} KB, {len(preview.figures)} figure candidates):")
            print(f"  fzdesk open_import:                  median {mine * 1000:.1f} ms over {args.runs} runs")
            print(f"  python-docx open + read paragraphs:  median {baseline * 1000:.1f} ms over {args.runs} runs")
            print(f"  ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
