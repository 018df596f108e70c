"""Findings as data: what a check found, where, with which values, and whether the user dismissed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from fzdesk.domain.model import Dismissal, Report
from fzdesk.domain.naming import plain_step_titles

if TYPE_CHECKING:
    from collections.abc import Mapping

    from fzdesk.domain.catalogue import Catalogue


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for errors: sorting by it puts the most severe first (asked thousands of times per check)."""
        return _RANKS[self]


_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Category(StrEnum):
    FIGURES = "figures"
    TEXT = "text-vs-figures"
    WORDING = "wording"
    STRUCTURE = "structure"
    DATES = "dates"

    @property
    def label(self) -> str:
        return {"figures": "数据", "text-vs-figures": "文字与数据", "wording": "用语",
                "structure": "结构", "dates": "日期"}[self.value]


#: Step names by key, unnumbered (fzdesk.domain.naming is the one source; step_titles(report) numbers the blocks).
STEP_LABELS = plain_step_titles()


@dataclass(frozen=True)
class Location:
    """Where a finding is: a step (block, "figures" or "info"), an item and paragraph with a character span,
    a figure code, or a report-level field. paragraph -1 is the item's title; item_index -1 the section heading."""

    step: str
    item_id: int | None = None
    item_index: int | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    figure: str | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def describe(self, titles: Mapping[str, str] | None = None, catalogue: Catalogue | None = None) -> str:
        """A short Chinese description of the place, for lists and the command line: the step (titles: its
        numbered title, fzdesk.domain.naming.step_titles(report)), then the item and paragraph, the field, or the
        figure by its family and name (数据 · 行政复议 · 受理)."""
        from fzdesk.checks.places import where

        return where(self.step, self.item_index, self.paragraph, self.figure, self.field, catalogue, titles)

    def place(self, catalogue: Catalogue | None = None) -> str:
        """Where in its step, without the step (the 检查 list groups by step): "" for the whole step."""
        from fzdesk.checks.places import place_in_step

        return place_in_step(self.step, self.item_index, self.paragraph, self.figure, self.field, catalogue)


@dataclass(frozen=True)
class TextFix:
    """Replace the text at a span of one paragraph (the UI applies it with one click)."""

    label: str
    location: Location
    old: str
    new: str


@dataclass(frozen=True)
class FigureFix:
    """Put a value into the figure sheet."""

    label: str
    code: str
    state: str  # FigureState value
    value: Decimal | None
    approx: str | None = None


Fix = TextFix | FigureFix


@dataclass
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    location: Location
    excerpt: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    fixes: list[Fix] = field(default_factory=list)
    dismissed: bool = False
    reason: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = make_key(self.rule, self.location, self.excerpt)

    def to_dict(self, titles: Mapping[str, str] | None = None) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
            "place": self.location.describe(titles),
            "excerpt": self.excerpt,
            "values": {k: _jsonable(v) for k, v in self.values.items()},
            "key": self.key,
            "dismissed": self.dismissed,
            "reason": self.reason,
            "fixes": [_fix_dict(f) for f in self.fixes],
        }


@dataclass(frozen=True)
class Unchecked:
    """A rule that could not be evaluated (an operand is missing): listed apart, never a false alarm."""

    rule: str
    message: str
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "message": self.message, "missing": list(self.missing)}


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)

    @property
    def open_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.dismissed]

    @property
    def has_open_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.open_findings)

    def counts(self) -> dict[str, dict[str, int]]:
        """Undismissed findings per step and severity (for the step list)."""
        out: dict[str, dict[str, int]] = {}
        for f in self.open_findings:
            per = out.setdefault(f.location.step, {})
            per[f.severity.value] = per.get(f.severity.value, 0) + 1
        return out


def make_key(rule: str, location: Location, excerpt: str) -> str:
    """A key that survives edits elsewhere: rule, place (block/item/figure/field) and the text concerned."""
    where = location.figure or location.field or ""
    if location.item_id is not None:
        where = f"item{location.item_id}"
    elif location.item_index is not None:
        where = f"i{location.item_index}"
    if location.paragraph is not None:
        where += "/title" if location.paragraph < 0 else f"/p{location.paragraph}"
    return "|".join((rule, location.step, where, excerpt.strip()))


def disambiguate_keys(findings: list[Finding]) -> None:
    """Two findings with the same key (the same slip twice in one item) get #2, #3 appended."""
    seen: dict[str, int] = {}
    for f in findings:
        n = seen.get(f.key, 0) + 1
        seen[f.key] = n
        if n > 1:
            f.key = f"{f.key}#{n}"


class DismissalError(ValueError):
    """An error may be dismissed only with a written reason."""


def dismiss(report: Report, finding: Finding, reason: str = "") -> Dismissal:
    """Records the dismissal on the report (the caller saves report.dismissals) and marks the finding."""
    reason = reason.strip()
    if finding.severity is Severity.ERROR and not reason:
        raise DismissalError("忽略“错误”必须写明理由。")
    report.dismissals = [d for d in report.dismissals if d.key != finding.key]
    dismissal = Dismissal(finding.key, reason)
    report.dismissals.append(dismissal)
    finding.dismissed, finding.reason = True, reason
    return dismissal


def undismiss(report: Report, key: str) -> None:
    report.dismissals = [d for d in report.dismissals if d.key != key]


def apply_dismissals(findings: list[Finding], dismissals: list[Dismissal]) -> None:
    """Marks findings whose key was dismissed; an error dismissed without a reason stays open."""
    reasons = {d.key: d.reason for d in dismissals}
    for f in findings:
        if f.key in reasons:
            reason = reasons[f.key].strip()
            if f.severity is Severity.ERROR and not reason:
                continue
            f.dismissed, f.reason = True, reason


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _fix_dict(fix: Fix) -> dict[str, Any]:
    if isinstance(fix, TextFix):
        return {"kind": "text", "label": fix.label, "location": fix.location.to_dict(), "old": fix.old,
                "new": fix.new}
    return {"kind": "figure", "label": fix.label, "code": fix.code, "state": fix.state,
            "value": _jsonable(fix.value), "approx": fix.approx}
