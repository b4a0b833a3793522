-- Which transaction the acceptor is taking notes for. Written before the acceptor is enabled, so a note that
-- reaches the cash box during a power cut can be credited to the right villager when the kiosk comes back.
CREATE TABLE cash_sessions (
    id INTEGER PRIMARY KEY,
    txn_id TEXT NOT NULL REFERENCES transactions (id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    close_reason TEXT
) STRICT;
CREATE INDEX cash_sessions_open ON cash_sessions (closed_at);

-- A note the acceptor holds in escrow, written before the host lets it be stacked. Its ref is the credit's
-- device_ref, so the credit happens once whether the device reports it, or a restart has to ask the device.
CREATE TABLE escrow_notes (
    id INTEGER PRIMARY KEY,
    txn_id TEXT NOT NULL REFERENCES transactions (id),
    channel INTEGER NOT NULL,
    denomination INTEGER NOT NULL CHECK (denomination > 0),
    ref TEXT NOT NULL UNIQUE,
    -- unconfirmed: credited on the device's word at reconnect; the device may still report the same note once.
    state TEXT NOT NULL CHECK (state IN ('escrow', 'unconfirmed', 'credited', 'returned')),
    device_count INTEGER,  -- the device's stacked counter once this note was in the box
    at TEXT NOT NULL
) STRICT;
CREATE INDEX escrow_notes_state ON escrow_notes (state);
