"""The wire protocol of /api/v1: the one definition of every body the kiosk and the server exchange."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from sync.protocol.remote import MAX_REMOTE_PER_ANSWER, CommandResult, SignedRemoteCommand

API_PREFIX = "/api/v1"
PROTOCOL_VERSION = 1

# Bounds on what either side accepts: a kiosk on 2G never needs more, and a bigger body is an attack or a bug.
MAX_WIRE_BYTES = 1_000_000
MAX_INFLATED_BYTES = 4_000_000
MAX_BATCH_ITEMS = 1000
MAX_SKEW_S = 300

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
ISO_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$"
KEY_PATTERN = r"^[A-Za-z0-9_-]{43}$"  # 32 raw bytes, base64url without padding

ItemStatus = Literal["accepted", "duplicate", "rejected"]
Command = Literal["resend", "out_of_service", "refresh_catalogue"]


class Model(BaseModel):
    """Strict, closed models: unknown fields and wrong types are errors, not silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Problem(Model):
    detail: str


class EnrolRequest(Model):
    token: str = Field(min_length=8, max_length=128)
    kiosk_code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    public_key: str = Field(pattern=KEY_PATTERN)


class EnrolAnswer(Model):
    kiosk_id: str = Field(min_length=1, max_length=64)
    server_public_key: str = Field(pattern=KEY_PATTERN)


class EventItem(Model):
    seq: int = Field(ge=1, le=2**62)
    uuid: str = Field(pattern=UUID_PATTERN)
    kind: str = Field(min_length=1, max_length=64)
    occurred_at: str = Field(pattern=ISO_PATTERN)
    payload: dict[str, Any]


class EventBatch(Model):
    items: list[EventItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class ItemResult(Model):
    uuid: str = Field(pattern=UUID_PATTERN)
    seq: int = Field(ge=1)
    status: ItemStatus
    reason: str | None = Field(default=None, max_length=500)


class BatchAnswer(Model):
    results: list[ItemResult] = Field(max_length=MAX_BATCH_ITEMS)
    high_water: int = Field(ge=0)
    server_time: str = Field(pattern=ISO_PATTERN)


class GeoTag(Model):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    accuracy_m: float = Field(ge=0, le=100_000)
    source: Literal["gps", "manual", "network"]
    age_s: float = Field(ge=0)


UpdateState = Literal["idle", "downloading", "downloaded", "waiting", "switching", "ok", "failed", "rolled_back"]


class SoftwareStatus(Model):
    """What the agent reports of the kiosk's software: running and previous release, and the last update's state."""

    running: str = Field(min_length=1, max_length=32)
    previous: str | None = Field(default=None, max_length=32)
    update_version: str | None = Field(default=None, max_length=32)
    update_state: UpdateState = "idle"
    detail: str | None = Field(default=None, max_length=2000)  # the failure and its redacted log tail


class ReleaseOffer(Model):
    """A release the server wants this kiosk to run (set per kiosk by the rollout's waves)."""

    version: str = Field(min_length=1, max_length=32)
    manifest_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Heartbeat(Model):
    agent_version: str = Field(max_length=32)
    app_version: str = Field(max_length=32)
    boot_id: str = Field(max_length=64)
    uptime_s: float = Field(ge=0)
    last_seq: int = Field(ge=0)
    outbox_depth: int = Field(ge=0)
    outbox_oldest_age_s: float | None = Field(default=None, ge=0)
    quarantined: int = Field(ge=0)
    devices: dict[str, str] = Field(default_factory=dict, max_length=16)
    cash_box_notes: int | None = Field(default=None, ge=0)
    cash_box_paise: int | None = Field(default=None, ge=0)
    disk_free_bytes: int = Field(ge=0)
    clock_offset_s: float | None = None
    geo: GeoTag | None = None
    network: str = Field(default="unknown", max_length=16)
    catalogue_version: int = Field(default=0, ge=0)
    out_of_service: str | None = Field(default=None, max_length=200)
    # Optional, for the dashboard's alerts (older agents leave them out): the biometric RD service's version and
    # the expiry of its device certificate (Aadhaar authentication stops when it lapses).
    rd_service_version: str | None = Field(default=None, max_length=32)
    rd_cert_expires_at: str | None = Field(default=None, pattern=ISO_PATTERN)
    software: SoftwareStatus | None = None  # older agents leave it out
    # Optional (older agents leave them out; sent only with a backlog, and dropped for a server that refuses them):
    # captured files an event names that have not reached the server, and the oldest one's wait in minutes.
    vault_waiting: int | None = Field(default=None, ge=0)
    vault_oldest_age_min: float | None = Field(default=None, ge=0)

    @model_serializer(mode="wrap")
    def _unset_vault_left_out(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Not even as null: a server from before these fields refuses any key it does not know."""
        data: dict[str, Any] = handler(self)
        for name in ("vault_waiting", "vault_oldest_age_min"):
            if data.get(name, 0) is None:
                del data[name]
        return data

    command_results: list[CommandResult] = Field(default_factory=list, max_length=MAX_REMOTE_PER_ANSWER)


class HeartbeatAnswer(Model):
    server_time: str = Field(pattern=ISO_PATTERN)
    high_water: int = Field(ge=0)
    commands: list[Command] = Field(default_factory=list, max_length=8)
    # Set by an officer on the server: the kiosk stops taking money and shows this reason; None = in service.
    out_of_service: str | None = Field(default=None, max_length=200)
    release: ReleaseOffer | None = None  # the release this kiosk should run, when it differs from its own
    remote: list[SignedRemoteCommand] = Field(default_factory=list, max_length=MAX_REMOTE_PER_ANSWER)  # officers'


class SignedCatalogue(Model):
    """The service catalogue as the server publishes it; `signature` covers every other field."""

    version: int = Field(ge=1)
    issued_at: str = Field(pattern=ISO_PATTERN)
    expires_at: str = Field(pattern=ISO_PATTERN)
    body: dict[str, Any]
    signature: str = Field(pattern=r"^[A-Za-z0-9_-]{86}$")


class BillQuery(Model):
    biller: str = Field(min_length=1, max_length=32)
    consumer_no: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9/-]+$")


class Bill(Model):
    biller: str
    consumer_no: str
    consumer_name: str
    bill_no: str
    amount_due_paise: int = Field(ge=0)
    due_date: str


class ApplicationStatus(Model):
    application_no: str
    service: str
    status: Literal["received", "in_process", "approved", "rejected", "delivered"]
    status_hi: str
    updated_at: str
    applicant_name: str = Field(default="", max_length=120)


AADHAAR_REF_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"  # safe in a URL path and a log line


class AadhaarAuthRequest(Model):
    """The PID block travels once, online; the server checks its structure and never stores it. `txn_ref` is the
    kiosk's stable client reference for one payment (its transaction id: the same across retries and restarts) and
    `amount_paise` the amount it authorises (0 for an identity check): both are inside the signed body, and the
    server answers a repeated reference with its first outcome, never a second debit."""

    uid: str = Field(pattern=r"^\d{12}$")
    txn_ref: str = Field(pattern=AADHAAR_REF_PATTERN)
    amount_paise: int = Field(ge=0, le=10_000_000_00)
    pid_data: str = Field(min_length=1, max_length=200_000)


class AadhaarStatusQuery(Model):
    """What happened to the authorisation with this reference? Asked after a timeout or any unknown outcome. If no
    request with this reference has arrived yet, the server records it as void, so a late one can never debit."""

    txn_ref: str = Field(pattern=AADHAAR_REF_PATTERN)
    amount_paise: int = Field(ge=0, le=10_000_000_00)


class AadhaarAuthAnswer(Model):
    """The outcome bound to the reference and amount it is for (the kiosk checks both before believing it)."""

    ret: Literal["y", "n"]
    err: str | None = None
    uid_masked: str
    auth_code: str
    txn_ref: str
    amount_paise: int = Field(ge=0)
