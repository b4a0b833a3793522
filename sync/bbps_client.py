"""The kiosk's BBPOU client: biller directory, bill fetch polled with backoff, idempotent payment, complaints.

Every answer is checked before the kiosk believes it; what cannot be trusted becomes Unavailable, never a wrong
amount or a made-up approval number."""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import date

from pydantic import ValidationError

from kiosk.bbps import (
    BbpsError,
    Biller,
    ComplaintReason,
    ComplaintState,
    Confirmation,
    CustomerParam,
    Exactness,
    FeeRule,
    FetchedBill,
    FetchRequirement,
    PaymentOrder,
    PaymentRefused,
)
from kiosk.money import Money
from kiosk.online import NotFound, Unavailable
from sync.answers import not_found_or_unavailable, unavailable
from sync.backoff import full_jitter
from sync.client import Client, Refusal, SyncError, TransportError
from sync.protocol.bbps import (
    BBPS_PREFIX,
    BillerDirectory,
    BillerInfo,
    Complaint,
    ComplaintRequest,
    FetchAnswer,
    FetchRequest,
    PaymentAnswer,
    PaymentRequest,
)

log = logging.getLogger("kiosk.bbps")
Sleep = Callable[[float], None]


def biller_of(info: BillerInfo) -> Biller:
    fee = FeeRule(Money(info.fee.flat_paise), info.fee.basis_points, Money(info.fee.min_paise),
                  None if info.fee.max_paise is None else Money(info.fee.max_paise))  # fmt: skip
    params = tuple(CustomerParam(p.name, p.label_hi, p.label_en, p.pattern.removeprefix("^").removesuffix("$"))
                   for p in info.params)  # fmt: skip
    return Biller(info.biller_id, info.name_hi, info.name_en, params, FetchRequirement(info.fetch),
                  Exactness(info.exactness), fee, info.code)  # fmt: skip


class HttpBbps:
    """The BBPOU named in the kiosk's config (`[bbps]`: the agent id; the client's base URL is its address).
    `sleep` and `rng` are injected so tests see the polling schedule without waiting on the wall clock."""

    def __init__(self, client: Client, agent_id: str, *, sleep: Sleep = time.sleep,
                 rng: random.Random | None = None, fetch_deadline_s: float = 30.0, poll_base_s: float = 0.2,
                 poll_cap_s: float = 3.0) -> None:  # fmt: skip
        self.client = client
        self.agent_id = agent_id
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.fetch_deadline_s = fetch_deadline_s
        self.poll_base_s, self.poll_cap_s = poll_base_s, poll_cap_s
        self._billers: dict[str, Biller] | None = None

    def billers(self) -> Mapping[str, Biller] | Unavailable:
        """The biller directory by the catalogue's biller code, fetched once per process."""
        if self._billers is None:
            try:
                directory = self.client.call("GET", BBPS_PREFIX + "/billers", BillerDirectory)
                self._billers = {b.code: biller_of(b) for b in directory.billers}
            except (SyncError, BbpsError, ValueError) as exc:
                log.info("BBPS biller directory: no usable answer (%s)", str(exc)[:200])
                return Unavailable(timed_out=isinstance(exc, TransportError) and exc.timed_out, detail=str(exc)[:200])
        return self._billers

    # -- fetch ---------------------------------------------------------------------------------------
    def fetch(self, biller: Biller, params: Mapping[str, str]) -> FetchedBill | NotFound | Unavailable:
        """Ask for the bill, then poll its reference with backoff (the server's retry-after is a floor) until it
        is ready, the biller says no, or `fetch_deadline_s` of the client's clock has passed."""
        request = FetchRequest(ref_id=uuid.uuid4().hex, agent_id=self.agent_id, biller_id=biller.biller_id,
                               params=dict(biller.check_params(params)))  # fmt: skip
        started = self.client.clock.monotonic()
        try:
            answer = self.client.call("POST", BBPS_PREFIX + "/bills:fetch", FetchAnswer, request)
            attempt = 0
            while answer.status == "pending":
                wait = max(answer.retry_after_ms / 1000, full_jitter(attempt, base_s=self.poll_base_s,
                                                                     cap_s=self.poll_cap_s, rng=self.rng))  # fmt: skip
                if self.client.clock.monotonic() - started + wait > self.fetch_deadline_s:
                    return Unavailable(timed_out=True, detail=f"bill fetch {request.ref_id} not ready in time")
                self.sleep(wait)
                attempt += 1
                answer = self.client.call("GET", f"{BBPS_PREFIX}/bills:fetch/{request.ref_id}", FetchAnswer)
        except SyncError as exc:
            return unavailable(exc, "bill fetch")
        return _bill(answer, request.ref_id, biller)

    # -- payment -------------------------------------------------------------------------------------
    def pay(self, order: PaymentOrder) -> Confirmation | PaymentRefused | Unavailable:
        """Post once; safe to repeat with the same order (the idempotency key finds the first answer)."""
        try:
            request = PaymentRequest(
                idempotency_key=order.idempotency_key, agent_id=self.agent_id, biller_id=order.biller_id,
                params=dict(order.params), fetch_ref_id=order.fetch_ref_id, amount_paise=order.amount.paise,
                fee_paise=order.fee.paise, payment_mode=order.mode,  # type: ignore[arg-type]
            )  # fmt: skip
        except ValidationError as exc:  # e.g. a payment mode BBPS has no name for: kept queued, never dropped
            log.warning("BBPS payment %s cannot be posted: %s", order.idempotency_key, str(exc)[:200])
            return Unavailable(timed_out=False, detail=f"not postable: {str(exc)[:150]}")
        try:
            answer = self.client.call("POST", BBPS_PREFIX + "/payments", PaymentAnswer, request)
        except Refusal as exc:
            if exc.status in (404, 422):  # an unknown biller or a malformed order: posting again cannot help
                return PaymentRefused(exc.detail[:200])
            return unavailable(exc, "BBPS payment")
        except SyncError as exc:
            return unavailable(exc, "BBPS payment")
        if (answer.idempotency_key, answer.amount_paise, answer.fee_paise) != (
            order.idempotency_key, order.amount.paise, order.fee.paise,
        ):  # fmt: skip
            log.warning("BBPS payment: the answer is for another payment; outcome unknown")
            return Unavailable(timed_out=False, detail="answer for another payment")
        if answer.status == "FAILED":
            return PaymentRefused(answer.reason or "refused by the BBPOU")
        if not answer.txn_ref_id:
            return Unavailable(timed_out=False, detail="success without a BBPS reference")
        return Confirmation(answer.txn_ref_id, answer.biller_name, _date(answer.bill_date), _date(answer.due_date))

    # -- complaints ----------------------------------------------------------------------------------
    def complain(self, txn_ref_id: str, reason: ComplaintReason) -> ComplaintState | NotFound | Unavailable:
        request = ComplaintRequest(txn_ref_id=txn_ref_id, agent_id=self.agent_id, reason=reason.value)
        try:
            answer = self.client.call("POST", BBPS_PREFIX + "/complaints", Complaint, request)
        except SyncError as exc:
            return not_found_or_unavailable(exc, "BBPS complaint")
        return _complaint(answer, txn_ref_id)

    def complaint_status(self, txn_ref_id: str) -> ComplaintState | NotFound | Unavailable:
        try:
            answer = self.client.call("GET", f"{BBPS_PREFIX}/complaints/{txn_ref_id}", Complaint)
        except SyncError as exc:
            return not_found_or_unavailable(exc, "BBPS complaint status")
        return _complaint(answer, txn_ref_id)


def _bill(answer: FetchAnswer, ref_id: str, biller: Biller) -> FetchedBill | NotFound | Unavailable:
    if answer.ref_id != ref_id:
        return Unavailable(timed_out=False, detail="answer for another fetch")
    if answer.status == "not_found":
        return NotFound()
    if answer.status != "ready" or answer.bill is None:
        return Unavailable(timed_out=answer.status == "failed", detail=answer.reason or answer.status)
    bill = answer.bill
    bill_date, due_date = _date(bill.bill_date), _date(bill.due_date)
    if bill.biller_id != biller.biller_id or bill_date is None or due_date is None:
        log.warning("bill fetch %s: the bill is for another biller or undated; ignored", ref_id)
        return Unavailable(timed_out=False, detail="bill for another biller or without dates")
    return FetchedBill(ref_id, bill.biller_id, bill.biller_name, bill.customer_name, Money(bill.amount_paise),
                       bill_date, due_date, bill.bill_number)  # fmt: skip


def _complaint(answer: Complaint, txn_ref_id: str) -> ComplaintState | Unavailable:
    if answer.txn_ref_id != txn_ref_id:
        return Unavailable(timed_out=False, detail="complaint answer for another transaction")
    return ComplaintState(answer.complaint_id, answer.txn_ref_id, answer.status, answer.assigned_to, answer.remarks)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def bbpou_at(url: str | None, agent_id: str, client: Client) -> HttpBbps | None:
    """The BBPOU at `url` (None: BBPS off). At another address than the central server it gets its own client,
    signed with the kiosk's key as the reference server expects (a state's real BBPOU may want its own credentials)."""
    if url is None:
        return None
    if url.rstrip("/") != client.base_url:
        client = Client(url, client.key, client.kiosk_id, client.clock, timeout_s=client.timeout_s)
    return HttpBbps(client, agent_id)
