"""Tables of Sampark-style grievances (server/grievances.py): the grievance, and its audited history of actions."""

SCHEMA = [
    # The mobile number is kept only as a salted hash (for lookups) and masked (for screens): the kiosk sends the SMS.
    # district/block are the registering kiosk's site, for the officers' scope.
    """CREATE TABLE IF NOT EXISTS grievances (
        number TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, request_id TEXT NOT NULL, request_hash TEXT NOT NULL,
        department TEXT NOT NULL, category TEXT NOT NULL, description TEXT NOT NULL, mobile_hash TEXT NOT NULL,
        mobile_masked TEXT NOT NULL, attachments TEXT NOT NULL, district TEXT NOT NULL, block TEXT NOT NULL,
        status TEXT NOT NULL, pending_with TEXT NOT NULL, registered_at TEXT NOT NULL, reply TEXT NOT NULL DEFAULT '',
        last_reminder_at TEXT, feedback_rating INTEGER, feedback_text TEXT,
        sms_sent INTEGER NOT NULL DEFAULT 0, provisional TEXT,
        UNIQUE (kiosk_id, request_id))""",
    """CREATE INDEX IF NOT EXISTS grievances_mobile ON grievances (mobile_hash)""",
    """CREATE INDEX IF NOT EXISTS grievances_place ON grievances (district, block, status)""",
    # Every step, with who took it (an officer's name, or "villager" from a kiosk): the grievance's audit trail.
    """CREATE TABLE IF NOT EXISTS grievance_actions (
        number TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, office TEXT NOT NULL,
        text TEXT NOT NULL, request_id TEXT, PRIMARY KEY (number, at, kind))""",
]
