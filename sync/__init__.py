"""Sync: the wire protocol shared with the server, the outbox drainer, heartbeat and catalogue pull."""
