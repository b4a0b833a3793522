"""The server's UPI tables (server/upi.py): one row per QR, keyed by the NPCI transaction reference `tr`."""

from __future__ import annotations

SCHEMA = [
    # status: pending (shown, no outcome) → paid | expired | declined; `late` = paid after it lapsed or was closed.
    """CREATE TABLE IF NOT EXISTS upi_qrs (
        tr TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, txn_ref TEXT NOT NULL, attempt INTEGER NOT NULL,
        amount_paise BIGINT NOT NULL, payee_vpa TEXT NOT NULL, status TEXT NOT NULL, utr TEXT, code TEXT,
        late INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        UNIQUE (kiosk_id, txn_ref, attempt))""",
]
