"""The kiosk's API under /api/v1: enrolment, events, heartbeats, catalogue/config and the online look-ups."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server import certificates, online
from server.db import IntegrityError
from server.deps import ERRORS, ServiceDep, authed, body_schema, json_answer, parse
from server.service import Refused, Service, iso, now_utc
from server.wire import Body
from sync.protocol import (
    API_PREFIX,
    ApplicationStatus,
    BatchAnswer,
    Bill,
    BillQuery,
    EnrolAnswer,
    EnrolRequest,
    EventBatch,
    Heartbeat,
    HeartbeatAnswer,
    SignedCatalogue,
)

router = APIRouter(prefix=API_PREFIX)


@router.post("/enrol", response_model=EnrolAnswer, responses=ERRORS, openapi_extra=body_schema(EnrolRequest))
def enrol(body: Body, service: ServiceDep) -> EnrolAnswer:
    return service.enrol(parse(EnrolRequest, body.data))


@router.post("/events:batch", response_model=BatchAnswer, responses=ERRORS, openapi_extra=body_schema(EventBatch))
def events_batch(request: Request, body: Body, service: ServiceDep) -> Response:
    raw, data = body
    now = now_utc()
    try:
        with service.db.tx() as tx:
            kiosk = authed(service, tx, request, raw)
            batch = parse(EventBatch, data)
            seqs = [i.seq for i in batch.items]
            if len(set(seqs)) != len(seqs) or len({i.uuid for i in batch.items}) != len(seqs):
                raise Refused(422, "EventBatch: items: a seq or uuid appears twice in one batch")
            results, high = service.ingest(tx, kiosk, list(batch.items), now)
    except IntegrityError:
        raise Refused(409, "replayed or concurrent request; send it again") from None
    return json_answer(BatchAnswer(results=results, high_water=high, server_time=iso(now)))


@router.post("/heartbeat", response_model=HeartbeatAnswer, responses=ERRORS, openapi_extra=body_schema(Heartbeat))
def heartbeat(request: Request, body: Body, service: ServiceDep) -> Response:
    raw, data = body
    with service.db.tx(write=False) as tx:
        headers = {k.lower(): v for k, v in request.headers.items()}
        kiosk = service.authenticate(tx, headers, "POST", request.url.path, raw, now_utc(), buffered=True)
        answer = service.heartbeat(tx, kiosk, parse(Heartbeat, data), now_utc())
    # Fields left at their defaults are left out: an agent older than `release` and `remote` (closed models)
    # can still read the answer, and be updated through it.
    return Response(answer.model_dump_json(exclude_defaults=True), media_type="application/json")


def published(service: Service, request: Request, raw: bytes, kind: str) -> Response:
    with service.db.tx() as tx:
        authed(service, tx, request, raw)
        latest = service.latest_catalogue(tx, kind)
    if latest is None:
        raise Refused(404, f"no {kind} has been published yet")
    etag = f'"v{latest[0]}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(latest[1], media_type="application/json", headers={"ETag": etag})


@router.get("/catalog", response_model=SignedCatalogue, responses={**ERRORS, 304: {}})
def catalogue(request: Request, body: Body, service: ServiceDep) -> Response:
    return published(service, request, body.raw, "catalogue")


@router.get("/config", response_model=SignedCatalogue, responses={**ERRORS, 304: {}})
def fleet_config(request: Request, body: Body, service: ServiceDep) -> Response:
    return published(service, request, body.raw, "config")


@router.post("/bills:lookup", response_model=Bill, responses=ERRORS, openapi_extra=body_schema(BillQuery))
def bill_lookup(request: Request, body: Body, service: ServiceDep) -> Bill:
    raw, data = body
    try:
        with service.db.tx() as tx:
            authed(service, tx, request, raw)
            bill = online.lookup_bill(tx, parse(BillQuery, data))
    except online.BillerTimeout as exc:
        raise Refused(504, str(exc)) from None
    if bill is None:
        raise Refused(404, "no bill for this consumer number")
    return bill


@router.get("/applications/{number}", response_model=ApplicationStatus, responses=ERRORS)
def application(number: str, request: Request, body: Body, service: ServiceDep) -> ApplicationStatus:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
        status = online.application_status(tx, number[:64])
    if status is None:
        raise Refused(404, "no application with this number")
    return status


@router.get("/applications/{number}/certificate", responses={**ERRORS, 200: {"content": {"application/pdf": {}}}})
def certificate(number: str, request: Request, body: Body, service: ServiceDep) -> Response:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
        try:
            pdf = certificates.certificate_pdf(tx, number[:64])
        except certificates.NotIssued as exc:
            raise Refused(409, str(exc)) from None
    if pdf is None:
        raise Refused(404, "no application with this number")
    return Response(pdf, media_type="application/pdf")
