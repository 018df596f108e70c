"""The last export's record and the 导出 step's state: empty, complete while nothing changed, then in progress."""

from __future__ import annotations

import copy
from decimal import Decimal

from fzdesk.domain.model import Dismissal, FigureState, FigureValue
from fzdesk.domain.progress import Progress
from fzdesk.export.record import ExportRecord, export_progress, fingerprint, setting_key
from tests.export.sample import sample_report, sample_unit


def record_of(report: object, unit: object) -> dict[str, object]:
    return ExportRecord(fingerprint(report, unit), "ab" * 32, "2024-01-05T10:00:00",  # type: ignore[arg-type]
                        ("/media/KINGSTON/报告.docx",)).to_data()


def test_never_exported_is_empty_and_anything_else_is_not_a_record() -> None:
    report, unit = sample_report(), sample_unit()
    for setting in (None, {}, {"fingerprint": 3}, "text", ["x"]):
        assert ExportRecord.from_data(setting) is None
        assert export_progress(setting, report, unit) is Progress.EMPTY
    assert setting_key(7) == "export.last.7"


def test_the_record_reads_back() -> None:
    data = record_of(sample_report(), sample_unit())
    record = ExportRecord.from_data(data)
    assert record is not None and record.to_data() == data and record.files == ("/media/KINGSTON/报告.docx",)


def test_complete_until_the_text_a_figure_a_dismissal_or_an_option_changes() -> None:
    report, unit = sample_report(), sample_unit()
    setting = record_of(report, unit)
    assert export_progress(setting, report, unit) is Progress.DONE
    same = copy.deepcopy(report)
    same.id, same.unit_id = 99, 42  # the same report read back from another store: ids do not count
    assert export_progress(setting, same, unit) is Progress.DONE
    edits = [
        lambda r, u: r.sections[2].items[0].paragraphs.append("新的一段。"),
        lambda r, u: r.figures.__setitem__("A.closed", FigureValue("A.closed", FigureState.NUMBER, Decimal(64))),
        lambda r, u: setattr(r.figures["A.accepted"], "explanation", "另一个原因"),
        lambda r, u: r.dismissals.append(Dismissal("wording.x|measures|i0/p0|法制", "原文")),
        lambda r, u: u.options.__setitem__("explanations", "annex"),
        lambda r, u: setattr(u, "recipient", "周口市人民政府"),
    ]
    for edit in edits:
        r, u = copy.deepcopy(report), copy.deepcopy(unit)
        edit(r, u)
        assert export_progress(setting, r, u) is Progress.PARTIAL
