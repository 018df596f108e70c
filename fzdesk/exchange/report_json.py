"""The report JSON: a versioned, documented (docs/report-json.md) and lossless form of one unit's report."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from fzdesk import __version__, resources
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.domain.figure_values import figure_problems
from fzdesk.domain.model import (
    Approx,
    Block,
    Dismissal,
    FigureState,
    FigureValue,
    Item,
    Numbering,
    Report,
    Section,
    Unit,
    UnitType,
)

FORMAT = "fzdesk-report"
VERSION = 1
#: A data file larger than this is not a report (a 60-page report is well under 1 MB).
MAX_JSON_BYTES = 32 * 1024 * 1024

#: Unit types by their stable code in the file (the enum values are Chinese labels that may be reworded).
UNIT_TYPE_CODES: dict[UnitType, str] = {
    UnitType.TOWNSHIP: "township",
    UnitType.DEPARTMENT: "department",
    UnitType.JOINT: "joint",
    UnitType.OTHER: "other",
}
_UNIT_TYPES = {code: t for t, code in UNIT_TYPE_CODES.items()}


class ReportDataError(ValueError):
    """The data is not a report this version can read; the message is Chinese and says where and why."""


class NewerFormatError(ReportDataError):
    """The file was written by a newer fzdesk whose format this version does not know."""

    def __init__(self, found: int, app_version: str, supported: int = VERSION) -> None:
        by = f"（由 fzdesk {app_version} 导出）" if app_version else ""
        super().__init__(
            f"这个报告数据文件是第{found}版格式{by}，本程序只能读取到第{supported}版。"
            "请先把 fzdesk 升级到新版本再导入。数据中没有任何改动。")
        self.found = found


@dataclass
class ImportedReport:
    """What a report JSON holds: the unit's profile and its report (without database ids)."""

    unit: Unit
    report: Report
    format_version: int = VERSION
    app_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # optional top-level keys this version keeps as-is
    plan_checks: list[PlanCheck] = field(default_factory=list)
    #: for each plan check, the (section index, item index) of the item that reports it, or None
    plan_links: list[tuple[int, int] | None] = field(default_factory=list)


# ----- writing ---------------------------------------------------------------------------------------------
def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def unit_data(unit: Unit) -> dict[str, Any]:
    return {
        "name": unit.name,
        "short_name": unit.short_name,
        "type": UNIT_TYPE_CODES[unit.unit_type],
        "organs": list(unit.organs),
        "recipient": unit.recipient,
        "cc": unit.cc,
        "contact": unit.contact,
        "options": dict(unit.options),
    }


def figure_data(figure: FigureValue, catalogue: Catalogue | None) -> dict[str, Any]:
    indicator = catalogue.get(figure.code) if catalogue else None
    family = catalogue.family(indicator.family) if catalogue and indicator else None
    return {
        "code": figure.code,
        "name": indicator.name if indicator else None,
        "family": indicator.family if indicator else None,
        "family_name": family.name if family else None,
        "unit": indicator.unit if indicator else None,
        "state": figure.state.value,
        "value": _dec(figure.value),
        "approx": figure.approx.value if figure.approx else None,
        "last_state": figure.last_state.value,
        "last_value": _dec(figure.last_value),
        "last_approx": figure.last_approx.value if figure.last_approx else None,
        "explanation": figure.explanation,
    }


def _figure_order(report: Report, catalogue: Catalogue | None) -> list[FigureValue]:
    """Catalogue order first, then codes the catalogue does not know, by code (the file is deterministic)."""
    rank = {ind.code: n for n, ind in enumerate(catalogue.indicators)} if catalogue else {}
    return sorted(report.figures.values(), key=lambda f: (rank.get(f.code, len(rank)), f.code))


def _plan_checks_data(report: Report, checks: list[PlanCheck]) -> list[dict[str, Any]]:
    where = {item.id: [s, i] for s, section in enumerate(report.sections)
             for i, item in enumerate(section.items) if item.id is not None}
    return [{"plan": c.plan, "detail": c.detail, "status": c.status.value,
             "item": where.get(c.item_id) if c.item_id is not None else None, "note": c.note}
            for c in checks]


def to_data(report: Report, unit: Unit, catalogue: Catalogue | None = None,
            extra: dict[str, Any] | None = None, plan_checks: list[PlanCheck] | None = None) -> dict[str, Any]:
    """The report as JSON-ready data (see docs/report-json.md); catalogue adds names/units to the figures.

    plan_checks (last year's plans checklist) link to items by their ids, written as positions.
    """
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "catalogue_version": report.catalogue_version,
        "unit": unit_data(unit),
        "year": report.year,
        "title": report.title,
        "display_title": report.display_title,
        "recipient": report.recipient,
        "organs": list(report.organs),
        "date": report.date.isoformat() if report.date else None,
        "sections": [
            {
                "block": s.block.value,
                "heading": s.heading,
                "numbering": s.numbering.value,
                "omitted": s.omitted,
                "items": [{"title": i.title, "paragraphs": list(i.paragraphs), "carried_over": i.carried_over}
                          for i in s.items],
            }
            for s in report.sections
        ],
        "figures": [figure_data(f, catalogue) for f in _figure_order(report, catalogue)],
        "attachments": list(report.attachments),
        "dismissals": [{"key": d.key, "reason": d.reason} for d in report.dismissals],
    }
    if plan_checks:
        data["plan_checks"] = _plan_checks_data(report, plan_checks)
    if report.issued_on is not None:  # 印发日期 of the 版记; left out when it is the 成文日期
        data["issued_on"] = report.issued_on.isoformat()
    for key, value in (extra or {}).items():
        data.setdefault(key, value)
    return data


def dumps(report: Report, unit: Unit, catalogue: Catalogue | None = None,
          extra: dict[str, Any] | None = None, plan_checks: list[PlanCheck] | None = None) -> str:
    """The report JSON text: UTF-8 friendly (Chinese kept as is), indented, keys in a fixed order."""
    return json.dumps(to_data(report, unit, catalogue, extra, plan_checks), ensure_ascii=False, indent=1)


# ----- reading ---------------------------------------------------------------------------------------------
class _Reader:
    """Typed access to a JSON object that names the path of whatever is wrong."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise ReportDataError(f"报告数据格式不对：{path or '整个文件'}应当是一个对象。")
        self.data = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, default: Any, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise ReportDataError(f"报告数据不完整：缺少“{self._where(key)}”。")
            return default
        return self.data[key]

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self._get(key, default, required)
        if not isinstance(value, str):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是文字。")
        return value

    def opt_text(self, key: str) -> str | None:
        value = self._get(key, None, False)
        if value is not None and not isinstance(value, str):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是文字。")
        return value

    def integer(self, key: str, default: int = 0, *, required: bool = False) -> int:
        value = self._get(key, default, required)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是整数。")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default, False)
        if not isinstance(value, bool):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是 true 或 false。")
        return value

    def texts(self, key: str) -> list[str]:
        value = self._get(key, [], False)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是文字的列表。")
        return list(value)

    def objects(self, key: str) -> list[_Reader]:
        value = self._get(key, [], False)
        if not isinstance(value, list):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是列表。")
        return [_Reader(v, f"{self._where(key)}[{n}]") for n, v in enumerate(value)]

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key, {}, False)
        if not isinstance(value, dict):
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”应当是对象。")
        return dict(value)

    def choice(self, key: str, allowed: dict[str, Any], default: str | None = None, label: str = "") -> Any:
        value = self._get(key, default, default is None)
        if value not in allowed:
            names = "、".join(allowed)
            raise ReportDataError(
                f"报告数据格式不对：“{self._where(key)}”是“{value}”，{label}只能是：{names}。")
        return allowed[value]

    def decimal(self, key: str) -> Decimal | None:
        text = self.opt_text(key)
        if text is None:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or text != text.strip():
            raise ReportDataError(f"报告数据格式不对：“{self._where(key)}”的值“{text}”不是数字。")
        return value


_BLOCKS = {b.value: b for b in Block}
_NUMBERINGS = {n.value: n for n in Numbering}
_STATES = {s.value: s for s in FigureState}
_APPROX = {a.value: a for a in Approx}


def _unit(r: _Reader) -> Unit:
    name = r.text("name", required=True)
    if not name.strip():
        raise ReportDataError("报告数据不完整：单位名称（unit.name）是空的。")
    return Unit(
        name=name,
        short_name=r.text("short_name"),
        unit_type=r.choice("type", _UNIT_TYPES, "other", "单位类型"),
        organs=r.texts("organs"),
        recipient=r.text("recipient"),
        cc=r.text("cc"),
        contact=r.text("contact"),
        options=r.mapping("options"),
    )


def _figure(r: _Reader) -> FigureValue:
    code = r.text("code", required=True)
    state = r.choice("state", _STATES, "empty", "数字状态")
    value = r.decimal("value")
    approx = r.choice("approx", _APPROX, None, "约数写法") if r.opt_text("approx") is not None else None
    last_state = r.choice("last_state", _STATES, "empty", "上年数字状态")
    last_value = r.decimal("last_value")
    last_approx = (r.choice("last_approx", _APPROX, None, "上年约数写法")
                   if r.opt_text("last_approx") is not None else None)
    for st, val, key in ((state, value, "value"), (last_state, last_value, "last_value")):
        if st in (FigureState.NUMBER, FigureState.APPROX) and val is None:
            raise ReportDataError(f"报告数据格式不对：“{r.path}”的状态是数字，但“{key}”是空的。")
    return FigureValue(code, state, value, approx, last_state, last_value, last_approx, r.text("explanation"))


def _date(r: _Reader, key: str = "date", label: str = "成文日期") -> dt.date | None:
    text = r.opt_text(key)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ReportDataError(f"报告数据格式不对：{label}“{text}”不是 YYYY-MM-DD 形式的日期。") from None


KNOWN_KEYS = frozenset({
    "format", "version", "app_version", "catalogue_version", "unit", "year", "title", "display_title",
    "recipient", "organs", "date", "sections", "figures", "attachments", "dismissals", "plan_checks", "issued_on",
})
_PLAN_STATUS = {s.value: s for s in PlanStatus}


def _plan_checks(r: _Reader, sections: list[Section]) -> tuple[list[PlanCheck], list[tuple[int, int] | None]]:
    checks, links = [], []
    for c in r.objects("plan_checks"):
        link = c.data.get("item")
        if link is not None:
            ok = (isinstance(link, list) and len(link) == 2 and all(type(n) is int for n in link)
                  and 0 <= link[0] < len(sections) and 0 <= link[1] < len(sections[link[0]].items))
            if not ok:
                raise ReportDataError(f"报告数据格式不对：“{c.path}.item”没有指向报告中的某一项。")
            link = (link[0], link[1])
        checks.append(PlanCheck(c.text("plan"), c.text("detail"),
                                c.choice("status", _PLAN_STATUS, "unmarked", "落实情况"), None, c.text("note")))
        links.append(link)
    return checks, links


def _refuse_bad_values(figures: dict[str, FigureValue], catalogue: Catalogue | None) -> None:
    """Values the figure sheet could not hold (a count of 12.5, -3 cases, a rate of 120%) stop the import."""
    problems = [p for figure in figures.values()
                for p in figure_problems(figure, catalogue or resources.catalogue())]
    if problems:
        more = f"（另有{len(problems) - 5}处）" if len(problems) > 5 else ""
        raise ReportDataError(
            "报告数据中有不能导入的数字：" + "".join(problems[:5]) + more
            + "请在导出这份文件的 fzdesk 中改正这些数字后重新导出，或直接改正文件中的数字，再导入。"
              "数据中没有任何改动。")


def from_data(data: Any, catalogue: Catalogue | None = None) -> ImportedReport:
    """The unit and report a report JSON holds, validated (figure values against catalogue, by default the
    shipped one); ReportDataError (Chinese) when it cannot be read."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReportDataError("这不是 fzdesk 的报告数据文件（缺少 \"format\": \"fzdesk-report\"）。")
    r = _Reader(data, "")
    version = r.integer("version", required=True)
    app_version = r.text("app_version")
    if version > VERSION:
        raise NewerFormatError(version, app_version)
    if version < 1:
        raise ReportDataError(f"报告数据格式不对：版本号“{version}”无效。")
    year = r.integer("year", required=True)
    if not 1900 <= year <= 2999:
        raise ReportDataError(f"报告数据格式不对：年度“{year}”不是有效的年份。")
    sections = []
    for s in r.objects("sections"):
        items = [Item(i.text("title"), i.texts("paragraphs"), i.boolean("carried_over")) for i in s.objects("items")]
        sections.append(Section(s.choice("block", _BLOCKS, None, "部分"), s.text("heading"),
                                s.choice("numbering", _NUMBERINGS, "headings", "编号方式"), items,
                                s.boolean("omitted")))
    figures: dict[str, FigureValue] = {}
    for f in r.objects("figures"):
        figure = _figure(f)
        if figure.code in figures:
            raise ReportDataError(f"报告数据格式不对：数字“{figure.code}”出现了两次。")
        figures[figure.code] = figure
    _refuse_bad_values(figures, catalogue)
    report = Report(
        unit_id=None,
        year=year,
        title=r.text("title"),
        recipient=r.text("recipient"),
        organs=r.texts("organs"),
        date=_date(r),
        sections=sections,
        figures=figures,
        attachments=r.texts("attachments"),
        dismissals=[Dismissal(d.text("key", required=True), d.text("reason")) for d in r.objects("dismissals")],
        catalogue_version=r.integer("catalogue_version", 1),
        issued_on=_date(r, "issued_on", "印发日期"),
    )
    extra = {k: v for k, v in data.items() if k not in KNOWN_KEYS}
    checks, links = _plan_checks(r, sections)
    return ImportedReport(_unit(_Reader(r.data.get("unit"), "unit")), report, version, app_version, extra,
                          checks, links)


def loads(text: str | bytes, catalogue: Catalogue | None = None) -> ImportedReport:
    """Parses report JSON text (str or UTF-8 bytes, BOM allowed)."""
    if len(text) > MAX_JSON_BYTES:
        raise ReportDataError("报告数据文件太大，不像是 fzdesk 导出的文件。")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReportDataError("报告数据文件不是 UTF-8 编码的文字，可能已经损坏。") from None
    if not text.strip():
        raise ReportDataError("报告数据文件是空的。")
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", "?")
        raise ReportDataError(f"报告数据文件已损坏或不完整（第{line}行附近无法读取）。") from None
    return from_data(data, catalogue)
