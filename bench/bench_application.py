"""From the last scan to the acknowledgement slip: an application's submission by blob reference (ours) vs the same
event carrying its pages base64 inside (naive), on a real SQLite store (WAL + synchronous=FULL) and memory devices."""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the memory devices live in tests/fakes

from kiosk.application_records import ApplicationRecords, Filled
from kiosk.cash_payment import CashDesk
from kiosk.catalogue import DEFAULT_CATALOGUE, Service, load_catalogue
from kiosk.clock import FakeClock
from kiosk.flows.application_steps import ApplicationJourney
from kiosk.flows.base import Devices, Step
from kiosk.ledger import Ledger
from kiosk.outbox import Outbox
from kiosk.store import Store
from tests.fakes.capture_apply import MemoryCamera, MemoryPages, MemoryVault, image
from tests.fakes.devices import MemoryCashAcceptor, MemoryFingerReader, MemoryPrinter, sample_online

PAGE_BYTES = 60_000  # issue 20's goal for one compressed A4 page
ANSWERS = {"applicant_name": "Ramesh Kumar Meena", "father_name": "Mohan Lal", "birth_date": "05-03-1990",
           "caste_class": "st", "caste": "Meena", "mobile": "9876543210"}  # fmt: skip


class InlineRecords(ApplicationRecords):
    """The naive way: the pages and the photo travel inside the submission event (base64 in the outbox row)."""

    def __init__(self, store: Store, kiosk_code: str, vault: MemoryVault) -> None:
        super().__init__(store, kiosk_code)
        self.vault = vault

    def _payload(self, service: Service, filled: Filled, number: str, expected: Any, txn_id: str | None) -> Any:
        payload = super()._payload(service, filled, number, expected, txn_id)
        data = [self.vault.blobs[b["sha256"]] for b in payload["blobs"]]
        return payload | {"inline": [base64.b64encode(d).decode("ascii") for d in data]}


class Pages(MemoryPages):
    def capture(self):  # type: ignore[no-untyped-def]
        result = super().capture()
        return result if not hasattr(result, "jpeg") else type(result)(
            image(f"p{self.scans}", PAGE_BYTES), result.preview_png, result.verdict, result.width_px,
            result.height_px, result.dpi)  # fmt: skip


def one(folder: Path, n: int, naive: bool) -> tuple[float, int]:
    """Seconds from the last scan's return to the slip printed (villager taps instant), and the event's bytes."""
    store = Store.open(folder / f"kiosk-{n}-{naive}.db", FakeClock())
    try:
        ledger, cash, online, vault = Ledger(store), MemoryCashAcceptor(), sample_online(), MemoryVault()
        devices = Devices(cash, MemoryPrinter(), MemoryFingerReader(), CashDesk(ledger, cash))
        journey = ApplicationJourney(load_catalogue(DEFAULT_CATALOGUE).get("caste-apply"), pages=Pages(),
                                     camera=MemoryCamera(), vault=vault, ledger=ledger, devices=devices, bills=online,
                                     applications=online, aadhaar=online, kiosk_code="RJ-JP-SAN-0001")  # fmt: skip
        if naive:
            journey.records = InlineRecords(store, "RJ-JP-SAN-0001", vault)
        devices.desk.on_update = journey.on_update  # type: ignore[assignment]
        devices.desk.attach()
        while journey.step is Step.ELIGIBILITY:
            journey.answer(True)
        for key, value in ANSWERS.items():
            journey.set_field(key, value)
        journey.submit_form()
        journey.scan()
        journey.finish_document()
        journey.scan()  # the last scan
        start = time.perf_counter()
        journey.finish_document()
        journey.take_photo()
        journey.accept_photo()
        journey.confirm()
        journey.choose_cash()
        cash.insert(20)
        cash.insert(20)
        elapsed = time.perf_counter() - start
        assert journey.step is Step.DONE
        assert journey.slip_printed
        (event,) = [i for i in Outbox(store).pending() if i.kind == "application.submitted"]
        size = len(store.read_one("SELECT payload FROM outbox WHERE seq = ?", (event.seq,))["payload"])  # type: ignore[index]
        return elapsed, size
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200 if os.environ.get("KIOSK_SOAK") else 30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {naive: [one(Path(tmp), n, naive) for n in range(args.runs)] for naive in (False, True)}
    for naive, label in ((False, "ours (blob refs)"), (True, "naive (pages inline)")):
        times = sorted(t * 1000 for t, _ in results[naive])
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{label:22s}: last scan -> slip p50 {statistics.median(times):.1f} ms  p95 {p95:.1f} ms;"
              f" event {results[naive][0][1]:,} B")  # fmt: skip
    ours, naive = (statistics.median(t for t, _ in results[k]) for k in (False, True))
    print(f"ratio naive/ours: time {naive / ours:.2f}x, event bytes {results[True][0][1] / results[False][0][1]:.0f}x")


if __name__ == "__main__":
    main()
