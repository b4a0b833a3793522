"""Payment rails against their emulators and the real reference server."""
