"""Payment rails behind one port: UPI dynamic QR, card terminal, Aadhaar Pay (cash keeps its own event-driven desk)."""
