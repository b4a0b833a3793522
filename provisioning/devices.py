"""Self-testing every configured device through the same `kioskctl device test <family>` the engineer runs."""

from __future__ import annotations

import io
from typing import Any

# How each family's self-test is run unattended from its config section.
SELF_TEST_ARGS = {
    "cash": lambda p: ["--port", str(p["port"]), "--seconds", "0"],
    "printer": lambda p: ["--port", str(p["port"])] if "port" in p else ["--host", str(p["host"])],
    "gps": lambda p: ["--port", str(p["port"]), "--wait-s", "10"],
    "qr": lambda p: ["--port", str(p["port"])],
    "biometric": lambda p: [
        "--first-port",
        str(p.get("first_port", 11100)),
        "--last-port",
        str(p.get("last_port", 11120)),
    ],
}


def self_test(kind: str, params: dict[str, Any]) -> tuple[bool, str]:
    """Run the family's `kioskctl device test` with the configured port; (passed, last lines of its report)."""
    from provisioning.cli import main  # the same command the engineer runs by hand

    argv = SELF_TEST_ARGS.get(kind)
    if argv is None:
        return True, f"{kind}: no unattended self-test; run `kioskctl device test {kind}` by hand"
    out = io.StringIO()
    try:
        code = main(["device", "test", kind, *argv(params)], out)
    except (KeyError, SystemExit) as exc:
        return False, f"{kind}: cannot run its self-test ({exc})"
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return code == 0, f"{kind}: " + (lines[-1] if lines else "no output")
