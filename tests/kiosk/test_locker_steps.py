"""The locker's steps without a screen: the OTP's expiry read from the injected clock, offline before linking,
and which of the steps may be photographed for an officer."""

from __future__ import annotations

import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import FakeClock
from kiosk.flows.base import Step
from kiosk.flows.locker_steps import LockerProblem, LockerStep, LockerSteps
from kiosk.screen_privacy import screenshot_refusal
from kiosk.store import Store
from sync.client import Client
from sync.locker_client import offered_locker
from tests.fakes.locker import MemoryLocker

queued: list[tuple[str, str, str]] = []


def at_the_otp(clock: FakeClock, port: MemoryLocker) -> LockerSteps:
    steps = LockerSteps(port, clock, lambda *pushed: queued.append(pushed))
    assert steps.open("receipt-token", "2026110011")
    for digit in "9876543210":
        steps.press(digit)
    assert steps.submit("hi")
    assert steps.step is LockerStep.OTP
    return steps


def test_an_otp_typed_after_its_expiry_on_the_kiosks_clock_is_refused_without_asking_the_server() -> None:
    clock = FakeClock()
    port = MemoryLocker(clock)
    steps = at_the_otp(clock, port)
    clock.advance(5 * 60)
    port.online = False  # had the server been asked, this would read "offline"
    for digit in port.phone[-1]:
        steps.press(digit)
    assert not steps.submit("hi")
    assert (steps.step, steps.problem) == (LockerStep.OTP, LockerProblem.EXPIRED)
    port.online = True
    assert steps.resend("hi")  # a new OTP to the same number, which was kept only for this
    for digit in port.phone[-1]:
        steps.press(digit)
    assert steps.submit("hi")
    assert steps.view().step is LockerStep.SENT
    assert steps._mobile == ""


def test_offline_before_linking_nothing_is_linked_and_the_step_says_offline() -> None:
    clock = FakeClock()
    port = MemoryLocker(clock, online=False)
    steps = LockerSteps(port, clock, lambda *pushed: queued.append(pushed))
    steps.open("receipt-token", "2026110011")
    for digit in "9876543210":
        steps.press(digit)
    assert not steps.submit("en")
    assert (steps.step, steps.problem) == (LockerStep.UNAVAILABLE, LockerProblem.OFFLINE)
    assert port.documents == {}
    assert port.phone == []


def test_the_mobile_and_otp_steps_are_never_photographed_and_the_results_may_be() -> None:
    refused = {s for s in LockerStep if screenshot_refusal("journey", Step.DONE, phone_panel_open=False, locker_step=s)}
    assert refused == {LockerStep.MOBILE, LockerStep.OTP}


def test_the_watch_of_the_servers_locker_offer_ends_when_the_kiosk_closes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kiosk.db", FakeClock())
    try:
        unreachable = Client("http://127.0.0.1:9", Ed25519PrivateKey.generate(), "k-none", FakeClock(), timeout_s=0.5)
        before = set(threading.enumerate())
        locker = offered_locker(unreachable, store)
        watching = [t for t in set(threading.enumerate()) - before if t.name == "locker-offer"]
        assert len(watching) == 1
        locker.close()
        for thread in watching:
            thread.join(timeout=5)
        assert not any(t.is_alive() for t in watching)
    finally:
        store.close()
