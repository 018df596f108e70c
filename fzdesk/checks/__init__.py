"""Checks over a report: figure rules, prose against figures, wording, structure and dates -> findings."""
