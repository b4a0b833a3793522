"""The server's routes live in module-level routers; `create_app` only assembles them and the shared state."""

from __future__ import annotations

import importlib
from pathlib import Path

from fastapi.routing import APIRoute

from server.app import create_app
from server.db import Database


def endpoints(folder: Path) -> list[APIRoute]:
    app = create_app(Database("sqlite:///" + str(folder / "routers.db")))
    found, pending = [], list(app.routes)
    while pending:  # an included router keeps its own routes (as tests/server/test_every_route.py walks them)
        route = pending.pop(0)
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            pending += route.original_router.routes
    return found


def test_every_route_is_a_module_level_function_of_its_router_module(tmp_path: Path) -> None:
    routes = endpoints(tmp_path)
    assert len(routes) >= 25
    nested = [f"{r.path}: {r.endpoint.__qualname__}" for r in routes if "<locals>" in r.endpoint.__qualname__]
    assert nested == []
    for route in routes:
        module = importlib.import_module(route.endpoint.__module__)
        assert module.__name__ != "server.app", route.path
        assert route.endpoint in {getattr(r, "endpoint", None) for r in module.router.routes}, route.path


def test_two_apps_on_two_databases_keep_their_own_state(tmp_path: Path) -> None:
    first = create_app(Database("sqlite:///" + str(tmp_path / "a.db")))
    second = create_app(Database("sqlite:///" + str(tmp_path / "b.db")))
    assert first.state.service is not second.state.service
    assert first.state.service.db is not second.state.service.db
    assert first.state.dashboard.db is first.state.service.db
