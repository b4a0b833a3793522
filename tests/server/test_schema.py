"""Schemathesis against the served OpenAPI document, and against one that also describes the dashboard and the
QR pages (`/dash`, `/r/`, `/z/`, `/p/`): no input, however odd, makes the server fail (5xx)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
import schemathesis
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from server.app import create_app
from server.db import Database
from tests.server.test_hostile import officer
from tests.sync.harness import ServerProcess


def run(operations: list[Any], examples: int, *, base_url: str | None = None, session: Any = None) -> None:
    @given(data=st.data())
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def exercise(data: st.DataObject) -> None:
        operation = data.draw(st.sampled_from(operations))
        case = data.draw(operation.as_strategy())
        case.call_and_validate(base_url=base_url, session=session, checks=[not_a_server_error])

    exercise()


def test_no_generated_request_makes_the_server_fail(tmp_path: Path) -> None:
    # Driven by hand rather than through schemathesis' pytest plugin, which does not run on this pytest version.
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    try:
        schema = schemathesis.openapi.from_url(process.url + "/api/v1/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 7
        run(operations, 60)
    finally:
        process.stop()


def page_routes(folder: Path) -> list[APIRoute]:
    """The routes the kiosk API document leaves out: the officers' dashboard, and the pages a phone opens."""
    app = create_app(Database("sqlite:///" + str(folder / "routes.db")))
    found, pending = [], list(app.routes)
    while pending:
        route = pending.pop(0)
        if hasattr(route, "original_router"):
            pending += route.original_router.routes
        elif isinstance(route, APIRoute) and not route.path.startswith("/api/"):
            route.include_in_schema = True
            found.append(route)
    return found


def test_no_generated_request_to_the_dashboard_or_the_qr_pages_makes_the_server_fail(tmp_path: Path) -> None:
    routes = page_routes(tmp_path)
    assert {"/r/{token}", "/z/{token}", "/p/{code}", "/dash/k/{code}", "/dash/login"} <= {r.path for r in routes}
    document = get_openapi(title="pages", version="1", openapi_version="3.0.2", routes=routes)
    operations = [result.ok() for result in schemathesis.openapi.from_dict(document).get_all_operations()]
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    try:
        signed_in: requests.Session = officer(process)  # half the cases as an officer, so pages get past login
        run(operations, 60, base_url=process.url)
        run(operations, 60, base_url=process.url, session=signed_in)
    finally:
        process.stop()
