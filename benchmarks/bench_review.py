"""Reviewing a stick of received reports: files read and checked per second (fzdesk.review, as the dialog runs it).

The stick holds N files: the county sample report (../shared/samples) recognised once, its figures taken from
the prose, exported by fzdesk under N different unit names (every fifth one a hand-written .docx of the sample
instead, recognised from its text). One run is `review_paths(files_in(folder))` -- open_import of each file from
disk, all checks, the batch's duplicate and year marks -- with the shipped rules and wording loaded beforehand
(the dialog loads them once per program run); the summary CSV is timed apart. The figure is the median of the runs;
the first run (the checks' patterns compiled on first use) is printed too.

    .venv/bin/python -m benchmarks.bench_review [--files 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from fzdesk import resources  # noqa: E402
from fzdesk.domain.model import FigureState, FigureValue  # noqa: E402
from fzdesk.exchange.importer import open_import  # noqa: E402
from fzdesk.export.docx_writer import export_docx  # noqa: E402
from fzdesk.review.batch import files_in, review_paths  # noqa: E402
from fzdesk.review.reading import Checker  # noqa: E402
from fzdesk.review.summary import summary_csv  # noqa: E402
from tests.exchange import samples  # noqa: E402

TOWNS = ("石桥", "王集", "白集", "付井", "周营", "李老庄", "冯营", "范营", "北杨集", "洪山")


def make_stick(folder: Path, count: int) -> None:
    """count report files in folder: fzdesk exports of the sample under varied units, every fifth hand-written."""
    hand = samples.write_docx(folder / ".sample.docx", samples.lines(samples.county_text()))
    preview = open_import(hand)
    report, unit = preview.report, preview.unit
    for c in preview.figures:  # the figures the prose gives, as a clerk would accept them
        if c.approx is None and c.code not in report.figures:
            report.figures[c.code] = FigureValue(c.code, FigureState.NUMBER, c.value)
    for n in range(count):
        round_ = n // len(TOWNS) + 1 if n >= len(TOWNS) else ""
        name = f"{TOWNS[n % len(TOWNS)]}{'镇' if n % 2 else '乡'}{round_}人民政府"
        path = folder / f"{n + 1:0{len(str(count))}d}{name}.docx"
        if n % 5 == 4:
            path.write_bytes(hand.read_bytes())
            continue
        unit.name, report.organs = name, [name]
        path.write_bytes(export_docx(report, unit, catalogue=resources.catalogue()).data)
    hand.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    checker = Checker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        make_stick(folder, args.files)
        paths = files_in(folder)
        size = sum(p.stat().st_size for p in paths) // 1024
        times, csv_times = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            rows, year = review_paths(paths, checker)
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            summary_csv(rows, resources.catalogue(), year)
            csv_times.append(time.perf_counter() - start)
        read = sum(1 for r in rows if r.readable)
        findings = sum(r.errors + r.warnings + r.infos for r in rows)
        median = statistics.median(times)
        print(f"{len(paths)} files ({size} KB; {read} read, {findings} findings in all), {args.runs} runs")
        print(f"  read and check:  median {median:.2f} s  = {len(paths) / median:.1f} files/s "
              f"({median / len(paths) * 1000:.0f} ms a file); first run {times[0]:.2f} s "
              f"= {len(paths) / times[0]:.1f} files/s")
        print(f"  summary CSV:     median {statistics.median(csv_times) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
