"""Reviewing the reports a county office receives: read each file read-only, check it, and sum them up (no Qt)."""
