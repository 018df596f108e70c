"""`fzdesk check`: runs every check over one report and prints the findings (text or JSON)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.findings import STEP_LABELS, Category, CheckResult, Finding, Severity
from fzdesk.checks.rules import load_rules
from fzdesk.checks.wording import load_wording
from fzdesk.commands.common import CommandError, add_report_selector, choose_report, fail, last_year_report, open_store
from fzdesk.domain.naming import step_titles
from fzdesk.paths import data_dir
from fzdesk.storage.checklist import plan_checks


def register(sub: Any) -> None:
    parser = sub.add_parser("check", help="检查一份报告：数据、文字与数据、用语、结构和日期")
    add_report_selector(parser)
    parser.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        with open_store(args, exclusive=False, create=False) as store:
            summary = choose_report(store, args.unit, args.year, args.report)
            report = store.load_report(summary.id)
            unit = store.unit(summary.unit_id)
            last_year = last_year_report(store, summary)
            checks = plan_checks(store, summary.id)
    except CommandError as exc:
        return fail(exc)
    folder = data_dir(args.data)
    result = check_report(report, unit, resources.catalogue(), load_rules(folder), load_wording(folder), last_year,
                          checks)
    if args.json:
        print(json.dumps(json_entries(result, step_titles(report)), ensure_ascii=False, indent=2))
    else:
        print(render_text(f"{summary.unit_name} {summary.year_label}报告", result, step_titles(report)))
    return 1 if result.has_open_errors else 0


def json_entries(result: CheckResult, titles: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Every finding with "status" open or dismissed, then each 无法检查 rule as an info entry, status unchecked.
    titles: the report's step titles (fzdesk.domain.naming.step_titles), as the window names the steps."""
    labels = titles or STEP_LABELS
    out = [{**f.to_dict(labels), "status": "dismissed" if f.dismissed else "open"} for f in result.findings]
    for u in result.unchecked:
        location: dict[str, Any] = {"step": "figures"}
        if u.missing:
            location["figure"] = u.missing[0]
        out.append({"rule": u.rule, "category": Category.FIGURES.value, "severity": Severity.INFO.value,
                    "message": u.message, "location": location, "place": labels["figures"], "excerpt": "",
                    "values": {"missing": list(u.missing)}, "key": f"{u.rule}|unchecked", "dismissed": False,
                    "reason": "", "fixes": [], "status": "unchecked"})
    return out


def render_text(title: str, result: CheckResult, titles: Mapping[str, str] | None = None) -> str:
    """Findings grouped by severity, then by step; dismissed ones and 无法检查 listed apart. The steps and places
    are named as the window names them (titles: the report's step titles, else unnumbered)."""
    labels = titles or STEP_LABELS
    open_ = result.open_findings
    counts = {s: sum(1 for f in open_ if f.severity is s) for s in Severity}
    dismissed = [f for f in result.findings if f.dismissed]
    lines = [f"{title}：错误 {counts[Severity.ERROR]} 条，警告 {counts[Severity.WARNING]} 条，"
             f"提示 {counts[Severity.INFO]} 条" + (f"（另有已忽略 {len(dismissed)} 条）" if dismissed else "")]
    if not open_:
        lines.append("没有发现问题。")
    for severity in Severity:
        group = [f for f in open_ if f.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"【{severity.label}】")
        step = None
        for f in group:
            if f.location.step != step:
                step = f.location.step
                lines.append(f"  {labels.get(step, step)}")
            lines.extend(_finding_lines(f, labels))
    if dismissed:
        lines.append("")
        lines.append("【已忽略】")
        for f in dismissed:
            lines.extend(_finding_lines(f, labels))
            lines.append(f"      理由：{f.reason or '（未写）'}")
    if result.unchecked:
        lines.append("")
        lines.append(f"【无法检查】{len(result.unchecked)} 条规则缺少数据：")
        lines.extend(f"  · {u.message}" for u in result.unchecked)
    return "\n".join(lines)


def _finding_lines(f: Finding, titles: Mapping[str, str]) -> list[str]:
    lines = [f"    · {f.message}（{f.location.describe(titles)}）"]
    if f.excerpt:
        lines.append(f"      “…{f.excerpt}…”")
    return lines
