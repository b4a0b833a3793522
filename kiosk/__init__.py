"""The kiosk's domain core: money, ledger, outbox, journal, flows and device ports (no Qt, no device I/O)."""
