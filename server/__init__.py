"""The reference central server and the fleet dashboard."""
