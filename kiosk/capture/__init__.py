"""What a villager hands the kiosk for an application or a complaint: scanned pages, a photo, kept encrypted until
the server has them (ports in `port.py`)."""
