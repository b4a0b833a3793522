"""Operator mode's Aadhaar Pay login page as a machine, without Qt: the slow work is handed out, not run; an answer
arriving after the page was left is dropped; a finger the reader could not read never reaches the AUA."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.flows.base import Devices
from kiosk.flows.operator import OperatorMode, OpStep
from kiosk.flows.operator_tools.aadhaar_login import LoginNotice, LoginPhase
from kiosk.ledger import Ledger
from kiosk.online import Unavailable
from kiosk.operator import OperatorAuth
from kiosk.payments.operator_2fa import FingerMatch, LoginState, OperatorTwoFactor
from kiosk.store import Store
from tests.fakes.devices import MemoryFingerReader, demo_aadhaar
from tests.kiosk.flows.test_operator import IDENTITY, PIN, sign_in, zqr

NUMBER = demo_aadhaar()


class CountingVerifier:
    """The AUA as an injected fake: matches every finger and counts the requests."""

    def __init__(self) -> None:
        self.asked = 0

    def verify_operator(self, operator_id: str, day: date, aadhaar: AadhaarNumber,
                        pid: PidBlock) -> FingerMatch | Unavailable:  # fmt: skip
        self.asked += 1
        return FingerMatch(True, "00", "2FA-TEST")


@pytest.fixture
def verifier() -> CountingVerifier:
    return CountingVerifier()


@pytest.fixture
def mode(store: Store, ledger: Ledger, devices: Devices, verifier: CountingVerifier) -> OperatorMode:
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    gate = OperatorTwoFactor(store, OperatorAuth(store), verifier)
    return OperatorMode(store, ledger, devices, identity=IDENTITY, receipt_qr=lambda txn: "", zreport_qr=zqr,
                        two_factor=gate)  # fmt: skip


def to_the_finger(mode: OperatorMode) -> None:
    assert sign_in(mode)
    mode.show_aadhaar_login()
    for digits in (PIN, NUMBER):
        for digit in digits:
            mode.press(digit)
        assert mode.confirm_aadhaar_login() is None
    assert mode.aadhaar_login.phase is LoginPhase.FINGER


def test_an_answer_arriving_after_sign_out_is_dropped_and_the_pin_and_number_are_forgotten(
    mode: OperatorMode,
) -> None:
    to_the_finger(mode)
    work = mode.confirm_aadhaar_login()
    assert work is not None
    assert mode.aadhaar_login.waiting
    mode.back()
    assert mode.step is OpStep.AADHAAR_LOGIN  # the menu waits for the finger's answer
    mode.lock("idle")
    mode.aadhaar_login_finished(work())  # the worker thread finishes after the operator was signed out
    assert (mode.aadhaar_login.phase, mode.aadhaar_login.pin, mode.aadhaar_login.digits) == (LoginPhase.PIN, "", "")
    assert mode.aadhaar_login.message is None
    assert mode.aadhaar_login.state() is LoginState.DONE  # the AUA's pass itself stands: it was journaled


def test_a_finger_the_reader_could_not_read_is_said_and_never_reaches_the_aua(
    mode: OperatorMode, devices: Devices, verifier: CountingVerifier
) -> None:
    assert isinstance(devices.biometric, MemoryFingerReader)
    devices.biometric.finger_placed = False
    to_the_finger(mode)
    work = mode.confirm_aadhaar_login()
    assert work is not None
    mode.aadhaar_login_finished(work())
    message = mode.aadhaar_login.message
    assert message is not None
    assert (mode.aadhaar_login.phase, message.notice, message.args) == (LoginPhase.FINGER, LoginNotice.NOT_READ,
                                                                        ("700",))  # fmt: skip
    assert verifier.asked == 0


def test_a_kiosk_without_aadhaar_pay_has_no_login_page(store: Store, ledger: Ledger, devices: Devices) -> None:
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    mode = OperatorMode(store, ledger, devices, identity=IDENTITY, receipt_qr=lambda txn: "", zreport_qr=zqr)
    assert sign_in(mode)
    mode.show_aadhaar_login()
    assert mode.step is OpStep.MENU
    assert not mode.aadhaar_login.offered
