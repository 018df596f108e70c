"""The Store: opens the data folder and owns every SQL statement the program runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from fzdesk import portable, resources
from fzdesk.domain.model import (
    Approx,
    Block,
    Dismissal,
    FigureState,
    FigureValue,
    Item,
    Numbering,
    Report,
    Section,
    Unit,
    UnitType,
)
from fzdesk.domain.plain_text import storable, storable_list
from fzdesk.storage import backup
from fzdesk.storage.lock import FolderLock
from fzdesk.storage.migrations import SCHEMA_VERSION, NewerSchemaError, migrate, schema_version
from fzdesk.storage.report_settings import report_setting_keys
from fzdesk.storage.transaction import immediate
from fzdesk.storage.uri import read_only_uri

DB_NAME = "fzdesk.sqlite"
#: Edits of one field closer together than this are one history entry (a typing session).
HISTORY_COALESCE_SECONDS = 60


class DataGone(OSError):
    """The database file is no longer at its path (the data folder deleted or moved, the stick pulled) or another
    file is there now: SQLite would go on writing to the vanished file and every edit would be lost at exit."""

    def __init__(self, path: Path, *, replaced: bool = False) -> None:
        what = ("已被另一个文件替换" if replaced else
                "不见了（数据文件夹可能被删除或移走，或者U盘被拔出）")
        #: What happened, for the window's question (ui.data_gone) that goes on with what to do.
        self.headline = f"数据文件“{path}”{what}"
        super().__init__(
            f"{self.headline}，刚才的修改没有保存到磁盘，但都还在程序里。"
            "如果是U盘被拔出，请把U盘插回去，程序会自动重试保存；也可以把数据重新保存到原来的位置或其他文件夹。"
            "在保存上之前请不要关闭程序。")
        self.path = path
        self.replaced = replaced


class ReportSummary(NamedTuple):  # (a NamedTuple: made in 0.1 ms at start-up, a dataclass in 1 ms)
    id: int
    unit_id: int
    unit_name: str
    year: int
    title: str
    updated: str
    created: str = ""
    #: 1 for the unit's first report of that year, 2, 3... for others of the same year (kept copies of an import)
    copy: int = 1

    @property
    def year_label(self) -> str:
        """"2023年度", or for a second report of the same year "2023年度（第2份，11月25日建）"."""
        if self.copy == 1:
            return f"{self.year}年度"
        try:
            made = dt.datetime.fromisoformat(self.created)
        except ValueError:
            return f"{self.year}年度（第{self.copy}份）"
        return f"{self.year}年度（第{self.copy}份，{made.month}月{made.day}日建）"


class HistoryEntry(NamedTuple):
    id: int
    target: str
    field: str
    value: Any
    ts: dt.datetime


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text not in (None, "") else None


def _dec_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class Store:
    """One SQLite file in a data folder, held exclusively by this process."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, lock: FolderLock | None) -> None:
        self.folder = folder
        self.conn = conn
        self._lock = lock
        #: Why Store.open could not make the day's backup ("" when it did, or had no need to).
        self.backup_error = ""
        #: (st_dev, st_ino) of the database file as opened: each write first checks that the path still leads
        #: to it (one stat, ~2 microseconds), see check_present.
        self._identity = _identity(folder / DB_NAME)
        #: The file vanished, or a write failed with an I/O error: once it is back, a fresh connection is opened
        #: (after a stick is pulled the old one only gives I/O errors, even with the same file back in place).
        self._stale = False

    # ----- opening and closing -------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, *, exclusive: bool = True, daily_backup: bool = True) -> Store:
        """Opens (creating if needed) the store in folder, migrating it after copying it aside."""
        folder.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(folder) if exclusive else None
        if lock:
            lock.acquire()
        conn: sqlite3.Connection | None = None
        try:
            path = folder / DB_NAME
            _refuse_newer(path)
            conn = connect(path)
            found = schema_version(conn)
            if 0 < found < SCHEMA_VERSION:
                backup.copy_database(conn, folder / "backups" / f"before-migration-v{found}-{_stamp()}.sqlite")
            migrate(conn)
            store = cls(folder, conn, lock)
            if daily_backup:
                try:
                    backup.daily_backup(conn, folder / "backups")
                except (OSError, sqlite3.Error) as exc:  # the data are fine: a missed backup must not stop the work
                    store.backup_error = str(exc)
            return store
        except BaseException:
            if conn is not None:  # (closed now, not by the collector: the clerk may be asked to rename the file)
                conn.close()
            if lock:
                lock.release()
            raise

    def daily_backup(self) -> Path | None:
        """Today's rolling backup unless it exists (the window makes it after its first paint); the new file."""
        return backup.daily_backup(self.conn, self.backup_folder)

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def backup_folder(self) -> Path:
        return self.folder / "backups"

    def close(self) -> None:
        self.conn.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it (nested calls join the outer one). Refused with
        DataGone when the database file is no longer where it was opened (see check_present)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.check_present()
        try:
            with immediate(self.conn):
                yield self.conn
        except sqlite3.OperationalError as exc:
            if "disk i/o" in str(exc).lower():
                self._stale = True  # the stick pulled: once it is back, a fresh connection is tried
            raise

    def check_present(self) -> None:
        """Raises DataGone unless the path still leads to the file opened. The same file back under a new device
        number (the stick plugged in again and mounted anew), or after an I/O error, is opened afresh."""
        now = _identity(self.path)
        if now == self._identity and not self._stale:
            return
        if now is None:
            self._stale = True
            raise DataGone(self.path)
        if self._identity is None or now[1] != self._identity[1]:
            raise DataGone(self.path, replaced=True)
        self._reconnect()

    def _reconnect(self) -> None:
        """A new connection on the file at the path (and the lock of its folder), the old ones closed; on failure
        (the file unreadable still, the folder locked by another program) the store stays as it was."""
        conn = connect(self.path)
        try:
            schema_version(conn)  # readable at all
            held = self._lock
            if held is not None:  # (an flock conflicts with one of the same process on another descriptor)
                held.release()
                lock = FolderLock(self.folder)
                try:
                    lock.acquire()
                except BaseException:
                    with suppress(OSError, RuntimeError):
                        held.acquire()
                    raise
                self._lock = lock
        except BaseException:
            conn.close()
            raise
        old, self.conn = self.conn, conn
        self._identity = _identity(self.path)
        self._stale = False
        with suppress(sqlite3.Error, OSError):
            old.close()

    def save_to(self, folder: Path) -> None:
        """Writes all the data of the open connection (those of a vanished file too, while it can be read) as the
        store of folder, checked, and goes on in it: after DataGone, the data put back in place or elsewhere.
        Refuses (FileExistsError) a folder that already holds a database file, a folder whose parent is gone too
        (FileNotFoundError: the stick pulled), and a copy that does not read back intact (sqlite3.DatabaseError);
        the store is then unchanged."""
        target = Path(folder) / DB_NAME
        if not target.parent.parent.is_dir():  # a stick's mount point made again would hold the data on this PC
            raise FileNotFoundError(f"“{target.parent.parent}”也不见了（U盘被拔出？），没有保存到那里。"
                                    "请把U盘插回去后再试，或者保存到其他文件夹。")
        if target.exists():
            raise FileExistsError(f"“{folder}”中已经有一份 fzdesk 数据（{DB_NAME}），为免覆盖，没有保存到那里。"
                                  "请选择一个空文件夹。")
        partial = target.with_name(DB_NAME + ".part")
        backup.copy_database(self.conn, partial)
        try:
            check = sqlite3.connect(read_only_uri(partial), uri=True)
            try:
                problem = str(check.execute("PRAGMA integrity_check").fetchone()[0])
            finally:
                check.close()
            if problem != "ok":
                raise sqlite3.DatabaseError(f"程序里的数据已无法完整读出（{problem}），没有保存。")
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        old_folder, self.folder = self.folder, Path(folder)
        try:
            self._reconnect()  # (the lock goes from the old folder to the new one)
        except BaseException:
            self.folder = old_folder
            raise

    def restore_backup(self, source: Path) -> None:
        """Replaces the whole store by a backup, after copying the current state aside. A backup of an older
        version is upgraded in a copy first: only a copy that upgraded and reads back intact replaces the data,
        in one step; otherwise (ValueError, in Chinese) the data stay exactly as they were."""
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            try:  # SQLite's backup copies broken pages as they are: a damaged file would replace good data
                version = schema_version(src)
                problem = str(src.execute("PRAGMA integrity_check").fetchone()[0])
            except sqlite3.DatabaseError as exc:
                problem = str(exc)
            if problem != "ok":
                raise ValueError(f"这个备份文件已损坏（{problem}），无法恢复。请选择另一个备份（例如前一天的）。")
            if version > SCHEMA_VERSION:
                raise ValueError("这个备份来自更新版本的 fzdesk，无法恢复。")
            self.check_present()  # (not into a file that vanished)
            staged = self.backup_folder / f"restoring-{_stamp()}.tmp"
            try:
                upgraded = _upgraded_copy(src, staged, version)
                try:
                    backup.copy_database(self.conn, self.backup_folder / f"before-restore-{_stamp()}.sqlite")
                    upgraded.backup(self.conn)  # one write transaction on the store: all of it, or nothing
                except (OSError, sqlite3.Error) as exc:
                    from fzdesk.storage.trouble import write_trouble

                    raise ValueError(f"{write_trouble(exc)}。现有数据没有改动。") from exc
                finally:
                    upgraded.close()
            finally:
                for end in ("", "-journal", "-wal", "-shm"):
                    leftover = staged.with_name(staged.name + end)
                    with suppress(OSError):
                        leftover.unlink(missing_ok=True)
        finally:
            src.close()

    # ----- settings ------------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    # ----- units ---------------------------------------------------------------------------------
    def units(self) -> list[Unit]:
        rows = self.conn.execute("SELECT * FROM units ORDER BY name, id").fetchall()
        return [_unit(r) for r in rows]

    def unit(self, unit_id: int) -> Unit:
        row = self.conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,)).fetchone()
        if row is None:
            raise KeyError(unit_id)
        return _unit(row)

    def save_unit(self, unit: Unit) -> int:
        values = (storable(unit.name), storable(unit.short_name), unit.unit_type.value,
                  json.dumps(storable_list(unit.organs), ensure_ascii=False), storable(unit.recipient),
                  storable(unit.cc), storable(unit.contact), json.dumps(unit.options, ensure_ascii=False))
        new_id: int | None = None
        with self.transaction():
            if unit.id is None:
                cur = self.conn.execute(
                    "INSERT INTO units (name, short_name, unit_type, organs, recipient, cc, contact, options) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
                new_id = int(cur.lastrowid or 0)
            else:
                self.conn.execute(
                    "UPDATE units SET name=?, short_name=?, unit_type=?, organs=?, recipient=?, cc=?, contact=?, "
                    "options=? WHERE id=?", (*values, unit.id))
        if new_id is not None:  # only once committed: a commit that failed (the disk full) leaves the unit without
            unit.id = new_id  # a row, and a retry must insert it, not update a row that is not there
        assert unit.id is not None
        return unit.id

    def delete_unit(self, unit_id: int) -> None:
        with self.transaction():
            for (report_id,) in self.conn.execute("SELECT id FROM reports WHERE unit_id=?", (unit_id,)).fetchall():
                self._delete_report(report_id)
            self.conn.execute("DELETE FROM units WHERE id=?", (unit_id,))

    # ----- reports -------------------------------------------------------------------------------
    def reports(self, unit_id: int | None = None) -> list[ReportSummary]:
        """The reports (of one unit), by unit name, newest year first; reports of the same unit and year in the
        order they were made, numbered (ReportSummary.copy) so that they can be told apart."""
        sql = ("SELECT r.id, r.unit_id, u.name, r.year, r.title, r.organs, r.updated, r.created, "
               "(SELECT COUNT(*) FROM reports o WHERE o.unit_id = r.unit_id AND o.year = r.year AND o.id < r.id) "
               "FROM reports r JOIN units u ON u.id = r.unit_id")
        args: tuple[Any, ...] = ()
        if unit_id is not None:
            sql += " WHERE r.unit_id = ?"
            args = (unit_id,)
        rows = self.conn.execute(sql + " ORDER BY u.name, r.year DESC, r.id", args).fetchall()
        out = []
        for rid, uid, uname, year, title, organs, updated, created, earlier in rows:
            if not title:
                from fzdesk.domain.model import derive_title

                title = derive_title(json.loads(organs), year)
            out.append(ReportSummary(rid, uid, uname, year, title, updated or "", created or "", earlier + 1))
        return out

    def report_of_year(self, unit_id: int, year: int) -> ReportSummary | None:
        """The unit's report of that year; of several (a kept copy of an import), the one edited most recently
        (the later made on a tie): the clerk's current work, whichever copy it is."""
        same = [s for s in self.reports(unit_id) if s.year == year]
        return max(same, key=lambda s: (s.updated, s.id), default=None)

    def create_report(self, report: Report) -> int:
        """Inserts a whole report (sections, items, figures) in one transaction; sets the ids."""
        now = _now()
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO reports (unit_id, year, title, recipient, organs, date, attachments, dismissals, "
                "catalogue_version, created, updated, issued_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (report.unit_id, report.year, storable(report.title), storable(report.recipient),
                 json.dumps(storable_list(report.organs), ensure_ascii=False), _date_text(report.date),
                 json.dumps(storable_list(report.attachments), ensure_ascii=False),
                 _dismissals_text(report.dismissals),
                 report.catalogue_version, now, now, _date_text(report.issued_on)))
            report.id = int(cur.lastrowid or 0)
            self._delete_report_settings(report.id)  # left by a report deleted before they went with it
            for position, section in enumerate(report.sections):
                self._insert_section(report.id, position, section)
            for figure in report.figures.values():
                self._write_figure(report.id, figure)
        return report.id

    def _insert_section(self, report_id: int, position: int, section: Section) -> None:
        cur = self.conn.execute(
            "INSERT INTO sections (report_id, block, position, heading, numbering, omitted) VALUES (?,?,?,?,?,?)",
            (report_id, section.block.value, position, storable(section.heading), section.numbering.value,
             int(section.omitted)))
        section.id = int(cur.lastrowid or 0)
        for item_position, item in enumerate(section.items):
            self._insert_item(section.id, item_position, item)

    def _insert_item(self, section_id: int, position: int, item: Item) -> None:
        cur = self.conn.execute(
            "INSERT INTO items (section_id, position, title, body, carried_over) VALUES (?,?,?,?,?)",
            (section_id, position, storable(item.title), "\n".join(storable_list(item.paragraphs)),
             int(item.carried_over)))
        item.id = int(cur.lastrowid or 0)

    def load_report(self, report_id: int) -> Report:
        row = self.conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        r = dict(zip([d[0] for d in self.conn.execute("SELECT * FROM reports LIMIT 0").description], row,
                     strict=True))
        report = Report(
            unit_id=r["unit_id"], year=r["year"], title=r["title"] or "", recipient=r["recipient"] or "",
            organs=json.loads(r["organs"] or "[]"), date=_parse_date(r["date"]),
            attachments=json.loads(r["attachments"] or "[]"),
            dismissals=[Dismissal(**d) for d in json.loads(r["dismissals"] or "[]")],
            catalogue_version=r["catalogue_version"] or 1, id=report_id, issued_on=_parse_date(r["issued_on"]),
        )
        sections = self.conn.execute(
            "SELECT id, block, heading, numbering, omitted FROM sections WHERE report_id=? ORDER BY position",
            (report_id,)).fetchall()
        items_by_section: dict[int, list[Item]] = {}
        for iid, sid, title, body, carried in self.conn.execute(
                "SELECT i.id, i.section_id, i.title, i.body, i.carried_over FROM items i "
                "JOIN sections s ON s.id = i.section_id WHERE s.report_id=? ORDER BY i.section_id, i.position",
                (report_id,)):
            items_by_section.setdefault(sid, []).append(
                Item(title or "", _paragraphs(body), bool(carried), iid))
        report.sections = [
            Section(Block(block), heading or "", Numbering(numbering), items_by_section.get(sid, []),
                    bool(omitted), sid)
            for sid, block, heading, numbering, omitted in sections
        ]
        for f in self.conn.execute(
                "SELECT code, state, value, approx, last_state, last_value, last_approx, explanation "
                "FROM figures WHERE report_id=?", (report_id,)):
            report.figures[f[0]] = FigureValue(
                f[0], FigureState(f[1]), _dec(f[2]), Approx(f[3]) if f[3] else None, FigureState(f[4]),
                _dec(f[5]), Approx(f[6]) if f[6] else None, f[7] or "")
        return report

    def delete_report(self, report_id: int) -> None:
        with self.transaction():
            self._delete_report(report_id)

    def _delete_report(self, report_id: int) -> None:
        c = self.conn
        c.execute("DELETE FROM items WHERE section_id IN (SELECT id FROM sections WHERE report_id=?)", (report_id,))
        c.execute("DELETE FROM sections WHERE report_id=?", (report_id,))
        c.execute("DELETE FROM figures WHERE report_id=?", (report_id,))
        c.execute("DELETE FROM history WHERE report_id=?", (report_id,))
        self._delete_report_settings(report_id)
        c.execute("DELETE FROM reports WHERE id=?", (report_id,))

    def _delete_report_settings(self, report_id: int) -> None:
        """The settings kept under the report's id (its last export): a later report may get the same id."""
        self.conn.executemany("DELETE FROM settings WHERE key = ?", [(k,) for k in report_setting_keys(report_id)])

    REPORT_FIELDS = ("title", "recipient", "organs", "date", "attachments", "dismissals", "year", "issued_on")

    def update_report(self, report_id: int, **fields: Any) -> None:
        """Updates report-level fields (title, recipient, organs, date, attachments, dismissals, year, issued_on)."""
        sets, args = [], []
        fields = {name: storable(value) if name in ("title", "recipient") and isinstance(value, str)
                  else storable_list(value) if name in ("organs", "attachments") else value
                  for name, value in fields.items()}
        for name, value in fields.items():
            if name not in self.REPORT_FIELDS:
                raise ValueError(f"unknown report field {name}")
            if name in ("organs", "attachments"):
                value = json.dumps(value, ensure_ascii=False)
            elif name == "dismissals":
                value = _dismissals_text(value)
            elif name in ("date", "issued_on"):
                value = _date_text(value)
            sets.append(f"{name} = ?")
            args.append(value)
        with self.transaction():
            old = self.conn.execute("SELECT title, recipient FROM reports WHERE id=?", (report_id,)).fetchone()
            if old is None:
                raise KeyError(report_id)
            self.conn.execute(f"UPDATE reports SET {', '.join(sets)}, updated = ? WHERE id = ?",
                              (*args, _now(), report_id))
            for name, previous in zip(("title", "recipient"), old, strict=True):
                if name in fields and fields[name] != previous:
                    self._record(report_id, "report", name, fields[name], previous=previous or "")

    def closing_checked(self, report_id: int) -> str:
        """When the clerk ticked 已核对结尾和附件说明 (ISO, local time); "" while it is not ticked."""
        row = self.conn.execute("SELECT closing_checked FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return str(row[0] or "")

    def set_closing_checked(self, report_id: int, checked: bool) -> str:
        """Ticks (now) or unticks the clerk's check of 结尾与附件; returns the stored value. Not an edit of the
        report's text: neither history nor the report's edit time."""
        value = _now() if checked else ""
        with self.transaction():
            cur = self.conn.execute("UPDATE reports SET closing_checked = ? WHERE id = ?", (value, report_id))
            if cur.rowcount == 0:
                raise KeyError(report_id)
        return value

    def _touch(self, report_id: int) -> None:
        self.conn.execute("UPDATE reports SET updated = ? WHERE id = ?", (_now(), report_id))

    # ----- sections ------------------------------------------------------------------------------
    def update_section(self, section_id: int, *, heading: str | None = None,
                       numbering: Numbering | None = None, omitted: bool | None = None) -> None:
        with self.transaction():
            report_id = self._section_report(section_id)
            if heading is not None:
                heading = storable(heading)
                (previous,) = self.conn.execute("SELECT heading FROM sections WHERE id=?", (section_id,)).fetchone()
                if heading != previous:
                    self.conn.execute("UPDATE sections SET heading=? WHERE id=?", (heading, section_id))
                    self._record(report_id, f"section:{section_id}", "heading", heading, previous=previous)
            if numbering is not None:
                self.conn.execute("UPDATE sections SET numbering=? WHERE id=?", (numbering.value, section_id))
            if omitted is not None:
                self.conn.execute("UPDATE sections SET omitted=? WHERE id=?", (int(omitted), section_id))
            self._touch(report_id)

    def set_section_order(self, report_id: int, section_ids: list[int]) -> None:
        """Stores the order of the report's sections (opening and closing included)."""
        with self.transaction():
            for position, sid in enumerate(section_ids):
                self.conn.execute("UPDATE sections SET position=? WHERE id=? AND report_id=?",
                                  (position, sid, report_id))
            self._touch(report_id)

    def _section_report(self, section_id: int) -> int:
        row = self.conn.execute("SELECT report_id FROM sections WHERE id=?", (section_id,)).fetchone()
        if row is None:
            raise KeyError(section_id)
        return int(row[0])

    # ----- items ---------------------------------------------------------------------------------
    def add_item(self, section_id: int, position: int, item: Item) -> int:
        with self.transaction():
            self.conn.execute("UPDATE items SET position = position + 1 WHERE section_id=? AND position >= ?",
                              (section_id, position))
            self._insert_item(section_id, position, item)
            self._touch(self._section_report(section_id))
        assert item.id is not None
        return item.id

    def _item_row(self, item_id: int) -> tuple[int, int, int, str, str]:
        row = self.conn.execute(
            "SELECT i.section_id, i.position, s.report_id, i.title, i.body FROM items i "
            "JOIN sections s ON s.id = i.section_id WHERE i.id=?", (item_id,)).fetchone()
        if row is None:
            raise KeyError(item_id)
        return row  # type: ignore[no-any-return]

    def update_item(self, item_id: int, *, title: str | None = None, paragraphs: list[str] | None = None,
                    carried_over: bool | None = None) -> None:
        """Saves an item's title and/or body; an edit clears the 未更新 mark and goes into the history.

        carried_over, when given, sets the mark afterwards (True: text just copied from last year's report).
        """
        with self.transaction():
            _, _, report_id, old_title, old_body = self._item_row(item_id)
            target = f"item:{item_id}"
            title = storable(title) if title is not None else None
            paragraphs = storable_list(paragraphs) if paragraphs is not None else None
            if title is not None and title != old_title:
                self._record(report_id, target, "title", title, previous=old_title)
                self.conn.execute("UPDATE items SET title=?, carried_over=0 WHERE id=?", (title, item_id))
            if paragraphs is not None:
                body = "\n".join(paragraphs)
                if body != old_body:
                    self._record(report_id, target, "body", body, previous=old_body)
                    self.conn.execute("UPDATE items SET body=?, carried_over=0 WHERE id=?", (body, item_id))
            if carried_over is not None:
                self.conn.execute("UPDATE items SET carried_over=? WHERE id=?", (int(carried_over), item_id))
            self._touch(report_id)

    def delete_item(self, item_id: int) -> None:
        with self.transaction():
            section_id, position, report_id, _, _ = self._item_row(item_id)
            self.conn.execute("DELETE FROM items WHERE id=?", (item_id,))
            self.conn.execute("UPDATE items SET position = position - 1 WHERE section_id=? AND position > ?",
                              (section_id, position))
            self._touch(report_id)

    def move_item(self, item_id: int, new_position: int) -> None:
        """Moves an item within its section; the others close up around it."""
        with self.transaction():
            section_id, _, report_id, _, _ = self._item_row(item_id)
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM items WHERE section_id=? ORDER BY position", (section_id,))]
            ids.remove(item_id)
            ids.insert(max(0, min(new_position, len(ids))), item_id)
            for position, iid in enumerate(ids):
                self.conn.execute("UPDATE items SET position=? WHERE id=?", (position, iid))
            self._touch(report_id)

    # ----- figures -------------------------------------------------------------------------------
    def set_figure(self, report_id: int, figure: FigureValue) -> None:
        """Saves this year's value with history; ValueError (Chinese) for a value the catalogue kind forbids."""
        from fzdesk.domain.figure_values import figure_problems  # (the catalogue is not loaded at start-up)

        problems = figure_problems(figure, resources.catalogue(), last_year=False)
        if problems:
            raise ValueError(problems[0] + "没有保存。")
        with self.transaction():
            old = self.conn.execute("SELECT state, value, approx FROM figures WHERE report_id=? AND code=?",
                                    (report_id, figure.code)).fetchone()
            previous = ({"state": old[0], "value": old[1], "approx": old[2]} if old
                        else {"state": FigureState.EMPTY.value, "value": None, "approx": None})
            self._write_figure(report_id, figure)
            self._record(report_id, f"figure:{figure.code}", "value",
                         {"state": figure.state.value, "value": _dec_text(figure.value),
                          "approx": figure.approx.value if figure.approx else None},
                         previous=previous)
            self._touch(report_id)

    def _write_figure(self, report_id: int, f: FigureValue) -> None:
        self.conn.execute(
            "INSERT INTO figures (report_id, code, state, value, approx, last_state, last_value, last_approx, "
            "explanation) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(report_id, code) DO UPDATE SET "
            "state=excluded.state, value=excluded.value, approx=excluded.approx, last_state=excluded.last_state, "
            "last_value=excluded.last_value, last_approx=excluded.last_approx, explanation=excluded.explanation",
            (report_id, f.code, f.state.value, _dec_text(f.value), f.approx.value if f.approx else None,
             f.last_state.value, _dec_text(f.last_value), f.last_approx.value if f.last_approx else None,
             storable(f.explanation)))

    # ----- history -------------------------------------------------------------------------------
    def _record(self, report_id: int, target: str, field: str, value: Any, *, previous: Any = None) -> None:
        """Appends a value to the history, folding a burst of edits of one field into one entry.

        The first edit of a field also stores what was there before, so that the original can be restored;
        that first entry is never overwritten.
        """
        now = dt.datetime.now()
        key = (report_id, target, field)
        count, newest_id, newest_ts = self.conn.execute(
            "SELECT COUNT(*), MAX(id), MAX(ts) FROM history WHERE report_id=? AND target=? AND field=?",
            key).fetchone()
        encoded = json.dumps(value, ensure_ascii=False)
        if count == 0:
            self.conn.execute("INSERT INTO history (report_id, target, field, value, ts) VALUES (?,?,?,?,?)",
                              (*key, json.dumps(previous, ensure_ascii=False), now.isoformat()))
        elif count > 1 and (now - dt.datetime.fromisoformat(newest_ts)).total_seconds() < HISTORY_COALESCE_SECONDS:
            self.conn.execute("UPDATE history SET value=?, ts=? WHERE id=?", (encoded, now.isoformat(), newest_id))
            return
        self.conn.execute("INSERT INTO history (report_id, target, field, value, ts) VALUES (?,?,?,?,?)",
                          (*key, encoded, now.isoformat()))

    def history(self, report_id: int, target: str, field: str | None = None) -> list[HistoryEntry]:
        """Saved versions of an item ("item:ID"), a figure ("figure:CODE") or a field, newest first."""
        sql = "SELECT id, target, field, value, ts FROM history WHERE report_id=? AND target=?"
        args: list[Any] = [report_id, target]
        if field:
            sql += " AND field=?"
            args.append(field)
        rows = self.conn.execute(sql + " ORDER BY id DESC", args).fetchall()
        return [HistoryEntry(i, t, f, json.loads(v), dt.datetime.fromisoformat(ts)) for i, t, f, v, ts in rows]

#: SQLite's errors when WAL's shared-memory file (-shm) cannot be made or mapped where the data are (a FUSE FAT
#: driver that cannot grow a file with ftruncate, some network shares).
_SHM_FAILURES = frozenset({"SQLITE_IOERR_SHMOPEN", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMMAP",
                           "SQLITE_IOERR_SHMLOCK"})


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL and foreign keys on; the rollback
    journal where the file system cannot hold WAL's shared memory."""
    if portable.is_network(path.parent):  # (WAL over SMB: "does not work over a network filesystem")
        return _with_keys(_rollback_journal(path))
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # (WAL's shared memory is made here)
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") not in _SHM_FAILURES:
                raise
            conn.close()
            conn = _rollback_journal(path)
    except BaseException:
        conn.close()
        raise
    return _with_keys(conn)


def _with_keys(conn: sqlite3.Connection) -> sqlite3.Connection:
    """conn with foreign keys on and a busy timeout; closed if that fails."""
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=3000")
    except BaseException:
        conn.close()
        raise
    return conn


def _rollback_journal(path: Path) -> sqlite3.Connection:
    """A connection on path in the rollback-journal mode. Before this the program refused to start there with
    "disk I/O error". A file left in WAL mode (moved or copied from a PC) is read under an exclusive lock,
    which needs no shared memory, and switched over."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA locking_mode=NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # (gives the exclusive lock back)
        conn.execute("PRAGMA synchronous=FULL")  # (NORMAL may lose the journal's last write to a pulled stick)
    except BaseException:
        conn.close()
        raise
    return conn


def _upgraded_copy(src: sqlite3.Connection, staged: Path, version: int) -> sqlite3.Connection:
    """src copied to staged and brought to SCHEMA_VERSION there, checked; the open copy. A failure (the upgrade,
    the room for the copy) is a ValueError saying why, in Chinese, with staged left for the caller to remove."""
    staged.parent.mkdir(parents=True, exist_ok=True)
    copy = sqlite3.connect(staged, isolation_level=None)
    try:
        try:
            src.backup(copy)
        except (OSError, sqlite3.Error) as exc:
            from fzdesk.storage.trouble import write_trouble

            raise ValueError(f"没能为恢复准备备份的副本：{write_trouble(exc)}。现有数据没有改动。") from exc
        try:
            migrate(copy)
            problem = str(copy.execute("PRAGMA integrity_check").fetchone()[0])
        except Exception as exc:  # (a migration's own code may fail in any way)
            problem = str(exc) or type(exc).__name__
        if problem != "ok" or schema_version(copy) != SCHEMA_VERSION:
            raise ValueError(f"这个备份是旧版本（数据格式第{version}版）保存的，升级到本版本的数据格式"
                             f"（第{SCHEMA_VERSION}版）时出错（{problem}），所以没有恢复，现有数据没有改动。"
                             "请选择另一个（较新的）备份，或把这个备份文件交给技术支持。")
    except BaseException:
        copy.close()
        raise
    return copy


def _identity(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the file at path, None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _refuse_newer(path: Path) -> None:
    """Raises NewerSchemaError before anything (even the journal mode) is written to a newer file; and
    sqlite3.DatabaseError for an empty file beside backups (a power cut or a pulled stick left it 0 bytes long):
    SQLite would take it for a new store and the clerk would find the data gone, with no word why."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        if backup.backups(path.parent / "backups"):
            raise sqlite3.DatabaseError("file is not a database: 文件是空的，0 字节")
        return  # (a new store whose first start was cut short)
    probe = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        found = schema_version(probe)
    finally:
        probe.close()
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(found)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _unit(row: tuple[Any, ...]) -> Unit:
    uid, name, short, utype, organs, recipient, cc, contact, options = row
    return Unit(name, short or "", UnitType(utype), json.loads(organs or "[]"), recipient or "", cc or "",
                contact or "", json.loads(options or "{}"), uid)


def _paragraphs(body: str | None) -> list[str]:
    return body.split("\n") if body else []


def _date_text(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else value.isoformat()


def _parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dismissals_text(items: list[Dismissal]) -> str:
    return json.dumps([{"key": d.key, "reason": d.reason} for d in items], ensure_ascii=False)
