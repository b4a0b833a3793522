"""The reference server as a BBPOU (Bharat BillPay agent institution): sample billers, asynchronous bill fetch,
idempotent payment with a BBPS transaction reference, and complaints by that reference."""

from __future__ import annotations

import json
import secrets
from datetime import date, timedelta

from fastapi import APIRouter, Request

from server.bbps_billers import BILLERS, BY_ID, fee_paise, params_problem
from server.db import IntegrityError, Tx
from server.deps import ERRORS, ServiceDep, authed, parse
from server.service import Refused, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.bbps import (
    BBPS_PREFIX,
    BbpsBill,
    BillerDirectory,
    BillerInfo,
    Complaint,
    ComplaintRequest,
    FetchAnswer,
    FetchRequest,
    PaymentAnswer,
    PaymentRequest,
)

router = APIRouter(prefix=API_PREFIX + BBPS_PREFIX)


@router.get("/billers", response_model=BillerDirectory, responses=ERRORS)
def billers(request: Request, body: Body, service: ServiceDep) -> BillerDirectory:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
    return BillerDirectory(billers=list(BILLERS))


def _biller(biller_id: str, params: dict[str, str]) -> BillerInfo:
    biller = BY_ID.get(biller_id)
    if biller is None:
        raise Refused(404, f"no biller {biller_id}")
    problem = params_problem(biller, params)
    if problem is not None:
        raise Refused(422, f"biller {biller_id}: {problem}")
    return biller


@router.post("/bills:fetch", response_model=FetchAnswer, responses=ERRORS)
def fetch(request: Request, body: Body, service: ServiceDep) -> FetchAnswer:
    """Accept a fetch and answer `pending`: the biller answers the BBPOU later; the kiosk polls by `ref_id`."""
    db = service.db
    with db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        query: FetchRequest = parse(FetchRequest, body.data)
        biller = _biller(query.biller_id, query.params)
        polls = POLLS_UNTIL_READY.get(biller.code, DEFAULT_POLLS_UNTIL_READY)
        params = json.dumps(query.params, sort_keys=True)
        seen = tx.one("SELECT biller_id, params FROM bbps_fetches WHERE kiosk_id = ? AND ref_id = ?",
                      (kiosk.id, query.ref_id))  # fmt: skip
        if seen is not None and tuple(seen) != (query.biller_id, params):
            raise Refused(409, f"fetch reference {query.ref_id} was used for another bill")
        if seen is None:
            tx.execute("INSERT INTO bbps_fetches (kiosk_id, ref_id, biller_id, params, polls_left)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (kiosk.id, query.ref_id, query.biller_id, params, polls))  # fmt: skip
    return FetchAnswer(ref_id=query.ref_id, status="pending", retry_after_ms=POLL_HINT_MS)


@router.get("/bills:fetch/{ref_id}", response_model=FetchAnswer, responses=ERRORS)
def fetch_status(ref_id: str, request: Request, body: Body, service: ServiceDep) -> FetchAnswer:
    with service.db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        row = tx.one("SELECT biller_id, params, polls_left FROM bbps_fetches WHERE kiosk_id = ? AND ref_id = ?",
                     (kiosk.id, ref_id[:64]))  # fmt: skip
        if row is None:
            raise Refused(404, "no bill fetch with this reference")
        if int(row[2]) > 1:
            tx.execute("UPDATE bbps_fetches SET polls_left = polls_left - 1 WHERE kiosk_id = ? AND ref_id = ?",
                       (kiosk.id, ref_id[:64]))  # fmt: skip
            return FetchAnswer(ref_id=ref_id, status="pending", retry_after_ms=POLL_HINT_MS)
        if int(row[2]) == 1:
            tx.execute("UPDATE bbps_fetches SET polls_left = 0 WHERE kiosk_id = ? AND ref_id = ?",
                       (kiosk.id, ref_id[:64]))  # fmt: skip
        return _fetched(tx, ref_id, BY_ID[str(row[0])], json.loads(row[1]))


def _fetched(tx: Tx, ref_id: str, biller: BillerInfo, params: dict[str, str]) -> FetchAnswer:
    account = next(iter(params.values()))
    if tx.one("SELECT 1 FROM unanswered_accounts WHERE biller = ? AND consumer_no = ?", (biller.code, account)):
        return FetchAnswer(ref_id=ref_id, status="failed", reason=f"biller {biller.biller_id} did not answer")
    row = tx.one("SELECT consumer_name, bill_no, amount_due_paise, due_date FROM bills"
                 " WHERE biller = ? AND consumer_no = ?", (biller.code, account))  # fmt: skip
    if row is None:
        return FetchAnswer(ref_id=ref_id, status="not_found", reason="the biller has no bill for these details")
    bill = BbpsBill(biller_id=biller.biller_id, biller_name=biller.name_en, customer_name=str(row[0]),
                    amount_paise=int(row[2]), bill_date=bill_date(str(row[3])), due_date=str(row[3]),
                    bill_number=str(row[1]))  # fmt: skip
    return FetchAnswer(ref_id=ref_id, status="ready", bill=bill)


def bill_date(due: str) -> str:
    """Sample bills are dated 15 days before they fall due (billers' usual grace period)."""
    return (date.fromisoformat(due) - timedelta(days=15)).isoformat()


@router.post("/payments", response_model=PaymentAnswer, responses=ERRORS)
def pay(request: Request, body: Body, service: ServiceDep) -> PaymentAnswer:
    """Once per (kiosk, idempotency key): a repeat gets the first answer; the same key for another payment is 409."""
    db = service.db
    try:
        with db.tx() as tx:
            kiosk = authed(service, tx, request, body.raw)
            payment: PaymentRequest = parse(PaymentRequest, body.data)
            biller = _biller(payment.biller_id, payment.params)
            mine = payment.model_dump_json()
            seen = tx.one("SELECT request, answer FROM bbps_payments WHERE kiosk_id = ? AND idempotency_key = ?",
                          (kiosk.id, payment.idempotency_key))  # fmt: skip
            if seen is not None:
                if seen[0] != mine:
                    raise Refused(409, f"idempotency key {payment.idempotency_key} was used for another payment")
                return PaymentAnswer.model_validate_json(seen[1])
            answer = _decide(tx, kiosk.id, biller, payment)
            tx.execute("INSERT INTO bbps_payments (kiosk_id, idempotency_key, request, answer, txn_ref_id, paid_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (kiosk.id, payment.idempotency_key, mine,
                       answer.model_dump_json(), answer.txn_ref_id, iso(now_utc())))  # fmt: skip
    except IntegrityError:
        raise Refused(409, "this payment is being posted right now; send it again") from None
    return answer


def _decide(tx: Tx, kiosk_id: str, biller: BillerInfo, payment: PaymentRequest) -> PaymentAnswer:
    def failed(reason: str) -> PaymentAnswer:
        return PaymentAnswer(idempotency_key=payment.idempotency_key, status="FAILED", txn_ref_id="",
                             biller_name=biller.name_en, amount_paise=payment.amount_paise,
                             fee_paise=payment.fee_paise, reason=reason)  # fmt: skip

    bill: BbpsBill | None = None
    if payment.fetch_ref_id is not None:
        fetched = _fetch_of(tx, kiosk_id, payment.fetch_ref_id)
        if fetched is None or fetched.bill is None:
            return failed(f"fetch {payment.fetch_ref_id} has no bill")
        if (fetched.bill.biller_id, fetched.params) != (biller.biller_id, payment.params):
            return failed(f"fetch {payment.fetch_ref_id} was for another customer")
        bill = fetched.bill
    elif biller.fetch == "MANDATORY":
        return failed(f"biller {biller.biller_id} takes payments only against a fetched bill")
    problem = exactness_problem(biller.exactness, bill.amount_paise if bill else None, payment.amount_paise)
    if problem is not None:
        return failed(problem)
    expected_fee = fee_paise(biller.fee, payment.amount_paise)
    if payment.fee_paise != expected_fee:
        return failed(f"convenience fee is {expected_fee} paise, not {payment.fee_paise}")
    return PaymentAnswer(idempotency_key=payment.idempotency_key, status="SUCCESS",
                         txn_ref_id="CC01" + secrets.token_hex(8).upper(), biller_name=biller.name_en,
                         bill_date=bill.bill_date if bill else "", due_date=bill.due_date if bill else "",
                         amount_paise=payment.amount_paise, fee_paise=payment.fee_paise)  # fmt: skip


class _Fetched:
    def __init__(self, bill: BbpsBill | None, params: dict[str, str]) -> None:
        self.bill, self.params = bill, params


def _fetch_of(tx: Tx, kiosk_id: str, ref_id: str) -> _Fetched | None:
    row = tx.one("SELECT biller_id, params, polls_left FROM bbps_fetches WHERE kiosk_id = ? AND ref_id = ?",
                 (kiosk_id, ref_id))  # fmt: skip
    if row is None or int(row[2]) > 0:  # the bill was never seen ready by the kiosk: no payment against it
        return None
    params = json.loads(row[1])
    return _Fetched(_fetched(tx, ref_id, BY_ID[str(row[0])], params).bill, params)


def exactness_problem(exactness: str, due: int | None, amount: int) -> str | None:
    """The BBPOU's own check (the server cannot import the kiosk's rules; it must not trust them either)."""
    if due is None or exactness == "ADHOC":
        return None
    if (
        (exactness == "EXACT" and amount != due)
        or (exactness == "EXACT_UP" and amount < due)
        or (exactness == "EXACT_DOWN" and amount > due)
    ):
        return f"amount {amount} paise breaks the biller's {exactness} rule for a bill of {due} paise"
    return None


@router.post("/complaints", response_model=Complaint, responses=ERRORS)
def register_complaint(request: Request, body: Body, service: ServiceDep) -> Complaint:
    """A complaint about a BBPS transaction of this kiosk; an open one for the same reason is answered again."""
    with service.db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        asked: ComplaintRequest = parse(ComplaintRequest, body.data)
        paid = tx.one("SELECT request FROM bbps_payments WHERE kiosk_id = ? AND txn_ref_id = ?",
                      (kiosk.id, asked.txn_ref_id))  # fmt: skip
        if paid is None:
            raise Refused(404, f"no BBPS transaction {asked.txn_ref_id} from this kiosk")
        seen = tx.one("SELECT complaint_id FROM bbps_complaints WHERE kiosk_id = ? AND txn_ref_id = ? AND reason = ?",
                      (kiosk.id, asked.txn_ref_id, asked.reason))  # fmt: skip
        if seen is None:
            complaint_id = "CM" + secrets.token_hex(6).upper()
            tx.execute("INSERT INTO bbps_complaints (complaint_id, kiosk_id, txn_ref_id, reason, description,"
                       " registered_at) VALUES (?, ?, ?, ?, ?, ?)", (complaint_id, kiosk.id, asked.txn_ref_id,
                       asked.reason, asked.description, iso(now_utc())))  # fmt: skip
        return _complaint(tx, kiosk.id, asked.txn_ref_id)


@router.get("/complaints/{txn_ref_id}", response_model=Complaint, responses=ERRORS)
def complaint_status(txn_ref_id: str, request: Request, body: Body, service: ServiceDep) -> Complaint:
    """The latest complaint on a BBPS transaction reference of this kiosk."""
    with service.db.tx(write=False) as tx:
        kiosk = authed(service, tx, request, body.raw)
        return _complaint(tx, kiosk.id, txn_ref_id[:40])


def _complaint(tx: Tx, kiosk_id: str, txn_ref_id: str) -> Complaint:
    row = tx.one("SELECT c.complaint_id, c.reason, c.registered_at, p.request FROM bbps_complaints c"
                 " JOIN bbps_payments p ON p.kiosk_id = c.kiosk_id AND p.txn_ref_id = c.txn_ref_id"
                 " WHERE c.kiosk_id = ? AND c.txn_ref_id = ?"
                 " ORDER BY c.registered_at DESC, c.complaint_id LIMIT 1", (kiosk_id, txn_ref_id))  # fmt: skip
    if row is None:
        raise Refused(404, f"no complaint on {txn_ref_id}")
    biller = BY_ID[PaymentRequest.model_validate_json(row[3]).biller_id]
    # The sample BBPOU's records show every successful payment credited: a NOT_CREDITED complaint resolves at
    # once with that finding; anything else waits for the biller (ASSIGNED).
    resolved = row[1] == "NOT_CREDITED"
    return Complaint(complaint_id=str(row[0]), txn_ref_id=txn_ref_id, reason=row[1],
                     status="RESOLVED" if resolved else "ASSIGNED", assigned_to=biller.name_en,
                     remarks="payment credited to the biller" if resolved else "",
                     registered_at=str(row[2]))  # fmt: skip


# The sample biller "answers" when the kiosk has polled this often: counted, not timed, so the emulated BBPOU behaves
# the same whatever the wall clock does (the shifted-clock test runs). The gas biller is the slow one.
POLLS_UNTIL_READY = {"RSGL": 3}
DEFAULT_POLLS_UNTIL_READY = 1
POLL_HINT_MS = 300  # the "ask again after" hint: short, so a quick biller is not waited for needlessly
