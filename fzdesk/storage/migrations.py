"""Ordered schema migrations; PRAGMA user_version holds the number of the last one applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from fzdesk.storage.transaction import immediate

Migration = Callable[[sqlite3.Connection], None]


def _db(conn: sqlite3.Connection):  # type: ignore[no-untyped-def]
    import sqlite_utils  # imported only when a migration runs: it costs start-up time

    return sqlite_utils.Database(conn)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Units, reports, sections, items, figures, history and settings."""
    db = _db(conn)
    db["units"].create(
        {"id": int, "name": str, "short_name": str, "unit_type": str, "organs": str, "recipient": str,
         "cc": str, "contact": str, "options": str},
        pk="id", not_null={"name"},
        defaults={"short_name": "", "organs": "[]", "recipient": "", "cc": "", "contact": "", "options": "{}"},
    )
    db["reports"].create(
        {"id": int, "unit_id": int, "year": int, "title": str, "recipient": str, "organs": str, "date": str,
         "attachments": str, "dismissals": str, "catalogue_version": int, "created": str, "updated": str},
        pk="id", not_null={"unit_id", "year"},
        foreign_keys=[("unit_id", "units", "id")],
        defaults={"title": "", "recipient": "", "organs": "[]", "attachments": "[]", "dismissals": "[]",
                  "catalogue_version": 1},
    )
    db["sections"].create(
        {"id": int, "report_id": int, "block": str, "position": int, "heading": str, "numbering": str,
         "omitted": int},
        pk="id", not_null={"report_id", "block", "position"},
        foreign_keys=[("report_id", "reports", "id")],
        defaults={"heading": "", "numbering": "headings", "omitted": 0},
    )
    db["items"].create(
        {"id": int, "section_id": int, "position": int, "title": str, "body": str, "carried_over": int},
        pk="id", not_null={"section_id", "position"},
        foreign_keys=[("section_id", "sections", "id")],
        defaults={"title": "", "body": "", "carried_over": 0},
    )
    db["figures"].create(
        {"report_id": int, "code": str, "state": str, "value": str, "approx": str, "last_state": str,
         "last_value": str, "last_approx": str, "explanation": str},
        pk=("report_id", "code"),
        foreign_keys=[("report_id", "reports", "id")],
        defaults={"state": "empty", "last_state": "empty", "explanation": ""},
    )
    db["history"].create(
        {"id": int, "report_id": int, "target": str, "field": str, "value": str, "ts": str},
        pk="id", not_null={"report_id", "target", "field", "ts"},
        foreign_keys=[("report_id", "reports", "id")],
    )
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["reports"].create_index(["unit_id", "year"])
    db["sections"].create_index(["report_id", "position"])
    db["items"].create_index(["section_id", "position"])
    db["history"].create_index(["report_id", "target", "field", "id"])


def m002_plan_checks(conn: sqlite3.Connection) -> None:
    """Last year's plans as this year's checklist (domain.checklist.PlanCheck), linked to the reporting item."""
    conn.execute(
        "CREATE TABLE plan_checks ("
        " id INTEGER PRIMARY KEY,"
        " report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL,"
        " plan TEXT NOT NULL DEFAULT '',"
        " detail TEXT NOT NULL DEFAULT '',"
        " status TEXT NOT NULL DEFAULT 'unmarked',"
        " item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,"
        " note TEXT NOT NULL DEFAULT '')")
    conn.execute("CREATE INDEX plan_checks_report ON plan_checks (report_id, position)")


def m003_closing_checked(conn: sqlite3.Connection) -> None:
    """When the clerk ticked 已核对结尾和附件说明 on the 结尾与附件 step (ISO, local time); '' while not ticked.
    A column of the report's row, so a report made any other way (new, new year, import) starts unticked."""
    conn.execute("ALTER TABLE reports ADD COLUMN closing_checked TEXT NOT NULL DEFAULT ''")


def m004_issued_on(conn: sqlite3.Connection) -> None:
    """印发日期 of the 版记 (ISO date); NULL, as for every existing report, means the 成文日期."""
    conn.execute("ALTER TABLE reports ADD COLUMN issued_on TEXT")


MIGRATIONS: list[Migration] = [m001_initial, m002_plan_checks, m003_closing_checked, m004_issued_on]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection) -> list[tuple[int, Migration]]:
    current = schema_version(conn)
    return [(n, m) for n, m in enumerate(MIGRATIONS, start=1) if n > current]


def migrate(conn: sqlite3.Connection) -> int:
    """Applies every pending migration, each in its own transaction; returns the new version."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(current)
    for number, migration in pending(conn):
        with immediate(conn):
            migration(conn)
            conn.execute(f"PRAGMA user_version = {number}")
    return schema_version(conn)


class NewerSchemaError(RuntimeError):
    def __init__(self, found: int) -> None:
        super().__init__(
            f"这个数据文件由更新版本的 fzdesk 创建（数据格式第{found}版，本程序只认识到第{SCHEMA_VERSION}版）。"
            "请安装新版本的 fzdesk 后再打开，文件未作任何改动。"
        )
        self.found = found
