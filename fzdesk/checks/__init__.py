"""Checks over a report: figure rules, prose against figures, wording, structure and dates -> findings."""

from fzdesk.checks.engine import check_paragraph, check_report
from fzdesk.checks.findings import CheckResult, Finding, Severity, Unchecked, dismiss

__all__ = ["CheckResult", "Finding", "Severity", "Unchecked", "check_paragraph", "check_report", "dismiss"]
