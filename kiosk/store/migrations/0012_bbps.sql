-- BBPS bill payments: what the kiosk owes to post to the BBPOU for a paid transaction, and its approval reference.
-- Written before any money is taken, so a payment collected while the network is down is never forgotten.
CREATE TABLE bbps_payments (
    txn_id TEXT PRIMARY KEY REFERENCES transactions (id),
    biller_id TEXT NOT NULL,
    biller_name TEXT NOT NULL,
    params TEXT NOT NULL,
    fetch_ref_id TEXT,
    amount INTEGER NOT NULL CHECK (amount > 0),
    fee INTEGER NOT NULL CHECK (fee >= 0),
    payment_mode TEXT NOT NULL,  -- as BBPS names it: Cash, AEPS, UPI, Card
    bill_date TEXT,
    due_date TEXT,
    state TEXT NOT NULL CHECK (state IN ('to_post', 'confirmed', 'refused')),
    txn_ref_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX bbps_payments_state ON bbps_payments (state);
