-- The ledger at the heart of the kiosk. Money columns are integer paise; times are UTC ISO-8601 text.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Gap-free numbers (outbox sequence, receipt and voucher numbers) advance inside the writing transaction.
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) VALUES ('outbox_seq', 0), ('receipt_no', 0), ('voucher_no', 0), ('close_no', 0);

CREATE TABLE transactions (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    service_name_hi TEXT NOT NULL,
    service_name_en TEXT NOT NULL,
    reference TEXT NOT NULL,
    amount_due INTEGER NOT NULL CHECK (amount_due >= 0),
    fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
    amount_paid INTEGER NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    payment_mode TEXT,
    payment_ref TEXT,
    state TEXT NOT NULL,
    receipt_no INTEGER UNIQUE,
    business_day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX transactions_day ON transactions (business_day);
CREATE INDEX transactions_state ON transactions (state);

-- Every note the acceptor credited, exactly once. Never updated, never deleted.
CREATE TABLE cash_events (
    id INTEGER PRIMARY KEY,
    txn_id TEXT REFERENCES transactions (id),
    kind TEXT NOT NULL CHECK (kind IN ('credit', 'suspense')),
    denomination INTEGER NOT NULL CHECK (denomination > 0),
    channel INTEGER,
    device_ref TEXT UNIQUE,
    business_day TEXT NOT NULL,
    occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX cash_events_day ON cash_events (business_day);
CREATE TRIGGER cash_events_append_only_update BEFORE UPDATE ON cash_events
BEGIN SELECT RAISE(ABORT, 'cash_events is append-only'); END;
CREATE TRIGGER cash_events_append_only_delete BEFORE DELETE ON cash_events
BEGIN SELECT RAISE(ABORT, 'cash_events is append-only'); END;

-- Change due to a villager (overpayment, or walking away after paying part); the operator settles it.
CREATE TABLE vouchers (
    no INTEGER PRIMARY KEY,
    txn_id TEXT NOT NULL REFERENCES transactions (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    reason TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'settled')),
    business_day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    settled_at TEXT,
    settled_by TEXT
) STRICT;

-- Events for the central server, in commit order; seq is gap-free per kiosk.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'quarantined')),
    delivered_at TEXT,
    reason TEXT
) STRICT;
CREATE INDEX outbox_state ON outbox (state, seq);

-- Hash-chained audit journal: each row carries the hash of the one before it.
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

CREATE TABLE day_closes (
    no INTEGER PRIMARY KEY,
    business_day TEXT NOT NULL UNIQUE,
    counted TEXT NOT NULL,
    ledger TEXT NOT NULL,
    difference INTEGER NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    acknowledged_at TEXT
) STRICT;
