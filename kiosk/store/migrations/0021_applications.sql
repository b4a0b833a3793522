-- Applications (kiosk/application_records.py): an event that waits for its transaction to be paid, emitted by the
-- ledger in the same SQLite transaction as the payment that completes the fee (so a paid application is always
-- submitted, and an unpaid one never is), and the per-kiosk sequence behind the application numbers.
CREATE TABLE events_on_paid (
    txn_id TEXT NOT NULL REFERENCES transactions (id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    note TEXT NOT NULL,  -- the journal's details: the application number, never the form's personal data
    created_at TEXT NOT NULL,
    PRIMARY KEY (txn_id, kind)
) STRICT;
INSERT INTO counters (name, value) VALUES ('application_seq', 0);
