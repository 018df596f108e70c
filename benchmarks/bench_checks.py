"""Times the checks: all checks on a 30,000-character report with 150 filled figures, and the re-check of one
edited paragraph (what runs while typing). Plain script: `.venv/bin/python benchmarks/bench_checks.py`."""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fzdesk import resources
from fzdesk.checks.engine import check_paragraph, check_report
from fzdesk.checks.rules import load_rules
from fzdesk.checks.wording import load_wording
from fzdesk.domain.catalogue import Catalogue, Family, Indicator, Kind
from fzdesk.domain.model import (
    Block,
    FigureState,
    FigureValue,
    Item,
    Numbering,
    Report,
    Section,
    Unit,
    UnitType,
)

TARGET_CHARS = 30_000
TARGET_FIGURES = 150
RUNS = 30
SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "checks" / "sample_2023.txt"


def catalogue_with_synthetic(base: Catalogue, wanted: int) -> Catalogue:
    """The shipped catalogue, extended with synthetic indicators (family X) up to `wanted` codes."""
    indicators = list(base.indicators)
    families = [*base.families, Family("X", "合成指标", "benchmark only")]
    n = 0
    while len(indicators) < wanted:
        n += 1
        indicators.append(Indicator(f"X.synthetic{n}", "X", f"合成指标{n}", "件", Kind.COUNT,
                                    words=(f"合成事项{n}号",)))
    return Catalogue(base.version, families, indicators)


def build_report(catalogue: Catalogue) -> Report:
    """Paragraphs of the real sample, varied, with synthetic figure mentions, up to 30,000 characters."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40]
    report = Report(unit_id=1, year=2023, title="沈丘县人民政府办公室关于2023年度法治政府建设情况的报告",
                    recipient="沈丘县人民政府", organs=["沈丘县人民政府办公室"], date=dt.date(2023, 12, 15),
                    catalogue_version=catalogue.version)  # today's catalogue: every shipped rule runs
    blocks = [Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS, Block.OTHER]
    report.sections = [Section(Block.OPENING, "", Numbering.NONE, [Item("", [lines[0]])], id=1)]
    report.sections += [Section(b, f"第{i}部分", Numbering.HEADINGS, [], id=i + 2) for i, b in enumerate(blocks)]
    total, k = len(lines[0]), 0
    while total < TARGET_CHARS:
        line = lines[k % len(lines)]
        extra = f"全年合成事项{k % 50 + 1}号共{k}件，较去年增加{k % 7}件。"
        text = line + extra
        section = report.sections[1 + k % len(blocks)]
        section.items.append(Item(f"第{k}项工作", [text], id=1000 + k))
        total += len(text) + 5
        k += 1
    report.sections.append(Section(Block.CLOSING, "", Numbering.NONE, [Item("", ["特此报告。"])], id=99))
    for i, ind in enumerate(catalogue.indicators[:TARGET_FIGURES]):
        value = Decimal(50 if ind.kind is Kind.RATE else 10 + i)
        report.figures[ind.code] = FigureValue(ind.code, FigureState.NUMBER, value, last_state=FigureState.NUMBER,
                                               last_value=value + 3)
    return report


def chars(report: Report) -> int:
    return sum(len(s.heading) + sum(len(i.title) + sum(len(p) for p in i.paragraphs) for i in s.items)
               for s in report.sections)


def timed(fn: object, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time is less disturbed by other processes)."""
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def main() -> None:
    catalogue = catalogue_with_synthetic(resources.catalogue(), TARGET_FIGURES)
    rules, wording = load_rules(), load_wording()
    report = build_report(catalogue)
    unit = Unit("沈丘县人民政府办公室", unit_type=UnitType.DEPARTMENT, organs=["沈丘县人民政府办公室"])
    filled = sum(1 for f in report.figures.values() if f.state is FigureState.NUMBER)
    check_report(report, unit, catalogue, rules, wording)  # warm-up: compiles the catalogue's word index
    full, full_cpu = timed(lambda: check_report(report, unit, catalogue, rules, wording), RUNS)
    result = check_report(report, unit, catalogue, rules, wording)
    measures = report.section(Block.MEASURES)
    assert measures is not None
    item = measures.items[3]
    typed = item.paragraphs[0] + "法制政府近十余次"
    para, para_cpu = timed(lambda: check_paragraph(report, catalogue, wording, Block.MEASURES, 3, 0, typed),
                           RUNS * 10)
    print(f"report: {chars(report)} characters, {sum(len(s.items) for s in report.sections)} items, "
          f"{filled} filled figures, {len(catalogue.indicators)} indicators, {len(rules.rules)} figure rules, "
          f"{len(wording.entries)} wording entries; {len(result.findings)} findings, {len(result.unchecked)} unchecked")
    print(f"check_report:    median {statistics.median(full):.2f} ms  (min {min(full):.2f}, max {max(full):.2f}, "
          f"{RUNS} runs, time.perf_counter around each call, after one warm-up run; "
          f"CPU median {statistics.median(full_cpu):.2f} ms)")
    print(f"check_paragraph: median {statistics.median(para):.3f} ms  (min {min(para):.3f}, max {max(para):.3f}, "
          f"{RUNS * 10} runs, one {len(typed)}-character paragraph with its section's counted lists; "
          f"CPU median {statistics.median(para_cpu):.3f} ms)")


if __name__ == "__main__":
    main()
