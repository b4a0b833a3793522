"""The agent's update loop: offered release → downloaded → installed beside → switched when it is safe → confirmed."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.clock import Clock, iso_utc, to_ist
from kiosk.hours import OperatingHours
from sync.client import BadAnswer
from sync.heartbeat import boot_id
from sync.protocol import ReleaseOffer
from sync.protocol.releases import valid_version
from sync.release import kioskdb
from sync.release.fetch import Checkpoint, Fetcher, Paused, no_checkpoint
from sync.release.gate import check as gate_check
from sync.release.gate import deadline_after
from sync.release.root import ReleaseError, ReleaseRoot
from sync.release.vendor import VendorCommands, install_vendor

log = logging.getLogger("kiosk-agent")
CONFIRM_FILE = "switch-confirmed"  # the operator's go-ahead (kioskctl update --confirm): switch even in hours
REPORTED_STATES = {"rolling_back": "switching"}  # the heartbeat's closed set has no word for the in-between


def own_release(root: ReleaseRoot) -> str | None:
    """The release this process's code was loaded from, if it runs from the root (not a development checkout)."""
    here = Path(__file__).resolve()
    releases = root.releases.resolve()
    for parent in here.parents:
        if parent.parent == releases:
            return parent.name
    return None


@dataclass
class UpdatePolicy:
    hours: OperatingHours | None
    health_deadline_s: float = 300.0
    python: str = sys.executable
    vendor: VendorCommands = field(default_factory=VendorCommands)


class Updater:
    def __init__(
        self, root: ReleaseRoot, fetcher: Fetcher, database: Path, clock: Clock, policy: UpdatePolicy, *,
        restart: Callable[[], None], checkpoint: Checkpoint = no_checkpoint,
        own: Callable[[ReleaseRoot], str | None] = own_release,
    ) -> None:  # fmt: skip
        self.root, self.fetcher, self.database, self.clock, self.policy = root, fetcher, database, clock, policy
        self.restart, self.checkpoint = restart, checkpoint
        self.own = own  # which release this process runs (tests play a process run from a release)
        self.offer: ReleaseOffer | None = None

    # -- what the heartbeat says -------------------------------------------------------------------------------
    def running(self) -> str | None:
        return self.own(self.root) or self.root.running()

    def software(self, app_version: str) -> dict[str, Any]:
        state = self.root.state()
        running = self.running() or app_version
        reported = str(state.get("state") or "idle")
        return {
            "running": running[:32], "previous": state.get("previous"), "update_version": state.get("version"),
            "update_state": REPORTED_STATES.get(reported, reported), "detail": state.get("detail"),
        }  # fmt: skip

    # -- the loop ----------------------------------------------------------------------------------------------
    def recover(self) -> None:
        """After a power cut: drop half-built releases, finish a rollback, retry a switch that never swapped."""
        self.root.clean_partial()
        state = self.root.state()
        if state.get("state") == "rolling_back":
            gate_check(self.root, self.database, self.clock, vendor=self.policy.vendor)
        elif state.get("state") == "switching" and self.root.running() != state.get("version"):
            self.root.set_state(state="downloaded", detail="the switch was interrupted before `current` moved")
        elif state.get("state") == "switching" and self.own(self.root) == state.get("version"):
            # Running, but not confirmed (no heartbeat through): past the deadline the gate rolls this release back.
            outcome = gate_check(self.root, self.database, self.clock, vendor=self.policy.vendor)
            if outcome.startswith("rolled back"):
                self.restart()

    def step(self) -> str:
        """One pass; returns the update state. Network errors propagate (the agent's job backs off)."""
        self.recover()
        offer, state = self.offer, self.root.state()
        if offer is None or offer.version == self.running():
            return str(state.get("state") or "idle")
        if not valid_version(offer.version):  # it names folders here: letters, digits and . + _ - only
            raise BadAnswer(f"heartbeat offered release {offer.version[:40]!r}: not a version name; ignored")
        same = state.get("version") == offer.version and state.get("manifest") == offer.manifest_sha256
        if same and state.get("state") == "switching" and self.root.running() == offer.version:
            return "switching"  # swapped: waiting for the restart into it, or for the health gate
        if same and state.get("state") in ("failed", "rolled_back"):
            return str(state["state"])  # a release that failed here is not tried again; a new one is published
        if not self.root.installed(offer.version):
            try:
                self._download(offer)
            except Paused:
                return "downloading"
        reason = self.blocked(offer.version)
        if reason:
            # Written only when it changes: a kiosk may wait a whole working day, checking every heartbeat.
            if (state.get("state"), state.get("detail"), state.get("version")) != ("waiting", reason, offer.version):
                self.root.set_state(version=offer.version, manifest=offer.manifest_sha256, state="waiting",
                                    detail=reason)  # fmt: skip
            return "waiting"
        self.root.set_state(version=offer.version, manifest=offer.manifest_sha256)
        return self.switch(offer.version)

    def _download(self, offer: ReleaseOffer) -> None:
        self.root.set_state(version=offer.version, manifest=offer.manifest_sha256, state="downloading", detail=None,
                            previous=self.running())  # fmt: skip
        try:
            manifest, document = self.fetcher.manifest(offer)
            self.fetcher.download(manifest)
            self.checkpoint("downloaded")
            self.root.install(manifest, document, self.policy.python, self.checkpoint)
        except (BadAnswer, ReleaseError) as exc:
            # A forged or corrupt release is not retried until the server offers another manifest.
            self.root.set_state(state="failed", detail=str(exc)[:2000])
            raise
        self.root.set_state(state="downloaded")
        self.checkpoint("installed")
        log.info("release %s downloaded and installed beside %s", offer.version, self.running())

    def blocked(self, version: str) -> str | None:
        """Why the switch must wait: an open payment always; the centre's hours unless the operator confirmed."""
        try:
            open_count = kioskdb.open_payments(self.database)
        except Exception as exc:  # an unreadable database is no moment to change software
            return f"cannot ask the ledger for open payments ({type(exc).__name__})"
        if open_count:
            return f"{open_count} payment(s) open: the switch waits until they are settled"
        confirmed = self.root.path / CONFIRM_FILE
        if confirmed.is_file() and confirmed.read_text("utf-8").strip() in ("", version):
            return None
        now = self.clock.now()
        if self.policy.hours is not None and self.policy.hours.is_open(now):
            return f"the centre is open ({to_ist(now):%H:%M} IST): the switch waits for closing or the operator"
        return None

    def switch(self, version: str) -> str:
        """Back up the database if the release migrates it, record the switch, install vendor packages, swap."""
        manifest = self.root.manifest(version)
        if manifest is None:
            raise ReleaseError(f"release {version} is not installed")
        previous = self.root.running()
        backup = None
        if manifest.min_schema > kioskdb.schema_version(self.database):
            backup = self.root.backups / f"before-{version}.db"
            kioskdb.backup(self.database, backup)
            self.checkpoint("backup")
        self.root.set_state(state="switching", previous=previous, backup=str(backup) if backup else None,
                            health_s=self.policy.health_deadline_s, gate_boot=boot_id(),
                            deadline=deadline_after(self.clock, self.policy.health_deadline_s),
                            switched_at=iso_utc(self.clock.now()), detail=None)  # fmt: skip
        self.checkpoint("switching")
        old_dir = self.root.releases / previous if previous else None
        problem = install_vendor(self.policy.vendor, manifest, self.root.releases / version,
                                 self.root.manifest(previous) if previous else None, old_dir)  # fmt: skip
        if problem:
            self.root.set_state(state="failed", detail=problem)
            log.error("release %s not switched: %s", version, problem)
            return "failed"
        self.root.point_current_at(version)
        self.root.path.joinpath(CONFIRM_FILE).unlink(missing_ok=True)
        self.checkpoint("swapped")
        log.warning("switched to release %s (was %s); restarting", version, previous)
        self.restart()
        return "switching"

    def confirm(self) -> bool:
        """Called by the new release once it is READY and a heartbeat went through: the update is done."""
        state = self.root.state()
        mine = self.own(self.root)
        if state.get("state") != "switching" or mine is None or mine != state.get("version"):
            return False
        self.root.set_state(state="ok", detail=None, confirmed_at=iso_utc(self.clock.now()))
        removed = self.root.prune({mine, str(state.get("previous") or "")})
        log.info("release %s is up and reporting: update confirmed (removed %s)", mine, ", ".join(removed) or "none")
        return True
