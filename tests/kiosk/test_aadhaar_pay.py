"""The AADHAAR_PAY rail against the real reference server (playing the AePS switch) and the RD service emulator: RRN
and bank code, retries on 300, the 330 message, never a second debit for one reference."""

from __future__ import annotations

import itertools

import pytest

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.money import Money
from kiosk.payments.aadhaar_codes import Next, advise
from kiosk.payments.aadhaar_pay import AadhaarPay, AadhaarPayDetails, SwitchAnswer
from kiosk.payments.port import Outcome, PaymentRequest
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import JAIPUR, PAYS, SBI, UID_OF, Bench

bench = aeps_bench.bench  # the shared module fixture
_refs = itertools.count(1)


def ref() -> str:
    return f"TXN-AEPS-{next(_refs):04d}"


def test_a_debit_comes_back_paid_with_a_12_digit_rrn_and_bank_code_00(bench: Bench) -> None:
    rail, txn = bench.rail(), ref()
    started = rail.start(PaymentRequest(txn, Money.rupees(350), details=bench.details()))
    assert started.prompt == "aadhaar_pay.wait"
    result = rail.poll(txn)
    assert (result.outcome, result.code) == (Outcome.PAID, "00")
    assert len(result.reference) == 12
    assert result.reference.isdigit()
    assert rail.advice(txn).next is Next.PAID
    # The signed request carried the bank's IIN and the kiosk's position, and the switch recorded them.
    assert bench.rows(txn) == [("y", "00", result.reference, 1, SBI, JAIPUR.latitude, JAIPUR.longitude)]


def test_a_fingerprint_mismatch_may_be_tried_with_another_finger_and_then_pays(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(120)
    rail.start(PaymentRequest(txn, amount, attempt=1, details=bench.details(UID_OF["300-once"])))
    first = rail.poll(txn)
    assert (first.outcome, first.code) == (Outcome.DECLINED, "300")
    assert rail.advice(txn).next is Next.RETRY_FINGER
    rail.start(PaymentRequest(txn, amount, attempt=2, details=bench.details(UID_OF["300-once"])))
    second = rail.poll(txn)
    assert (second.outcome, second.code) == (Outcome.PAID, "00")
    assert bench.rows(txn)[0][:4] == ("y", "00", second.reference, 2)


def test_three_mismatches_send_the_villager_to_another_method_and_a_fourth_try_is_refused(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(80)
    nexts = []
    for attempt in (1, 2, 3):
        rail.start(PaymentRequest(txn, amount, attempt=attempt, details=bench.details(UID_OF["300"])))
        assert rail.poll(txn).code == "300"
        nexts.append(rail.advice(txn).next)
    assert nexts == [Next.RETRY_FINGER, Next.RETRY_FINGER, Next.OTHER_METHOD]
    assert "another way" in rail.advice(txn).en
    assert "दूसरे तरीके" in rail.advice(txn).hi
    with pytest.raises(ValueError, match="attempt 4"):
        rail.start(PaymentRequest(txn, amount, attempt=4, details=bench.details(UID_OF["300"])))
    assert bench.rows(txn)[0][:4] == ("n", "300", "", 3)


def test_locked_biometrics_tell_the_villager_where_to_unlock_in_hindi_and_english(bench: Bench) -> None:
    rail, txn = bench.rail(), ref()
    rail.start(PaymentRequest(txn, Money.rupees(50), details=bench.details(UID_OF["330"])))
    advice = rail.advice(txn)
    assert (rail.poll(txn).outcome, advice.code, advice.next) == (Outcome.DECLINED, "330", Next.OTHER_METHOD)
    assert "myaadhaar.uidai.gov.in" in advice.en
    assert "mAadhaar app" in advice.en
    assert "Nothing was taken" in advice.en
    assert "अनलॉक" in advice.hi
    assert "mAadhaar ऐप" in advice.hi
    assert "कोई राशि नहीं कटी" in advice.hi


def test_other_bank_codes_get_their_own_clear_message(bench: Bench) -> None:
    rail, poor, down = bench.rail(), ref(), ref()
    rail.start(PaymentRequest(poor, Money.rupees(50), details=bench.details(UID_OF["51"])))
    rail.start(PaymentRequest(down, Money.rupees(50), details=bench.details(iin="607280")))
    assert (rail.advice(poor).code, rail.advice(down).code) == ("51", "91")
    assert "Not enough money" in rail.advice(poor).en
    assert "पर्याप्त पैसे नहीं" in rail.advice(poor).hi
    assert "not answering" in rail.advice(down).en
    assert rail.advice(down).next is Next.OTHER_METHOD


def test_the_same_reference_is_never_debited_twice_even_as_a_later_try(bench: Bench) -> None:
    txn, amount = ref(), Money.rupees(200)
    first = bench.switch.pay(txn, 1, amount, bench.details())
    again = bench.switch.pay(txn, 1, amount, bench.details())
    later = bench.switch.pay(txn, 2, amount, bench.details())  # a buggy retry after a debit
    assert first == again == later
    assert len(bench.rows(txn)) == 1
    assert bench.rows(txn)[0][3] == 1


def test_a_lost_answer_is_unknown_and_the_inquiry_finds_the_one_debit_without_starting_again(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(75)

    def lose_the_answer(
        path: str, status: int, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        return (503, {"Content-Type": "text/plain"}, b"gone") if path.endswith("/aeps:pay") else (status, headers, body)

    bench.proxy.mutate = lose_the_answer
    try:
        rail.start(PaymentRequest(txn, amount, details=bench.details()))
    finally:
        bench.proxy.mutate = None
    assert rail.poll(txn).outcome is Outcome.UNKNOWN
    assert rail.advice(txn).next is Next.ASK_STATUS
    sent = len(bench.proxy.history)
    rail.start(PaymentRequest(txn, amount, details=bench.details()))  # the journey must not, but if it does …
    assert len(bench.proxy.history) == sent  # … nothing goes to the switch
    found = rail.inquire(txn, amount)
    assert (found.outcome, found.reference) == (Outcome.PAID, bench.rows(txn)[0][2])
    assert rail.poll(txn) == found


def test_asking_first_voids_the_reference_so_a_late_try_cannot_debit(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(60)
    asked = rail.inquire(txn, amount)
    assert (asked.outcome, asked.code) == (Outcome.DECLINED, "VOID")
    late = bench.switch.pay(txn, 1, amount, bench.details())
    assert isinstance(late, SwitchAnswer)
    assert (late.paid, late.bank_code) == (False, "VOID")
    assert bench.rows(txn)[0][0] == "n"


def test_an_inquiry_after_a_mismatch_closes_the_reference_to_further_fingers(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(90)
    rail.start(PaymentRequest(txn, amount, details=bench.details(UID_OF["300-once"])))
    assert rail.inquire(txn, amount).code == "300"
    assert rail.advice(txn).next is Next.OTHER_METHOD
    late = bench.switch.pay(txn, 2, amount, bench.details(UID_OF["300-once"]))  # would have matched
    assert isinstance(late, SwitchAnswer)
    assert (late.paid, late.bank_code) == (False, "300")
    assert bench.rows(txn)[0][0] == "n"


def test_bad_requests_are_refused_by_name_before_anything_is_sent(bench: Bench) -> None:
    rail, sent = bench.rail(), len(bench.proxy.history)
    aadhaar = AadhaarNumber.parse(PAYS)
    with pytest.raises(ValueError, match="details must be AadhaarPayDetails"):
        rail.start(PaymentRequest(ref(), Money.rupees(10), details={"iin": SBI}))
    with pytest.raises(ValueError, match="IIN '999999' is not in the bank list"):
        rail.start(
            PaymentRequest(ref(), Money.rupees(10), details=AadhaarPayDetails("999999", aadhaar, bench.finger()))
        )
    with pytest.raises(ValueError, match="amount"):
        rail.start(PaymentRequest(ref(), Money.rupees(10_001), details=bench.details()))
    assert len(bench.proxy.history) == sent


def test_the_rail_is_not_offered_before_the_operators_two_factor_login(bench: Bench) -> None:
    class Closed:
        def done_today(self) -> bool:
            return False

    assert bench.rail().available()
    assert not AadhaarPay(bench.switch, bench.banks, Closed()).available()


def test_an_iin_the_switch_does_not_know_is_refused_there_and_nothing_is_recorded(bench: Bench) -> None:
    txn = ref()
    details = AadhaarPayDetails("999999", AadhaarNumber.parse(PAYS), bench.finger())
    answer = bench.switch.pay(txn, 1, Money.rupees(10), details)  # past the rail's own check, straight to the wire
    assert answer == SwitchAnswer("IIN", "", 1)
    assert "does not take Aadhaar Pay" in advise("IIN", 1).en
    assert bench.rows(txn) == []


def test_a_capture_the_rd_service_flagged_may_be_tried_again_and_then_pays(bench: Bench) -> None:
    rail, txn, amount = bench.rail(), ref(), Money.rupees(45)
    flagged = PidBlock(b"<PidData><Resp errCode='720' errInfo='finger moved'/></PidData>")
    rail.start(PaymentRequest(txn, amount, details=AadhaarPayDetails(SBI, AadhaarNumber.parse(PAYS), flagged)))
    assert rail.poll(txn).code == "RD-720"
    assert rail.advice(txn).next is Next.RETRY_FINGER
    rail.start(PaymentRequest(txn, amount, attempt=2, details=bench.details()))
    assert rail.poll(txn).outcome is Outcome.PAID
