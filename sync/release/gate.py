"""The health gate: a new release that does not come up in time is replaced by the old one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from kiosk.clock import Clock, iso_utc, parse_iso_utc
from sync.heartbeat import boot_id
from sync.release import kioskdb
from sync.release.fetch import Checkpoint, no_checkpoint
from sync.release.root import ReleaseRoot
from sync.release.vendor import VendorCommands, restore_vendor

log = logging.getLogger("kiosk-rollback")


def deadline_after(clock: Clock, seconds: float) -> str:
    return iso_utc(clock.now() + timedelta(seconds=seconds))


def check(
    root: ReleaseRoot, database: Path, clock: Clock, *, failed: bool = False, tail: Callable[[], str] = str,
    vendor: VendorCommands | None = None, checkpoint: Checkpoint = no_checkpoint, boot: str = "",
) -> str:  # fmt: skip
    """Roll back when the switched-to release failed (`failed`, from systemd's OnFailure=) or missed its deadline."""
    state = root.state()
    if state.get("state") == "rolling_back":
        reason = str(state.get("detail") or "rollback interrupted")
        return rollback(root, database, clock, reason, "", vendor, checkpoint)
    if state.get("state") != "switching" or root.running() != state.get("version"):
        return "nothing to check"
    boot = boot or boot_id()
    if not failed and state.get("gate_boot") != boot:
        # The deadline counts from the first start in this boot: a power cut just after the switch must not use up
        # the new release's time while the machine was off.
        deadline = deadline_after(clock, float(state.get("health_s") or 300.0))
        root.set_state(gate_boot=boot, deadline=deadline)
        return f"release {state['version']} has until {deadline} to come up"
    if not failed and clock.now() < parse_iso_utc(str(state["deadline"])):
        return f"release {state['version']} has until {state['deadline']} to come up"
    why = "failed to start" if failed else f"did not reach READY and report by {state['deadline']}"
    return rollback(root, database, clock, f"release {state['version']} {why}", tail(), vendor, checkpoint)


def rollback(root: ReleaseRoot, database: Path, clock: Clock, reason: str, tail: str, vendor: VendorCommands | None,
             checkpoint: Checkpoint) -> str:  # fmt: skip
    """Database first (only if no payment since), then `current` back, then the state: each step may be redone."""
    state = root.set_state(state="rolling_back", detail=reason)
    previous = state.get("previous")
    notes = [reason]
    saved = Path(str(state["backup"])) if state.get("backup") else None
    if saved is not None and saved.is_file():
        if kioskdb.payments_mark(database) == kioskdb.payments_mark(saved):
            kioskdb.restore(saved, database)
            notes.append("database restored from the backup taken before the switch")
        else:
            notes.append("payments were committed after the switch: database kept, not restored")
    checkpoint("restored")
    if previous and root.installed(str(previous)):
        if vendor is not None:
            restore_vendor(vendor, root.manifest(str(previous)), root.releases / str(previous))
        root.point_current_at(str(previous))
        notes.append(f"back on {previous}")
    else:
        notes.append("no previous release to go back to")
    checkpoint("rolled")
    detail = "; ".join(notes) + (f"\n{tail}" if tail else "")
    root.set_state(state="rolled_back", detail=detail[:2000], rolled_back_at=iso_utc(clock.now()))
    log.error("rolled back: %s", detail)
    return "rolled back: " + "; ".join(notes)
