"""Export options: defaults per GB/T 9704, remembered per unit through the store, bad values ignored."""

from __future__ import annotations

import datetime as dt

from fzdesk.domain.model import Unit
from fzdesk.export.options import (
    ExportOptions,
    FontSet,
    PageNumbers,
    Variant,
    remember,
    stale_doc_number_year,
    unit_options,
)
from fzdesk.storage.store import Store


def test_defaults_follow_the_standard() -> None:
    o = ExportOptions()
    assert (o.font_set, o.variant, o.page_numbers) == (FontSet.GB, Variant.PUBLIC, PageNumbers.OUTSIDE)
    assert not (o.bold_level2 or o.figures_annex or o.seal_space)
    assert o.imprint and o.issuer == ""  # 印发机关 and 印发日期 in the 报送稿's 版记 (7.4.3), the organ's 办公室


def test_round_trip_through_the_unit_profile(store: Store) -> None:
    unit = Unit(name="某镇人民政府", options={"other": 1})
    chosen = ExportOptions(FontSet.WINDOWS, Variant.SUBMITTED, "某政〔2024〕1号", "李四", True, True,
                           PageNumbers.CENTRED, True, imprint=False, issuer="县政府办文电科")
    remember(unit, chosen)
    store.save_unit(unit)
    assert unit.id is not None
    loaded = store.unit(unit.id)
    assert unit_options(loaded) == chosen
    assert loaded.options["other"] == 1


def test_bad_stored_values_fall_back_to_defaults() -> None:
    o = ExportOptions.from_dict({"font_set": "comic", "variant": "submitted", "bold_level2": 1, "junk": 3})
    assert o.font_set is FontSet.GB and o.variant is Variant.SUBMITTED and o.bold_level2 is True
    assert ExportOptions.from_dict(None) == ExportOptions()
    assert ExportOptions.from_dict("x") == ExportOptions()


def test_plain_strings_become_enums() -> None:
    assert ExportOptions(variant="submitted").variant is Variant.SUBMITTED  # type: ignore[arg-type]


def test_a_doc_number_of_another_year_than_the_written_date_is_named() -> None:
    """The 发文字号 is remembered per unit: next year's report starts with last year's number."""
    written = dt.date(2025, 1, 6)
    assert stale_doc_number_year("沈政办〔2024〕1号", written) == 2024
    assert stale_doc_number_year("沈政办[2024]1号", written) == 2024
    assert stale_doc_number_year("沈政办（2024）1号", written) == 2024
    assert stale_doc_number_year("沈政办〔2025〕1号", written) is None
    assert stale_doc_number_year("沈政办〔2024〕1号", None) is None  # no 成文日期 yet: nothing to compare
    assert stale_doc_number_year("沈政办1号", written) is None
