"""Which replica runs the fleet's background work: one at a time, and another takes over when it dies."""

from __future__ import annotations

import fcntl
import logging
import os
from typing import Any

from server.db import Database

log = logging.getLogger("kiosk-server")
# pg_advisory_lock keys: any 64-bit number that nothing else in the database uses.
HOUSEKEEPING = 0x6B696F736B01  # "kiosk" + 1: rollups, alerts, pruning and sweeps
PUBLISHING = 0x6B696F736B02  # catalogue and config versions: signed and numbered one at a time


class Leadership:
    """A lock held for as long as this process lives, tried again on every pass (never waited for).

    PostgreSQL: a session-level advisory lock on a connection of its own; when the replica dies its connection
    drops, PostgreSQL frees the lock, and the next replica to try gets it (TCP keepalives bound how long a
    vanished host keeps it). SQLite (one machine): an flock on a file beside the database, freed by the kernel
    when the process dies.
    """

    def __init__(self, db: Database, key: int = HOUSEKEEPING) -> None:
        self.db = db
        self.key = key
        self._conn: Any = None
        self._fd: int | None = None

    def hold(self) -> bool:
        """True while this process holds the lock (taking it if it is free)."""
        try:
            return self._hold_postgres() if self.db.postgres else self._hold_file()
        except Exception as exc:
            log.warning("leadership check failed (%s); not leading this pass", exc)
            self.release()
            return False

    def _hold_postgres(self) -> bool:
        if self._conn is not None:
            # Still ours if the session is alive: a query on it fails once the connection is gone.
            self._conn.execute("SELECT 1").fetchone()
            return True
        import psycopg

        conn = psycopg.connect(self.db.url, autocommit=True, keepalives=1, keepalives_idle=10,
                               keepalives_interval=5, keepalives_count=3)  # fmt: skip
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
        if not (row and row[0]):
            conn.close()
            return False
        self._conn = conn
        log.info("this replica (pid %d) now runs the background work", os.getpid())
        return True

    def _hold_file(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(str(self.db.path) + ".leader", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # a dead connection has nothing left to free
                log.debug("closing the leadership connection failed", exc_info=True)
            self._conn = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
