"""Headless subcommands of `fzdesk`; each module has register(subparsers) and sets a handler."""

from __future__ import annotations

from fzdesk.commands import check_report, export_report, import_report, list_reports, review

COMMANDS = [list_reports, check_report, export_report, import_report, review]
