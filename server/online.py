"""The online-only calls a kiosk makes: bill lookup, application status and Aadhaar authorisation."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from fastapi import APIRouter, Request

from common.numbers import luhn_complete, mask_aadhaar, verhoeff_ok
from server.db import Database, IntegrityError, Tx
from server.deps import ERRORS, ServiceDep, SettingsDep, authed, body_schema, parse
from server.service import Refused, Service, iso, now_utc
from server.wire import Body
from sync.protocol import (
    API_PREFIX,
    AadhaarAuthAnswer,
    AadhaarAuthRequest,
    AadhaarStatusQuery,
    ApplicationStatus,
    Bill,
    BillQuery,
)

# Consumer numbers as each biller prints them: (length, Luhn check digit?). The kiosk's catalogue has the same rules.
BILLERS = {"JVVNL": (12, True), "AVVNL": (12, True), "JDVVNL": (12, True), "PHED": (10, True), "RSGL": (10, False),
           "POSTPAID": (10, False)}  # fmt: skip
APPLICATION_DIGITS = 10  # application and certificate numbers: 10 digits with a Luhn check digit
STATUS_HI = {
    "received": "आवेदन प्राप्त हुआ",
    "in_process": "आवेदन पर कार्यवाही जारी है",
    "approved": "आवेदन स्वीकृत",
    "rejected": "आवेदन अस्वीकृत",
    "delivered": "प्रमाण-पत्र जारी",
}
SERVICES = ("income_certificate", "caste_certificate", "domicile_certificate", "birth_certificate")
NAMES = ("रामलाल मीणा", "सीता देवी", "मोहनलाल जाट", "गीता कुमारी", "भंवरलाल गुर्जर", "कमला बाई", "सुरेश सैनी")


def consumer_number(biller: str, n: int) -> str:
    length, luhn = BILLERS[biller]
    stem = f"{3 + BILLERS_ORDER.index(biller)}{n:0{length - 2 if luhn else length - 1}d}"
    return luhn_complete(stem) if luhn else stem


BILLERS_ORDER = tuple(BILLERS)

# The accounts the demo tour and the UI tests type (the same numbers as tests/fakes/devices.sample_online).
DEMO_BILLS = (
    ("JVVNL", luhn_complete("21041234567"), "Ramesh Kumar Meena", "JV-2611-001", 35_000, "2026-12-05"),
    ("JVVNL", luhn_complete("10020030040"), "Sita Devi", "JV-2611-002", 123_450, "2026-12-10"),
)
# Billers that do not answer the central server for these accounts: the kiosk is told 504 (biller timed out).
DEMO_UNANSWERED = (("JVVNL", luhn_complete("99999999999")), ("POSTPAID", "9999999999"))
DEMO_APPLICATIONS = (
    (luhn_complete("202611001"), "caste_certificate", "delivered", "Mohan Lal Jat"),
    (luhn_complete("202611002"), "income_certificate", "in_process", "Geeta Kumari"),
)


def seed(db: Database, *, per_biller: int = 50, seed_value: int = 7) -> int:
    """A deterministic sample of consumer accounts per biller and of applications, for demos and tests."""
    rng = random.Random(seed_value)
    count = 0
    with db.tx() as tx:
        rows = [
            (biller, consumer_number(biller, n), rng.choice(NAMES), f"B{rng.randint(10**7, 10**8)}",
             rng.randint(100, 5000) * 100 + rng.choice((0, 50)),
             (date(2026, 12, 1) + timedelta(days=rng.randint(0, 20))).isoformat())
            for biller in BILLERS for n in range(1, per_biller + 1)
        ]  # fmt: skip
        for row in (*rows, *DEMO_BILLS):
            tx.execute(
                "INSERT INTO bills (biller, consumer_no, consumer_name, bill_no, amount_due_paise, due_date)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (biller, consumer_no) DO NOTHING",
                row,
            )
            count += 1
        for biller, consumer in DEMO_UNANSWERED:
            tx.execute(
                "INSERT INTO unanswered_accounts (biller, consumer_no) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (biller, consumer),
            )
        applications = [
            (luhn_complete(f"{n:0{APPLICATION_DIGITS - 1}d}"), rng.choice(SERVICES), rng.choice(tuple(STATUS_HI)),
             rng.choice(NAMES))
            for n in range(1, per_biller + 1)
        ]  # fmt: skip
        for number, service, status, applicant in (*applications, *DEMO_APPLICATIONS):
            tx.execute(
                "INSERT INTO applications (application_no, service, status, updated_at, applicant_name)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (application_no) DO NOTHING",
                (number, service, status, "2026-11-20T10:00:00.000000Z", applicant),
            )
    return count


class BillerTimeout(Exception):
    """The biller did not answer the central server in time (the kiosk is told 504)."""


def lookup_bill(tx: Tx, query: BillQuery) -> Bill | None:
    if tx.one(
        "SELECT 1 FROM unanswered_accounts WHERE biller = ? AND consumer_no = ?",
        (query.biller.upper(), query.consumer_no),
    ):
        raise BillerTimeout(f"biller {query.biller.upper()} did not answer in time")
    row = tx.one(
        "SELECT consumer_name, bill_no, amount_due_paise, due_date FROM bills WHERE biller = ? AND consumer_no = ?",
        (query.biller.upper(), query.consumer_no),
    )
    if row is None:
        return None
    return Bill(
        biller=query.biller.upper(), consumer_no=query.consumer_no, consumer_name=str(row[0]),
        bill_no=str(row[1]), amount_due_paise=int(row[2]), due_date=str(row[3]),
    )  # fmt: skip


def application_status(tx: Tx, number: str) -> ApplicationStatus | None:
    row = tx.one(
        "SELECT service, status, updated_at, applicant_name FROM applications WHERE application_no = ?", (number,)
    )
    if row is None:
        return None
    return ApplicationStatus.model_validate(
        {"application_no": number, "service": row[0], "status": row[1], "status_hi": STATUS_HI[str(row[1])],
         "updated_at": row[2], "applicant_name": row[3] or ""}
    )  # fmt: skip


class PidDataError(ValueError):
    """A PID block that is not a well-formed RD-service PidData document."""


def check_pid_data(xml_text: str) -> str:
    """Check the PidData structure (Resp, DeviceInfo, Skey, Hmac, Data); returns the RD errCode."""
    try:
        root = ElementTree.fromstring(xml_text)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise PidDataError(f"PidData is not well-formed XML ({type(exc).__name__})") from None
    if root.tag != "PidData":
        raise PidDataError(f"root element is <{root.tag[:30]}>, expected <PidData>")
    resp = root.find("Resp")
    if resp is None or resp.get("errCode") is None:
        raise PidDataError("PidData has no <Resp errCode=…>")
    if resp.get("errCode") != "0":
        return str(resp.get("errCode"))
    for tag in ("DeviceInfo", "Skey", "Hmac", "Data"):
        element = root.find(tag)
        if element is None:
            raise PidDataError(f"PidData has no <{tag}>")
    device = root.find("DeviceInfo")
    assert device is not None
    for attribute in ("dpId", "rdsId", "rdsVer", "dc", "mi", "mc"):
        if not device.get(attribute):
            raise PidDataError(f"<DeviceInfo> lacks {attribute}")
    skey, data = root.find("Skey"), root.find("Data")
    if skey is None or not skey.get("ci") or not (skey.text or "").strip():
        raise PidDataError("<Skey> needs a ci attribute and the encrypted session key")
    if data is None or data.get("type") not in ("X", "P") or not (data.text or "").strip():
        raise PidDataError('<Data> needs type="X" or "P" and the encrypted PID')
    return "0"


class ReferenceReused(ValueError):
    """A client reference the kiosk already used for a different amount: refused, nothing debited (409)."""


def _stored(tx: Tx, kiosk_id: str, txn_ref: str) -> AadhaarAuthAnswer | None:
    row = tx.one(
        "SELECT ret, err, uid_masked, auth_code, amount_paise FROM aadhaar_payments WHERE kiosk_id = ? AND txn_ref = ?",
        (kiosk_id, txn_ref),
    )
    if row is None:
        return None
    return AadhaarAuthAnswer(ret=row[0], err=row[1], uid_masked=row[2], auth_code=row[3], txn_ref=txn_ref,
                             amount_paise=int(row[4]))  # fmt: skip


def _first_outcome(tx: Tx, kiosk_id: str, txn_ref: str, amount_paise: int) -> AadhaarAuthAnswer | None:
    """The outcome already recorded for this reference (the same amount), or None if it is new."""
    seen = _stored(tx, kiosk_id, txn_ref)
    if seen is not None and seen.amount_paise != amount_paise:
        raise ReferenceReused(
            f"reference {txn_ref} was used for {seen.amount_paise} paise, not {amount_paise}: nothing debited"
        )
    return seen


def _record(tx: Tx, kiosk_id: str, answer: AadhaarAuthAnswer, now: str) -> AadhaarAuthAnswer:
    # Only the outcome and the masked number are kept: never the PID block or the full Aadhaar number.
    tx.execute(
        "INSERT INTO aadhaar_payments (kiosk_id, txn_ref, amount_paise, ret, err, uid_masked, auth_code, decided_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (kiosk_id, answer.txn_ref, answer.amount_paise, answer.ret, answer.err, answer.uid_masked,
         answer.auth_code, now),
    )  # fmt: skip
    return answer


def authorise(tx: Tx, kiosk_id: str, request: AadhaarAuthRequest, now: str) -> AadhaarAuthAnswer:
    """Debit once per (kiosk, reference): a repeat gets the first outcome; the PID block is checked and dropped."""
    first = _first_outcome(tx, kiosk_id, request.txn_ref, request.amount_paise)
    if first is not None:
        return first
    return _record(tx, kiosk_id, decide(request), now)


def payment_status(tx: Tx, kiosk_id: str, query: AadhaarStatusQuery, now: str) -> AadhaarAuthAnswer:
    """The outcome for a reference; one never received is recorded void first, so a late request cannot debit."""
    first = _first_outcome(tx, kiosk_id, query.txn_ref, query.amount_paise)
    if first is not None:
        return first
    void = AadhaarAuthAnswer(ret="n", err=VOID, uid_masked="", auth_code="", txn_ref=query.txn_ref,
                             amount_paise=query.amount_paise)  # fmt: skip
    return _record(tx, kiosk_id, void, now)


# The error code of a reference the kiosk asked about before any request with it arrived: nothing was debited.
VOID = "VOID"


def decide(request: AadhaarAuthRequest) -> AadhaarAuthAnswer:
    """A realistic outcome without keeping anything: the PID block is checked and dropped with the request."""
    masked = mask_aadhaar(request.uid)
    code = "AUTH" + request.txn_ref[-8:].upper()
    rd_error = check_pid_data(request.pid_data)
    err = f"RD-{rd_error[:8]}" if rd_error != "0" else None if verhoeff_ok(request.uid) else "998"
    return AadhaarAuthAnswer(ret="n" if err else "y", err=err, uid_masked=masked, auth_code=code,
                             txn_ref=request.txn_ref, amount_paise=request.amount_paise)  # fmt: skip


router = APIRouter()


def decided(service: Service, request: Request, raw: bytes, decide: Callable[[Tx, str], AadhaarAuthAnswer],
            delay_s: float = 0.0) -> AadhaarAuthAnswer:  # fmt: skip
    """The outcome `decide` commits for the signing kiosk. `delay_s` holds the answer back after the outcome is
    committed: the AUA that debits and then answers late, as the kiosk's timeout tests need it."""
    try:
        with service.db.tx() as tx:
            kiosk = authed(service, tx, request, raw)
            answer = decide(tx, kiosk.id)
    except ReferenceReused as exc:
        raise Refused(409, str(exc)) from None
    except PidDataError as exc:
        raise Refused(422, f"PidData: {exc}") from None
    except IntegrityError:
        raise Refused(409, "the same reference is being decided right now; ask for its status") from None
    if delay_s > 0:
        time.sleep(delay_s)  # a pool thread, not the event loop
    return answer


# POST /aadhaar:auth is idempotent on the kiosk's reference; POST /aadhaar:status answers the outcome by reference
# and stays quick even when the authorisation's answer is held back.
@router.post(API_PREFIX + "/aadhaar:auth", response_model=AadhaarAuthAnswer, responses=ERRORS,
             openapi_extra=body_schema(AadhaarAuthRequest))  # fmt: skip
def aadhaar_auth(request: Request, body: Body, service: ServiceDep, settings: SettingsDep) -> AadhaarAuthAnswer:
    def decide(tx: Tx, kiosk_id: str) -> AadhaarAuthAnswer:
        return authorise(tx, kiosk_id, parse(AadhaarAuthRequest, body.data), iso(now_utc()))

    return decided(service, request, body.raw, decide, settings.aua_answer_delay_s)


@router.post(API_PREFIX + "/aadhaar:status", response_model=AadhaarAuthAnswer, responses=ERRORS,
             openapi_extra=body_schema(AadhaarStatusQuery))  # fmt: skip
def aadhaar_status(request: Request, body: Body, service: ServiceDep) -> AadhaarAuthAnswer:
    def decide(tx: Tx, kiosk_id: str) -> AadhaarAuthAnswer:
        return payment_status(tx, kiosk_id, parse(AadhaarStatusQuery, body.data), iso(now_utc()))

    return decided(service, request, body.raw, decide)
