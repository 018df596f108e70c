"""Checks over a report: figure rules, prose against figures, wording, structure and dates -> findings.

The package itself stays light: `from fzdesk.checks.findings import ...` must not compile the whole engine
(its regular expressions cost start-up time), so the names below are loaded on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzdesk.checks.engine import check_paragraph, check_report
    from fzdesk.checks.findings import CheckResult, Finding, Severity, Unchecked, dismiss

_HOMES = {
    "check_paragraph": "fzdesk.checks.engine",
    "check_report": "fzdesk.checks.engine",
    "CheckResult": "fzdesk.checks.findings",
    "Finding": "fzdesk.checks.findings",
    "Severity": "fzdesk.checks.findings",
    "Unchecked": "fzdesk.checks.findings",
    "dismiss": "fzdesk.checks.findings",
}

__all__ = ["CheckResult", "Finding", "Severity", "Unchecked", "check_paragraph", "check_report", "dismiss"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
