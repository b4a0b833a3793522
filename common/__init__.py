"""Pure helpers both the kiosk and the server use (no I/O, standard library only; an import-linter contract)."""
