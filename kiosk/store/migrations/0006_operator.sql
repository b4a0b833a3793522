-- Operators, their PIN hashes, and the wrong-PIN lockout that must survive a reboot.
CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    salt TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE operator_lockouts (
    operator_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    lockouts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
) STRICT;

-- What a close covered: every cash event up to last_cash_event_id; the box counters reset only once acknowledged.
ALTER TABLE day_closes ADD COLUMN last_cash_event_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE day_closes ADD COLUMN covers_days TEXT NOT NULL DEFAULT '[]';
ALTER TABLE day_closes ADD COLUMN acceptor TEXT;
