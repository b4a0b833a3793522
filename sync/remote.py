"""The agent's side of remote commands: verify the server's signature, refuse stale or repeated ones, run, journal."""

from __future__ import annotations

import base64
import json
import logging
import subprocess
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.availability import ServiceSwitch
from kiosk.clock import Clock, parse_iso_utc
from kiosk.config import ConfigError
from kiosk.store import Store
from sync.config_change import apply_config_change
from sync.identity import SyncState
from sync.privileged_client import Privileged, PrivilegedError
from sync.protocol import MAX_SKEW_S
from sync.protocol.remote import (
    MAX_REMOTE_PER_ANSWER,
    CommandResult,
    RemoteCommand,
    SignedRemoteCommand,
    args_problem,
    remote_message,
)
from sync.protocol.signing import SignatureError, verify
from sync.redact import redact_lines

log = logging.getLogger("kiosk-agent")
PENDING_KEY = "remote_results"
MAX_LOG_CHARS = 200_000
# Outputs per heartbeat, in characters: well inside the server's MAX_INFLATED_BYTES, so an answer with two sets of
# logs and a screenshot never makes every heartbeat too big to be accepted (which would stop them all).
OUTPUT_BUDGET = 450_000


class SystemControl(Protocol):
    """What the agent may do to the machine; tests inject a recorder and never reboot."""

    def restart_app(self) -> None: ...

    def reboot(self) -> None: ...


class Systemd:
    """The real machine: the touch app is kiosk.service (systemd/), the agent may restart it and reboot."""

    def restart_app(self) -> None:
        subprocess.run(["systemctl", "restart", "kiosk.service"], check=True, timeout=60)

    def reboot(self) -> None:
        subprocess.run(["systemctl", "reboot"], check=True, timeout=60)


class LogSource(Protocol):
    def tail(self, lines: int) -> list[str]: ...


@dataclass(frozen=True)
class FileLog:
    path: Path

    def tail(self, lines: int) -> list[str]:
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=lines)]


class Journald:
    def tail(self, lines: int) -> list[str]:
        units = ["-u", "kiosk.service", "-u", "kiosk-agent.service"]
        command = ["journalctl", *units, "-n", str(lines), "--no-pager", "-o", "short-iso"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return done.stdout.splitlines()[-lines:]


class Screen(Protocol):
    """The touch app's screen: a PNG of it, or None with the reason it was refused (a number or PIN on screen)."""

    def screenshot(self) -> tuple[bytes | None, str]: ...


class Refuse(Exception):
    """The command is not run; the message is the reason sent back to the officer."""


class RemoteExecutor:
    def __init__(self, store: Store, server_key: Ed25519PublicKey, kiosk_id: str, clock: Clock, *,
                 system: SystemControl, logs: LogSource, screen: Screen, config_path: Path,
                 privileged: Privileged | None = None) -> None:  # fmt: skip
        self.store, self.server_key, self.kiosk_id, self.clock = store, server_key, kiosk_id, clock
        self.system, self.logs, self.screen, self.config_path = system, logs, screen, config_path
        # The shipped kiosk: /etc/kiosk is root's, so root's executor rewrites kiosk.toml (same function, same
        # checks); without it (a development box, tests) the agent rewrites the file itself.
        self.privileged = privileged
        self.state = SyncState(store)

    # -- results waiting for the server ------------------------------------------------------------------------
    def pending(self) -> list[CommandResult]:
        """The answers for the next heartbeat: oldest first, as many as fit its size limit (the rest go next time)."""
        chosen: list[CommandResult] = []
        size = 0
        for item in self._all_pending()[:MAX_REMOTE_PER_ANSWER]:
            result = CommandResult.model_validate(item)
            size += len(result.output or "")
            if chosen and size > OUTPUT_BUDGET:
                break
            chosen.append(result)
        return chosen

    def sent(self, ids: list[str]) -> None:
        """The server answered a heartbeat carrying these results: they need not be sent again."""
        if ids:
            self._keep([r for r in self._all_pending() if r["id"] not in ids])

    def _all_pending(self) -> list[dict[str, object]]:
        text = self.state.get(PENDING_KEY)
        return list(json.loads(text)) if text else []

    def _keep(self, items: list[dict[str, object]]) -> None:
        self.state.put({PENDING_KEY: json.dumps(items)})

    # -- running commands --------------------------------------------------------------------------------------
    def handle(self, commands: list[SignedRemoteCommand]) -> None:
        for signed in commands:
            try:
                self._handle(signed)
            except Exception:  # one bad command never stops the heartbeat or the next command
                log.exception("remote command %s could not be handled", signed.command.id)

    def _handle(self, signed: SignedRemoteCommand) -> None:
        command = signed.command
        try:
            verify(self.server_key, signed.signature, remote_message(command))
        except SignatureError as exc:
            # Not answered either: its id cannot be trusted, and an answer could close a real command unrun.
            log.warning("remote command %s ignored: not signed by our server (%s)", command.id, exc)
            return
        earlier = self._journaled(command.id)
        if earlier is not None:  # sent again (our answer was lost, or a replay): answer again, never run again
            log.info("remote command %s was already handled; its result is reported again", command.id)
            self._queue(earlier)
            return
        try:
            self._check(command)
            if command.kind in ("restart_app", "reboot"):  # the result must be on disk before we go down
                self._finish(command, CommandResult(id=command.id, status="done", detail=f"{command.kind} started"))
                try:
                    getattr(self.system, command.kind)()
                except Exception as exc:  # still up: say so instead of the "started" already queued
                    log.exception("remote command %s (%s) failed", command.id, command.kind)
                    self._queue(CommandResult(id=command.id, status="failed",
                                              detail=f"{type(exc).__name__}: {exc}"[:2000]))  # fmt: skip
                return
            result = self._run(command)
        except Refuse as exc:
            result = CommandResult(id=command.id, status="refused", detail=str(exc)[:2000])
        except Exception as exc:
            log.exception("remote command %s (%s) failed", command.id, command.kind)
            result = CommandResult(id=command.id, status="failed", detail=f"{type(exc).__name__}: {exc}"[:2000])
        self._finish(command, result)

    def _check(self, command: RemoteCommand) -> None:
        if command.kiosk_id != self.kiosk_id:
            raise Refuse(f"this command is for kiosk {command.kiosk_id}, not {self.kiosk_id}")
        now = self.clock.now()
        if parse_iso_utc(command.expires_at) <= now:
            raise Refuse(f"stale: the command expired at {command.expires_at}")
        if (parse_iso_utc(command.issued_at) - now).total_seconds() > MAX_SKEW_S:
            raise Refuse(f"issued in the future ({command.issued_at}): our clock or the command is wrong")
        problem = args_problem(command.kind, command.args)
        if problem:
            raise Refuse(problem)

    def _run(self, command: RemoteCommand) -> CommandResult:
        ok = CommandResult
        actor = f"officer:{command.officer}"
        if command.kind == "out_of_service":
            ServiceSwitch(self.store).take_out_of_service(str(command.args["reason"]), operator=actor)
            return ok(id=command.id, status="done", detail="out of service")
        if command.kind == "in_service":
            ServiceSwitch(self.store).back_in_service(operator=actor)
            return ok(id=command.id, status="done", detail="back in service")
        if command.kind == "send_logs":
            lines = redact_lines(self.logs.tail(int(command.args["lines"])))
            text = "\n".join(lines)[-MAX_LOG_CHARS:]
            return ok(id=command.id, status="done", detail=f"{len(lines)} lines, redacted", output=text)
        if command.kind == "screenshot":
            png, reason = self.screen.screenshot()
            if png is None:
                raise Refuse(reason)
            return ok(id=command.id, status="done", detail=reason, output=base64.b64encode(png).decode("ascii"))
        if command.kind == "set_config":
            summary = self._set_config(command)
            return ok(id=command.id, status="done", detail=summary + "; the touch app uses it from its next restart")
        raise Refuse(f"this agent does not know the command {command.kind}")

    def _set_config(self, command: RemoteCommand) -> str:
        if self.privileged is not None:
            try:  # the command's id makes the request's: a command handled again is never applied twice
                return self.privileged.run("set_config", command.args, request_id=f"config-{command.id}")
            except PrivilegedError as exc:
                if exc.status == "refused":
                    raise Refuse(str(exc)) from None  # "refused: nothing changed: …", from root
                raise
        try:
            return apply_config_change(self.config_path, command.args)
        except ConfigError as exc:
            raise Refuse(f"refused, nothing changed: {exc}") from None

    def _finish(self, command: RemoteCommand, result: CommandResult) -> None:
        """Journal the command and its outcome (never its output) and queue the result, in one transaction."""
        pending = [r for r in self._all_pending() if r["id"] != result.id] + [result.model_dump()]
        with self.store.write("sync") as uow:
            uow.journal("remote.command", command.id, {
                "kind": command.kind, "officer": command.officer, "issued_at": command.issued_at,
                "status": result.status, "detail": result.detail,
            })  # fmt: skip
            uow.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                        (PENDING_KEY, json.dumps(pending), json.dumps(pending)))  # fmt: skip
        log.info("remote command %s (%s from %s): %s %s", command.id, command.kind, command.officer, result.status,
                 result.detail)  # fmt: skip

    def _queue(self, result: CommandResult) -> None:
        self._keep([r for r in self._all_pending() if r["id"] != result.id] + [result.model_dump()])

    def _journaled(self, command_id: str) -> CommandResult | None:
        row = self.store.read_one("SELECT details FROM journal WHERE action = 'remote.command' AND subject = ?",
                                  (command_id,))  # fmt: skip
        if row is None:
            return None
        details = json.loads(str(row["details"]))
        return CommandResult(id=command_id, status=details["status"], detail=str(details["detail"]))
