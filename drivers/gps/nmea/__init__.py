"""NMEA 0183 over a serial line (USB CDC-ACM GPS pucks)."""
