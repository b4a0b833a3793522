"""The privileged executor (root, kiosk-privileged.service): run the allow-listed requests in the agent's spool."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from kiosk.clock import Clock, SystemClock, iso_utc
from kiosk.config import ConfigError
from sync.config_change import apply_config_change
from sync.privileged_actions import Refused, install_vendor_as_root
from sync.privileged_spool import (
    MAX_REQUEST_BYTES,
    REQUESTS,
    RESULTS,
    Request,
    Result,
    explain,
    open_folder,
    valid_id,
    write_new,
)
from sync.protocol.remote import args_problem

log = logging.getLogger("kiosk-privileged")
KEEP_RESULTS = 500  # the newest results stay (the replay memory); older ones are removed
Checkpoint = Callable[[str], None]


def _nothing(_: str) -> None:
    """No checkpoint (the kill test passes one that SIGKILLs this process at a named step)."""


@dataclass(frozen=True)
class Machine:
    """What the executor may touch, fixed by its unit's command line (root-owned), never by a request."""

    spool: Path
    config: Path  # the kiosk config set_config rewrites (/etc/kiosk/kiosk.toml)
    release_root: Path  # vendor packages are taken only from <release_root>/releases/<version>/app/
    systemctl: str = "/usr/bin/systemctl"
    dpkg: str = "/usr/bin/dpkg"
    app_unit: str = "kiosk.service"


class Executor:
    def __init__(self, machine: Machine, clock: Clock, checkpoint: Checkpoint = _nothing) -> None:
        self.machine, self.clock, self.checkpoint = machine, clock, checkpoint

    def run_all(self) -> list[Result]:
        """Every request waiting, in name order, until the folder is empty (the path unit starts us again)."""
        done: list[Result] = []
        requests = open_folder(self.machine.spool / REQUESTS)
        results = open_folder(self.machine.spool / RESULTS)
        try:
            self.group = os.fstat(results).st_gid
            while names := sorted(os.listdir(requests)):
                for name in names:
                    result = self._one(requests, results, name)
                    if result is not None:
                        done.append(result)
            self._prune(results)
        finally:
            os.close(requests)
            os.close(results)
        return done

    def _one(self, requests: int, results: int, name: str) -> Result | None:
        stem = name.removesuffix(".json")
        if not name.endswith(".json") or not valid_id(stem):
            log.warning("refused spool entry %r: not <request id>.json; removed, nothing done", name[:100])
            _remove(requests, name)
            return None
        try:
            os.stat(name, dir_fd=results, follow_symlinks=False)
            log.info("request %s was done before (replayed): removed, not run again", stem)
            _remove(requests, name)
            return None
        except FileNotFoundError:
            pass
        try:
            request = _read(requests, name, stem)
            log.info("request %s: %s %s", stem, request.action, json.dumps(request.args)[:500])
            detail = self._act(request, lambda d: self._answer(results, stem, request.action, "done", d))
            result = self._answer(results, stem, request.action, "done", detail)
        except Refused as exc:
            result = self._answer(results, stem, _action_of(requests, name), "refused", f"refused: {exc}")
        except Exception as exc:  # the action itself went wrong (systemctl, dpkg, a disk error)
            log.exception("request %s failed", stem)
            result = self._answer(results, stem, _action_of(requests, name), "failed", f"{type(exc).__name__}: {exc}")
        _remove(requests, name)
        return result

    def _act(self, request: Request, early: Callable[[str], object]) -> str:
        args, machine = request.args, self.machine
        if request.action in ("restart_app", "reboot") and args:
            raise Refused(f"{request.action} takes no arguments")
        if request.action == "restart_app":
            _run([machine.systemctl, "restart", machine.app_unit])
            return f"{machine.app_unit} restarted"
        if request.action == "reboot":
            # The answer goes first: after the reboot this request must not be found undone and run again.
            early("reboot started")
            self.checkpoint("reboot")
            _run([machine.systemctl, "reboot"])
            return "reboot started"
        if request.action == "set_config":
            problem = args_problem("set_config", args)
            if problem:
                raise Refused(problem)
            try:
                return apply_config_change(machine.config, args, checkpoint=self.checkpoint)
            except ConfigError as exc:
                raise Refused(f"nothing changed: {exc}") from None  # the config's own message: place and value
        return install_vendor_as_root(machine.release_root, machine.spool, machine.dpkg, args, self.checkpoint)

    def _answer(self, results: int, stem: str, action: str, status: str, detail: str) -> Result:
        result = Result(id=stem, action=action[:40], status=status,  # type: ignore[arg-type]
                        detail=detail[:4000], finished_at=iso_utc(self.clock.now()))  # fmt: skip
        write_new(results, stem + ".json", result.model_dump_json().encode("utf-8"), group=self.group)
        log.log(logging.INFO if status == "done" else logging.WARNING, "request %s (%s): %s %s", stem, action,
                status, detail[:500])  # fmt: skip
        return result

    def _prune(self, results: int) -> None:
        entries = [(os.stat(n, dir_fd=results, follow_symlinks=False).st_mtime, n) for n in os.listdir(results)]
        for _, name in sorted(entries)[:-KEEP_RESULTS]:
            os.unlink(name, dir_fd=results)


def _read(requests: int, name: str, stem: str) -> Request:
    """The request, only from a regular file of sane size (a symlink or a FIFO planted here is refused unread)."""
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=requests)
    except OSError as exc:
        raise Refused(f"cannot open the request ({exc.strerror}): a symlink or something else than a file") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("the request is not a regular file")
        if info.st_nlink != 1:
            raise Refused("the request is a hard link to another file")
        if info.st_size > MAX_REQUEST_BYTES:
            raise Refused(f"the request is {info.st_size} bytes, more than {MAX_REQUEST_BYTES}")
        data = os.read(handle, MAX_REQUEST_BYTES + 1)
    finally:
        os.close(handle)
    try:
        request = Request.model_validate_json(data)
    except ValidationError as exc:
        raise Refused(f"malformed request: {explain(exc)}") from None
    if request.id != stem:
        raise Refused(f"the request's id {request.id!r} is not its file name {stem!r}")
    return request


def _action_of(requests: int, name: str) -> str:
    """For the answer to a refused request: what it asked for, if that much can be read."""
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=requests)
        try:
            text = os.read(handle, MAX_REQUEST_BYTES)
        finally:
            os.close(handle)
        action = json.loads(text).get("action")
        return str(action)[:40] if isinstance(action, str) else "unknown"
    except (OSError, ValueError, AttributeError):
        return "unknown"


def _remove(folder: int, name: str) -> None:
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(name, dir_fd=folder)  # fd-based: a symlink inside is removed, never followed
        else:
            os.unlink(name, dir_fd=folder)
    except FileNotFoundError:
        pass


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited {done.returncode}: {(done.stdout + done.stderr)[-300:].strip()}")


def main(argv: list[str] | None = None, checkpoint: Checkpoint = _nothing) -> int:
    top = argparse.ArgumentParser(prog="python -m sync.privileged", description=__doc__)
    top.add_argument("--spool", required=True, type=Path, help="the spool (requests/ from the agent, results/)")
    top.add_argument("--config", required=True, type=Path, help="the kiosk config set_config may rewrite")
    top.add_argument("--release-root", required=True, type=Path, help="the agent's release root (/opt/kiosk)")
    top.add_argument("--systemctl", default="/usr/bin/systemctl")
    top.add_argument("--dpkg", default="/usr/bin/dpkg")
    args = top.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s %(levelname)s %(message)s", stream=sys.stderr)
    machine = Machine(args.spool, args.config, args.release_root, args.systemctl, args.dpkg)
    Executor(machine, SystemClock(), checkpoint).run_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
