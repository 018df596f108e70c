"""The last export of a report (kept in the store's settings), and the 导出 step's state that follows from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fzdesk.domain.progress import Progress
from fzdesk.export.record_key import SETTING_PREFIX, setting_key

if TYPE_CHECKING:
    from fzdesk.domain.model import Report, Unit
    from fzdesk.storage.store import Store

__all__ = ["SETTING_PREFIX", "ExportRecord", "export_progress", "fingerprint", "record_export", "setting_key"]
_IDS = ("id", "unit_id")


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in _IDS}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def fingerprint(report: Report, unit: Unit) -> str:
    """A hash of everything the exported file is made of: the report (text, figures, explanations, dismissals)
    and the unit's profile and options; database ids left out. About 1.5 ms for 30,000 characters, and it needs
    no part of the exporter, so the window can ask for the step's state at start-up."""
    import hashlib  # (only once the report was exported: hashlib loads OpenSSL, ~3.5 MB, on the start-up path)

    data = _without_ids([dataclasses.asdict(report), dataclasses.asdict(unit)])
    if report.issued_on is None:  # (as before the 印发日期 existed: earlier exports stay 已完成)
        del data[0]["issued_on"]
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ExportRecord:
    """What was written: the report's fingerprint, the document's text hash (as embedded), when (ISO, local
    time) and the files."""

    fingerprint: str
    text_hash: str
    at: str
    files: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "text_hash": self.text_hash, "at": self.at,
                "files": list(self.files)}

    @classmethod
    def from_data(cls, data: object) -> ExportRecord | None:
        """The record kept in a setting; None for nothing or for anything that is not a record."""
        if not isinstance(data, dict) or not isinstance(data.get("fingerprint"), str):
            return None
        files = data.get("files")
        return cls(data["fingerprint"], str(data.get("text_hash", "")), str(data.get("at", "")),
                   tuple(str(f) for f in files) if isinstance(files, list) else ())


def export_progress(setting: object, report: Report, unit: Unit) -> Progress:
    """The 导出 step's state from the report's setting (store.setting(setting_key(report.id))): 空 when never
    exported, 已完成 while the file written is what an export would write now, 进行中 once anything changed."""
    record = ExportRecord.from_data(setting)
    if record is None:
        return Progress.EMPTY
    return Progress.DONE if record.fingerprint == fingerprint(report, unit) else Progress.PARTIAL


def record_export(store: Store, report: Report, unit: Unit, text_hash: str, files: Iterable[object]) -> ExportRecord:
    """Keeps the export just written and verified as the report's last one (the window's 导出 and `fzdesk export`
    alike): the fingerprint of the report and unit the file was made of, so the step is 已完成 until they change."""
    assert report.id is not None
    record = ExportRecord(fingerprint(report, unit), text_hash, dt.datetime.now().isoformat(timespec="seconds"),
                          tuple(str(f) for f in files))
    store.set_setting(setting_key(report.id), record.to_data())
    return record
