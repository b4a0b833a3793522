"""Schemathesis against the served OpenAPI document: no input, however odd, makes the server fail (5xx)."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from tests.sync.harness import ServerProcess


def test_no_generated_request_makes_the_server_fail(tmp_path: Path) -> None:
    # Driven by hand rather than through schemathesis' pytest plugin, which does not run on this pytest version.
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    try:
        schema = schemathesis.openapi.from_url(process.url + "/api/v1/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 7

        @given(data=st.data())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def exercise(data: st.DataObject) -> None:
            operation = data.draw(st.sampled_from(operations))
            case = data.draw(operation.as_strategy())
            case.call_and_validate(checks=[not_a_server_error])

        exercise()
    finally:
        process.stop()
