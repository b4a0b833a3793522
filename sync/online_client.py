"""The kiosk's online calls (bill lookup, application status, Aadhaar authorisation) over the central server's
signed /api/v1: the adapter behind kiosk.online's ports. Every answer is checked before the screen sees it; what
cannot be trusted becomes Unavailable, never a wrong amount. The Aadhaar number and PID block go onto the wire once
and are neither kept nor logged."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.documents import DocumentProblem, DocumentResult
from kiosk.money import Money
from kiosk.online import (
    Application,
    ApplicationAnswer,
    Authorised,
    Bill,
    BillAnswer,
    Declined,
    NotFound,
    PaymentAnswer,
    Unavailable,
)
from sync.client import BadAnswer, Client, Refusal, SyncError, TransportError
from sync.protocol import AadhaarAuthAnswer, AadhaarAuthRequest, AadhaarStatusQuery, ApplicationStatus, BillQuery
from sync.protocol import Bill as WireBill

log = logging.getLogger("kiosk.online")

# The server's application states, as the kiosk's screens name them; "delivered" = issued, printable here.
STATUSES = {
    "received": ("submitted", False),
    "in_process": ("under_review", False),
    "approved": ("approved", False),
    "rejected": ("rejected", False),
    "delivered": ("ready", True),
}
# What a refused authentication means to the villager (UIDAI/AUA error codes; RD-… = the device's own errCode).
DECLINES = {
    "998": ("This Aadhaar number is not valid.", "यह आधार नंबर मान्य नहीं है।"),
    "300": ("The fingerprint did not match Aadhaar.", "उंगली की छाप आधार से मेल नहीं खाई।"),
    "330": ("Biometrics are locked for this Aadhaar number.", "इस आधार नंबर के बायोमेट्रिक लॉक हैं।"),
    "51": ("Not enough money in the bank account.", "बैंक खाते में पर्याप्त पैसे नहीं हैं।"),
    "VOID": ("The request never reached the bank; nothing was debited.", "अनुरोध बैंक तक नहीं पहुँचा; कोई राशि नहीं कटी।"),
}
GENERIC_DECLINE = ("Aadhaar did not approve this request.", "आधार से यह अनुरोध स्वीकृत नहीं हुआ।")


class HttpOnline:
    """Implements BillLookup, ApplicationLookup and AadhaarPayments. `biller_of` maps a catalogue service id to the
    biller code the server knows (the catalogue's `biller` field)."""

    def __init__(self, client: Client, biller_of: Callable[[str], str]) -> None:
        self.client = client
        self.biller_of = biller_of

    # -- bills ----------------------------------------------------------------------------------
    def lookup_bill(self, service_id: str, account: str) -> BillAnswer:
        query = BillQuery(biller=self.biller_of(service_id), consumer_no=account)
        try:
            bill = self.client.call("POST", "/bills:lookup", WireBill, query)
        except SyncError as exc:
            return _unanswered(exc, "bill lookup")
        if (bill.biller, bill.consumer_no) != (query.biller, account):
            log.warning("bill lookup: the server answered for another account; ignored")
            return Unavailable(timed_out=False, detail="answer for another account")
        try:
            due = date.fromisoformat(bill.due_date)
        except ValueError:
            log.warning("bill lookup: due_date %r is not a date; ignored", bill.due_date[:20])
            return Unavailable(timed_out=False, detail="bad due date")
        return Bill(account, bill.consumer_name, Money(bill.amount_due_paise), due, bill.bill_no)

    # -- applications ---------------------------------------------------------------------------
    def application(self, service_id: str, number: str) -> ApplicationAnswer:
        if not number.isascii() or not number.isalnum():
            return NotFound()
        try:
            status = self.client.call("GET", f"/applications/{number}", ApplicationStatus)
        except SyncError as exc:
            return _unanswered(exc, "application status")
        if status.application_no != number:
            log.warning("application status: the server answered for another number; ignored")
            return Unavailable(timed_out=False, detail="answer for another application")
        state, ready = STATUSES[status.status]
        try:
            updated = date.fromisoformat(status.updated_at[:10])
        except ValueError:
            return Unavailable(timed_out=False, detail="bad update date")
        return Application(number, status.applicant_name, state, ready, updated)

    # -- certificates -------------------------------------------------------------------------------
    def certificate_pdf(self, service_id: str, application_no: str) -> bytes | DocumentResult:
        if not application_no.isascii() or not application_no.isalnum():
            return DocumentResult(False, DocumentProblem.NOT_ISSUED, "not an application number")
        try:
            answer = self.client.request("GET", f"/applications/{application_no}/certificate")
        except Refusal as exc:
            if exc.status in (404, 409):
                return DocumentResult(False, DocumentProblem.NOT_ISSUED, exc.detail[:200])
            return DocumentResult(False, DocumentProblem.UNAVAILABLE, str(exc)[:200])
        except SyncError as exc:
            return DocumentResult(False, DocumentProblem.UNAVAILABLE, str(exc)[:200])
        if not answer.body.startswith(b"%PDF-") or b"%%EOF" not in answer.body[-1024:]:
            log.warning("certificate %s: the answer is not a whole PDF; not printed", application_no)
            return DocumentResult(False, DocumentProblem.UNAVAILABLE, "the answer is not a whole PDF")
        return answer.body

    # -- Aadhaar ----------------------------------------------------------------------------------
    def authorise(self, txn_id: str, amount: Money, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        """The transaction id is the client reference: the same on every try, so the server never debits twice."""
        return self._authenticate(txn_id, amount.paise, aadhaar, pid)

    def verify(self, application_no: str, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        # An identity check debits nothing: a fresh reference per attempt, so a second try is really decided again.
        return self._authenticate(f"V-{uuid.uuid4().hex}", 0, aadhaar, pid)

    def payment_status(self, txn_id: str, amount: Money) -> PaymentAnswer:
        """Ask the outcome of the authorisation with this reference (after a timeout); never sends the PID again."""
        query = AadhaarStatusQuery(txn_ref=txn_id, amount_paise=amount.paise)
        try:
            answer = self.client.call("POST", "/aadhaar:status", AadhaarAuthAnswer, query)
        except SyncError as exc:
            return _unavailable(exc, "Aadhaar payment status")
        return _outcome(answer, txn_id, amount.paise)

    def _authenticate(self, reference: str, amount_paise: int, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        request = AadhaarAuthRequest(
            uid=aadhaar.digits_for_auth_request(), txn_ref=reference, amount_paise=amount_paise,
            pid_data=pid.xml.decode("utf-8", "replace"),
        )  # fmt: skip
        try:
            answer = self.client.call("POST", "/aadhaar:auth", AadhaarAuthAnswer, request)
        except Refusal as exc:
            if exc.status == 422:  # the PidData itself was refused: nothing was debited, capture again
                return Declined("PID", "The fingerprint could not be read.", "उंगली की छाप पढ़ी नहीं जा सकी।")
            return _unavailable(exc, "Aadhaar authentication")
        except SyncError as exc:
            return _unavailable(exc, "Aadhaar authentication")
        finally:
            del request  # the only copy of the full number and the PID block on our side
        return _outcome(answer, reference, amount_paise)


def _outcome(answer: AadhaarAuthAnswer, reference: str, amount_paise: int) -> PaymentAnswer:
    """Believe an outcome only for this reference and amount; anything else is an unknown outcome."""
    if (answer.txn_ref, answer.amount_paise) != (reference, amount_paise):
        log.warning("Aadhaar answer for another reference or amount; outcome unknown")
        return Unavailable(timed_out=False, detail="answer for another reference or amount")
    if answer.ret == "y":
        return Authorised(answer.auth_code)
    code = answer.err or "?"
    reason_en, reason_hi = DECLINES.get(code, GENERIC_DECLINE)
    log.info("Aadhaar authentication for %s declined (%s)", answer.uid_masked or "-", code[:12])
    return Declined(code[:12], reason_en, reason_hi)


def _unanswered(exc: SyncError, what: str) -> NotFound | Unavailable:
    if isinstance(exc, Refusal) and exc.status == 404:
        return NotFound()
    return _unavailable(exc, what)


def _unavailable(exc: SyncError, what: str) -> Unavailable:
    timed_out = isinstance(exc, TransportError) and exc.timed_out
    if isinstance(exc, BadAnswer):
        log.warning("%s: %s", what, exc)
    else:
        log.info("%s: no usable answer (%s)", what, exc)
    return Unavailable(timed_out=timed_out, detail=str(exc)[:200])
