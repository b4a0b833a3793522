"""In-memory devices and online services for the demo, the dev panel and the UI tests (they implement the ports)."""
