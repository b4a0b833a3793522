"""Remote commands on the heartbeat channel: what an officer orders, how the server signs it, what the kiosk answers."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Kept here rather than imported from sync.protocol: that module's Heartbeat is built from these classes.
_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_ISO = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$"

RemoteKind = Literal[
    "restart_app", "reboot", "out_of_service", "in_service", "send_logs", "screenshot", "set_config"
]  # fmt: skip
REMOTE_KINDS: tuple[str, ...] = RemoteKind.__args__  # type: ignore[attr-defined]
ResultStatus = Literal["done", "refused", "failed"]
MAX_REMOTE_PER_ANSWER = 8
MAX_RESULT_OUTPUT = 600_000  # a downscaled PNG in base64, or a few thousand log lines


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RemoteCommand(_Closed):
    """One order for one kiosk. `id` is unique forever; the kiosk refuses it after `expires_at` or a second time."""

    id: str = Field(pattern=_UUID)
    kiosk_id: str = Field(min_length=1, max_length=64)
    kind: RemoteKind
    args: dict[str, Any] = Field(default_factory=dict)
    officer: str = Field(min_length=1, max_length=80)  # who ordered it: journaled on the kiosk too
    issued_at: str = Field(pattern=_ISO)
    expires_at: str = Field(pattern=_ISO)


class SignedRemoteCommand(_Closed):
    command: RemoteCommand
    signature: str = Field(pattern=r"^[A-Za-z0-9_-]{86}$")


class CommandResult(_Closed):
    """The kiosk's answer to one command, sent with the next heartbeats until the server has it."""

    id: str = Field(pattern=_UUID)
    status: ResultStatus
    detail: str = Field(default="", max_length=2000)
    output: str | None = Field(default=None, max_length=MAX_RESULT_OUTPUT)  # redacted log lines, or a PNG (base64)


def remote_message(command: RemoteCommand) -> bytes:
    """What the server signs: every field of the command, tagged so no other signed document can pass as one."""
    fields = {"kind": "remote_command", "command": command.model_dump()}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# What a remote configuration change may touch: section → keys. Everything else in kiosk.toml (devices, server,
# database, rules about money) stays a field engineer's job.
CONFIG_KEYS: dict[str, tuple[str, ...]] = {
    "kiosk": ("helpline", "nodal_officer"),
    "hours": ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "holidays"),
    "accessibility": ("speech", "volume", "rate"),
}


def args_problem(kind: str, args: dict[str, Any]) -> str | None:
    """Why these arguments do not fit this kind of command (None: they do). The kiosk checks them again."""
    if kind == "send_logs":
        lines = args.get("lines")
        if set(args) != {"lines"} or type(lines) is not int or not 1 <= lines <= 2000:
            return "send_logs takes {'lines': N} with N from 1 to 2000"
    elif kind == "out_of_service":
        reason = args.get("reason")
        if set(args) != {"reason"} or not isinstance(reason, str) or not 3 <= len(reason.strip()) <= 200:
            return "out_of_service takes {'reason': text of 3 to 200 characters}"
    elif kind == "set_config":
        if not args:
            return "set_config needs at least one of the sections " + ", ".join(CONFIG_KEYS)
        for section, values in args.items():
            if section not in CONFIG_KEYS or not isinstance(values, dict) or not values:
                return f"set_config: [{section}] is not a section that can be changed remotely (or is empty)"
            unknown = sorted(set(values) - set(CONFIG_KEYS[section]))
            if unknown:
                return f"set_config: [{section}].{unknown[0]} cannot be changed remotely"
    elif args:
        return f"{kind} takes no arguments"
    return None
