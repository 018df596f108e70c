"""The data files in resources/ as the program loads them."""

from __future__ import annotations

from fzdesk import resources


def test_indicator_codes_follow_the_catalogue_version_of_the_report() -> None:
    catalogue = resources.catalogue()
    newer = {i.code for i in catalogue.indicators if i.since > 1}
    assert newer  # catalogue v2 added indicators
    assert set(resources.indicator_codes(1)) == {i.code for i in catalogue.indicators} - newer
    assert resources.indicator_codes(catalogue.version) == [i.code for i in catalogue.indicators]


def test_the_opening_read_without_the_outline_is_the_outlines_own() -> None:
    """The 开头 step's state at start-up compares the report with outline_opening (no outline classes built)."""
    from fzdesk.domain.model import UnitType

    for unit_type in UnitType:
        opening = resources.outline_opening(unit_type)
        assert opening and opening == resources.outline(unit_type).opening
