"""The tables of the BBPOU the reference server plays (server/bbps.py)."""

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS bbps_fetches (kiosk_id TEXT NOT NULL, ref_id TEXT NOT NULL, biller_id TEXT NOT NULL,
       params TEXT NOT NULL, polls_left INTEGER NOT NULL, PRIMARY KEY (kiosk_id, ref_id))""",
    """CREATE TABLE IF NOT EXISTS bbps_payments (kiosk_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
       request TEXT NOT NULL, answer TEXT NOT NULL, txn_ref_id TEXT NOT NULL, paid_at TEXT NOT NULL,
       PRIMARY KEY (kiosk_id, idempotency_key))""",
    """CREATE TABLE IF NOT EXISTS bbps_complaints (complaint_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL,
       txn_ref_id TEXT NOT NULL, reason TEXT NOT NULL, description TEXT NOT NULL, registered_at TEXT NOT NULL)""",
)
