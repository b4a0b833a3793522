"""The kiosk's online calls through sync.online_client against the real reference server process, the RD service
emulator for real PidData, and servers that hang or answer nonsense: what cannot be trusted is never shown."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.aadhaar import AadhaarNumber
from kiosk.catalogue import DEFAULT_CATALOGUE, load_catalogue
from kiosk.clock import SystemClock
from kiosk.devices.biometric import CaptureOk, CaptureRequest, PidBlock
from kiosk.documents import DocumentProblem, DocumentResult
from kiosk.money import Money
from kiosk.online import Application, Authorised, Bill, Declined, NotFound, Unavailable
from server.online import DEMO_APPLICATIONS, DEMO_BILLS, DEMO_UNANSWERED
from sync.client import Client
from sync.online_client import HttpOnline
from tests.fakes.devices import demo_aadhaar
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess

CATALOGUE = load_catalogue(DEFAULT_CATALOGUE)
SERVICE_OF = {s.biller: s.id for s in CATALOGUE.services if s.biller}


def client_for(
    url: str, key: Ed25519PrivateKey | None = None, kiosk_id: str = "K", timeout_s: float = 5.0
) -> HttpOnline:
    client = Client(url, key or Ed25519PrivateKey.generate(), kiosk_id, SystemClock(), timeout_s=timeout_s)
    return HttpOnline(client, lambda service_id: CATALOGUE.get(service_id).biller)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("online")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "3")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def online(server: ServerProcess) -> HttpOnline:
    kiosk = enrol_key(server, "RJ-JP-ONL-0001")
    return client_for(server.url, kiosk.key, kiosk.kiosk_id)


def test_a_seeded_bill_comes_back_as_the_kiosks_bill_in_paise(online: HttpOnline) -> None:
    biller, account, name, bill_no, paise, due = DEMO_BILLS[0]
    answer = online.lookup_bill(SERVICE_OF[biller], account)
    assert answer == Bill(account, name, Money(paise), date.fromisoformat(due), bill_no)


def test_unknown_account_is_not_found_and_a_silent_biller_is_a_timeout(online: HttpOnline) -> None:
    assert isinstance(online.lookup_bill("jvvnl-bill", "100000000008"), NotFound)
    biller, account = DEMO_UNANSWERED[0]
    answer = online.lookup_bill(SERVICE_OF[biller], account)
    assert isinstance(answer, Unavailable)
    assert answer.timed_out


def test_application_states_are_translated_to_what_the_screen_knows(online: HttpOnline) -> None:
    (ready_no, _, _, applicant), (pending_no, *_) = DEMO_APPLICATIONS
    ready = online.application("caste-cert", ready_no)
    assert isinstance(ready, Application)
    assert (ready.status, ready.certificate_ready, ready.applicant_name) == ("ready", True, applicant)
    pending = online.application("income-cert", pending_no)
    assert isinstance(pending, Application)
    assert (pending.status, pending.certificate_ready) == ("under_review", False)
    assert isinstance(online.application("caste-cert", "0000000000"), NotFound)
    assert isinstance(online.application("caste-cert", "../../etc"), NotFound)  # never put into the URL


def test_aadhaar_payment_with_a_real_rd_capture_is_authorised_and_a_bad_pid_is_declined(online: HttpOnline) -> None:
    clock = SystemClock()
    with RdServiceEmulator(clock) as device:
        reader = RdServiceReader(clock, ports=(device.port,), try_https=False)
        captured = reader.capture(CaptureRequest())
        assert isinstance(captured, CaptureOk)
        aadhaar = AadhaarNumber.parse(demo_aadhaar())
        answer = online.authorise("TXN-1", Money.rupees(350), aadhaar, captured.pid)
        assert isinstance(answer, Authorised)
        assert answer.payment_ref
    broken = online.verify("1000000001", aadhaar, PidBlock(b"<PidData><Resp errCode='0'/></PidData>"))
    assert isinstance(broken, Declined)
    assert broken.code == "PID"
    assert "पढ़ी नहीं" in broken.reason_hi


def test_an_unenrolled_key_is_refused_by_the_server_and_shown_as_unavailable(server: ServerProcess) -> None:
    answer = client_for(server.url).lookup_bill("jvvnl-bill", DEMO_BILLS[0][1])
    assert isinstance(answer, Unavailable)
    assert not answer.timed_out


def test_no_server_and_a_server_that_never_answers(tmp_path: Path) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    down = client_for(f"http://127.0.0.1:{port}").lookup_bill("jvvnl-bill", DEMO_BILLS[0][1])
    assert isinstance(down, Unavailable)
    assert not down.timed_out
    with socket.socket() as silent:  # accepts the connection, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        hung = client_for(f"http://127.0.0.1:{silent.getsockname()[1]}", timeout_s=0.5)
        answer = hung.lookup_bill("jvvnl-bill", DEMO_BILLS[0][1])
    assert isinstance(answer, Unavailable)
    assert answer.timed_out


ACCOUNT = DEMO_BILLS[0][1]
GOOD = {"biller": "JVVNL", "consumer_no": ACCOUNT, "consumer_name": "X", "bill_no": "B1", "amount_due_paise": 100,
        "due_date": "2026-12-01"}  # fmt: skip


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"<html>gateway</html>", "not JSON"),
        (json.dumps({**GOOD, "amount_due_paise": -5}).encode(), "negative amount"),
        (json.dumps({**GOOD, "amount_due_paise": 12.5}).encode(), "fractional paise"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "due_date"}).encode(), "missing field"),
        (json.dumps({**GOOD, "due_date": "soon"}).encode(), "not a date"),
        (json.dumps({**GOOD, "consumer_no": "999999999999"}).encode(), "another account"),
    ],
)
def test_an_answer_that_cannot_be_trusted_is_unavailable_never_a_wrong_amount(body: bytes, why: str) -> None:
    class Liar(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Liar)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        answer = client_for(f"http://127.0.0.1:{server.server_address[1]}").lookup_bill("jvvnl-bill", ACCOUNT)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(answer, Unavailable), why


def test_an_issued_certificate_comes_as_a_whole_pdf_and_a_pending_one_is_not_issued(online: HttpOnline) -> None:
    (ready_no, *_), (pending_no, *_) = DEMO_APPLICATIONS
    pdf = online.certificate_pdf("caste-cert", ready_no)
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-")
    assert b"%%EOF" in pdf[-64:]
    pending = online.certificate_pdf("income-cert", pending_no)
    assert isinstance(pending, DocumentResult)
    assert pending.problem is DocumentProblem.NOT_ISSUED
    assert "in_process" in pending.detail
    unknown = online.certificate_pdf("caste-cert", "0000000000")
    assert isinstance(unknown, DocumentResult)
    assert unknown.problem is DocumentProblem.NOT_ISSUED


def test_a_certificate_answer_that_is_not_a_pdf_is_never_printed() -> None:
    class Gateway(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"<html>502 Bad Gateway</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        answer = client_for(f"http://127.0.0.1:{server.server_address[1]}").certificate_pdf("caste-cert", "2026110012")
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(answer, DocumentResult)
    assert answer.problem is DocumentProblem.UNAVAILABLE
