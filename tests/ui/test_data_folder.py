"""文件 → 打开数据文件夹 / 移动数据…, and the status bar naming the data folder, driven as a clerk would."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fzdesk import datamove, paths, portable
from fzdesk.domain.model import Block
from fzdesk.paths import DataSource
from fzdesk.storage.store import Store
from fzdesk.ui import data_folder
from fzdesk.ui.data_folder import MoveDataDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.text_page import OpeningPage
from tests import factories
from tests.ui import modal
from tests.ui.helpers import replace_text, window_menus

Act = Callable[[QWidget], None]
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Modals:
    """Answers the dialogs a menu entry opens one after another (each blocks in its own event loop)."""

    qtbot: QtBot
    seen: list[str] = field(default_factory=list)  # title + text of every dialog answered
    errors: list[BaseException] = field(default_factory=list)

    def answer(self, *steps: tuple[type[QWidget], Act]) -> None:
        pending = list(steps)
        test = modal.current_test[0]

        def poll(left: int) -> None:
            if not pending or modal.test_is_over(test):  # (left over, it rejected a later test's dialogs)
                return
            kind, act = pending[0]
            shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
            for other in [w for w in shown if not isinstance(w, kind)]:  # an unexpected dialog would block
                self.errors.append(AssertionError(f"unexpected dialog: {describe(other)}"))
                other.reject()
            found = [w for w in shown if isinstance(w, kind)]
            if not found:
                if left:
                    QTimer.singleShot(20, lambda: poll(left - 1))
                return
            dialog = found[0]
            pending.pop(0)
            self.seen.append(describe(dialog))
            try:
                act(dialog)
            except BaseException as exc:  # an assertion inside the dialog: report it, never hang
                self.errors.append(exc)
            if dialog.isVisible():
                assert isinstance(dialog, QDialog)
                dialog.reject()
            QTimer.singleShot(0, lambda: poll(250))

        QTimer.singleShot(0, lambda: poll(250))

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]


def describe(dialog: QWidget) -> str:
    return f"{dialog.windowTitle()}|{dialog.text() if isinstance(dialog, QMessageBox) else ''}"


def ok(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    button = box.button(QMessageBox.StandardButton.Ok)
    assert button is not None
    button.click()


@pytest.fixture
def modals(qtbot: QtBot) -> Modals:
    return Modals(qtbot)


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The frozen program on a USB stick: tmp/stick/fzdesk; nothing pins the data folder."""
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "fzdesk"))
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr(portable, "is_removable", lambda path: Path(path) == stick)
    return stick


@pytest.fixture
def user_store() -> Iterator[Store]:
    """A filled store in the per-user folder (where the program keeps data when nothing else applies)."""
    store = Store.open(paths.default_data_dir())
    unit = factories.unit()
    store.save_unit(unit)
    store.create_report(factories.report(unit, 2023))
    yield store
    store.close()


def window_on(make_window: Callable[[Store], MainWindow], store: Store) -> MainWindow:
    w = make_window(store)
    assert w.data_location == paths.location_of(store.folder)
    return w


def opening_page(w: MainWindow) -> OpeningPage:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "opening"))
    page = w.current_page()
    assert isinstance(page, OpeningPage)
    return page


def saved_opening(folder: Path, report_id: int) -> str:
    """The opening as saved in folder's database (read beside the window, which holds the folder's lock)."""
    with Store.open(folder, exclusive=False, daily_backup=False) as s:
        section = s.load_report(report_id).section(Block.OPENING)
        assert section is not None
        return section.items[0].text


def test_status_bar_names_the_folder_in_use(make_window: Callable[[Store], MainWindow], store: Store,
                                            user_store: Store) -> None:
    w = make_window(store)  # tests' stores are in a folder of their own, as with --data
    assert w.folder_label.text() == f"数据位置：指定文件夹（{store.folder}）"
    assert "命令行指定" in w.folder_label.toolTip() and "文件" in w.folder_label.toolTip()
    u = window_on(make_window, user_store)
    assert u.folder_label.text() == f"数据位置：本机用户文件夹（{paths.default_data_dir()}）"
    assert u.statusBar().isAncestorOf(u.folder_label) and u.folder_label.isVisible()


def test_move_to_the_stick_and_back(bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow],
                                    modals: Modals, qtbot: QtBot) -> None:
    user = paths.default_data_dir()
    w = window_on(make_window, user_store)
    assert w.data_location.source is DataSource.USER
    page = opening_page(w)
    replace_text(page.editor, "带到U盘上的开头。")  # typed just before moving: saved and moved too
    report_id = w.session.report.id  # type: ignore[union-attr]
    assert report_id is not None

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog)
        assert dialog.heading.text() == "把数据从本机用户文件夹移到U盘"
        assert str(user) in dialog.details.text() and str(bundle / "fzdesk-data") in dialog.details.text()
        assert "可用" in dialog.details.text() and "U盘上" in dialog.after.text()
        assert "不会删除" in dialog.after.text() and dialog.replace_box is None
        assert dialog.move_button.isEnabled() and dialog.move_button.isDefault()
        qtbot.mouseClick(dialog.move_button, LEFT)

    modals.answer((MoveDataDialog, confirm), (QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    stick_data = bundle / "fzdesk-data"
    assert modals.seen[-1].startswith(f"数据已移动|数据已移到U盘：{stick_data}")
    assert w.session.store.folder == stick_data
    assert w.folder_label.text() == f"数据位置：U盘（{stick_data}）"
    assert w.steps[w.current].key == "opening" and w.session.report.id == report_id  # type: ignore[union-attr]
    assert not user.exists() and len(list(user.parent.glob("fzdesk-moved-*"))) == 1
    assert paths.data_location().source is DataSource.PORTABLE  # the next start finds the data on the stick
    assert saved_opening(stick_data, report_id) == "带到U盘上的开头。"

    page = w.current_page()
    assert isinstance(page, OpeningPage) and page.editor.toPlainText() == "带到U盘上的开头。"
    replace_text(page.editor, "在U盘上改过的开头。")  # the window works on the stick's data now
    w.saver.flush()

    def confirm_back(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog)
        assert dialog.heading.text() == "把数据从U盘移到本机用户文件夹"
        assert "这台电脑上的数据" in dialog.after.text() and dialog.replace_box is None
        dialog.accept()

    modals.answer((MoveDataDialog, confirm_back), (QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    assert w.session.store.folder == user
    assert w.folder_label.text() == f"数据位置：本机用户文件夹（{user}）"
    assert not stick_data.exists() and len(list(bundle.glob("fzdesk-data-moved-*"))) == 1
    # issue 6: the next start from the stick makes a new folder there, and points out the data on this PC
    assert paths.data_location() == paths.DataLocation(stick_data, DataSource.PORTABLE)
    assert paths.pc_data_folder(paths.data_location()) == user
    assert saved_opening(user, report_id) == "在U盘上改过的开头。"
    assert w.steps[w.current].key == "opening"
    w.close()
    w.session.store.close()


def test_cancelling_changes_nothing(bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow],
                                    modals: Modals) -> None:
    w = window_on(make_window, user_store)
    modals.answer((MoveDataDialog, lambda d: d.reject()))  # type: ignore[attr-defined]
    w.move_data_action.trigger()
    modals.check()
    assert w.session.store is user_store and (paths.default_data_dir() / paths.DB_NAME).is_file()
    assert sorted(p.name for p in bundle.iterdir()) == []
    assert len(user_store.units()) == 1  # still open and usable


@pytest.mark.parametrize("source", [DataSource.OPTION, DataSource.ENVIRONMENT])
def test_a_pinned_folder_is_not_moved(source: DataSource, store: Store, make_window: Callable[[Store], MainWindow],
                                      modals: Modals, monkeypatch: pytest.MonkeyPatch) -> None:
    if source is DataSource.ENVIRONMENT:
        monkeypatch.setenv(paths.DATA_ENV, str(store.folder))
    w = make_window(store)
    assert w.data_location.source is source
    modals.answer((QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    title, text = modals.seen[0].split("|")
    assert title == "不能在这里移动数据"
    assert ("--data" if source is DataSource.OPTION else "FZDESK_DATA") in text and str(store.folder) in text
    assert "下次就找不到" in text
    assert w.session.store is store and store.units() == []


def test_running_from_python_has_no_program_folder(user_store: Store, make_window: Callable[[Store], MainWindow],
                                                   modals: Modals, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv(paths.DATA_ENV)
    w = window_on(make_window, user_store)
    assert w.data_location.source is DataSource.USER
    modals.answer((QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    assert "打包好的程序文件夹" in modals.seen[0] and w.session.store is user_store


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc: a place even root cannot write to")
def test_a_program_folder_that_cannot_be_written_to(user_store: Store, make_window: Callable[[Store], MainWindow],
                                                    modals: Modals, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/proc/fzdesk-test/fzdesk")
    monkeypatch.delenv(paths.DATA_ENV)
    w = window_on(make_window, user_store)
    modals.answer((QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    title, text = modals.seen[0].split("|")
    assert title == "无法移动数据" and "不能在“/proc”中写入" in text and "数据仍在原处" in text
    page = opening_page(w)
    replace_text(page.editor, "还能接着写。")
    w.saver.flush()
    assert w.session.store is user_store
    assert saved_opening(user_store.folder, w.session.report.id) == "还能接着写。"  # type: ignore[union-attr]


def test_too_little_space_on_the_stick(bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow],
                                       modals: Modals, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datamove, "_free_space", lambda folder: 1024 * 1024)
    w = window_on(make_window, user_store)
    modals.answer((QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    assert "空间不够" in modals.seen[0] and "那里只剩 1.0 MB" in modals.seen[0]
    assert sorted(p.name for p in bundle.iterdir()) == [] and w.session.store is user_store


def test_a_failed_copy_leaves_the_data_usable_where_they_were(
        bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow], modals: Modals,
        monkeypatch: pytest.MonkeyPatch) -> None:
    user = paths.default_data_dir()
    (user / "backups").mkdir(exist_ok=True)
    (user / "backups" / "说明.txt").write_text("原件", encoding="utf-8")
    copy = datamove.shutil.copyfile

    def corrupt(src: Path, dest: Path) -> None:
        copy(src, dest)
        Path(dest).write_text("坏了", encoding="utf-8")

    monkeypatch.setattr(datamove.shutil, "copyfile", corrupt)
    w = window_on(make_window, user_store)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"))
    report_id = w.session.report.id  # type: ignore[union-attr]
    modals.answer((MoveDataDialog, lambda d: d.accept()), (QMessageBox, ok))  # type: ignore[attr-defined]
    w.move_data_action.trigger()
    modals.check()
    title, text = modals.seen[-1].split("|")
    assert title == "数据没有移动" and "不一致" in text and f"数据仍在原处“{user}”" in text
    assert w.session.store.folder == user and w.session.store is not user_store  # reopened at the old place
    assert w.folder_label.text() == f"数据位置：本机用户文件夹（{user}）"
    assert w.steps[w.current].key == "figures" and w.session.report.id == report_id  # type: ignore[union-attr]
    assert sorted(p.name for p in bundle.iterdir()) == []
    page = opening_page(w)
    replace_text(page.editor, "移动失败后照常保存。")
    w.saver.flush()
    assert saved_opening(user, report_id) == "移动失败后照常保存。"
    w.close()
    w.session.store.close()


def test_data_already_in_the_per_user_folder_are_replaced_only_when_ticked(
        bundle: Path, make_window: Callable[[Store], MainWindow], modals: Modals, qtbot: QtBot) -> None:
    stick_data = bundle / "fzdesk-data"
    other = Store.open(paths.default_data_dir())
    other_unit = factories.unit("另一个单位")
    other.save_unit(other_unit)
    other.create_report(factories.report(other_unit, 2022))
    other.close()
    store = Store.open(stick_data)
    unit = factories.unit()
    store.save_unit(unit)
    store.create_report(factories.report(unit, 2024))
    w = make_window(store)
    assert w.data_location.source is DataSource.PORTABLE

    def refuse(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog) and dialog.replace_box is not None
        assert "1 个单位、1 份报告" in dialog.findChild(QWidget, "error").text()  # type: ignore[union-attr]
        assert not dialog.move_button.isEnabled()  # nothing is replaced by just pressing Enter
        dialog.reject()

    modals.answer((MoveDataDialog, refuse))
    w.move_data_action.trigger()
    modals.check()
    assert w.session.store is store and (stick_data / paths.DB_NAME).is_file()

    def replace(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog) and dialog.replace_box is not None
        qtbot.mouseClick(dialog.replace_box, LEFT)
        assert dialog.move_button.isEnabled()
        qtbot.mouseClick(dialog.move_button, LEFT)

    modals.answer((MoveDataDialog, replace), (QMessageBox, ok))
    w.move_data_action.trigger()
    modals.check()
    assert "原有的内容已改名保留为" in modals.seen[-1]
    replaced = list(paths.default_data_dir().parent.glob("fzdesk-replaced-*"))
    assert len(replaced) == 1
    with Store.open(replaced[0], daily_backup=False) as kept:
        assert [u.name for u in kept.units()] == ["另一个单位"]
    assert [u.name for u in w.session.store.units()] == [unit.name]
    assert w.session.report is not None and w.session.report.year == 2024
    w.close()
    w.session.store.close()


def test_open_the_data_folder(store: Store, make_window: Callable[[Store], MainWindow], modals: Modals,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []

    def file_manager(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(data_folder, "_open_url", file_manager)
    w = make_window(store)
    w.open_folder_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(store.folder))]
    monkeypatch.setattr(data_folder, "_open_url", lambda url: False)  # no file manager on this PC
    modals.answer((QMessageBox, ok))
    w.open_folder_action.trigger()
    modals.check()
    assert str(store.folder) in modals.seen[0]


def test_the_file_menu_lists_both_entries(store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(store)
    texts = [a.text() for a in window_menus(w)[0].actions()]
    assert texts.index("移动数据(&M)…") == texts.index("打开数据文件夹(&D)") + 1
    assert texts.index("从本机复制数据(&C)…") == texts.index("移动数据(&M)…") + 1


def test_startup_does_not_load_the_move_code() -> None:
    """Nothing of the move is on the start-up path: the window module does not import it."""
    import subprocess

    code = ("import sys; import fzdesk.ui.main_window; "
            "print(any(m in sys.modules for m in ('fzdesk.ui.data_folder', 'fzdesk.datamove')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.strip() == "False"


def test_a_program_folder_on_a_fixed_disk_is_not_called_a_stick(
        bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow], modals: Modals,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    w = window_on(make_window, user_store)

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog)
        assert dialog.heading.text() == "把数据从本机用户文件夹移到程序旁的文件夹"
        assert "程序旁的文件夹中的数据" in dialog.after.text() and "U盘" not in dialog.after.text()
        dialog.reject()

    modals.answer((MoveDataDialog, look))
    w.move_data_action.trigger()
    modals.check()
    assert w.session.store is user_store


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard", "propagateSizeHints")
def test_reached_from_the_keyboard(bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow],
                                   modals: Modals, qtbot: QtBot) -> None:
    """Alt+F opens 文件, M picks 移动数据…, Esc leaves the dialog: nothing moved."""
    w = window_on(make_window, user_store)
    QTest.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is not None

    def escape(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDataDialog) and dialog.heading.text() == "把数据从本机用户文件夹移到U盘"
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    modals.answer((MoveDataDialog, escape))
    QTest.keyClick(menu, Qt.Key.Key_M)
    modals.check()
    assert modals.seen and w.session.store is user_store and sorted(p.name for p in bundle.iterdir()) == []


def test_no_empty_store_is_made_where_the_data_could_not_be_put_back(
        bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow], modals: Modals,
        monkeypatch: pytest.MonkeyPatch) -> None:
    user = paths.default_data_dir()
    real_replace = datamove.os.replace

    def replace(src: Path, dst: Path) -> None:
        if Path(dst) in (bundle / "fzdesk-data", user):  # the stick went away in the middle of the switch
            raise OSError("设备已移除")
        real_replace(src, dst)

    monkeypatch.setattr(datamove.os, "replace", replace)
    w = window_on(make_window, user_store)
    modals.answer((MoveDataDialog, lambda d: d.accept()), (QMessageBox, ok))  # type: ignore[attr-defined]
    w.move_data_action.trigger()
    modals.check()
    title, text = modals.seen[-1].split("|")
    aside = next(user.parent.glob("fzdesk-moved-*"))
    assert title == "无法打开数据" and "数据没有丢失" in text and f"“{aside}”应改回“fzdesk”" in text
    assert not user.exists()  # no empty store in its place that would hide the data
    assert not w.isVisible()
    with Store.open(aside, daily_backup=False) as kept:
        assert len(kept.units()) == 1


def _answer_yes(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    button = box.button(QMessageBox.StandardButton.Yes)
    assert button is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    button.click()


def test_on_a_new_stick_the_pc_data_are_pointed_out_once_and_copied_over(
        bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow], modals: Modals) -> None:
    """Issue 6: the stick wins; the window says once that this PC holds data, and 从本机复制数据… copies them."""
    from fzdesk.ui.pc_data import announce_pc_data

    user = paths.default_data_dir()
    [report] = user_store.reports()
    user_store.close()  # the data of this PC are not open in another window
    before = (sorted(p.name for p in user.iterdir()), (user / paths.DB_NAME).read_bytes())
    location = paths.data_location()
    stick_data = bundle / "fzdesk-data"
    assert location == paths.DataLocation(stick_data, DataSource.PORTABLE)
    stick = Store.open(stick_data)
    w = make_window(stick)
    assert w.session.report is None and w.data_location.source is DataSource.PORTABLE
    assert announce_pc_data(w)
    message = w.statusBar().currentMessage()
    assert f"这台电脑上已有 fzdesk 数据（{user}）" in message and "文件 → 从本机复制数据…" in message
    w.statusBar().clearMessage()
    assert not announce_pc_data(w) and w.statusBar().currentMessage() == ""  # once only

    modals.answer((QMessageBox, _answer_yes), (QMessageBox, ok))
    w.bring_data_action.trigger()
    modals.check()
    assert "把这台电脑上的 fzdesk 数据" in modals.seen[0] and "本机的数据原样保留" in modals.seen[0]
    assert w.session.store.folder == stick_data and w.session.store is not stick
    assert w.session.report is not None and w.session.report.id == report.id
    assert [s.year for s in w.session.store.reports()] == [2023]
    assert "已把本机的数据复制到U盘" in w.statusBar().currentMessage()
    assert len(list(bundle.glob("fzdesk-data-replaced-*"))) == 1  # the empty stick folder, kept aside
    after = ([n for n in sorted(p.name for p in user.iterdir()) if not n.endswith(("-wal", "-shm"))],
             (user / paths.DB_NAME).read_bytes())
    assert after == before  # this PC's data stay as they were (the copy read them only)
    with Store.open(user, exclusive=False, daily_backup=False) as s:
        assert [r.id for r in s.reports()] == [report.id]
    # now the stick holds data: nothing more to bring, and nothing is overwritten
    modals.answer((QMessageBox, ok))
    w.bring_data_action.trigger()
    modals.check()
    assert "已经有单位或报告了" in modals.seen[-1]
    assert not announce_pc_data(w)
    w.close()
    w.session.store.close()


def test_nothing_to_bring_without_data_on_this_pc(store: Store, make_window: Callable[[Store], MainWindow],
                                                   modals: Modals) -> None:
    w = make_window(store)
    modals.answer((QMessageBox, ok))
    w.bring_data_action.trigger()
    modals.check()
    assert modals.seen[0].startswith("从本机复制数据|只有从U盘")


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every item save fails (the disk is full) until the returned flag is set."""
    fixed = [False]
    update = Store.update_item

    def update_item(self: Store, *args: object, **kwargs: object) -> None:
        if not fixed[0]:
            raise sqlite3.OperationalError("database or disk is full")
        update(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "update_item", update_item)
    return fixed


def test_data_with_edits_not_yet_saved_are_not_moved(
        bundle: Path, user_store: Store, make_window: Callable[[Store], MainWindow], modals: Modals,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    """The edits kept for a retry would be left behind by the copy, and retried on the closed store: lost."""
    user = paths.default_data_dir()
    w = window_on(make_window, user_store)
    report_id = w.session.report.id  # type: ignore[union-attr]
    fixed = _full_disk(monkeypatch)
    replace_text(opening_page(w).editor, "磁盘满时写的开头。")
    w.saver.flush()
    assert w.saver.pending
    modals.answer((MoveDataDialog, lambda d: d.accept()))  # type: ignore[attr-defined]  # (only if it came)
    w.move_data_action.trigger()
    title, text = messages[-1]
    assert title == data_folder.UNSAVED_TITLE
    assert "现在不能移动数据" in text and "磁盘已满" in text and "数据没有改动" in text
    assert not modals.seen and sorted(p.name for p in bundle.iterdir()) == []
    assert w.session.store is user_store and w.saver.pending
    fixed[0] = True  # room again: the kept edit is saved where the data are
    w.saver.flush()
    assert not w.saver.pending and saved_opening(user, report_id) == "磁盘满时写的开头。"
