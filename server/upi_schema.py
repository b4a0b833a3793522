"""The server's payment-rail tables: UPI QRs (server/upi.py) and reconciliation findings (server/reconcile.py)."""

from __future__ import annotations

SCHEMA = [
    # status: pending (shown, no outcome) → paid | expired | declined; `late` = paid after it lapsed or was closed.
    """CREATE TABLE IF NOT EXISTS upi_qrs (
        tr TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, txn_ref TEXT NOT NULL, attempt INTEGER NOT NULL,
        amount_paise BIGINT NOT NULL, payee_vpa TEXT NOT NULL, status TEXT NOT NULL, utr TEXT, code TEXT,
        late INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        UNIQUE (kiosk_id, txn_ref, attempt))""",
    # server/reconcile.py: a rail's settlement file against the kiosks' synced payments, one finding per row.
    """CREATE TABLE IF NOT EXISTS rail_mismatches (
        rail TEXT NOT NULL, business_day TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
        kiosk_code TEXT NOT NULL DEFAULT '', txn_ref TEXT NOT NULL DEFAULT '', kiosk_paise BIGINT, rail_paise BIGINT,
        found_at TEXT NOT NULL, PRIMARY KEY (rail, business_day, reference, kind))""",
]
