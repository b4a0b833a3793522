"""The HTTP face of the reference server: FastAPI routes under /api/v1, each a thin wrapper over Service."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError

from server import aeps as aeps_switch
from server import certificates, online, zreports
from server.dashboard.routes import build_router as dashboard_router
from server.db import Database, IntegrityError
from server.delivery import Deliveries, PhoneOptions, add_routes
from server.pages import check_kiosk_signature, rupees, verdict_page, verdict_response
from server.service import Kiosk, Refused, Service, iso, now_utc
from server.wire import Body, wire_body
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
    Problem,
    SignedCatalogue,
)
from sync.protocol.receipts import parse_token

log = logging.getLogger("kiosk-server")
M = TypeVar("M", bound=BaseModel)
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 409, 413, 415, 422, 504)
}


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Describe a raw (possibly gzip) JSON body in the OpenAPI document."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def parse(model: type[M], data: bytes) -> M:
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(body)"
        raise Refused(422, f"{model.__name__}: {where}: {first['msg']}") from None


def json_answer(answer: BaseModel) -> Response:
    """Serialise once: the model was built and validated by us, so FastAPI need not check it again."""
    return Response(answer.model_dump_json(), media_type="application/json")


def create_app(
    db: Database, *, flush_every_s: float = 0.2, phone: PhoneOptions | None = None, aua_answer_delay_s: float = 0.0
) -> FastAPI:
    service = Service(db)

    async def flusher() -> None:
        while True:
            await asyncio.sleep(flush_every_s)
            try:
                await asyncio.to_thread(service.flush_heartbeats)  # a commit: not on the event loop
            except Exception:
                log.exception("writing buffered heartbeats failed; they are retried with the next flush")

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(flusher())
        yield
        task.cancel()
        service.flush_heartbeats()

    app = FastAPI(
        title="e-Mitra Plus kiosk server", version="1", openapi_url=API_PREFIX + "/openapi.json", lifespan=lifespan
    )
    app.state.service = service
    app.include_router(dashboard_router(db, service))

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> JSONResponse:
        log.warning("%s %s refused %d: %s", request.method, request.url.path, exc.status, exc.detail)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    def authed(tx: Any, request: Request, raw: bytes) -> Kiosk:
        headers = {k.lower(): v for k, v in request.headers.items()}
        return service.authenticate(tx, headers, request.method, request.url.path, raw, now_utc())

    @app.post(
        API_PREFIX + "/enrol", response_model=EnrolAnswer, responses=ERRORS, openapi_extra=body_schema(EnrolRequest)
    )
    def enrol(body: Body) -> EnrolAnswer:
        return service.enrol(parse(EnrolRequest, body.data))

    @app.post(API_PREFIX + "/events:batch", response_model=BatchAnswer, responses=ERRORS,
              openapi_extra=body_schema(EventBatch))  # fmt: skip
    def events_batch(request: Request, body: Body) -> Response:
        raw, data = body
        now = now_utc()
        try:
            with db.tx() as tx:
                kiosk = authed(tx, request, raw)
                batch = parse(EventBatch, data)
                seqs = [i.seq for i in batch.items]
                if len(set(seqs)) != len(seqs) or len({i.uuid for i in batch.items}) != len(seqs):
                    raise Refused(422, "EventBatch: items: a seq or uuid appears twice in one batch")
                results, high = service.ingest(tx, kiosk, list(batch.items), now)
        except IntegrityError:
            raise Refused(409, "replayed or concurrent request; send it again") from None
        return json_answer(BatchAnswer(results=results, high_water=high, server_time=iso(now)))

    @app.post(API_PREFIX + "/heartbeat", response_model=HeartbeatAnswer, responses=ERRORS,
              openapi_extra=body_schema(Heartbeat))  # fmt: skip
    def heartbeat(request: Request, body: Body) -> Response:
        raw, data = body
        with db.tx(write=False) as tx:
            headers = {k.lower(): v for k, v in request.headers.items()}
            kiosk = service.authenticate(tx, headers, "POST", request.url.path, raw, now_utc(), buffered=True)
            answer = service.heartbeat(tx, kiosk, parse(Heartbeat, data), now_utc())
        return json_answer(answer)

    def published(request: Request, raw: bytes, kind: str) -> Response:
        with db.tx() as tx:
            authed(tx, request, raw)
            latest = service.latest_catalogue(tx, kind)
        if latest is None:
            raise Refused(404, f"no {kind} has been published yet")
        etag = f'"v{latest[0]}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        return Response(latest[1], media_type="application/json", headers={"ETag": etag})

    @app.get(API_PREFIX + "/catalog", response_model=SignedCatalogue, responses={**ERRORS, 304: {}})
    def catalogue(request: Request, body: Body) -> Response:
        return published(request, body.raw, "catalogue")

    @app.get(API_PREFIX + "/config", response_model=SignedCatalogue, responses={**ERRORS, 304: {}})
    def fleet_config(request: Request, body: Body) -> Response:
        return published(request, body.raw, "config")

    @app.post(API_PREFIX + "/bills:lookup", response_model=Bill, responses=ERRORS, openapi_extra=body_schema(BillQuery))
    def bill_lookup(request: Request, body: Body) -> Bill:
        raw, data = body
        try:
            with db.tx() as tx:
                authed(tx, request, raw)
                bill = online.lookup_bill(tx, parse(BillQuery, data))
        except online.BillerTimeout as exc:
            raise Refused(504, str(exc)) from None
        if bill is None:
            raise Refused(404, "no bill for this consumer number")
        return bill

    @app.get(API_PREFIX + "/applications/{number}", response_model=ApplicationStatus, responses=ERRORS)
    def application(number: str, request: Request, body: Body) -> ApplicationStatus:
        raw = body.raw
        with db.tx() as tx:
            authed(tx, request, raw)
            status = online.application_status(tx, number[:64])
        if status is None:
            raise Refused(404, "no application with this number")
        return status

    @app.get(
        API_PREFIX + "/applications/{number}/certificate",
        responses={**ERRORS, 200: {"content": {"application/pdf": {}}}},
    )
    def certificate(number: str, request: Request, body: Body) -> Response:
        raw = body.raw
        with db.tx() as tx:
            authed(tx, request, raw)
            try:
                pdf = certificates.certificate_pdf(tx, number[:64])
            except certificates.NotIssued as exc:
                raise Refused(409, str(exc)) from None
        if pdf is None:
            raise Refused(404, "no application with this number")
        return Response(pdf, media_type="application/pdf")

    online.add_routes(app, db, authed=authed, parse=parse, responses=ERRORS, body_schema=body_schema,
                      answer_delay_s=aua_answer_delay_s)  # fmt: skip
    aeps_switch.add_routes(app, db, authed=authed, parse=parse, responses=ERRORS, body_schema=body_schema)

    @app.get("/r/{token}", response_class=HTMLResponse, responses={400: {"model": Problem}})
    def receipt(token: str, request: Request) -> Response:
        def facts() -> dict[str, Any]:
            claim, body, signature = parse_token(token)
            check_kiosk_signature(service.kiosk_keys, claim.kiosk_code, body, signature, claim.paid_at_iso)
            return {
                "kiosk_code": claim.kiosk_code, "receipt_no": claim.receipt_no, "txn_id": claim.txn_id,
                "amount_paise": claim.amount_paise, "paid_at": claim.paid_at_iso,
            }  # fmt: skip

        return verdict_response(request, facts, receipt_page)

    zreports.add_routes(app, service.kiosk_keys)
    phone = phone or PhoneOptions()
    deliveries = Deliveries(db, service, gateway=phone.gateway, ttl=phone.ttl)
    add_routes(app, deliveries, body=wire_body, authed=authed, parse=parse, receipt_page=receipt_page,
               public_url=phone.public_url)  # fmt: skip
    return app


def receipt_page(facts: dict[str, Any] | None, problem: str | None) -> str:
    if facts is None:
        return verdict_page("e-Mitra Plus", "रसीद सत्यापित नहीं हुई / Receipt NOT verified", None, problem)
    cells: list[tuple[str, object]] = [
        ("कियोस्क / Kiosk", facts["kiosk_code"]), ("रसीद संख्या / Receipt no.", facts["receipt_no"]),
        ("लेन-देन / Transaction", facts["txn_id"]), ("राशि / Amount", rupees(int(facts["amount_paise"]))),
        ("भुगतान समय / Paid at (UTC)", facts["paid_at"]),
    ]  # fmt: skip
    return verdict_page("e-Mitra Plus", "रसीद सत्यापित / Receipt verified", cells)
