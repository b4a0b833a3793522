"""Bank-note acceptors: one sub-package per wire protocol (ssp today), all implementing kiosk.devices.cash."""
