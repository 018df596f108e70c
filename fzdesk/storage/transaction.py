"""One SQLite write transaction that either lands whole or leaves nothing behind, whatever failed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT on a connection in autocommit mode (isolation_level=None). On any failure, the
    COMMIT's included, the transaction is ended and the first error is the one raised."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        roll_back(conn)
        raise


def roll_back(conn: sqlite3.Connection) -> None:
    """Ends a failed transaction without hiding why it failed: a COMMIT refused (a full disk, a deferred
    constraint) leaves the transaction open, and SQLite may have rolled it back itself already, when a ROLLBACK
    would raise "no transaction is active" in place of the real reason."""
    if not conn.in_transaction:
        return
    with suppress(sqlite3.Error):
        conn.execute("ROLLBACK")
