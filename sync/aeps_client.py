"""Aadhaar Pay over the central server's signed /api/v1: the adapter behind kiosk.payments' AePS ports. The Aadhaar
number and PID block go onto the wire once and are neither kept nor logged; an answer for another reference, amount
or attempt is an unknown outcome, never a debit believed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.money import Money
from kiosk.online import Unavailable
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay, AadhaarPayDetails, Answer, SwitchAnswer
from kiosk.payments.banks import Bank, BankDirectory
from kiosk.payments.operator_2fa import FingerMatch, OperatorTwoFactor
from kiosk.store import Store
from sync.client import Client, Refusal, SyncError, TransportError
from sync.protocol.aeps import (
    AepsAnswer,
    AepsPayRequest,
    AepsStatusQuery,
    BankList,
    OperatorTwoFactorAnswer,
    OperatorTwoFactorRequest,
    Position,
)

log = logging.getLogger("kiosk.online")


class HttpAeps:
    """Implements AepsSwitch, BankSource and OperatorVerifier."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def banks(self) -> tuple[str, list[Bank]] | Unavailable:
        try:
            answer = self.client.call("GET", "/aeps/banks", BankList)
        except SyncError as exc:
            return _unavailable(exc, "bank list")
        return answer.version, [Bank(b.iin, b.name_en, b.name_hi, b.short) for b in answer.banks]

    def pay(self, txn_id: str, attempt: int, amount: Money, details: AadhaarPayDetails) -> Answer:
        fix = details.position
        request = AepsPayRequest(
            uid=details.aadhaar.digits_for_auth_request(), iin=details.iin, txn_ref=txn_id, attempt=attempt,
            amount_paise=amount.paise, pid_data=details.pid.xml.decode("utf-8", "replace"),
            position=Position(latitude=fix.latitude, longitude=fix.longitude) if fix else None,
        )  # fmt: skip
        try:
            answer = self.client.call("POST", "/aeps:pay", AepsAnswer, request)
        except Refusal as exc:
            if exc.status == 422 and "PidData" in exc.detail:  # the capture itself was refused: nothing debited
                return SwitchAnswer("RD-PID", "", attempt)
            if exc.status == 422 and "iin" in exc.detail:
                return SwitchAnswer("IIN", "", attempt)
            return _unavailable(exc, "Aadhaar Pay")
        except SyncError as exc:
            return _unavailable(exc, "Aadhaar Pay")
        finally:
            del request  # the only copy of the full number and the PID block on our side
        return _checked(answer, txn_id, amount)

    def status(self, txn_id: str, amount: Money) -> Answer:
        try:
            answer = self.client.call("POST", "/aeps:status", AepsAnswer,
                                      AepsStatusQuery(txn_ref=txn_id, amount_paise=amount.paise))  # fmt: skip
        except SyncError as exc:
            return _unavailable(exc, "Aadhaar Pay status")
        return _checked(answer, txn_id, amount)

    def verify_operator(self, operator_id: str, day: date, aadhaar: AadhaarNumber,
                        pid: PidBlock) -> FingerMatch | Unavailable:  # fmt: skip
        request = OperatorTwoFactorRequest(operator_id=operator_id, uid=aadhaar.digits_for_auth_request(),
                                           business_day=day.isoformat(),
                                           pid_data=pid.xml.decode("utf-8", "replace"))  # fmt: skip
        try:
            answer = self.client.call("POST", "/operator:2fa", OperatorTwoFactorAnswer, request)
        except Refusal as exc:
            if exc.status == 422 and "PidData" in exc.detail:
                return FingerMatch(False, "RD-PID")
            return _unavailable(exc, "operator two-factor")
        except SyncError as exc:
            return _unavailable(exc, "operator two-factor")
        finally:
            del request
        if (answer.operator_id, answer.business_day) != (operator_id, day.isoformat()):
            return Unavailable(timed_out=False, detail="answer for another operator or day")
        return FingerMatch(answer.ok, answer.code, answer.auth_ref)


@dataclass(frozen=True, slots=True)
class AadhaarPayKit:
    """What a composition wires for Aadhaar Pay: the rail for the method chooser, the bank list for the bank step
    (refresh it off the Qt thread at start), and the operator's daily two-factor login for operator mode."""

    rail: AadhaarPay
    banks: BankDirectory
    two_factor: OperatorTwoFactor


def aadhaar_pay_kit(client: Client, store: Store) -> AadhaarPayKit:
    switch = HttpAeps(client)
    banks = BankDirectory(switch)
    two_factor = OperatorTwoFactor(store, OperatorAuth(store), switch)
    return AadhaarPayKit(AadhaarPay(switch, banks, two_factor), banks, two_factor)


def _checked(answer: AepsAnswer, txn_id: str, amount: Money) -> Answer:
    """Believe an outcome only for this reference and amount. Its try may differ from the one sent: a closed or
    already-debited reference answers with the outcome it has, which is the point."""
    if (answer.txn_ref, answer.amount_paise) != (txn_id, amount.paise):
        log.warning("Aadhaar Pay answer for another reference or amount; outcome unknown")
        return Unavailable(timed_out=False, detail="answer for another reference or amount")
    if answer.ret == "y" and not answer.rrn:
        return Unavailable(timed_out=False, detail="a debit without an RRN")
    log.info("Aadhaar Pay %s for %s: %s", txn_id, answer.uid_masked or "-", answer.bank_code[:12])
    return SwitchAnswer(answer.bank_code[:12], answer.rrn, answer.attempt)


def _unavailable(exc: SyncError, what: str) -> Unavailable:
    timed_out = isinstance(exc, TransportError) and exc.timed_out
    log.info("%s: no usable answer (%s)", what, str(exc)[:120])
    return Unavailable(timed_out=timed_out, detail=str(exc)[:200])
