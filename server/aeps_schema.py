"""The tables of the AePS switch the reference server plays (server/aeps.py)."""

PAYMENTS = """CREATE TABLE IF NOT EXISTS aeps_payments (
    kiosk_id TEXT NOT NULL, txn_ref TEXT NOT NULL, attempt INTEGER NOT NULL, iin TEXT NOT NULL, bank_code TEXT NOT NULL,
    rrn TEXT NOT NULL, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, decided_at TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, txn_ref))"""

LOGINS = """CREATE TABLE IF NOT EXISTS aeps_operator_logins (
    kiosk_id TEXT NOT NULL, operator_id TEXT NOT NULL, business_day TEXT NOT NULL, code TEXT NOT NULL,
    auth_ref TEXT NOT NULL, at TEXT NOT NULL)"""

SCHEMA = [PAYMENTS, LOGINS]
