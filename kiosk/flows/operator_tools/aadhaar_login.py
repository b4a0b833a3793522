"""The operator's daily Aadhaar Pay login as an operator-mode page: PIN, own Aadhaar number, then the finger."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.aadhaar import AadhaarError, AadhaarNumber
from kiosk.clock import to_ist
from kiosk.devices.biometric import BiometricReader
from kiosk.payments.operator_2fa import LoginState, OperatorTwoFactor, TwoFactorResult

PIN_LENGTH = 6
AADHAAR_LENGTH = 12
MISMATCH, BIOMETRICS_LOCKED = "300", "330"  # the AUA's codes the operator can act on


class LoginPhase(enum.StrEnum):
    PIN = "pin"
    AADHAAR = "aadhaar"  # the operator's own number: typed each time, never kept past this page
    FINGER = "finger"
    WAITING = "waiting"  # the capture and the AUA's match are running off the Qt thread
    DONE = "done"


class LoginNotice(enum.StrEnum):
    """What the page tells the operator; one translated sentence each (OperatorAadhaarLogin.qml)."""

    PIN_SHORT = "pin_short"
    AADHAAR_SHORT = "aadhaar_short"
    AADHAAR_INVALID = "aadhaar_invalid"
    WRONG_PIN = "wrong_pin"  # args: tries left
    LOCKED = "locked"  # args: until HH:MM (IST)
    NOT_READ = "not_read"  # args: the reader's code
    MISMATCH = "mismatch"
    BIOMETRICS_LOCKED = "biometrics_locked"
    REFUSED = "refused"  # args: the AUA's code
    UNAVAILABLE = "unavailable"
    DONE = "done"  # args: the day (dd-mm-YYYY)


@dataclass(frozen=True, slots=True)
class LoginMessage:
    notice: LoginNotice
    args: tuple[str, ...] = ()


Work = Callable[[], TwoFactorResult]


class AadhaarLoginTool:
    """Single-threaded like OperatorMode: `confirm` in the finger phase hands back the slow work (capture + match,
    `OperatorTwoFactor.login_with_reader`, the same the CLI runs) for the UI to run off the Qt thread; `finished`
    takes its result. The PIN and the number live only in this object, only while the page is up."""

    def __init__(self, gate: OperatorTwoFactor | None, reader: BiometricReader) -> None:
        self.gate, self.reader = gate, reader
        self.phase = LoginPhase.PIN
        self.message: LoginMessage | None = None
        self.pin = ""
        self.digits = ""

    @property
    def offered(self) -> bool:
        return self.gate is not None

    def state(self) -> LoginState | None:
        return self.gate.state() if self.gate is not None else None

    @property
    def waiting(self) -> bool:
        return self.phase is LoginPhase.WAITING

    def reset(self) -> None:
        self.phase, self.message, self.pin, self.digits = LoginPhase.PIN, None, "", ""

    def start(self) -> bool:
        if self.gate is None:
            return False
        self.reset()
        if self.gate.done_today():
            self.phase, self.message = LoginPhase.DONE, self._done()
        return True

    def press(self, digit: str) -> bool:
        if len(digit) != 1 or not digit.isascii() or not digit.isdigit():
            return False
        if self.phase is LoginPhase.PIN and len(self.pin) < PIN_LENGTH:
            self.pin += digit
            return True
        if self.phase is LoginPhase.AADHAAR and len(self.digits) < AADHAAR_LENGTH:
            self.digits += digit
            return True
        return False

    def backspace(self) -> bool:
        if self.phase is LoginPhase.PIN and self.pin:
            self.pin = self.pin[:-1]
            return True
        if self.phase is LoginPhase.AADHAAR and self.digits:
            self.digits = self.digits[:-1]
            return True
        if self.phase is LoginPhase.AADHAAR:  # erase on an empty number: back to the PIN
            self.phase, self.pin, self.message = LoginPhase.PIN, "", None
            return True
        return False

    def confirm(self, operator_id: str) -> Work | None:
        """The keypad's OK (PIN, number) or the finger button: the next phase, or the work to run."""
        if self.phase is LoginPhase.PIN:
            self._next(len(self.pin) == PIN_LENGTH, LoginNotice.PIN_SHORT, LoginPhase.AADHAAR)
        elif self.phase is LoginPhase.AADHAAR:
            self._take_number()
        elif self.phase is LoginPhase.FINGER and self.gate is not None:
            gate, reader, pin, aadhaar = self.gate, self.reader, self.pin, AadhaarNumber.parse(self.digits)
            self.phase, self.message = LoginPhase.WAITING, None
            return lambda: gate.login_with_reader(operator_id, pin, aadhaar, reader)
        return None

    def finished(self, result: TwoFactorResult) -> None:
        if self.phase is not LoginPhase.WAITING:  # the page was left (signed out, idle) while the work ran
            return
        if result.ok:
            self.phase, self.pin, self.digits, self.message = LoginPhase.DONE, "", "", self._done()
        elif result.reason in ("pin", "locked"):
            self.phase, self.pin = LoginPhase.PIN, ""
            self.message = (
                LoginMessage(LoginNotice.LOCKED, (f"{to_ist(result.locked_until):%H:%M}",))
                if result.locked_until is not None
                else LoginMessage(LoginNotice.WRONG_PIN, (str(result.tries_left or 0),))
            )
        else:  # the finger or the server: the same PIN and number, another finger or another try
            self.phase, self.message = LoginPhase.FINGER, refusal(result)

    def failed(self) -> None:
        """The work raised (logged by the worker): the operator may try the finger again."""
        if self.phase is LoginPhase.WAITING:
            self.phase, self.message = LoginPhase.FINGER, LoginMessage(LoginNotice.UNAVAILABLE)

    def masked_number(self) -> str:
        """What the page shows while the number is typed: only its last four digits readable."""
        shown = "•" * max(len(self.digits) - 4, 0) + self.digits[-4:]
        return " ".join(shown[i : i + 4] for i in range(0, len(shown), 4))

    def _next(self, complete: bool, short: LoginNotice, then: LoginPhase) -> None:
        if complete:
            self.phase, self.message = then, None
        else:
            self.message = LoginMessage(short)

    def _take_number(self) -> None:
        if len(self.digits) != AADHAAR_LENGTH:
            self.message = LoginMessage(LoginNotice.AADHAAR_SHORT)
            return
        try:
            AadhaarNumber.parse(self.digits)
        except AadhaarError:
            self.digits, self.message = "", LoginMessage(LoginNotice.AADHAAR_INVALID)
            return
        self.phase, self.message = LoginPhase.FINGER, None

    def _done(self) -> LoginMessage:
        day = self.gate.today() if self.gate is not None else None
        return LoginMessage(LoginNotice.DONE, (f"{day:%d-%m-%Y}" if day else "",))


def refusal(result: TwoFactorResult) -> LoginMessage:
    """A refused finger or an unreachable server, as the page says it."""
    if result.reason == "capture" or result.code.startswith("RD-"):
        return LoginMessage(LoginNotice.NOT_READ, (result.code,))
    if result.reason == "unavailable":
        return LoginMessage(LoginNotice.UNAVAILABLE)
    if result.code == MISMATCH:
        return LoginMessage(LoginNotice.MISMATCH)
    if result.code == BIOMETRICS_LOCKED:
        return LoginMessage(LoginNotice.BIOMETRICS_LOCKED)
    return LoginMessage(LoginNotice.REFUSED, (result.code,))
