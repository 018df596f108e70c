"""Export options: defaults per GB/T 9704, remembered per unit through the store, bad values ignored."""

from __future__ import annotations

from fzdesk.domain.model import Unit
from fzdesk.export.options import ExportOptions, FontSet, PageNumbers, Variant, remember, unit_options
from fzdesk.storage.store import Store


def test_defaults_follow_the_standard() -> None:
    o = ExportOptions()
    assert (o.font_set, o.variant, o.page_numbers) == (FontSet.GB, Variant.PUBLIC, PageNumbers.OUTSIDE)
    assert not (o.bold_level2 or o.figures_annex or o.seal_space)


def test_round_trip_through_the_unit_profile(store: Store) -> None:
    unit = Unit(name="某镇人民政府", options={"other": 1})
    chosen = ExportOptions(FontSet.WINDOWS, Variant.SUBMITTED, "某政〔2024〕1号", "李四", True, True,
                           PageNumbers.CENTRED, True)
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
