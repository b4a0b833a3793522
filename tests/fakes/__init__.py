"""Test doubles of the kiosk's ports (memory devices, a memory server, a memory phone link) and a kiosk built on them;
for tests only — shipped code never imports this package (an import-linter contract says so)."""
