"""GPS receivers for the kiosk's geo-tag."""
