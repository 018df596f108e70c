"""The file dialogs when a USB stick is involved: the import starts on the stick the program runs from, and
every stick plugged in is on the dialog's left (ui/import_dialog.py, ui/file_dialogs.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fzdesk import portable
from fzdesk.export.drives import Drive
from fzdesk.ui import file_dialogs, import_dialog
from tests.ui.modal import Modals, cancel


def seen_by(seen: dict[str, Any]) -> Any:
    def act(dialog: QFileDialog) -> None:
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["sidebar"] = dialog.sidebarUrls()
        cancel(dialog)

    return act


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stick holding the program's folder (fzdesk/) and last year's report beside it."""
    root = tmp_path / "U盘"
    (root / "fzdesk").mkdir(parents=True)
    (root / "2025年度报告.docx").write_bytes(b"")
    monkeypatch.setattr(portable, "executable_dir", lambda: root / "fzdesk")
    monkeypatch.setattr(portable, "is_removable", lambda path: root in (path, *path.parents))
    import fzdesk.export.drives as drives

    monkeypatch.setattr(drives, "removable_drives", lambda: [Drive(root, "U盘")])
    import_dialog._last_folder.clear()
    return root


def test_import_starts_on_the_stick_the_program_runs_from(qtbot: QtBot, stick: Path) -> None:
    seen: dict[str, Any] = {}
    modals = Modals().then(QFileDialog, seen_by(seen))
    modals.start()
    assert import_dialog.choose_import_file(None) is None
    assert not modals.errors, modals.errors
    assert seen["folder"] == stick  # before: the PC's 文档 folder


def test_import_from_the_pc_starts_in_documents_as_before(qtbot: QtBot, stick: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portable, "executable_dir", lambda: None)  # run from Python, not a stick
    seen: dict[str, Any] = {}
    modals = Modals().then(QFileDialog, seen_by(seen))
    modals.start()
    assert import_dialog.choose_import_file(None) is None
    assert not modals.errors, modals.errors
    assert seen["folder"] != stick


def test_sticks_plugged_in_are_on_the_dialog_s_left(qtbot: QtBot, stick: Path, tmp_path: Path) -> None:
    dialog = file_dialogs.file_dialog(None, "选择保存文件夹", str(tmp_path), folders_only=True)
    qtbot.addWidget(dialog)
    assert QUrl.fromLocalFile(str(stick)) in dialog.sidebarUrls()
    assert len(dialog.sidebarUrls()) >= 2  # Qt's own entries stay
