"""Tables of the fleet's remote operations: officers' remote commands (the audit) and staged rollouts."""

from __future__ import annotations

SCHEMA = [
    # One row per remote command, never deleted: who ordered what for which kiosk, and what the kiosk answered.
    """CREATE TABLE IF NOT EXISTS remote_commands (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, args TEXT NOT NULL,
        officer TEXT NOT NULL, officer_name TEXT NOT NULL, officer_role TEXT NOT NULL,
        issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, document TEXT NOT NULL,
        result_status TEXT, result_detail TEXT, result_output TEXT, result_at TEXT)""",
    "CREATE INDEX IF NOT EXISTS remote_commands_open ON remote_commands (kiosk_id) WHERE result_at IS NULL",
    # A staged rollout of one version: its waves in order, paused by the failure rate or by an officer.
    """CREATE TABLE IF NOT EXISTS rollouts (
        version TEXT PRIMARY KEY, manifest_sha256 TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
        failure_threshold REAL NOT NULL, advance_at REAL NOT NULL, state TEXT NOT NULL, paused_reason TEXT,
        acked_failures INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS rollout_waves (
        version TEXT NOT NULL, position INTEGER NOT NULL, spec TEXT NOT NULL, started_at TEXT, finished_at TEXT,
        PRIMARY KEY (version, position))""",
]
