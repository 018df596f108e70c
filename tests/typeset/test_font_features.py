"""Full-width forms for Chinese text where the PySide6 in use can set them, and a layout all the same where not."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont

from fzdesk import resources
from fzdesk.export.docx_writer import build
from fzdesk.export.layout import Run
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset import paged
from fzdesk.typeset.paged import _Painter, foot_pages, layout_device
from tests.export.sample import sample_report, sample_unit


def _features(fmt: Any) -> dict[Any, int]:
    reader = getattr(fmt, "fontFeatures", None)  # PySide6 >= 6.10 only, like the setter
    return dict(reader()) if reader is not None else {}


def test_chinese_text_has_full_width_forms_where_the_format_can_carry_them(qapp: Any) -> None:
    painter = _Painter(ExportOptions().font_set, layout_device())
    chinese = painter.char_format(Run("一、——"))
    latin = painter.char_format(Run("2025"), latin=True)
    assert hasattr(chinese, "setFontFeatures") == paged.FONT_FEATURES
    assert _features(chinese) == ({QFont.Tag("fwid"): 1} if paged.FONT_FEATURES else {})
    assert _features(latin) == {}


def test_without_font_features_the_text_is_laid_out_without_them(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """PySide6 6.9 (the bundle for glibc 2.28-2.33) has no QTextCharFormat.setFontFeatures: the PDF, the preview
    and the 版记's page are laid out all the same, only without the full-width em dash."""
    options = ExportOptions(variant=Variant.SUBMITTED)
    elements = build(sample_report(), sample_unit(), options, resources.catalogue())
    with_features = foot_pages(elements, options.font_set)
    monkeypatch.setattr(paged, "FONT_FEATURES", False)
    painter = _Painter(options.font_set, layout_device())
    assert _features(painter.char_format(Run("一、——"))) == {}
    painter.build(elements)
    assert painter.doc.pageCount() >= 2
    without = foot_pages(elements, options.font_set)
    assert without is not None and with_features is not None
    assert abs(without[0] - with_features[0]) <= 1  # the 版记 lands on the same page or, at worst, the next one
