"""The reference server plays the AePS switch: bank list, Aadhaar Pay with bank response codes and RRN, operator 2FA."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request

from common.numbers import mask_aadhaar, verhoeff_ok
from server.db import IntegrityError, Tx
from server.deps import ERRORS, ServiceDep, authed, body_schema, parse
from server.online import VOID, PidDataError, ReferenceReused, check_pid_data
from server.service import Refused, Service, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.aeps import (
    MAX_ATTEMPTS,
    AepsAnswer,
    AepsPayRequest,
    AepsStatusQuery,
    Bank,
    BankList,
    OperatorTwoFactorAnswer,
    OperatorTwoFactorRequest,
)

# Sample AePS banks for the emulated switch (a deployment gets the list from its real switch).
BANKS = (
    Bank(iin="607094", name_en="State Bank of India", name_hi="भारतीय स्टेट बैंक", short="SBI"),
    Bank(iin="607027", name_en="Punjab National Bank", name_hi="पंजाब नेशनल बैंक", short="PNB"),
    Bank(iin="606985", name_en="Bank of Baroda", name_hi="बैंक ऑफ़ बड़ौदा", short="BOB"),
    Bank(iin="508505", name_en="Bank of India", name_hi="बैंक ऑफ़ इंडिया", short="BOI"),
    Bank(iin="607396", name_en="Canara Bank", name_hi="केनरा बैंक"),
    Bank(iin="607161", name_en="Union Bank of India", name_hi="यूनियन बैंक ऑफ़ इंडिया", short="UBI"),
    Bank(iin="607264", name_en="Central Bank of India", name_hi="सेंट्रल बैंक ऑफ़ इंडिया", short="CBI"),
    Bank(iin="607105", name_en="Indian Bank", name_hi="इंडियन बैंक"),
    Bank(iin="607066", name_en="UCO Bank", name_hi="यूको बैंक", short="UCO"),
    Bank(iin="607152", name_en="HDFC Bank", name_hi="एचडीएफसी बैंक", short="HDFC"),
    Bank(iin="508534", name_en="ICICI Bank", name_hi="आईसीआईसीआई बैंक", short="ICICI"),
    Bank(iin="607153", name_en="Axis Bank", name_hi="एक्सिस बैंक"),
    Bank(iin="608314", name_en="India Post Payments Bank", name_hi="इंडिया पोस्ट पेमेंट्स बैंक", short="IPPB"),
    Bank(iin="607509", name_en="Rajasthan Marudhara Gramin Bank", name_hi="राजस्थान मरुधरा ग्रामीण बैंक", short="RMGB"),
    Bank(iin="607280", name_en="Baroda Rajasthan Kshetriya Gramin Bank", name_hi="बड़ौदा राजस्थान क्षेत्रीय ग्रामीण बैंक",
         short="BRKGB"),
)  # fmt: skip
BANK_LIST = BankList(version=hashlib.sha256(repr(BANKS).encode()).hexdigest()[:16], banks=list(BANKS))
DOWN_IINS = frozenset({"607280"})  # a bank whose CBS is down in the emulation: every request gets 91
RETRYABLE = frozenset({"300"})  # biometric mismatch: nothing debited, another finger may be tried


def retryable(code: str) -> bool:
    """A mismatch, or a capture the RD service itself flagged (RD-…): the bank saw no usable finger."""
    return code in RETRYABLE or code.startswith("RD-")


def verhoeff_complete(stem: str) -> str:
    """`stem` (11 digits) with the check digit that makes it a valid Aadhaar number."""
    return next(stem + d for d in "0123456789" if verhoeff_ok(stem + d))


# Test Aadhaar numbers the switch answers with a given code; "300-once" mismatches on the first finger only.
TEST_UIDS = {
    verhoeff_complete("99990000300"): "300",
    verhoeff_complete("99990000301"): "300-once",
    verhoeff_complete("99990000330"): "330",
    verhoeff_complete("99990000051"): "51",
}


def bank_code(request: AepsPayRequest) -> str:
    """What the emulated bank answers: the switch's checks first, then the test numbers, else a debit ("00")."""
    rd_error = check_pid_data(request.pid_data)
    if rd_error != "0":
        return f"RD-{rd_error[:8]}"
    if not verhoeff_ok(request.uid):
        return "998"
    if request.iin in DOWN_IINS:
        return "91"
    rule = TEST_UIDS.get(request.uid, "00")
    if rule == "300-once":
        return "300" if request.attempt == 1 else "00"
    return rule


def rrn_for(kiosk_id: str, txn_ref: str, attempt: int, now: datetime) -> str:
    """The 12-digit retrieval reference number: YDDDHH and six digits unique to this kiosk, reference and try."""
    tail = int(hashlib.sha256(f"{kiosk_id}/{txn_ref}/{attempt}".encode()).hexdigest()[:12], 16) % 10**6
    return f"{now.year % 10}{now.timetuple().tm_yday:03d}{now.hour:02d}{tail:06d}"


def _answer(tx: Tx, kiosk_id: str, txn_ref: str) -> AepsAnswer | None:
    row = tx.one(
        "SELECT p.ret, p.uid_masked, p.amount_paise, p.err, a.attempt, a.iin, a.bank_code, a.rrn"
        " FROM aadhaar_payments p LEFT JOIN aeps_payments a ON a.kiosk_id = p.kiosk_id AND a.txn_ref = p.txn_ref"
        " WHERE p.kiosk_id = ? AND p.txn_ref = ?",
        (kiosk_id, txn_ref),
    )
    if row is None:
        return None
    # A reference first decided by /aadhaar:auth has no AePS row: its own outcome stands, as attempt 1.
    code = row[6] or ("00" if row[0] == "y" else str(row[3] or "?"))
    return AepsAnswer(ret=row[0], bank_code=code, rrn=row[7] or "", iin=row[5] or "", attempt=row[4] or 1,
                      uid_masked=row[1], txn_ref=txn_ref, amount_paise=int(row[2]))  # fmt: skip


def _first(tx: Tx, kiosk_id: str, txn_ref: str, amount_paise: int) -> AepsAnswer | None:
    # Take the reference's row lock before reading (a no-op write): on PostgreSQL a concurrent try or status query
    # for the same reference waits here and then reads what the first one committed, so only one can debit.
    tx.execute("UPDATE aadhaar_payments SET decided_at = decided_at WHERE kiosk_id = ? AND txn_ref = ?",
               (kiosk_id, txn_ref))  # fmt: skip
    seen = _answer(tx, kiosk_id, txn_ref)
    if seen is not None and seen.amount_paise != amount_paise:
        raise ReferenceReused(f"reference {txn_ref} was used for {seen.amount_paise} paise, not {amount_paise}")
    return seen


def _store(tx: Tx, kiosk_id: str, answer: AepsAnswer, request: AepsPayRequest | None, now: str, *, new: bool) -> None:
    """Both rows of one outcome: the shared Aadhaar payment row (one debit per reference) and its AePS details."""
    err = None if answer.ret == "y" else answer.bank_code
    auth = "AUTH" + answer.txn_ref[-8:].upper()
    where = (kiosk_id, answer.txn_ref)
    position = request.position if request else None
    lat, lon = (position.latitude, position.longitude) if position else (None, None)
    if new:
        tx.execute("INSERT INTO aadhaar_payments (kiosk_id, txn_ref, amount_paise, ret, err, uid_masked, auth_code,"
                   " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (*where, answer.amount_paise, answer.ret, err, answer.uid_masked, auth, now))  # fmt: skip
    else:
        tx.execute("UPDATE aadhaar_payments SET ret = ?, err = ?, decided_at = ? WHERE kiosk_id = ? AND txn_ref = ?",
                   (answer.ret, err, now, *where))  # fmt: skip
    tx.execute("DELETE FROM aeps_payments WHERE kiosk_id = ? AND txn_ref = ?", where)
    tx.execute("INSERT INTO aeps_payments (kiosk_id, txn_ref, attempt, iin, bank_code, rrn, latitude, longitude,"
               " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (*where, answer.attempt, answer.iin, answer.bank_code, answer.rrn, lat, lon, now))  # fmt: skip


def pay(tx: Tx, kiosk_id: str, request: AepsPayRequest, now: datetime) -> AepsAnswer:
    """Decide one try. A repeat, or any try after a debit or a final decline, gets the recorded outcome: never a
    second debit. Only a later attempt after a retryable decline (300) is decided again."""
    seen = _first(tx, kiosk_id, request.txn_ref, request.amount_paise)
    if seen is not None and not (request.attempt > seen.attempt and retryable(seen.bank_code)):
        return seen
    code = bank_code(request)  # the PID block is checked here and dropped with the request
    answer = AepsAnswer(
        ret="y" if code == "00" else "n", bank_code=code, iin=request.iin, attempt=request.attempt,
        rrn=rrn_for(kiosk_id, request.txn_ref, request.attempt, now) if code == "00" else "",
        uid_masked=mask_aadhaar(request.uid), txn_ref=request.txn_ref, amount_paise=request.amount_paise,
    )  # fmt: skip
    _store(tx, kiosk_id, answer, request, iso(now), new=seen is None)
    return answer


def status(tx: Tx, kiosk_id: str, query: AepsStatusQuery, now: datetime) -> AepsAnswer:
    """The outcome for a reference. Asking closes it: one never received is recorded void, and a retryable decline
    is marked as the last attempt, so a try still on its way can never debit after the kiosk gave up."""
    seen = _first(tx, kiosk_id, query.txn_ref, query.amount_paise)
    if seen is None:
        void = AepsAnswer(ret="n", bank_code=VOID, attempt=MAX_ATTEMPTS, uid_masked="", txn_ref=query.txn_ref,
                          amount_paise=query.amount_paise)  # fmt: skip
        _store(tx, kiosk_id, void, None, iso(now), new=True)
        return void
    if retryable(seen.bank_code) and seen.attempt < MAX_ATTEMPTS:
        tx.execute("UPDATE aeps_payments SET attempt = ? WHERE kiosk_id = ? AND txn_ref = ?",
                   (MAX_ATTEMPTS, kiosk_id, query.txn_ref))  # fmt: skip
    return seen


def operator_two_factor(
    tx: Tx, kiosk_id: str, request: OperatorTwoFactorRequest, now: datetime
) -> OperatorTwoFactorAnswer:
    """The AUA matches the operator's fresh finger; the outcome (never the PID) is recorded per kiosk and day."""
    rd_error = check_pid_data(request.pid_data)
    code = f"RD-{rd_error[:8]}" if rd_error != "0" else "998" if not verhoeff_ok(request.uid) else "00"
    if code == "00" and TEST_UIDS.get(request.uid) in ("300", "330"):
        code = str(TEST_UIDS[request.uid])
    ref = "2FA" + hashlib.sha256(f"{kiosk_id}/{request.operator_id}/{iso(now)}".encode()).hexdigest()[:12].upper()
    tx.execute("INSERT INTO aeps_operator_logins (kiosk_id, operator_id, business_day, code, auth_ref, at)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               (kiosk_id, request.operator_id, request.business_day, code, ref, iso(now)))  # fmt: skip
    return OperatorTwoFactorAnswer(ok=code == "00", code=code, operator_id=request.operator_id,
                                   business_day=request.business_day, auth_ref=ref if code == "00" else "")  # fmt: skip


# GET /aeps/banks, POST /aeps:pay, POST /aeps:status and POST /operator:2fa, signed by a kiosk.
router = APIRouter(prefix=API_PREFIX)


def decided(service: Service, request: Request, raw: bytes, decide: Callable[[Tx, str], Any]) -> Any:
    try:
        with service.db.tx() as tx:
            return decide(tx, authed(service, tx, request, raw).id)
    except ReferenceReused as exc:
        raise Refused(409, f"{exc}: nothing debited") from None
    except PidDataError as exc:
        raise Refused(422, f"PidData: {exc}") from None
    except IntegrityError:
        raise Refused(409, "the same reference is being decided right now; ask for its status") from None


@router.get("/aeps/banks", response_model=BankList, responses=ERRORS)
def banks(request: Request, body: Body, service: ServiceDep) -> BankList:
    with service.db.tx(write=False) as tx:
        authed(service, tx, request, body.raw)
    return BANK_LIST


@router.post("/aeps:pay", response_model=AepsAnswer, responses=ERRORS,
          openapi_extra=body_schema(AepsPayRequest))  # fmt: skip
def aeps_pay(request: Request, body: Body, service: ServiceDep) -> AepsAnswer:
    def decide(tx: Tx, kiosk_id: str) -> AepsAnswer:
        pay_request = parse(AepsPayRequest, body.data)
        if pay_request.iin not in {b.iin for b in BANKS}:
            raise Refused(422, f"AepsPayRequest: iin {pay_request.iin} is not a bank on the AePS switch")
        return pay(tx, kiosk_id, pay_request, now_utc())

    answer: AepsAnswer = decided(service, request, body.raw, decide)
    return answer


@router.post("/aeps:status", response_model=AepsAnswer, responses=ERRORS,
          openapi_extra=body_schema(AepsStatusQuery))  # fmt: skip
def aeps_status(request: Request, body: Body, service: ServiceDep) -> AepsAnswer:
    def decide(tx: Tx, kiosk_id: str) -> AepsAnswer:
        return status(tx, kiosk_id, parse(AepsStatusQuery, body.data), now_utc())

    answer: AepsAnswer = decided(service, request, body.raw, decide)
    return answer


@router.post("/operator:2fa", response_model=OperatorTwoFactorAnswer, responses=ERRORS,
          openapi_extra=body_schema(OperatorTwoFactorRequest))  # fmt: skip
def operator_2fa(request: Request, body: Body, service: ServiceDep) -> OperatorTwoFactorAnswer:
    def decide(tx: Tx, kiosk_id: str) -> OperatorTwoFactorAnswer:
        return operator_two_factor(tx, kiosk_id, parse(OperatorTwoFactorRequest, body.data), now_utc())

    answer: OperatorTwoFactorAnswer = decided(service, request, body.raw, decide)
    return answer
