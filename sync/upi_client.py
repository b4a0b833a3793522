"""The UPI rail's gateway over the kiosk's signed /api/v1: make a QR, ask its status, cancel it. Answers are checked
against the transaction and amount asked about; one for another transaction is Unreachable, never a payment."""

from __future__ import annotations

import logging
from datetime import datetime

from kiosk.money import Money
from kiosk.payments.port import Outcome, RailResult
from kiosk.payments.upi import Payee, QrOffer, Unreachable
from sync.client import Client, Refusal, SyncError
from sync.protocol.upi import UpiQr, UpiQrRequest, UpiStatus, UpiStatusQuery

log = logging.getLogger("kiosk.upi")

OUTCOMES = {"pending": Outcome.PENDING, "paid": Outcome.PAID, "expired": Outcome.EXPIRED,
            "declined": Outcome.DECLINED, "unknown": Outcome.UNKNOWN}  # fmt: skip


class HttpUpiGateway:
    def __init__(self, client: Client) -> None:
        self.client = client
        self.amounts: dict[str, int] = {}  # what each transaction's QR is for: a status for another amount is refused

    def create_qr(self, txn_id: str, attempt: int, amount: Money, payee: Payee, note: str) -> QrOffer:
        ask = UpiQrRequest(txn_ref=txn_id, attempt=attempt, amount_paise=amount.paise, payee_vpa=payee.vpa,
                           payee_name=payee.name, note=note)  # fmt: skip
        try:
            qr = self.client.call("POST", "/upi:qr", UpiQr, ask)
        except SyncError as exc:
            raise Unreachable(f"making the QR: {exc}"[:200]) from None
        if (qr.txn_ref, qr.attempt, qr.amount_paise) != (txn_id, attempt, amount.paise):
            raise Unreachable("the server's QR is for another transaction or amount")
        try:
            expires = datetime.fromisoformat(qr.expires_at.replace("Z", "+00:00"))
        except ValueError:
            raise Unreachable(f"the QR's expiry {qr.expires_at[:32]!r} is not a time") from None
        self.amounts[txn_id] = amount.paise
        return QrOffer(qr.tr, expires)

    def status(self, txn_id: str, *, inquire: bool) -> RailResult:
        return self._asked("/upi:status", UpiStatusQuery(txn_ref=txn_id, inquire=inquire))

    def cancel(self, txn_id: str) -> RailResult:
        return self._asked("/upi:cancel", UpiStatusQuery(txn_ref=txn_id))

    def _asked(self, path: str, query: UpiStatusQuery) -> RailResult:
        try:
            answer = self.client.call("POST", path, UpiStatus, query)
        except Refusal as exc:
            raise Unreachable(f"{path}: {exc.detail}"[:200]) from None
        except SyncError as exc:
            raise Unreachable(f"{path}: {exc}"[:200]) from None
        if answer.txn_ref != query.txn_ref:
            raise Unreachable(f"{path}: the answer is for another transaction")
        expected = self.amounts.get(query.txn_ref)
        if answer.status == "paid" and expected is not None and answer.amount_paise != expected:
            log.error("UPI %s: paid %d paise, the QR was for %d; held", query.txn_ref, answer.amount_paise, expected)
            return RailResult(Outcome.UNKNOWN, detail="paid amount differs from the QR's")
        if answer.status == "paid" and not answer.utr:
            return RailResult(Outcome.UNKNOWN, detail="paid without a UTR")
        return RailResult(OUTCOMES[answer.status], answer.utr if answer.status == "paid" else "", answer.code)
