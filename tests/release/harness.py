"""Release test harness: bundles built from this repository, a kiosk wired to the real server, its updater."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.clock import FakeClock, SystemClock
from kiosk.config import load_config
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PaymentMode
from server import releases
from server.db import Database
from server.service import Service
from sync.agent import enrol
from sync.client import Client
from sync.identity import SyncState, load_enrolment, load_or_create_key
from sync.protocol import ReleaseOffer
from sync.protocol.releases import ReleaseManifest, SignedManifest
from sync.release.fetch import Checkpoint, Fetcher, no_checkpoint
from sync.release.root import ReleaseRoot
from sync.release.updater import UpdatePolicy, Updater
from sync.release.vendor import VendorCommands
from sync.settings import AgentSettings, load_settings
from tests.sync.harness import ServerProcess, write_config

if TYPE_CHECKING:
    from tests.release.conftest import Published

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("kiosk", "sync", "drivers", "provisioning", "ui")
# The broken release: the agent never tells systemd READY (so it never confirms the switch either).
READY_LINE = 'agent.ready(notifier, f"syncing with {settings.server_url}")'
# Hours in the fake clock's IST: 03:00 IST is outside the test config's 09:00-17:00, 12:00 IST inside.
NIGHT_UTC, NOON_UTC = "2027-03-10T21:30:00+00:00", "2027-03-10T06:30:00+00:00"


def build_bundle(folder: Path) -> Path:
    """The kiosk's packages copied from this checkout (caches left out): what `publish-release` is given."""
    for package in PACKAGES:
        shutil.copytree(REPO / package, folder / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return folder


def variant(source: Path, folder: Path, edit: str, old: str, new: str) -> Path:
    shutil.copytree(source, folder)
    path = folder / edit
    text = path.read_text("utf-8")
    assert old in text, f"{edit} no longer holds {old!r}: update the test's variant"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return folder


def publish(server: ServerProcess, folder: Path, version: str, *options: str) -> str:
    """Publish with `kiosk-server admin publish-release` and return the manifest's SHA-256 as it printed it."""
    out = server.admin("admin", "publish-release", str(folder), "--version", version, *options)
    return out.rsplit(" ", 1)[1]


def publish_here(server: ServerProcess, folder: Path, version: str, **options: Any) -> str:
    """The same publish in this process, into the server's database (a CLI process per release costs seconds)."""
    db = Database("sqlite:///" + server.db)
    try:
        return releases.publish(db, Service(db).key, folder, version, **options)[1]
    finally:
        db.close()


@dataclass
class KioskUnderTest:
    settings: AgentSettings
    store: Store
    root: ReleaseRoot
    clock: FakeClock
    client: Client
    restarts: list[str]
    sleeps: list[float]

    @property
    def ledger(self) -> Ledger:
        return Ledger(self.store)

    def updater(self, *, checkpoint: Checkpoint = no_checkpoint, bandwidth_bps: float = 0.0,
                vendor: VendorCommands | None = None, deadline_s: float = 60.0) -> Updater:  # fmt: skip
        enrolment = load_enrolment(SyncState(self.store))
        assert enrolment is not None
        fetcher = Fetcher(self.client, enrolment.server_key, self.root, self.clock, bandwidth_bps=bandwidth_bps,
                          sleep=self.sleeps.append, checkpoint=checkpoint)  # fmt: skip
        policy = UpdatePolicy(hours=load_config(self.settings_path).hours, health_deadline_s=deadline_s,
                              python=sys.executable, vendor=vendor or VendorCommands(install="true"))  # fmt: skip
        return Updater(self.root, fetcher, self.settings.database, self.clock, policy,
                       restart=lambda: self.restarts.append("restart"), checkpoint=checkpoint)  # fmt: skip

    @property
    def settings_path(self) -> Path:
        return self.settings.database.parent / "kiosk.toml"

    def open_payment(self) -> str:
        txn = self.ledger.create(service_id="jvvnl-bill", service_name_hi="बिजली बिल भुगतान",
                                 service_name_en="Electricity bill", reference="210412345678",
                                 amount_due=Money.rupees(350))  # fmt: skip
        return self.ledger.await_payment(txn.id, PaymentMode.CASH).id

    def pay(self) -> None:
        txn_id = self.open_payment()
        self.ledger.credit_cash(txn_id, Money.rupees(500))


def kiosk_for(
    folder: Path, server: ServerProcess, code: str, *, hours: str = "09:00-17:00", **agent: object
) -> KioskUnderTest:
    folder.mkdir(parents=True, exist_ok=True)
    # The token straight from the server's database (a CLI process per kiosk would cost a second each).
    token = Service(Database("sqlite:///" + server.db)).issue_token(code)
    settings = load_settings(write_config(folder, server.url, code, hours=hours, **agent))
    store = Store.open(settings.database, SystemClock())
    enrol(settings, store, token)
    clock = FakeClock()
    clock.set(datetime.fromisoformat(NIGHT_UTC))
    client = Client(settings.server_url, load_or_create_key(settings.key_file), _kiosk_id(store), SystemClock())
    root = ReleaseRoot(settings.release_root or folder / "opt-kiosk")
    return KioskUnderTest(settings, store, root, clock, client, [], [])


def offer(version: str, sha: str) -> ReleaseOffer:
    return ReleaseOffer(version=version, manifest_sha256=sha)


def _kiosk_id(store: Store) -> str:
    return str(SyncState(store).get("kiosk_id"))


def provision_release(kiosk: KioskUnderTest, published: Published, version: str) -> None:
    """What provisioning does for the first release: blobs from local files, install, point `current` at it."""
    document = kiosk.client.request("GET", f"/releases/{version}/manifest").body
    manifest = SignedManifest.model_validate_json(document)
    for entry in ReleaseManifest.model_validate_json(manifest.manifest).files:
        source = published.vendor_files.get(entry.path) or published.bundles[version] / entry.path
        shutil.copyfile(source, kiosk.root.blobs / entry.sha256)
    kiosk.root.install(ReleaseManifest.model_validate_json(manifest.manifest), document, sys.executable)
    kiosk.root.point_current_at(version)
    kiosk.root.set_state(state="ok", version=version)
