"""Invariant 4: after a full capture-and-authorise, neither the PID block nor the full Aadhaar number is on disk."""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from drivers.biometric.aua import HttpAuthoriser
from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.aadhaar import AadhaarNumber, AuthResult, capture_and_authorise
from kiosk.checksums import verhoeff_check_digit
from kiosk.clock import FakeClock
from kiosk.devices.biometric import CaptureRequest
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PaymentMode, TxnState

FULL_NUMBER = "98765432101" + str(verhoeff_check_digit("98765432101"))


class LoopbackAua:
    """A stand-in AUA endpoint on loopback; it keeps what it received in memory so the test knows the PID."""

    def __init__(self) -> None:
        self.received: list[dict[str, str]] = []
        aua = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                aua.received.append(json.loads(body))
                answer = json.dumps({"ret": "y", "ref": "AUA-TXN-0042"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/auth"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def aua() -> Iterator[LoopbackAua]:
    endpoint = LoopbackAua()
    yield endpoint
    endpoint.close()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "kiosk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the most talkative setting a field engineer could switch on
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # recomputed from TMPDIR on next use
    return folder


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def secrets_from(forwarded: dict[str, str]) -> list[bytes]:
    """Every form in which the PID or the number could leak: base64 text, raw bytes, and the number itself."""
    pid_xml = base64.b64decode(forwarded["pid_data"])
    needles = [forwarded["pid_data"][:48].encode(), FULL_NUMBER.encode()]
    needles.append(f"{FULL_NUMBER[:4]} {FULL_NUMBER[4:8]} {FULL_NUMBER[8:]}".encode())
    for tag in (b"Skey", b"Hmac", b"Data"):
        match = re.search(rb"<" + tag + rb"[^>]*>([^<]+)</" + tag + rb">", pid_xml)
        assert match is not None, f"forwarded PID has no {tag!r}"
        needles.append(match.group(1)[:48])
        needles.append(base64.b64decode(match.group(1))[:32])
    return needles


def leaks(paths: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for path in paths:
        content = path.read_bytes()
        found += [f"{path.name}: {needle[:12]!r}…" for needle in needles if needle in content]
    return found


def test_full_aadhaar_payment_leaves_no_pid_and_no_full_number_on_disk(
    tmp_path: Path, clock: FakeClock, aua: LoopbackAua, log_file: Path, temp_dir: Path
) -> None:
    db_path = tmp_path / "kiosk.db"
    store = Store.open(db_path, clock)
    try:
        ledger = Ledger(store)
        with RdServiceEmulator(clock) as rd:
            reader = RdServiceReader(clock, ports=(closed_port(), rd.port), probe_timeout_s=0.3)
            aadhaar = AadhaarNumber.parse(FULL_NUMBER)
            txn = ledger.create(
                service_id="bill.electricity",
                service_name_hi="बिजली बिल",
                service_name_en="Electricity bill",
                reference="JVVNL-2101-5566",
                amount_due=Money.rupees(420),
            )
            ledger.await_payment(txn.id, PaymentMode.AADHAAR)
            outcome = capture_and_authorise(reader, HttpAuthoriser(aua.url), aadhaar, CaptureRequest())
            logging.getLogger("kiosk.flow").info("aadhaar payment %s for %s: %s", txn.id, aadhaar, outcome)
            assert outcome.result is AuthResult.AUTHENTICATED
            paid = ledger.pay_other(txn.id, payment_ref=f"{outcome.reference} {aadhaar.masked}")
            assert paid.state is TxnState.PAID

        assert len(aua.received) == 1
        assert aua.received[0]["uid"] == FULL_NUMBER
        needles = secrets_from(aua.received[0])
        wal = db_path.with_name("kiosk.db-wal")
        assert wal.exists()
        assert wal.stat().st_size > 0
        assert "POST /auth" in log_file.read_text("utf-8")  # logging really captured the flow
        assert f"XXXX-XXXX-{FULL_NUMBER[-4:]}" in log_file.read_text("utf-8")
        on_disk = [db_path, wal, log_file, *(p for p in temp_dir.rglob("*") if p.is_file())]
        assert leaks(on_disk, needles) == []
    finally:
        store.close()


def test_the_leak_search_finds_a_secret_that_was_written(tmp_path: Path) -> None:
    planted = tmp_path / "planted.bin"
    planted.write_bytes(b"prefix" + FULL_NUMBER.encode() + b"suffix")
    assert leaks([planted], [FULL_NUMBER.encode()]) == [f"planted.bin: {FULL_NUMBER[:12].encode()!r}…"]
