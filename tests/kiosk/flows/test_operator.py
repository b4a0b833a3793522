"""Operator mode through its flow, without Qt: PIN, lockout, status page, blind close, Z-report and the tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.availability import ServiceSwitch
from kiosk.cash_payment import COUNT_KEY
from kiosk.cashbox import CashBoxLog
from kiosk.clock import FakeClock
from kiosk.devices.printer import PrinterStatus
from kiosk.documents import DocumentProblem, DocumentResult
from kiosk.flows.base import Devices
from kiosk.flows.operator import Notice, OperatorMode, OpStep
from kiosk.flows.operator_pages import SERVICE_REASONS
from kiosk.journal import verify_journal
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.receipt import Identity
from kiosk.store import Store
from kiosk.zreport import ZReport
from tests.fakes.devices import MemoryPrinter
from tests.kiosk.helpers import cash_bill

PIN = "271828"
IDENTITY = Identity("RJ-JP-SAN-0001", "e-Mitra Plus, Sanganer")


def zqr(report: ZReport) -> str:
    return f"https://server.example/z/{report.business_day}-{report.close_no or 0}"


def make_mode(store: Store, ledger: Ledger, devices: Devices) -> OperatorMode:
    return OperatorMode(
        store, ledger, devices, identity=IDENTITY, receipt_qr=lambda txn: f"https://server.example/r/{txn.id}",
        zreport_qr=zqr,
    )  # fmt: skip


@pytest.fixture
def mode(store: Store, ledger: Ledger, devices: Devices) -> OperatorMode:
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    return make_mode(store, ledger, devices)


def sign_in(mode: OperatorMode, pin: str = PIN) -> bool:
    mode.open()
    for digit in pin:
        mode.press(digit)
    return mode.submit_pin()


def pay(ledger: Ledger, *notes: int) -> str:
    txn = cash_bill(ledger, sum(notes))
    for note in notes:
        ledger.credit_cash(txn.id, Money.rupees(note))
    ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    ledger.complete(txn.id)
    return txn.id


def count(mode: OperatorMode, notes: dict[int, int]) -> None:
    """Type a count on the keypad for every denomination (0 for those not given)."""
    assert mode.sheet is not None
    for denomination in mode.sheet.denominations:
        mode.select_denomination(denomination.paise)
        for digit in str(notes.get(denomination.paise // 100, 0)):
            mode.press(digit)


def test_nothing_is_reachable_before_the_pin(mode: OperatorMode) -> None:
    assert mode.step is OpStep.LOCKED
    mode.show_status()
    assert mode.start_close() is False
    mode.open()
    assert mode.step is OpStep.PIN
    mode.show_status()
    mode.show_zreport()
    assert mode.start_close() is False
    assert mode.step is OpStep.PIN
    assert not mode.signed_in


def test_the_right_pin_opens_the_menu_and_the_sign_in_is_journaled(mode: OperatorMode, store: Store) -> None:
    assert sign_in(mode)
    assert mode.step is OpStep.MENU
    assert mode.operator_name == "Sunita"
    assert store.read_one("SELECT actor FROM journal WHERE action = 'operator.signed_in'") == {"actor": "op-1"}


def test_letters_and_a_seventh_digit_do_not_enter_the_pin(mode: OperatorMode) -> None:
    mode.open()
    assert mode.press("a") is False
    assert mode.press("१") is False
    assert mode.press("12") is False
    for digit in PIN:
        mode.press(digit)
    assert mode.press("9") is False
    assert mode.pin == PIN


def test_a_short_pin_is_refused_without_counting_as_a_try(mode: OperatorMode, store: Store) -> None:
    mode.open()
    mode.press("1")
    assert mode.submit_pin() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.PIN_SHORT
    assert store.read("SELECT * FROM journal WHERE action = 'operator.sign_in_failed'") == []


def test_a_wrong_pin_storm_locks_out_with_the_time_and_survives_a_reboot(
    mode: OperatorMode, store: Store, ledger: Ledger, devices: Devices, clock: FakeClock, tmp_path: Path
) -> None:
    for tries_left in (4, 3, 2, 1):
        assert not sign_in(mode, "000111")
        assert mode.message is not None
        assert mode.message.notice is Notice.WRONG_PIN
        assert mode.message.args == (str(tries_left),)
        mode.lock()
    assert not sign_in(mode, "000111")
    assert mode.message is not None
    assert mode.message.notice is Notice.LOCKED
    assert mode.message.args == ("10:01",)  # 04:30 UTC = 10:00 IST, + 1 minute, shown in IST
    mode.lock()
    store.close()
    reopened = Store.open(tmp_path / "kiosk.db", clock)  # power cut: the lockout is in the database
    again = make_mode(reopened, Ledger(reopened), devices)
    assert not sign_in(again)  # even the right PIN is refused while locked
    assert again.message is not None
    assert again.message.notice is Notice.LOCKED
    clock.advance(61)
    again.lock()
    assert sign_in(again)
    assert verify_journal(reopened).ok
    reopened.close()


def test_idle_lock_signs_out_and_leaves_nothing_of_operator_mode(mode: OperatorMode, store: Store) -> None:
    sign_in(mode)
    mode.start_close()
    mode.press("5")
    mode.lock("idle")
    assert mode.step is OpStep.LOCKED
    assert mode.sheet is None
    assert mode.operator_id == ""
    row = store.read_one("SELECT details FROM journal WHERE action = 'operator.signed_out'")
    assert row is not None
    assert json.loads(row["details"]) == {"reason": "idle"}


def test_status_page_shows_devices_paper_cash_box_rd_service_and_outbox(
    mode: OperatorMode, ledger: Ledger, devices: Devices
) -> None:
    pay(ledger, 500, 100)
    assert isinstance(devices.printer, MemoryPrinter)
    devices.printer.state = PrinterStatus.PAPER_NEAR_END
    sign_in(mode)
    mode.show_status()
    page = mode.status_page()
    assert mode.step is OpStep.STATUS
    assert [line.kind for line in page.devices] == ["cash", "printer", "biometric"]
    assert page.paper == "paper_near_end"
    assert (page.cash_box_notes, page.cash_box_value) == (2, Money.rupees(600))
    assert page.rd_service_version == "1.0"
    assert page.outbox_depth > 0
    assert page.last_sync == ""


def test_the_count_is_blind_and_the_reconciliation_follows_it(mode: OperatorMode, ledger: Ledger) -> None:
    pay(ledger, 500, 100)
    pay(ledger, 100, 50)
    sign_in(mode)
    assert mode.start_close()
    assert mode.step is OpStep.COUNT
    assert mode.reconciliation is None
    count(mode, {500: 1, 100: 2, 50: 1})
    assert mode.submit_count()
    assert mode.step is OpStep.RECONCILIATION
    r = mode.reconciliation
    assert r is not None
    assert r.close_no == 1
    assert r.counted_total == r.ledger_total == Money.rupees(750)
    assert r.difference == Money(0)


def test_a_denomination_left_blank_is_named_and_nothing_is_committed(mode: OperatorMode, store: Store) -> None:
    sign_in(mode)
    mode.start_close()
    mode.select_denomination(50000)
    mode.press("3")
    assert mode.submit_count() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.NOT_COUNTED
    assert mode.message.args == ("₹200",)
    assert mode.sheet is not None
    assert mode.sheet.selected == 20000
    assert store.read("SELECT * FROM day_closes") == []


def test_an_absurd_count_is_refused_clearly(mode: OperatorMode, store: Store) -> None:
    sign_in(mode)
    mode.start_close()
    count(mode, {500: 9999})
    assert mode.sheet is not None
    assert mode.sheet.entries[50000] == "9999"
    mode.select_denomination(50000)
    assert mode.press("1") is False  # five digits cannot be typed
    assert mode.submit_count() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.BAD_COUNT
    assert mode.message.args == ("₹500", "9999")
    assert store.read("SELECT * FROM day_closes") == []


def test_a_close_is_refused_while_a_payment_is_open(mode: OperatorMode, ledger: Ledger, store: Store) -> None:
    txn = cash_bill(ledger, 100)
    sign_in(mode)
    assert mode.start_close() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.PAYMENT_OPEN
    ledger.cancel(txn.id, reason="timed out")
    assert mode.start_close()


def test_a_payment_opened_while_counting_refuses_the_submit(mode: OperatorMode, ledger: Ledger, store: Store) -> None:
    sign_in(mode)
    mode.start_close()
    count(mode, {})
    cash_bill(ledger, 100)
    assert mode.submit_count() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.PAYMENT_OPEN
    assert store.read("SELECT * FROM day_closes") == []


def test_a_second_close_the_same_day_is_refused_with_the_day(mode: OperatorMode) -> None:
    sign_in(mode)
    mode.start_close()
    count(mode, {})
    assert mode.submit_count()
    mode.back()
    assert mode.start_close() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.ALREADY_CLOSED
    assert mode.message.args == ("23-11-2026",)


def test_a_close_started_on_two_screens_happens_once(
    mode: OperatorMode, store: Store, ledger: Ledger, devices: Devices
) -> None:
    OperatorAuth(store).add("op-2", "Ramesh", "314159", by="engineer")
    other = make_mode(store, ledger, devices)
    mode.open()
    assert mode.operator_id == ""
    assert mode.submit_pin() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.CHOOSE_OPERATOR
    mode.choose_operator("op-1")
    for digit in PIN:
        mode.press(digit)
    assert mode.submit_pin()
    other.open()
    other.choose_operator("op-2")
    for digit in "314159":
        other.press(digit)
    assert other.submit_pin()
    for screen in (mode, other):
        assert screen.start_close()
        count(screen, {})
    assert mode.submit_count()
    assert other.submit_count() is False
    assert other.message is not None
    assert other.message.notice is Notice.ALREADY_CLOSED
    assert store.read("SELECT no, closed_by FROM day_closes") == [{"no": 1, "closed_by": "op-1"}]


def test_a_power_cut_during_the_close_commits_nothing_and_the_count_can_be_redone(
    tmp_path: Path, clock: FakeClock, devices: Devices
) -> None:
    cut = {"on": False}

    def fault(point: str) -> None:
        if cut["on"] and point == "before_commit":
            raise SystemExit("power cut")

    store = Store.open(tmp_path / "cut.db", clock, fault=fault)
    ledger = Ledger(store)
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    pay(ledger, 200)
    mode = make_mode(store, ledger, devices)
    sign_in(mode)
    mode.start_close()
    count(mode, {200: 1})
    cut["on"] = True
    with pytest.raises(SystemExit):
        mode.submit_count()
    store.close()
    store = Store.open(tmp_path / "cut.db", clock)
    assert store.read("SELECT * FROM day_closes") == []
    assert store.read("SELECT * FROM outbox WHERE kind = 'day.closed'") == []
    mode = make_mode(store, Ledger(store), devices)
    sign_in(mode)
    mode.start_close()
    count(mode, {200: 1})
    assert mode.submit_count()
    assert verify_journal(store).ok
    store.close()


def test_a_forgotten_close_is_flagged_next_morning_and_caught_up(
    mode: OperatorMode, ledger: Ledger, clock: FakeClock
) -> None:
    pay(ledger, 100)
    clock.advance(24 * 3600)
    pay(ledger, 50)
    sign_in(mode)
    assert mode.message is not None
    assert mode.message.notice is Notice.OVERDUE
    assert mode.message.args == ("2026-11-23",)
    mode.start_close()
    count(mode, {100: 1, 50: 1})
    assert mode.submit_count()
    assert mode.reconciliation is not None
    assert mode.reconciliation.covers_days == ("2026-11-23", "2026-11-24")
    assert mode.reconciliation.difference == Money(0)


def test_zreport_is_shown_printed_and_each_print_is_its_own_job(
    mode: OperatorMode, ledger: Ledger, devices: Devices, store: Store
) -> None:
    pay(ledger, 500)
    sign_in(mode)
    mode.start_close()
    count(mode, {500: 1})
    mode.submit_count()
    mode.show_zreport()
    assert mode.step is OpStep.ZREPORT
    assert mode.report is not None
    assert mode.report.close_no == 1
    assert mode.report.cash_total == Money.rupees(500)
    assert mode.report_qr == "https://server.example/z/2026-11-23-1"
    assert mode.print_report()
    assert mode.print_report()
    assert isinstance(devices.printer, MemoryPrinter)
    assert sorted(devices.printer.jobs) == ["zreport-2026-11-23-1", "zreport-2026-11-23-2"]
    assert len(store.read("SELECT * FROM journal WHERE action = 'operator.zreport_printed'")) == 2


def test_zreport_without_paper_says_so(mode: OperatorMode, devices: Devices, store: Store) -> None:
    assert isinstance(devices.printer, MemoryPrinter)
    devices.printer.state = PrinterStatus.PAPER_OUT
    sign_in(mode)
    mode.show_zreport()
    assert mode.print_report() is False
    assert mode.message is not None
    assert mode.message.notice is Notice.NOT_PRINTED
    assert mode.message.args == ("paper_out",)
    assert store.read_one("SELECT 1 AS x FROM journal WHERE action = 'operator.zreport_not_printed'") == {"x": 1}


def test_reprint_lists_recent_receipts_and_prints_numbered_duplicates(
    mode: OperatorMode, ledger: Ledger, devices: Devices, clock: FakeClock
) -> None:
    old = pay(ledger, 100)
    clock.advance(8 * 24 * 3600)
    recent = pay(ledger, 50)
    sign_in(mode)
    mode.show_reprints()
    assert [row.txn_id for row in mode.reprintable()] == [recent]  # older than 7 days: not offered
    assert mode.reprint(old) is False
    assert mode.reprint(recent)
    assert mode.reprint(recent)
    assert isinstance(devices.printer, MemoryPrinter)
    duplicates = sorted(job for job in devices.printer.jobs if "-dup" in job)
    assert [job.rsplit("-", 1)[1] for job in duplicates] == ["dup1", "dup2"]
    assert all(devices.printer.jobs[job].duplicate for job in duplicates)
    assert mode.message is not None
    assert mode.message.notice is Notice.REPRINTED


def test_a_change_due_voucher_is_settled_once(mode: OperatorMode, ledger: Ledger, store: Store) -> None:
    txn = cash_bill(ledger, 350)
    ledger.credit_cash(txn.id, Money.rupees(200))
    voucher_no = ledger.abandon(txn.id, reason="walked away").voucher_no
    assert voucher_no is not None
    sign_in(mode)
    mode.show_vouchers()
    assert mode.settle_voucher(voucher_no)
    assert mode.message is not None
    assert mode.message.args == (str(voucher_no), "₹200.00")
    assert mode.settle_voucher(voucher_no) is False
    assert mode.message.notice is Notice.VOUCHER_REFUSED
    assert "already settled" in mode.message.args[0]
    assert ledger.vouchers(state="open") == []


def test_out_of_service_switch_keeps_the_reason_for_the_villager_screen(mode: OperatorMode, store: Store) -> None:
    sign_in(mode)
    mode.show_service()
    assert mode.take_out_of_service(99) is False
    assert mode.take_out_of_service(0)
    assert ServiceSwitch(store).reason() == SERVICE_REASONS[0]
    assert mode.status_page().out_of_service == SERVICE_REASONS[0]
    assert mode.back_in_service()
    assert ServiceSwitch(store).reason() is None


def test_a_cash_box_removal_without_an_operator_action_is_flagged(
    mode: OperatorMode, store: Store, clock: FakeClock
) -> None:
    sign_in(mode)
    mode.show_cashbox()
    assert mode.announce_removal()
    assert CashBoxLog(store).acceptor_reported_removed() is True
    clock.advance(3600)
    assert CashBoxLog(store).acceptor_reported_removed() is False
    events = mode.removals()
    assert [(kind, flagged) for _, kind, flagged in events] == [
        ("removed_unannounced", True), ("removed", False), ("removal_announced", False),
    ]  # fmt: skip


def test_every_operator_action_is_in_the_journal_and_the_chain_verifies(
    mode: OperatorMode, ledger: Ledger, store: Store
) -> None:
    pay(ledger, 100)
    sign_in(mode)
    mode.start_close()
    count(mode, {100: 1})
    mode.submit_count()
    mode.show_zreport()
    mode.print_report()
    mode.show_service()
    mode.take_out_of_service(1)
    mode.lock()
    actions = [r["action"] for r in store.read("SELECT action FROM journal WHERE actor = 'op-1' ORDER BY id")]
    assert actions == [
        "operator.signed_in", "day.closed", "operator.zreport_printed", "kiosk.out_of_service", "operator.signed_out",
    ]  # fmt: skip
    assert verify_journal(store).ok


def test_ok_on_the_keypad_moves_to_the_next_note_then_back_to_a_blank_one(mode: OperatorMode) -> None:
    sign_in(mode)
    mode.start_close()
    assert mode.sheet is not None
    order = [d.paise for d in mode.sheet.denominations]
    assert order == [50000, 20000, 10000, 5000, 2000, 1000]
    mode.press("2")
    mode.next_denomination()
    assert mode.sheet.selected == 20000
    for _ in range(4):
        mode.press("0")
        mode.next_denomination()
    assert mode.sheet.selected == 1000
    mode.next_denomination()  # the last note still blank: OK stays on the first blank one
    assert mode.sheet.selected == 1000
    assert mode.sheet.entries == {50000: "2", 20000: "0", 10000: "0", 5000: "0", 2000: "0"}


def test_the_acceptors_own_counter_is_shown_from_the_second_close_on(
    mode: OperatorMode, store: Store, ledger: Ledger, clock: FakeClock
) -> None:
    def device_count(n: int) -> None:
        with store.write("cash") as uow:
            uow.set_meta(COUNT_KEY, str(n))

    device_count(10)
    sign_in(mode)
    mode.start_close()
    count(mode, {})
    mode.submit_count()
    assert mode.acceptor_notes is None  # no earlier close to count from
    mode.lock()
    clock.advance(24 * 3600)
    pay(ledger, 100, 100, 50, 10)
    device_count(14)
    sign_in(mode)
    mode.start_close()
    count(mode, {100: 2, 50: 1, 10: 1})
    mode.submit_count()
    assert mode.acceptor_notes == 4


class RecordingCertificates:
    """The certificate port: prints when told to, records the jobs it was given."""

    def __init__(self, works: bool) -> None:
        self.works = works
        self.jobs: list[tuple[str, str, str]] = []

    def print_certificate(self, job_id: str, service_id: str, application_no: str) -> DocumentResult:
        self.jobs.append((job_id, service_id, application_no))
        if not self.works:
            return DocumentResult(False, DocumentProblem.PRINTER, "stopped: out of paper")
        return DocumentResult(True)


def test_the_operator_prints_a_certificate_the_villager_was_sent_to_ask_for(
    store: Store, ledger: Ledger, devices: Devices
) -> None:
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    certificates = RecordingCertificates(works=False)
    mode = OperatorMode(store, ledger, devices, identity=IDENTITY, receipt_qr=lambda txn: f"r/{txn.id}",
                        zreport_qr=zqr, certificates=certificates)  # fmt: skip
    bill = pay(ledger, 100)
    certificate = pay(ledger, 50)
    ledger.document_printed(certificate, document="certificate", printed=False, problem="printer", detail="jam")
    sign_in(mode)
    mode.show_reprints()
    assert [mode.has_certificate(t) for t in (bill, certificate)] == [False, True]
    assert mode.print_certificate(bill) is False  # a bill receipt paid for no certificate
    assert certificates.jobs == []
    assert mode.print_certificate(certificate) is False  # the A4 printer is still out of paper: said so
    assert mode.message is not None
    assert mode.message.notice is Notice.CERTIFICATE_NOT_PRINTED
    certificates.works = True
    assert mode.print_certificate(certificate)
    assert mode.message.notice is Notice.CERTIFICATE_PRINTED
    reference = ledger.get(certificate).reference
    # The copy number counts certificates that came out: the retry after a failure is the same job, copy 1.
    assert [(job[-1], app) for job, _, app in certificates.jobs] == [("1", reference), ("1", reference)]
    actions = [r["action"] for r in store.read("SELECT action FROM journal WHERE subject = ?", (certificate,))]
    assert actions[-4:] == ["certificate.not_printed", "operator.certificate_print_failed", "certificate.printed",
                            "operator.certificate_printed"]  # fmt: skip
