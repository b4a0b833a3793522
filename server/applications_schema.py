"""Tables of the applications made at kiosks (server/application_records.py)."""

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS kiosk_applications (
        application_no TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kiosk_code TEXT NOT NULL, service TEXT NOT NULL,
        service_name_hi TEXT NOT NULL, txn_id TEXT, fee_paise BIGINT NOT NULL, status TEXT NOT NULL,
        office TEXT NOT NULL, expected_on TEXT NOT NULL, fields TEXT NOT NULL, blobs TEXT NOT NULL,
        submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS kiosk_applications_status ON kiosk_applications (status, submitted_at)",
    """CREATE TABLE IF NOT EXISTS application_history (
        application_no TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX IF NOT EXISTS application_history_no ON application_history (application_no, at)",
]
