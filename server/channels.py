"""Issued certificates delivered, counted per machine, business day (Asia/Kolkata) and channel for the dashboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.db import Tx

CHANNELS = ("print", "sms", "qr", "locker")
IST = timedelta(hours=5, minutes=30)  # no daylight saving in India: a fixed offset is exact


def business_day(moment: datetime) -> str:
    return (moment.astimezone(UTC) + IST).strftime("%Y-%m-%d")


def count_delivery(tx: Tx, kiosk_id: str, channel: str, at: datetime) -> None:
    """One more certificate delivered by `channel` at this machine on `at`'s business day (in the caller's tx)."""
    if channel not in CHANNELS:
        raise ValueError(f"delivery channel must be one of {', '.join(CHANNELS)}, got {channel!r}")
    tx.execute(
        "INSERT INTO delivery_channel_days (kiosk_id, day, channel, count) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (kiosk_id, day, channel) DO UPDATE SET count = delivery_channel_days.count + 1",
        (kiosk_id, business_day(at), channel),
    )
