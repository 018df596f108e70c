"""Plain data for units, reports, sections and figures: no I/O, no Qt."""
