"""The fleet dashboard: officers' pages, alerts and report cards over the reference server's data."""
