"""What operator mode's Aadhaar Pay login page and its menu entry show (kiosk/flows/operator_tools/aadhaar_login.py)."""

from __future__ import annotations

from typing import Any

from kiosk.flows.operator_tools.aadhaar_login import AadhaarLoginTool


def aadhaar_login_view(tool: AadhaarLoginTool) -> dict[str, Any]:
    """Never the PIN or the number: the PIN's length, and the number with only its last four digits readable."""
    state = tool.state()
    message = tool.message
    return {
        "offered": tool.offered,
        "state": state.value if state is not None else "",
        "phase": tool.phase.value,
        "waiting": tool.waiting,
        "pinLength": len(tool.pin),
        "number": tool.masked_number(),
        "numberLength": len(tool.digits),
        "message": {"code": message.notice.value, "args": list(message.args)} if message else {"code": "", "args": []},
    }
