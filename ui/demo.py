"""`make demo`: the field's composition on device emulators and a reference server process — a scripted tour
headless, or the app beside a device panel."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.clock import Clock, FakeClock, SystemClock, to_ist
from kiosk.config import load_config
from kiosk.journal import verify_journal
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.outbox import Outbox
from kiosk.store import Store
from kiosk.transactions import PaymentMode
from kiosk.words import amount_in_words

if TYPE_CHECKING:
    from ui.composition import Services
    from ui.devpanel.emulated import EmulatedBench
    from ui.embedded_server import EmbeddedServer

DEMO_OUT = Path("demo-out")


def is_headless() -> bool:
    """No display to show a window on: run the scripted tour instead (config-free: this is the demo switch)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform == "offscreen":
        return True
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@dataclass
class Demo:
    """The demo kiosk: the field's services from `config_path`, and what stands in for the world around it."""

    services: Services
    bench: EmulatedBench  # the device emulators the config's drivers talk to (and the dev panel drives)
    server: EmbeddedServer  # the reference server process this kiosk is enrolled with
    config_path: Path

    def close(self) -> None:
        self.services.close()
        self.bench.close()
        self.server.stop()


def start_demo(workdir: Path, clock: Clock, *, receipts: Path) -> Demo:
    """Start the emulators and the reference server, write the demo config naming them, enrol this kiosk, then
    compose exactly as `kiosk --config` does (`ui.realmode.real_services`)."""
    from sync.agent import enrol
    from sync.settings import agent_settings
    from ui.demo_config import demo_config_document, write_demo_config
    from ui.devpanel.emulated import start_bench
    from ui.embedded_server import EmbeddedServer
    from ui.realmode import real_services

    bench = start_bench(workdir, receipts, clock)
    server = EmbeddedServer(workdir / "server")
    try:
        server.start(upi=True)  # with the PSP emulator, which pays each UPI QR a few seconds after it is made
        document = demo_config_document(workdir, server_url=server.url, devices=bench.device_sections())
        path = write_demo_config(workdir / "kiosk.toml", document)
        settings = agent_settings(load_config(path))
        store = Store.open(settings.database, clock)
        try:
            enrol(settings, store, server.issue_token(settings.kiosk_code))  # what `kioskctl provision` does
        finally:
            store.close()
        return Demo(real_services(path, clock), bench, server, path)
    except BaseException:
        server.stop()
        bench.close()
        raise


def run_demo(out: TextIO, *, out_dir: Path = DEMO_OUT, headless: bool | None = None) -> int:
    headless = is_headless() if headless is None else headless
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt is imported only now, so `kiosk --help` and the ledger demo stay light.
    from ui.app import application, build_window
    from ui.composition import DEMO_START, DemoClock
    from ui.devpanel.emulated import wait_connected

    app = application()
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp:
        clock = FakeClock(DEMO_START) if headless else DemoClock()
        demo = start_demo(Path(tmp), clock, receipts=out_dir / "receipts")
        services = demo.services
        out.write(f"reference server (its own process) at {demo.server.url}\n")
        out.write(f"demo config (the field's schema): {demo.config_path}\n")
        kiosk = build_window(services, kiosk_mode=False)  # attaches the cash desk, which starts the SSP driver
        wait_connected(services.devices.cash)
        if not headless:
            from ui.devpanel.panel import open_panel

            panel = open_panel(demo.bench)  # noqa: F841 - kept alive while the app runs
            code = app.exec()
            demo.close()
            return code
        from ui.tour import run_tour

        out.write(f"e-Mitra Plus demo tour — screenshots in {out_dir}/\n")
        ok = run_tour(kiosk, demo.bench, out_dir, out)
        journal = verify_journal(services.store)
        out.write(f"  {journal.describe()}\n")
        out.write(f"  outbox: {Outbox(services.store).depth()} events queued for the server\n")
        ok = deliver_to_server(services, out) and ok
        kiosk.close()
        demo.close()
    ok = ok and journal.ok
    out.write("demo payment completed\n" if ok else "demo payment FAILED\n")
    return 0 if ok else 1


def deliver_to_server(services: Services, out: TextIO) -> bool:
    """What the kiosk-agent does in the field, once: send the queued events to the server, which confirms them."""
    if services.sync_settings is None:
        return True
    from sync.agent import Agent

    agent = Agent(services.sync_settings, services.store, SystemClock())
    before = Outbox(services.store).depth()
    agent.drainer.drain()
    left = Outbox(services.store).depth()
    out.write(f"  delivered {before - left} events to the server; {left} still queued\n")
    return left == 0 and receipt_verified(services, out)


def receipt_verified(services: Services, out: TextIO) -> bool:
    """What a phone does with the QR, done here: the server's page checks the kiosk's signature on the last receipt."""
    import requests

    (row,) = services.store.read(
        "SELECT id FROM transactions WHERE receipt_no IS NOT NULL ORDER BY receipt_no DESC LIMIT 1"
    )
    txn = services.ledger.get(str(row["id"]))
    url = services.receipt_qr(txn)
    facts = requests.get(url, headers={"Accept": "application/json"}, timeout=10).json()
    ok = bool(facts.get("valid")) and facts.get("receipt_no") == txn.receipt_no
    out.write(f"  receipt {txn.receipt_no}'s QR {'verified' if ok else 'NOT verified'} by the server: {url[:60]}…\n")
    return ok


def run_ledger_demo(out: TextIO, workdir: Path | None = None) -> int:
    """Pay a ₹350 electricity bill with ₹200 + ₹100 + ₹100 (₹50 change due), print what the ledger recorded."""
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp:
        folder = workdir or Path(tmp)
        clock = FakeClock()
        store = Store.open(folder / "kiosk.db", clock)
        ledger = Ledger(store)
        out.write(f"e-Mitra Plus demo — ledger at {store.path}\n")
        txn = ledger.create(
            service_id="jvvnl-bill",
            service_name_hi="बिजली बिल भुगतान (JVVNL)",
            service_name_en="Electricity bill (JVVNL)",
            reference="210412345678",
            amount_due=Money.rupees(350),
        )
        out.write(f"  bill {txn.reference}: {txn.total_due} due ({amount_in_words(txn.total_due)})\n")
        ledger.await_payment(txn.id, PaymentMode.CASH)
        for note in (200, 100, 100):
            clock.advance(4)
            credit = ledger.credit_cash(txn.id, Money.rupees(note), device_ref=f"demo-note-{clock.monotonic()}")
            out.write(
                f"  {to_ist(clock.now()):%H:%M:%S} note ₹{note} credited — paid {credit.txn.amount_paid},"
                f" still due {credit.txn.remaining}, state {credit.txn.state.value}\n"
            )
            if credit.voucher_no is not None:
                voucher = next(v for v in ledger.vouchers() if v.no == credit.voucher_no)
                out.write(f"  change-due voucher #{voucher.no} for {voucher.amount} (the operator pays it out)\n")
        ledger.receipt_printed(txn.id, job_id=f"receipt-{txn.id}")
        done = ledger.complete(txn.id)
        out.write(f"  receipt no. {done.receipt_no} printed; transaction {done.state.value}\n")
        outbox = Outbox(store)
        out.write(f"  outbox: {outbox.depth()} events queued for the server, seq 1…{outbox.last_seq()}\n")
        out.write(f"  {verify_journal(store).describe()}\n")
        out.write(f"  cash in the box: {ledger.cash_total()}\n")
        ok = done.state.value == "completed" and verify_journal(store).ok
        store.close()
        out.write("demo payment completed\n" if ok else "demo payment FAILED\n")
        return 0 if ok else 1
