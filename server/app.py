"""The reference server as one FastAPI app: `create_app` sets the shared state and includes each module's router."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from server import (
    aeps,
    api,
    applications,
    bbps,
    blobs,
    delivery,
    grievance_pages,
    grievances,
    locker,
    locker_link,
    online,
    receipts,
    releases,
    upi,
    zreports,
)
from server.dashboard import deliveries as delivery_counts
from server.dashboard import routes as dashboard
from server.db import Database
from server.delivery import Deliveries, PhoneOptions
from server.deps import Settings
from server.fleetops import routes as fleetops
from server.service import Refused, Service
from sync.protocol import API_PREFIX

log = logging.getLogger("kiosk-server")


def create_app(
    db: Database, *, flush_every_s: float = 0.2, phone: PhoneOptions | None = None, aua_answer_delay_s: float = 0.0
) -> FastAPI:
    service = Service(db)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(flush_heartbeats(service, flush_every_s))
        yield
        task.cancel()
        service.flush_heartbeats()

    app = FastAPI(
        title="e-Mitra Plus kiosk server", version="1", openapi_url=API_PREFIX + "/openapi.json", lifespan=lifespan
    )
    phone = phone or PhoneOptions()
    app.state.service = service
    app.state.settings = Settings(aua_answer_delay_s=aua_answer_delay_s, public_url=phone.public_url)
    app.state.deliveries = Deliveries(db, service, gateway=phone.gateway, ttl=phone.ttl)
    app.state.dashboard = dashboard.Dashboard(db, service)
    app.add_exception_handler(Refused, refused)  # type: ignore[arg-type]
    app.include_router(dashboard.router)
    app.include_router(api.router)
    app.include_router(online.router)
    app.include_router(receipts.router)
    app.include_router(zreports.router)
    app.include_router(delivery.router)
    app.include_router(releases.router)
    app.include_router(upi.router)
    app.include_router(bbps.router)
    app.include_router(aeps.router)
    app.include_router(blobs.router)  # captured files, resumable uploads
    app.include_router(grievances.router)  # Sampark-style grievances from kiosks (server/grievances.py)
    app.include_router(grievance_pages.router)  # the officers' grievance pages in the dashboard
    app.include_router(fleetops.router)  # officers' command and rollout pages; the rollout's advance pass
    app.include_router(locker.router)  # the locker the server plays (push by URI) and its linking from kiosks:
    app.include_router(locker_link.router)  # off (404) unless `serve --locker-secret-file` sets state.locker_options
    app.include_router(delivery_counts.router)  # the dashboard's certificate deliveries by channel
    app.include_router(applications.router)  # applications made at kiosks: the officers' list (issue 20)
    return app


async def flush_heartbeats(service: Service, every_s: float) -> None:
    while True:
        await asyncio.sleep(every_s)
        try:
            await asyncio.to_thread(service.flush_heartbeats)  # a commit: not on the event loop
        except Exception:
            log.exception("writing buffered heartbeats failed; they are retried with the next flush")


async def refused(request: Request, exc: Refused) -> JSONResponse:
    log.warning("%s %s refused %d: %s", request.method, request.url.path, exc.status, exc.detail)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status)
