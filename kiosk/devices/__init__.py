"""Device ports: what the kiosk needs from each device kind, as Protocols with closed statuses and typed events."""
