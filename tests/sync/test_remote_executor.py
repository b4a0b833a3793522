"""The agent refuses remote commands it cannot trust: forged, for another kiosk, stale, or sent a second time."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import FakeClock, iso_utc
from kiosk.store import Store
from sync.protocol.remote import RemoteCommand, SignedRemoteCommand, remote_message
from sync.protocol.signing import b64url
from sync.redact import redact
from sync.remote import FileLog, RemoteExecutor

SERVER_KEY = Ed25519PrivateKey.generate()


class Machine:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.broken = False

    def restart_app(self) -> None:
        if self.broken:
            raise subprocess.CalledProcessError(1, "systemctl")
        self.calls.append("restart_app")

    def reboot(self) -> None:
        self.calls.append("reboot")


class NoScreen:
    def screenshot(self) -> tuple[bytes | None, str]:
        return None, "no screen in this test"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[RemoteExecutor, Machine]]:
    store = Store.open(tmp_path / "kiosk.db", clock)
    machine = Machine()
    (tmp_path / "kiosk.log").write_text("", "utf-8")
    executor = RemoteExecutor(store, SERVER_KEY.public_key(), "k-1", clock, system=machine,
                              logs=FileLog(tmp_path / "kiosk.log"), screen=NoScreen(),
                              config_path=tmp_path / "kiosk.toml")  # fmt: skip
    yield executor, machine
    store.close()


def signed(clock: FakeClock, *, kind: str = "reboot", kiosk_id: str = "k-1", ttl_s: float = 3600,
           key: Ed25519PrivateKey = SERVER_KEY, issued_ago_s: float = 0,
           args: dict[str, object] | None = None) -> SignedRemoteCommand:  # fmt: skip
    issued = clock.now() - timedelta(seconds=issued_ago_s)
    command = RemoteCommand.model_validate({
        "id": str(uuid.uuid4()), "kiosk_id": kiosk_id, "kind": kind, "officer": "Meena Sharma", "args": args or {},
        "issued_at": iso_utc(issued), "expires_at": iso_utc(issued + timedelta(seconds=ttl_s)),
    })  # fmt: skip
    return SignedRemoteCommand(command=command, signature=b64url(key.sign(remote_message(command))))


def test_a_command_sent_again_is_answered_again_but_never_run_twice(
    kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock
) -> None:
    executor, machine = kiosk
    order = signed(clock)
    executor.handle([order])
    executor.sent([order.command.id])  # the server had our answer, then sent the command again (or was replayed)
    executor.handle([order])
    assert machine.calls == ["reboot"]
    assert [(r.id, r.status) for r in executor.pending()] == [(order.command.id, "done")]


def test_a_restart_the_machine_could_not_do_is_reported_failed_not_started(
    kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock
) -> None:
    executor, machine = kiosk
    machine.broken = True
    order = signed(clock, kind="restart_app")
    executor.handle([order])
    [result] = executor.pending()
    assert (result.status, result.detail) == (
        "failed",
        "CalledProcessError: Command 'systemctl' returned non-zero exit status 1.",
    )


def test_a_stale_command_is_refused_and_not_run(kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock) -> None:
    executor, machine = kiosk
    order = signed(clock, ttl_s=600, issued_ago_s=601)  # the kiosk was offline past the command's expiry
    executor.handle([order])
    assert machine.calls == []
    [result] = executor.pending()
    assert result.status == "refused"
    assert result.detail.startswith("stale: the command expired at")


def test_a_command_for_another_kiosk_is_refused(kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock) -> None:
    executor, machine = kiosk
    executor.handle([signed(clock, kiosk_id="k-2")])
    assert machine.calls == []
    assert executor.pending()[0].detail == "this command is for kiosk k-2, not k-1"


def test_a_command_not_signed_by_our_server_is_ignored_without_an_answer(
    kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock
) -> None:
    executor, machine = kiosk
    forged = signed(clock, key=Ed25519PrivateKey.generate())
    tampered = signed(clock, kind="restart_app")
    tampered = SignedRemoteCommand(command=tampered.command.model_copy(update={"kind": "reboot"}),
                                   signature=tampered.signature)  # fmt: skip
    executor.handle([forged, tampered])
    assert machine.calls == []
    assert executor.pending() == []
    assert executor.store.read("SELECT * FROM journal WHERE action = 'remote.command'") == []


def test_big_answers_are_spread_over_heartbeats_so_none_is_too_big_to_be_accepted(
    kiosk: tuple[RemoteExecutor, Machine], clock: FakeClock, tmp_path: Path
) -> None:
    executor, _ = kiosk
    (tmp_path / "kiosk.log").write_text("".join(f"{n:06d} {'x' * 150}\n" for n in range(2000)), "utf-8")
    orders = [signed(clock, kind="send_logs", args={"lines": 2000}) for _ in range(3)]
    executor.handle(orders)
    first = executor.pending()
    assert [r.id for r in first] == [o.command.id for o in orders[:2]]
    assert all(len(r.output or "") == 200_000 for r in first)
    executor.sent([r.id for r in first])
    assert [r.id for r in executor.pending()] == [orders[2].command.id]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("auth for 2345 6789 0123 ok", "auth for [AADHAAR REDACTED] ok"),
        ("uid=234567890123", "uid=[AADHAAR REDACTED]"),
        ("odd 012345678901 digits", "odd [AADHAAR REDACTED] digits"),
        ("sms to +91 98765 43210 sent", "sms to [MOBILE REDACTED] sent"),
        ("sms to 9876543210", "sms to [MOBILE REDACTED]"),
        ('login {"password": "hunter22"}', 'login {"password": "[REDACTED]"}'),
        ("Authorization: Bearer abc.def", "Authorization: [REDACTED]"),
        ("operator PIN 4321 accepted", "operator PIN [REDACTED] accepted"),
        ('"pid_data": "PGRhdGEgdHlwZT0iWCI+YWJjZGVm"', "[PID REDACTED]"),
        ("receipt R-000123 for 500.00, txn 42", "receipt R-000123 for 500.00, txn 42"),
    ],
)
def test_log_lines_leave_the_kiosk_without_secrets_aadhaar_or_mobile_numbers(line: str, kept: str) -> None:
    assert redact(line) == kept
