"""Allows `python -m fzdesk`."""

from fzdesk.cli import main

raise SystemExit(main())
