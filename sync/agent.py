"""The kiosk-agent process: enrol once, then drain, heartbeat and pull the catalogue on jittered schedules."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import requests
from apscheduler.schedulers.blocking import BlockingScheduler
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.bbps_store import BbpsRecords
from kiosk.capture.vault import Vault, VaultError
from kiosk.clock import Clock, iso_utc
from kiosk.outbox import Outbox
from kiosk.store import Store
from sync.backoff import Backoff, first_contact_delay
from sync.bbps_client import bbpou_at
from sync.blob_upload import BlobUploader
from sync.catalogue import CatalogueKeeper
from sync.client import Client, Refusal, SyncError, TransportError, parse_answer
from sync.drain import Drainer
from sync.heartbeat import HeartbeatSender
from sync.identity import Enrolment, IdentityError, SyncState, load_enrolment, load_or_create_key
from sync.privileged_client import Privileged, PrivilegedSystem
from sync.protocol import API_PREFIX, EnrolAnswer, EnrolRequest
from sync.protocol.signing import load_public_key, public_key_text
from sync.release.setup import build_updater
from sync.remote import FileLog, Journald, RemoteExecutor, Screen, SystemControl, Systemd
from sync.screen_channel import AppScreen
from sync.sdnotify import Notifier
from sync.settings import AgentSettings

log = logging.getLogger("kiosk-agent")


def enrol(settings: AgentSettings, store: Store, token: str) -> Enrolment:
    """Trade the engineer's single-use token and our public key for a kiosk id and the server's key."""
    key = load_or_create_key(settings.key_file)
    body = EnrolRequest(token=token, kiosk_code=settings.kiosk_code, public_key=public_key_text(key))
    try:
        response = requests.post(
            settings.server_url.rstrip("/") + API_PREFIX + "/enrol", data=body.model_dump_json(),
            headers={"Content-Type": "application/json"}, timeout=settings.timeout_s,
        )  # fmt: skip
    except requests.RequestException as exc:
        raise TransportError(f"enrol: cannot reach {settings.server_url}: {type(exc).__name__}") from None
    if response.status_code != 200:
        raise Refusal(response.status_code, response.text[:300])
    answer = parse_answer(EnrolAnswer, response.content[:100_000], "POST /enrol")
    SyncState(store).put({"kiosk_id": answer.kiosk_id, "server_public_key": answer.server_public_key})
    log.info("enrolled as %s", answer.kiosk_id)
    return Enrolment(answer.kiosk_id, load_public_key(answer.server_public_key))


def blob_uploader(settings: AgentSettings, store: Store, client: Client) -> BlobUploader | None:
    """The captured-file upload; a vault that cannot be opened is logged and leaves the rest of the agent running."""
    try:
        vault = Vault.open(store, settings.vault_key_file or settings.key_file.parent / "vault.key")
    except (VaultError, OSError) as exc:
        log.error("captured files cannot be uploaded: %s", exc)
        return None
    return BlobUploader(vault, client, chunk_bytes=settings.blob_chunk_bytes, budget_bytes=settings.blob_budget_bytes)


@dataclass
class Job:
    name: str
    work: Callable[[], object]
    backoff: Backoff
    not_before: float = 0.0


class Agent:
    def __init__(self, settings: AgentSettings, store: Store, clock: Clock, *, rng: random.Random | None = None,
                 system: SystemControl | None = None, screen: Screen | None = None):  # fmt: skip
        self.settings, self.store, self.clock = settings, store, clock
        self.rng = rng or random.Random()
        self.state = SyncState(store)
        self.lock = threading.Lock()
        enrolment = load_enrolment(self.state)
        if enrolment is None:
            raise IdentityError("this kiosk is not enrolled: run `kiosk-agent enrol --token …` (or kioskctl enrol)")
        key: Ed25519PrivateKey = load_or_create_key(settings.key_file)
        self.client = Client(settings.server_url, key, enrolment.kiosk_id, clock, timeout_s=settings.timeout_s)
        self.outbox = Outbox(store)
        self.drainer = Drainer(
            self.outbox, self.client, batch_items=settings.batch_items, batch_bytes=settings.batch_bytes
        )
        self.heartbeat = HeartbeatSender(self.outbox, self.client, self.drainer, clock, network=settings.network)
        self.catalogue = CatalogueKeeper(settings.catalogue_file, self.client, enrolment.server_key, clock)
        self.fleet_config = CatalogueKeeper(
            settings.config_file, self.client, enrolment.server_key, clock, kind="config"
        )
        self.heartbeat.catalogue_version = self.catalogue.version
        self.blobs = blob_uploader(settings, store, self.client)
        privileged = Privileged(settings.privileged_spool) if settings.privileged_spool else None
        self.remote = RemoteExecutor(
            store, enrolment.server_key, enrolment.kiosk_id, clock,
            system=system or (PrivilegedSystem(privileged) if privileged else Systemd()),
            logs=FileLog(settings.log_file) if settings.log_file else Journald(),
            screen=screen or AppScreen(store, clock), config_path=settings.config_path, privileged=privileged,
        )  # fmt: skip
        self.updater = build_updater(settings, self.client, enrolment.server_key, clock)
        self.reached_ready = False
        work: list[tuple[str, Callable[[], object]]] = [
            ("drain", self.drain), ("heartbeat", self.beat), ("catalogue", self.pull_catalogue),
            ("bbps", self.post_bbps),
        ]  # fmt: skip
        if self.blobs is not None:
            work.append(("blobs", self.blobs.step))
        if self.updater is not None:
            updater = self.updater
            self.heartbeat.software = lambda: updater.software(store.get_meta("app_version") or "unknown")
            work.append(("update", updater.step))
        self.jobs = {
            name: Job(name, job, Backoff(base_s=settings.backoff_base_s, cap_s=settings.backoff_cap_s, rng=self.rng))
            for name, job in work
        }
        self.bbps = bbpou_at(settings.bbps_url, settings.bbps_agent_id, self.client)

    def ready(self, notifier: Notifier, status: str) -> None:
        """READY to systemd; from now on a heartbeat that goes through confirms a just-switched release."""
        notifier.ready(status)
        self.reached_ready = True

    def drain(self) -> int:
        return self.drainer.drain()

    def post_bbps(self) -> int:
        """Bill payments taken while the BBPOU could not be reached: posted again (each has its own backoff)."""
        return BbpsRecords(self.store).post(self.bbps, self.clock.now()) if self.bbps is not None else 0

    def beat(self) -> None:
        self.heartbeat.command_results = self.remote.pending()
        reported = self.heartbeat.send()
        self.remote.sent([r.id for r in self.heartbeat.command_results])
        order = reported.out_of_service or ""
        if order != (self.state.get("server_out_of_service") or ""):
            log.warning("server order: %s", f"out of service ({order})" if order else "back in service")
        # The touch app reads sync_state.server_out_of_service and stops taking money while it is set.
        self.state.put({"last_heartbeat": iso_utc(self.clock.now()), "server_out_of_service": order})
        if self.updater is not None:
            self.updater.offer = reported.release
            if self.reached_ready:
                self.updater.confirm()
        self.remote.handle(list(reported.remote))  # officers' orders; results go with the next heartbeat
        if "refresh_catalogue" in reported.commands:
            self.pull_catalogue()

    def pull_catalogue(self) -> None:
        """The catalogue, then the fleet config: each kept as it was when the other fails."""
        problem: SyncError | None = None
        for keeper in (self.catalogue, self.fleet_config):
            try:
                if keeper.pull():
                    self.state.put({f"{keeper.kind}_version": str(keeper.version)})
            except Refusal as exc:
                if exc.status != 404:  # nothing published yet is normal for a new fleet
                    problem = problem or exc
            except SyncError as exc:
                problem = problem or exc
        self.heartbeat.catalogue_version = self.catalogue.version
        if problem is not None:
            raise problem

    def run_job(self, name: str) -> None:
        """Run one job unless it is backing off; no error escapes, so the agent keeps running."""
        # One job at a time: they share the store's single SQLite connection.
        with self.lock:
            self._run_job(name)

    def _run_job(self, name: str) -> None:
        job = self.jobs[name]
        if self.clock.monotonic() < job.not_before:
            return
        try:
            job.work()
        except SyncError as exc:
            delay = job.backoff.failed(exc.retry_after_s)
            job.not_before = self.clock.monotonic() + delay
            log.warning("%s failed: %s; next try in %.1f s", name, exc, delay)
            return
        except Exception:
            delay = job.backoff.failed()
            job.not_before = self.clock.monotonic() + delay
            log.exception("%s failed unexpectedly; next try in %.1f s", name, delay)
            return
        job.backoff.succeeded()

    def schedule(self, scheduler: BlockingScheduler) -> None:
        s = self.settings
        start = self.clock.now() + timedelta(seconds=first_contact_delay(s.first_contact_max_s, self.rng))
        log.info("first contact with %s at %s", s.server_url, start.isoformat())
        for name, interval in (
            ("drain", s.drain_interval_s), ("heartbeat", s.heartbeat_interval_s),
            ("catalogue", s.catalogue_interval_s), ("bbps", s.bbps_interval_s),
            *((("blobs", s.blob_interval_s),) if self.blobs else ()),
            *((("update", s.heartbeat_interval_s),) if self.updater else ()),
        ):  # fmt: skip
            scheduler.add_job(
                self.run_job, "interval", args=(name,), seconds=interval, jitter=interval * s.jitter_fraction,
                next_run_time=start, max_instances=1, coalesce=True, id=name,
            )  # fmt: skip
