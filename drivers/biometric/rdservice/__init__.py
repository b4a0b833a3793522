"""The UIDAI RD service client: discovery on loopback ports, DEVICEINFO and CAPTURE over custom HTTP methods."""
