"""Alerts as pure functions of a machine's facts and a clock moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.dashboard.alerts import Facts, Rules, evaluate, published_hours, transitions

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # 12:00 in India
JAIPUR = (26.92, 75.79)
DAY_HOURS = {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
ALL_OPEN = published_hours("09:00-18:00")


def facts(**changes: object) -> Facts:
    base: dict[str, object] = {
        "kiosk_id": "k-1", "enrolled_at": NOW - timedelta(days=100), "last_beat_at": NOW - timedelta(seconds=30),
        "beat": {"devices": {"printer": "ready"}, "geo": {"lat": JAIPUR[0], "lon": JAIPUR[1]}},
        "last_txn_at": NOW - timedelta(hours=2), "hours": DAY_HOURS, "yesterday_seen": ALL_OPEN,
        "registered": JAIPUR,
    }  # fmt: skip
    return Facts(**{**base, **changes})  # type: ignore[arg-type]


class Fleet:
    """Applies transitions like the server does, counting raises so 'raised once' can be checked."""

    def __init__(self) -> None:
        self.open: dict[str, str] = {}
        self.raised: list[str] = []

    def step(self, fact: Facts, now: datetime) -> set[str]:
        to_raise, to_clear = transitions(self.open, evaluate(fact, set(self.open), now))
        for kind in to_raise:
            self.open[kind] = now.isoformat()
            self.raised.append(kind)
        for kind in to_clear:
            del self.open[kind]
        return set(self.open)


def test_a_healthy_machine_has_no_alerts() -> None:
    assert evaluate(facts(), set(), NOW) == {}


def test_offline_is_raised_once_after_the_raise_delay_and_cleared_when_beats_return() -> None:
    fleet = Fleet()
    last_beat = NOW
    for minutes in range(0, 60, 5):
        now = NOW + timedelta(minutes=minutes)
        fleet.step(facts(last_beat_at=last_beat), now)
        assert ("offline" in fleet.open) == (minutes > 20), minutes
    assert fleet.raised.count("offline") == 1
    back = NOW + timedelta(minutes=61)
    assert "offline" not in fleet.step(facts(last_beat_at=back), back + timedelta(seconds=20))


def test_offline_does_not_flap_for_a_machine_whose_beats_are_late_but_not_gone() -> None:
    """Between the clear (5 min) and raise (20 min) thresholds the state holds: no alert storm on a slow link."""
    fleet = Fleet()
    fleet.step(facts(last_beat_at=NOW - timedelta(minutes=25)), NOW)
    assert "offline" in fleet.open
    for minutes in (12, 8, 15, 9, 14):  # a 2G link delivering beats late
        fleet.step(facts(last_beat_at=NOW - timedelta(minutes=minutes)), NOW)
        assert "offline" in fleet.open
    fleet.step(facts(last_beat_at=NOW - timedelta(minutes=2)), NOW)
    assert "offline" not in fleet.open
    for minutes in (12, 8, 15, 9, 14):
        fleet.step(facts(last_beat_at=NOW - timedelta(minutes=minutes)), NOW)
    assert fleet.raised.count("offline") == 1


def test_alive_but_unused_for_n_days_raises_idle_and_a_transaction_clears_it() -> None:
    rules = Rules(idle_days=7)
    assert "idle" not in evaluate(facts(last_txn_at=NOW - timedelta(days=6)), set(), NOW, rules)
    idle = evaluate(facts(last_txn_at=NOW - timedelta(days=9)), set(), NOW, rules)
    assert idle["idle"]["days"] == 9
    never = evaluate(facts(last_txn_at=None, enrolled_at=NOW - timedelta(days=10)), set(), NOW, rules)
    assert never["idle"]["never"] is True
    assert "idle" not in evaluate(facts(), {"idle"}, NOW, rules)


def test_a_dead_machine_is_offline_not_idle() -> None:
    wanted = evaluate(facts(last_beat_at=NOW - timedelta(days=3), last_txn_at=NOW - timedelta(days=20)), set(), NOW)
    assert "offline" in wanted
    assert "idle" not in wanted


def test_closed_during_published_hours_counts_yesterdays_hours_seen_in_service() -> None:
    four_hours = sum(1 << h for h in (9, 10, 11, 12))
    wanted = evaluate(facts(yesterday_seen=four_hours | (1 << 21)), set(), NOW)  # on at night does not count
    assert wanted["closed_in_hours"] == {"day": "2026-11-22", "seen": 4, "published": 9}
    assert "closed_in_hours" not in evaluate(facts(yesterday_seen=ALL_OPEN & ~(1 << 9)), set(), NOW)
    closed_sunday = {**DAY_HOURS, "sun": "closed"}  # 2026-11-22 was a Sunday
    assert "closed_in_hours" not in evaluate(facts(hours=closed_sunday, yesterday_seen=0), set(), NOW)


def test_printer_out_of_paper_and_a_nearly_full_cash_box() -> None:
    beat = {"devices": {"printer": "paper_out"}, "cash_box_notes": 905}
    wanted = evaluate(facts(beat=beat), set(), NOW, Rules(cash_box_capacity=1000))
    assert set(wanted) == {"paper_out", "cash_box_full"}
    assert "paper_out" not in evaluate(facts(beat={"devices": {"printer": "paper_near_end"}}), set(), NOW)


def test_rd_service_certificate_expiring_within_30_days_or_a_retired_version() -> None:
    soon = {"rd_cert_expires_at": "2026-12-10T00:00:00Z", "rd_service_version": "1.0.4"}
    assert evaluate(facts(beat=soon), set(), NOW)["rd_expiring"]["days"] == 16
    later = {"rd_cert_expires_at": "2027-03-01T00:00:00Z", "rd_service_version": "1.0.4"}
    assert "rd_expiring" not in evaluate(facts(beat=later), set(), NOW)
    old = evaluate(facts(beat={**later, "rd_service_version": "1.0.2"}), set(), NOW, Rules(min_rd_version="1.0.3"))
    assert old["rd_expiring"]["minimum"] == "1.0.3"


def test_outbox_stuck_and_quarantined_items() -> None:
    beat = {"outbox_oldest_age_s": 7200.0, "outbox_depth": 40, "quarantined": 2}
    wanted = evaluate(facts(beat=beat), set(), NOW)
    assert wanted["outbox_stuck"] == {"hours": 2.0, "depth": 40}
    assert wanted["quarantined"] == {"items": 2}
    assert "outbox_stuck" not in evaluate(facts(beat={"outbox_oldest_age_s": 60.0}), set(), NOW)


def test_geo_tag_moved_from_the_registered_position() -> None:
    moved = {"geo": {"lat": JAIPUR[0] + 0.03, "lon": JAIPUR[1]}}
    assert evaluate(facts(beat=moved), set(), NOW)["geo_moved"]["km"] == 3.3
    nearby = {"geo": {"lat": JAIPUR[0] + 0.002, "lon": JAIPUR[1]}}  # ~220 m: GPS error, not a move
    assert "geo_moved" not in evaluate(facts(beat=nearby), set(), NOW)


def test_a_position_in_the_sea_is_flagged_as_invalid_not_as_a_move() -> None:
    at_sea = {"geo": {"lat": 19.5, "lon": 68.0}}  # Arabian Sea
    wanted = evaluate(facts(beat=at_sea), set(), NOW)
    assert wanted["geo_invalid"] == {"lat": 19.5, "lon": 68.0}
    assert "geo_moved" not in wanted
    assert "geo_invalid" in evaluate(facts(registered=(0.0, 0.0), beat={}), set(), NOW)


def test_published_hours_parses_spans_and_ignores_nonsense() -> None:
    assert published_hours("09:00-13:00,14:00-18:00") == sum(1 << h for h in (9, 10, 11, 12, 14, 15, 16, 17))
    assert published_hours("09:30-11:00") == 1 << 10
    assert published_hours("closed") == 0
    assert published_hours("nine to five") == 0


def test_every_alert_has_a_message_and_advice_in_hindi_and_english() -> None:
    from server.dashboard.alerts import KINDS
    from server.dashboard.i18n import EN, HI, alert_text

    assert set(HI) == set(EN)
    for kind in KINDS:
        for lang in ("hi", "en"):
            text, advice = alert_text(lang, kind, {})
            assert f"alert.{kind}" in HI
            assert text != kind
            assert len(advice) > 20, (kind, lang)
    assert alert_text("en", "offline", {"last_heard": "2026-11-23 09:10"})[0] == "Not heard from since 2026-11-23 09:10"
    retired = alert_text("en", "rd_expiring", {"version": "1.0.2", "minimum": "1.0.3", "days": None})[0]
    assert retired == "Biometric RD service version 1.0.2 is retired (minimum 1.0.3)"
