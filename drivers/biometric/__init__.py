"""Fingerprint readers through the UIDAI Registered Device (RD) service, and the forwarding of a PID to the AUA."""
