"""The last export of a report (kept in the store's settings), and the 导出 step's state that follows from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fzdesk.domain.progress import Progress

if TYPE_CHECKING:
    from fzdesk.domain.catalogue import Catalogue
    from fzdesk.domain.model import Report, Unit

SETTING_PREFIX = "export.last."


def setting_key(report_id: int) -> str:
    return f"{SETTING_PREFIX}{report_id}"


@dataclass(frozen=True)
class ExportRecord:
    """What was written: the document's text hash (as embedded), when (ISO, local time) and the files."""

    text_hash: str
    at: str
    files: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {"text_hash": self.text_hash, "at": self.at, "files": list(self.files)}

    @classmethod
    def from_data(cls, data: object) -> ExportRecord | None:
        """The record kept in a setting; None for nothing or for anything that is not a record."""
        if not isinstance(data, dict) or not isinstance(data.get("text_hash"), str):
            return None
        files = data.get("files")
        return cls(data["text_hash"], str(data.get("at", "")),
                   tuple(str(f) for f in files) if isinstance(files, list) else ())


def current_text_hash(report: Report, unit: Unit, catalogue: Catalogue | None) -> str:
    """The text hash the document would carry if exported now with the unit's options (about 1 ms for
    30,000 characters: the paragraphs are laid out, not written)."""
    # imported here: the window asks for the step's state at start-up, when the exporter is not loaded yet
    from fzdesk.exchange.embedded import document_text_hash
    from fzdesk.export.docx_writer import build
    from fzdesk.export.options import unit_options
    from fzdesk.export.wordml import paragraph_texts

    elements = build(report, unit, unit_options(unit), catalogue)
    return document_text_hash(list(paragraph_texts(elements)))


def export_progress(setting: object, report: Report, unit: Unit, catalogue: Catalogue | None) -> Progress:
    """The 导出 step's state from the report's setting (store.setting(setting_key(report.id))): 空 when never
    exported, 已完成 when the current text was exported, 进行中 when the text changed since."""
    record = ExportRecord.from_data(setting)
    if record is None:
        return Progress.EMPTY
    return Progress.DONE if record.text_hash == current_text_hash(report, unit, catalogue) else Progress.PARTIAL
