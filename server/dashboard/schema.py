"""The dashboard's own tables: kiosk sites, daily rollups, sampled heartbeat history, officers, sessions, alerts."""

SCHEMA = [
    # Where a machine is and whom it answers to. Filled from the kiosk's `kiosk.provisioned` event (its config's
    # [kiosk] and [hours] sections), by `kiosk-server admin site`, or by the fleet generator.
    """CREATE TABLE IF NOT EXISTS dash_sites (
        kiosk_id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, district TEXT NOT NULL, block TEXT NOT NULL,
        gram_panchayat TEXT NOT NULL, centre TEXT NOT NULL, nodal_officer TEXT NOT NULL,
        reg_lat DOUBLE PRECISION, reg_lon DOUBLE PRECISION, hours TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS dash_sites_place ON dash_sites (district, block)""",
    # One row per machine, maintained from its events up to its contiguous high-water mark (done_seq of epoch).
    """CREATE TABLE IF NOT EXISTS dash_state (
        kiosk_id TEXT PRIMARY KEY, done_seq BIGINT NOT NULL DEFAULT 0, last_txn_at TEXT,
        inspected_at TEXT, repaired_at TEXT, inspection_healthy INTEGER,
        geo_lat DOUBLE PRECISION, geo_lon DOUBLE PRECISION, geo_at TEXT, open_problems INTEGER NOT NULL DEFAULT 0,
        epoch INTEGER NOT NULL DEFAULT 1, halted_at TEXT, halted_reason TEXT)""",
    # Daily rollup per machine (business day in Asia/Kolkata): what the overview and report card read.
    # hours_seen: bit h set = an in-service heartbeat arrived during local hour h.
    """CREATE TABLE IF NOT EXISTS dash_days (
        kiosk_id TEXT NOT NULL, day TEXT NOT NULL, txns INTEGER NOT NULL DEFAULT 0,
        amount_paise BIGINT NOT NULL DEFAULT 0, hours_seen INTEGER NOT NULL DEFAULT 0,
        closes INTEGER NOT NULL DEFAULT 0, problems INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kiosk_id, day))""",
    """CREATE INDEX IF NOT EXISTS dash_days_day ON dash_days (day)""",
    """CREATE TABLE IF NOT EXISTS dash_service_days (
        kiosk_id TEXT NOT NULL, day TEXT NOT NULL, service TEXT NOT NULL, txns INTEGER NOT NULL,
        amount_paise BIGINT NOT NULL, PRIMARY KEY (kiosk_id, day, service))""",
    """CREATE INDEX IF NOT EXISTS dash_service_days_day ON dash_service_days (day)""",
    # txn.created names the service; the payment event that follows names only the transaction.
    """CREATE TABLE IF NOT EXISTS dash_open_txns (
        kiosk_id TEXT NOT NULL, txn_id TEXT NOT NULL, service TEXT NOT NULL, PRIMARY KEY (kiosk_id, txn_id))""",
    # Heartbeats sampled (at most one per machine per SAMPLE_EVERY_S) for the machine's timeline.
    """CREATE TABLE IF NOT EXISTS dash_beats (
        kiosk_id TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kiosk_id, at))""",
    """CREATE TABLE IF NOT EXISTS dash_officers (
        username TEXT PRIMARY KEY, name TEXT NOT NULL, password TEXT NOT NULL, role TEXT NOT NULL,
        district TEXT, block TEXT, created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dash_sessions (
        token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    # An alert is raised once (one open row per machine and kind) and cleared by the evaluator, never deleted.
    """CREATE TABLE IF NOT EXISTS dash_alerts (
        kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, raised_at TEXT NOT NULL, cleared_at TEXT,
        detail TEXT NOT NULL, PRIMARY KEY (kiosk_id, kind, raised_at))""",
    """CREATE INDEX IF NOT EXISTS dash_alerts_open ON dash_alerts (cleared_at, kiosk_id)""",
]
