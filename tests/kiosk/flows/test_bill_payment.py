"""Bill payment journey: keypad, lookup, cash and Aadhaar payment, cancel, idle timeout, double taps."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.devices.printer import PrinterStatus
from kiosk.flows.base import Devices, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.transactions import TxnState
from tests.fakes.devices import (
    MemoryCashAcceptor,
    MemoryFingerReader,
    MemoryOnline,
    MemoryPrinter,
    demo_aadhaar,
    demo_account,
)

GOOD = demo_account("21041234567")  # ₹350 due
SLOW = demo_account("99999999999")


def typed(journey: Journey, number: str) -> Journey:
    for digit in number:
        journey.press(digit)
    return journey


def cash(devices: Devices) -> MemoryCashAcceptor:
    assert isinstance(devices.cash, MemoryCashAcceptor)
    return devices.cash


def test_wrong_length_account_stays_on_keypad_with_length_problem(start: Callable[[str], Journey]) -> None:
    journey = typed(start("jvvnl-bill"), GOOD[:-1])
    assert journey.submit() is False
    assert (journey.step, journey.problem) == (Step.ENTER_NUMBER, Problem.LENGTH)


def test_wrong_checksum_account_is_refused_before_any_lookup(start: Callable[[str], Journey]) -> None:
    wrong = GOOD[:-1] + str((int(GOOD[-1]) + 1) % 10)
    journey = typed(start("jvvnl-bill"), wrong)
    journey.submit()
    assert (journey.step, journey.problem) == (Step.ENTER_NUMBER, Problem.CHECKSUM)


def test_keypad_ignores_digits_beyond_the_field_length_and_backspace_on_empty(start: Callable[[str], Journey]) -> None:
    journey = start("jvvnl-bill")
    assert journey.backspace() is False
    typed(journey, GOOD + "9")
    assert journey.view().digits == GOOD


def test_unknown_account_shows_not_found_and_retry_keeps_the_number(start: Callable[[str], Journey]) -> None:
    other = demo_account("55555555555")
    journey = typed(start("jvvnl-bill"), other)
    journey.submit()
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.NOT_FOUND)
    assert journey.retry() is True
    assert (journey.step, journey.view().digits) == (Step.ENTER_NUMBER, other)


def test_lookup_timeout_on_an_online_only_biller_is_reported_as_timeout(start: Callable[[str], Journey]) -> None:
    journey = typed(start("mobile-postpaid"), "9999999999")
    journey.submit()
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.TIMEOUT)


def test_lookup_timeout_on_a_provisional_biller_takes_cash_for_a_typed_amount(
    start: Callable[[str], Journey], devices: Devices
) -> None:
    journey = typed(start("jvvnl-bill"), SLOW)
    journey.submit()
    assert journey.step is Step.ENTER_AMOUNT
    assert journey.submit() is False
    assert journey.problem is Problem.AMOUNT  # nothing typed
    typed(journey, "120")
    assert journey.submit()
    view = journey.view()
    assert (view.step, view.amount_due, view.payment_modes, view.provisional) == (
        Step.CHOOSE_PAYMENT,
        "₹120.00",
        ("cash",),
        True,
    )
    assert journey.choose_aadhaar() is False  # needs the network
    journey.choose_cash()
    cash(devices).insert(100)
    cash(devices).insert(20)
    assert journey.step is Step.DONE
    assert journey.receipt().provisional


def test_provisional_amount_above_the_cash_limit_is_refused(start: Callable[[str], Journey]) -> None:
    journey = typed(start("jvvnl-bill"), SLOW)
    journey.submit()
    typed(journey, "999999")
    assert journey.submit() is False
    assert (journey.step, journey.problem) == (Step.ENTER_AMOUNT, Problem.AMOUNT)


def test_bill_shows_amount_due_date_and_masked_name(start: Callable[[str], Journey]) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    view = journey.view()
    assert view.step is Step.CHOOSE_PAYMENT
    assert (view.amount_due, view.due_date) == ("₹350.00", "05-12-2026")
    assert "Ramesh" not in view.consumer
    assert view.consumer.startswith("Ra")


def test_cash_payment_refuses_a_note_that_would_overpay(
    start: Callable[[str], Journey], devices: Devices, ledger: Ledger
) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    assert journey.choose_cash()
    assert journey.view().notes == (10, 20, 50, 100, 200)  # ₹350 due: a ₹500 note would overshoot
    assert cash(devices).insert(500) is False
    cash(devices).insert(200)
    assert (journey.view().paid, journey.view().remaining) == ("₹200.00", "₹150.00")
    assert journey.view().notes == (10, 20, 50, 100)  # the tolerance is ₹0: no change to give
    cash(devices).insert(100)
    assert cash(devices).insert(100) is False  # ₹50 due: a ₹100 note is handed back
    cash(devices).insert(50)
    view = journey.view()
    assert view.step is Step.DONE
    assert view.printed
    assert view.receipt_no is not None
    assert view.voucher_no is None
    assert ledger.get(journey.payment.txn.id).state is TxnState.COMPLETED  # type: ignore[union-attr]
    assert view.qr_text.endswith(f"r={view.receipt_no}")


def test_overpaying_within_the_centres_tolerance_issues_a_change_voucher(
    start: Callable[[str], Journey], devices: Devices
) -> None:
    devices.desk.tolerance = Money.rupees(100)  # this centre lets a villager overpay by up to ₹100
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_cash()
    cash(devices).insert(200)
    cash(devices).insert(200)
    view = journey.view()
    assert view.step is Step.DONE
    assert view.voucher_amount == "₹50.00"


def test_double_tap_on_cash_opens_only_one_transaction(start: Callable[[str], Journey], ledger: Ledger) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    assert journey.choose_cash() is True
    assert journey.choose_cash() is False
    assert journey.choose_aadhaar() is False
    assert len(ledger.open_transactions()) == 1


def test_a_note_reported_twice_by_the_device_is_counted_once(
    start: Callable[[str], Journey], devices: Devices, ledger: Ledger
) -> None:
    from kiosk.devices.cash import NoteCredited

    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_cash()
    note = NoteCredited(Money.rupees(100), 4, "dup-1")
    journey.on_cash(note)
    journey.on_cash(note)
    assert journey.view().paid == "₹100.00"


def test_idle_timeout_with_credit_turns_the_credit_into_a_voucher(
    start: Callable[[str], Journey], devices: Devices, ledger: Ledger
) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_cash()
    cash(devices).insert(100)
    assert journey.idle_timeout()
    view = journey.view()
    assert view.step is Step.VOUCHER
    assert view.voucher_amount == "₹100.00"
    assert ledger.get(journey.payment.txn.id).state is TxnState.ABANDONED  # type: ignore[union-attr]
    assert cash(devices).accepting == frozenset()
    assert journey.finish()
    assert journey.step is Step.CLOSED


def test_idle_timeout_without_credit_cancels_and_goes_home(start: Callable[[str], Journey], ledger: Ledger) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_cash()
    journey.idle_timeout()
    assert journey.step is Step.CLOSED
    assert ledger.vouchers() == []
    assert ledger.open_transactions() == []


def test_note_arriving_after_cancel_is_kept_as_suspense_not_lost(
    start: Callable[[str], Journey], ledger: Ledger
) -> None:
    from kiosk.devices.cash import NoteCredited

    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_cash()
    journey.cancel()
    journey.on_cash(NoteCredited(Money.rupees(50), 3, "late-1"))
    assert ledger.cash_total() == Money.rupees(50)


def test_aadhaar_payment_pays_in_full_and_prints(start: Callable[[str], Journey], online: MemoryOnline) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_aadhaar()
    give_aadhaar(journey)
    assert journey.pay_finger() is True
    assert journey.step is Step.DONE
    assert journey.view().paid == "₹350.00"
    assert len(online.payments) == 1
    assert journey.pay_finger() is False  # a second tap on Pay does nothing
    assert len(online.payments) == 1


def test_finger_not_placed_asks_to_try_again_without_charging(
    start: Callable[[str], Journey], devices: Devices, online: MemoryOnline
) -> None:
    assert isinstance(devices.biometric, MemoryFingerReader)
    devices.biometric.finger_placed = False
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_aadhaar()
    give_aadhaar(journey)
    assert journey.pay_finger() is False
    assert (journey.step, journey.problem) == (Step.PAY_FINGER, Problem.FINGER_RETRY)
    assert online.payments == []


def test_declined_aadhaar_payment_cancels_the_transaction(
    start: Callable[[str], Journey], online: MemoryOnline, ledger: Ledger
) -> None:
    online.decline_payments = True
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_aadhaar()
    give_aadhaar(journey)
    journey.pay_finger()
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.DECLINED)
    assert ledger.get(journey.payment.txn.id).state is TxnState.CANCELLED  # type: ignore[union-attr]
    assert journey.retry() is False  # a transaction was opened: start again from home instead


def test_paper_out_leaves_receipt_pending_but_payment_done(
    start: Callable[[str], Journey], devices: Devices, ledger: Ledger
) -> None:
    assert isinstance(devices.printer, MemoryPrinter)
    devices.printer.state = PrinterStatus.PAPER_OUT
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_aadhaar()
    give_aadhaar(journey)
    journey.pay_finger()
    assert journey.step is Step.DONE
    assert journey.view().printed is False
    assert ledger.get(journey.payment.txn.id).state is TxnState.RECEIPT_PENDING  # type: ignore[union-attr]


def test_jammed_acceptor_refuses_cash_with_a_reason(start: Callable[[str], Journey], devices: Devices) -> None:
    cash(devices).jam()
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    assert journey.choose_cash() is False
    assert (journey.step, journey.problem) == (Step.CHOOSE_PAYMENT, Problem.CASH_UNAVAILABLE)


def test_intents_in_the_wrong_step_change_nothing(start: Callable[[str], Journey]) -> None:
    journey = start("jvvnl-bill")
    assert not any(
        (journey.choose_cash(), journey.pay_finger(), journey.consent(), journey.verify_finger(), journey.finish())
    )
    assert journey.step is Step.ENTER_NUMBER
    journey.cancel()
    assert journey.step is Step.CLOSED
    assert journey.press("1") is False
    assert journey.cancel() is False


@pytest.mark.parametrize(
    ("break_it", "cash_ok"),
    [
        (lambda d: setattr(d.printer, "state", PrinterStatus.PAPER_OUT), False),
        (lambda d: d.cash.jam(), False),
        (lambda d: setattr(d.printer, "state", PrinterStatus.PAPER_NEAR_END), True),
    ],
)
def test_a_kiosk_that_cannot_keep_its_promises_takes_no_cash(
    start: Callable[[str], Journey],
    devices: Devices,
    ledger: Ledger,
    break_it: Callable[[Devices], None],
    cash_ok: bool,
) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    break_it(devices)
    assert journey.choose_cash() is cash_ok
    if not cash_ok:
        assert journey.view().problem is Problem.CASH_UNAVAILABLE
        assert journey.unavailable is not None
        assert journey.unavailable.villager_message("hi")
        assert ledger.open_transactions() == []  # nothing was opened, no note can go in
        assert not devices.cash.accepting


def give_aadhaar(journey: Journey, number: str | None = None) -> bool:
    assert journey.step is Step.ENTER_AADHAAR
    for digit in number or demo_aadhaar():
        journey.press(digit)
    return journey.submit()


def test_aadhaar_payment_asks_the_number_first_and_refuses_a_mistyped_one(
    start: Callable[[str], Journey], online: MemoryOnline, ledger: Ledger
) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    assert journey.choose_aadhaar()
    assert journey.step is Step.ENTER_AADHAAR
    assert journey.pay_finger() is False  # no fingerprint before the number
    good = demo_aadhaar()
    typo = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert give_aadhaar(journey, typo) is False
    assert (journey.step, journey.problem) == (Step.ENTER_AADHAAR, Problem.CHECKSUM)
    assert journey.view().aadhaar_digits == ""  # refused digits are not kept
    assert give_aadhaar(journey, "0" + good[1:]) is False  # no Aadhaar number starts with 0 or 1
    assert journey.problem in (Problem.CHECKSUM,)
    assert ledger.store.read("SELECT id FROM transactions") == []  # nothing opened yet
    for digit in good[:9]:
        journey.press(digit)
    assert journey.view().aadhaar_digits == f"XXXX XXXX {good[8]}"
    for digit in good[9:]:
        journey.press(digit)
    assert journey.view().aadhaar_digits == f"XXXX XXXX {good[8:]}"
    assert journey.submit()
    assert journey.step is Step.PAY_FINGER
    assert journey.pay_finger()
    assert online.aadhaar_seen == [f"XXXX-XXXX-{good[8:]}"]
    assert good not in repr(journey.view())


def test_the_aadhaar_number_never_reaches_the_database_file(start: Callable[[str], Journey], ledger: Ledger) -> None:
    journey = typed(start("jvvnl-bill"), GOOD)
    journey.submit()
    journey.choose_aadhaar()
    give_aadhaar(journey)
    journey.pay_finger()
    journey.finish()
    assert journey.aadhaar_number is None
    files = [ledger.store.path, *ledger.store.path.parent.glob(ledger.store.path.name + "-*")]
    stored = b"".join(f.read_bytes() for f in files if f.exists())
    assert demo_aadhaar().encode() not in stored
    assert GOOD.encode() in stored  # the search does find what is there: the K-number is kept
