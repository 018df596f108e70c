"""Full reports built from the published sample, for filling benchmark stores."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path

from fzdesk import resources
from fzdesk.domain.model import Block, FigureState, FigureValue, Item, Numbering, Report, Unit, UnitType
from fzdesk.domain.outline import new_report
from fzdesk.storage.store import Store

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"

_FALLBACK = (
    "全面落实“谁执法谁普法”普法责任制，组织开展宪法宣传周、民法典宣传月等主题活动，"
    "推动法治宣传教育进机关、进乡村、进社区、进学校、进企业、进单位、进网络，营造浓厚法治氛围。"
)


def sample_paragraphs() -> list[str]:
    """The body paragraphs of the shipped sample report (or a stock paragraph when it is absent)."""
    files = sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
    if not files:
        return [_FALLBACK]
    lines = [line.strip() for line in files[0].read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) > 40]


def full_report(unit: Unit, year: int, chars: int = 30_000) -> Report:
    """A report of about `chars` characters of body text, every block filled, every figure filled."""
    report = new_report(resources.outline(unit.unit_type), unit, year)
    report.date = dt.date(year, 12, 15)
    blocks = [s for s in report.body_sections if s.block is not Block.OTHER]
    paragraphs = itertools.cycle(sample_paragraphs())
    per_block = chars // len(blocks)
    for section in blocks:
        section.numbering = Numbering.HEADINGS
        section.items = []
        written = 0
        while written < per_block:
            body = [next(paragraphs), next(paragraphs)]
            written += sum(map(len, body))
            section.items.append(Item(f"第{len(section.items) + 1}项工作", body))
    other = report.section(Block.OTHER)
    if other is not None:
        other.omitted = True
    for n, indicator in enumerate(resources.catalogue().indicators):
        value = Decimal(n % 7 * 10 + 5) if indicator.kind.value != "rate" else Decimal("98.5")
        report.figures[indicator.code] = FigureValue(
            indicator.code, FigureState.NUMBER, value, last_state=FigureState.NUMBER, last_value=value
        )
    return report


def fill_store(folder: Path, units: int = 10, years: int = 5, chars: int = 30_000) -> Path:
    """A store with `units` units of `years` full reports each; returns the folder."""
    with Store.open(folder, daily_backup=False) as store:
        for u in range(units):
            name = f"第{u + 1}测试镇人民政府"
            unit = Unit(name, f"测试{u + 1}镇", UnitType.TOWNSHIP, [f"中共第{u + 1}测试镇委员会", name], "县委、县政府")
            store.save_unit(unit)
            for year in range(2025 - years + 1, 2026):
                store.create_report(full_report(unit, year, chars))
    return folder
