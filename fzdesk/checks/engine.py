"""The check engine: all checks over a report, or the quick re-check of the one paragraph being edited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fzdesk.checks.figures import Sheet, check_figures
from fzdesk.checks.findings import (
    Category,
    CheckResult,
    Finding,
    Location,
    Severity,
    apply_dismissals,
    disambiguate_keys,
)
from fzdesk.checks.language import language_findings
from fzdesk.checks.lists import named_count_findings, section_list_findings
from fzdesk.checks.paragraph_numbering import inline_numbering_findings
from fzdesk.checks.prose import prose_findings
from fzdesk.checks.prose_index import ProseIndex, build_index
from fzdesk.checks.prose_sums import rules_by_code
from fzdesk.checks.rules import Rule, RuleSet
from fzdesk.checks.structure import structure_findings
from fzdesk.checks.text import Para, find_para, paragraphs
from fzdesk.checks.wording import Wording
from fzdesk.checks.years import year_findings
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.model import BODY_BLOCKS, Block, Report, Unit

_STEP_ORDER = {b.value: i for i, b in enumerate((Block.OPENING, *BODY_BLOCKS, Block.CLOSING))}
_STEP_ORDER.update({"info": -1, "figures": 99})
_indexes: dict[int, tuple[Catalogue, ProseIndex]] = {}


def prose_index(catalogue: Catalogue) -> ProseIndex:
    """The catalogue's words compiled once per catalogue object."""
    cached = _indexes.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, build_index(catalogue))
        _indexes[id(catalogue)] = cached
    return cached[1]


@dataclass
class Context:
    report: Report
    wording: Wording
    index: ProseIndex
    sheet: Sheet
    rate_rules: tuple[Rule, ...] = ()
    arithmetic: dict[str, tuple[Rule, ...]] | None = None


def _rate_rules(rules: RuleSet | None) -> tuple[Rule, ...]:
    """Rate rules with one count a side: the ones prose can be held to (办结率 = 办结 ÷ 受理)."""
    if rules is None:
        return ()
    return tuple(r for r in rules.rules if r.relation == "rate" and len(r.left) == 1 and len(r.right) == 1)


def _para_findings(para: Para, ctx: Context) -> list[Finding]:
    year = ctx.report.year
    out = language_findings(para, ctx.wording, year)
    out.extend(year_findings(para, year, ctx.wording))
    out.extend(named_count_findings(para, ctx.wording))
    out.extend(inline_numbering_findings(para, ctx.wording))
    out.extend(prose_findings(para, ctx.index, ctx.sheet, year, ctx.rate_rules, ctx.arithmetic))
    return out


def sort_findings(findings: list[Finding]) -> None:
    findings.sort(key=lambda f: (f.severity.rank, _STEP_ORDER.get(f.location.step, 50),
                                 f.location.item_index if f.location.item_index is not None else -2,
                                 f.location.paragraph if f.location.paragraph is not None else -2,
                                 f.location.start or 0))


def check_report(report: Report, unit: Unit | None, catalogue: Catalogue, rules: RuleSet, wording: Wording,
                 last_year: Report | None = None, plan_checks: Sequence[PlanCheck] = ()) -> CheckResult:
    """Every check; plan_checks is the report's checklist of last year's plans (storage.checklist)."""
    ctx = Context(report, wording, prose_index(catalogue), Sheet(report, catalogue, last_year), _rate_rules(rules),
                  rules_by_code(rules))
    findings, unchecked = check_figures(report, catalogue, rules, last_year)
    for para in paragraphs(report):
        findings.extend(_para_findings(para, ctx))
    for section in report.sections:
        if not section.omitted:
            findings.extend(section_list_findings(section, wording))
    findings.extend(structure_findings(report, unit, plan_checks, wording))
    for problem in (*rules.problems, *wording.problems):
        findings.append(Finding("config.load", Category.STRUCTURE, Severity.INFO, problem, Location("info")))
    disambiguate_keys(findings)
    apply_dismissals(findings, report.dismissals)
    sort_findings(findings)
    return CheckResult(findings, unchecked)


def check_paragraph(report: Report, catalogue: Catalogue, wording: Wording, block: Block, item_index: int,
                    paragraph: int, text: str | None = None, last_year: Report | None = None,
                    rules: RuleSet | None = None) -> list[Finding]:
    """What runs while typing: the checks of one paragraph (text: its current, unsaved text) plus the counted-list
    checks of its section. Figure rules and structure run with check_report when the editor is left."""
    para = find_para(report, block, item_index, paragraph)
    if para is None:
        if text is None:
            return []
        para = Para(block, item_index, None, paragraph, text)
    elif text is not None:
        para = Para(para.block, para.item_index, para.item_id, para.paragraph, text, para.carried_over)
    ctx = Context(report, wording, prose_index(catalogue), Sheet(report, catalogue, last_year), _rate_rules(rules),
                  rules_by_code(rules) if rules is not None else None)
    findings = _para_findings(para, ctx)
    section = report.section(block)
    if section is not None:
        findings.extend(f for f in section_list_findings(section, wording)
                        if (f.location.item_index, f.location.paragraph) == (item_index, paragraph))
    disambiguate_keys(findings)
    apply_dismissals(findings, report.dismissals)
    sort_findings(findings)
    return findings
