"""The shipped Aadhaar path for tests: `kiosk --config`'s composition against emulators and a real server process."""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import SystemClock
from kiosk.flows.journey import Journey
from kiosk.payment_outcome import Backoff, OutcomeInquiry
from server.online import DEMO_BILLS
from tests.fakes.devices import demo_aadhaar
from tests.sync.faultproxy import FaultProxy
from tests.sync.harness import ServerProcess
from tests.ui.test_realmode import enrolled_config
from ui.composition import Services
from ui.realmode import real_services
from ui.screens import JourneyScreen
from ui.viewmodels.journey import journey_for

FULL_NUMBER = demo_aadhaar()
ACCOUNT = DEMO_BILLS[0][1]
ANSWER_DELAY_S = 1.0  # the server decides at once and answers after this: longer than the short client timeout
QUICK = OutcomeInquiry(Backoff(first_s=0.05, cap_s=0.1, asks=2), sleep=time.sleep)


def status_unreachable(
    path: str, status: int, headers: dict[str, str], body: bytes
) -> tuple[int, dict[str, str], bytes]:
    """A proxy mutation: the status inquiry gets a 503, as when the link drops right after the timeout."""
    if path.endswith("/aadhaar:status"):
        return 503, {"Content-Type": "text/plain"}, b"unreachable"
    return status, headers, body


@dataclass
class FieldKiosk:
    folder: Path
    config: Path
    server: ServerProcess
    proxy: FaultProxy
    services: Services
    printer: PrinterEmulator

    def restart(self) -> Services:
        """The app killed and started again on the same config and database."""
        self.services.close()
        self.services = real_services(self.config)
        return self.services


@contextlib.contextmanager
def field_kiosk_in(
    folder: Path, *, answer_delay_s: float = ANSWER_DELAY_S, capture_delay_s: float = 0.0
) -> Iterator[FieldKiosk]:
    """`kiosk --config` composition: drivers from the registry against emulators, enrolled with a real server
    process reached through a recording proxy (the test's only way to see what went onto the wire). The server
    answers /aadhaar:auth `answer_delay_s` late, the RD service reads a finger in `capture_delay_s`."""
    (folder / "receipts").mkdir()
    finger = RdServiceEmulator(SystemClock(), capture_delay_s=capture_delay_s).start()
    bench = (SspEmulator(), PrinterEmulator(folder / "receipts"), finger)
    server = ServerProcess(str(folder / "server.db"), folder / "server.log", "--aua-answer-delay-s",
                           str(answer_delay_s)).start()  # fmt: skip
    proxy = FaultProxy(server.port).start()
    kiosk: FieldKiosk | None = None
    try:
        server.admin("seed", "--per-biller", "2")
        config = enrolled_config(folder, server, bench)
        config.write_text(config.read_text("utf-8").replace(server.url, proxy.url), "utf-8")
        kiosk = FieldKiosk(folder, config, server, proxy, real_services(config), bench[1])
        yield kiosk
    finally:
        if kiosk is not None:
            kiosk.services.close()
        proxy.stop()
        server.stop()
        bench[0].close()
        bench[1].stop()
        bench[2].stop()


@pytest.fixture
def field_kiosk(tmp_path: Path) -> Iterator[FieldKiosk]:
    with field_kiosk_in(tmp_path) as kiosk:
        yield kiosk


def pay_by_aadhaar(services: Services) -> Journey:
    journey = journey_for(JourneyScreen.of(services), services.catalogue.current.get("jvvnl-bill"), QUICK)
    for digit in ACCOUNT:
        journey.press(digit)
    assert journey.submit()
    assert journey.choose_aadhaar(), journey.problem
    for digit in FULL_NUMBER:
        journey.press(digit)
    assert journey.submit()
    journey.pay_finger()
    logging.getLogger("kiosk.flow").info("aadhaar payment for %s: %s", journey.aadhaar_number, journey.step)
    return journey


def forwarded(proxy: FaultProxy, path: str = "/aadhaar:auth") -> list[dict[str, object]]:
    """The bodies the kiosk sent to `path`, as the server received them."""
    bodies = []
    for _method, sent_to, headers, body in proxy.history:
        if sent_to.endswith(path):
            gzipped = any(k.lower() == "content-encoding" and v == "gzip" for k, v in headers.items())
            bodies.append(json.loads(gzip.decompress(body) if gzipped else body))
    return bodies
