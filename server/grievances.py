"""The kiosks' grievance API (Sampark-style): register, look up by number or mobile, remind, give feedback."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request

from common.numbers import mask_mobile
from server import grievance_store as store
from server.db import IntegrityError
from server.delivery import GatewayError
from server.deps import ERRORS, ServiceDep, authed, parse
from server.service import Refused, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.grievance import (
    GRIEVANCE_PREFIX,
    NUMBER_PATTERN,
    FeedbackRequest,
    Grievance,
    MobileLookup,
    RegisterRequest,
    ReminderRequest,
    SummaryList,
)

log = logging.getLogger("kiosk-server.grievances")
router = APIRouter(prefix=API_PREFIX + GRIEVANCE_PREFIX)


def _number(number: str) -> str:
    if len(number) != 14 or not number.startswith("RJ") or not number[2:].isascii() or not number[2:].isdigit():
        raise Refused(404, f"no grievance with this number (numbers match {NUMBER_PATTERN})")
    return number


@router.post("", response_model=Grievance, responses=ERRORS)
def register(request: Request, body: Body, service: ServiceDep) -> Grievance:
    try:
        with service.db.tx() as tx:
            kiosk = authed(service, tx, request, body.raw)
            asked: RegisterRequest = parse(RegisterRequest, body.data)
            grievance, new = store.register(tx, kiosk.id, asked, now_utc())
    except IntegrityError:
        raise Refused(409, "this grievance is being registered right now; send it again") from None
    if new and _sms(request, asked.mobile, store.sms_text(grievance)):
        with service.db.tx() as tx:
            tx.execute("UPDATE grievances SET sms_sent = 1 WHERE number = ?", (grievance.number,))
        grievance = grievance.model_copy(update={"sms_sent": True})
    return grievance


def _sms(request: Request, mobile: str, text: str) -> bool:
    """Through the receipts' SMS gateway (server/delivery.py); the number is used here and not kept."""
    gateway = request.app.state.deliveries.gateway
    if gateway is None:
        return False
    try:
        gateway.send(mobile, text)
    except GatewayError as exc:
        log.warning("grievance SMS to %s not sent: %s", mask_mobile(mobile), exc)
        return False
    return True


@router.get("/{number}", response_model=Grievance, responses=ERRORS)
def lookup(number: str, request: Request, body: Body, service: ServiceDep) -> Grievance:
    with service.db.tx(write=False) as tx:
        authed(service, tx, request, body.raw)
        return store.lookup(tx, _number(number))


@router.post(":by-mobile", response_model=SummaryList, responses=ERRORS)
def by_mobile(request: Request, body: Body, service: ServiceDep) -> SummaryList:
    with service.db.tx(write=False) as tx:
        authed(service, tx, request, body.raw)
        asked: MobileLookup = parse(MobileLookup, body.data)
        return SummaryList(grievances=store.by_mobile(tx, asked.mobile))


@router.post("/{number}/reminders", response_model=Grievance, responses=ERRORS)
def remind(number: str, request: Request, body: Body, service: ServiceDep) -> Grievance:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
        asked: ReminderRequest = parse(ReminderRequest, body.data)
        return store.remind(tx, _number(number), asked.request_id, now_utc())


@router.post("/{number}/feedback", response_model=Grievance, responses=ERRORS)
def feedback(number: str, request: Request, body: Body, service: ServiceDep) -> Grievance:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
        asked: FeedbackRequest = parse(FeedbackRequest, body.data)
        return store.feedback(tx, _number(number), asked.request_id, asked.rating, asked.text, now_utc())
