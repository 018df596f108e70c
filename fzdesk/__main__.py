"""Allows `python -m fzdesk`; the bundle's entry point."""

from fzdesk.feature_scan import skip_feature_scan

skip_feature_scan()  # first: in the bundle PySide6 is loaded already and would read (try to) every module's source

from fzdesk.cli import main  # noqa: E402

raise SystemExit(main())
