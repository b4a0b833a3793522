"""The privileged executor's spool: the request and result files shared by the agent (user kiosk) and root."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from sync.protocol import Model

# requests/ is writable by the kiosk group (the agent drops requests there); results/ only by root (the executor's
# answers, and its memory of which request ids are done: a request sent twice is run once).
REQUESTS, RESULTS = "requests", "results"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$"
MAX_REQUEST_BYTES = 64_000
Action = Literal["restart_app", "reboot", "set_config", "install_vendor"]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]
Status = Literal["done", "refused", "failed"]


class Request(Model):
    """One allow-listed action with its arguments (checked per action by the executor); never a command line."""

    id: str = Field(pattern=ID_PATTERN)
    action: Action
    args: dict[str, Any] = Field(default_factory=dict)


class Result(Model):
    id: str = Field(pattern=ID_PATTERN)
    action: str = Field(max_length=40)
    status: Status
    detail: str = Field(max_length=4000)
    finished_at: str = Field(max_length=40)


def explain(exc: ValidationError) -> str:
    """What is wrong, by place, never echoing the input (a request could be a hard link to a file we must not show)."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'request'}: {e['msg']}" for e in exc.errors()[:3])[:300]


def valid_id(name: str) -> bool:
    return re.fullmatch(ID_PATTERN, name) is not None


def write_new(folder_fd: int, name: str, data: bytes, *, group: int | None = None) -> None:
    """Create `name` in the open folder atomically (a hidden temporary, fsync, rename): readers see all or nothing.

    Relative to an open folder, with O_EXCL|O_NOFOLLOW on the temporary, so a symlink planted under either name is
    replaced, never followed."""
    temporary = f".{name}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary, dir_fd=folder_fd)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o640, dir_fd=folder_fd)
    try:
        if group is not None:
            os.fchown(handle, -1, group)  # root writes results readable by the kiosk group
        os.write(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)
    os.rename(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    os.fsync(folder_fd)


def open_folder(path: Path) -> int:
    """An open descriptor of a real folder (a symlink in its place is refused)."""
    return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
