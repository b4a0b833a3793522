"""BBPS exactness, convenience fee and customer-parameter rules of kiosk.bbps, including property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.bbps import (
    MAX_BBPS_AMOUNT,
    BbpsError,
    Biller,
    CustomerParam,
    Exactness,
    FeeRule,
    FetchRequirement,
    allowed_amounts,
    check_amount,
    quote,
)
from kiosk.money import Money

paise = st.integers(min_value=1, max_value=MAX_BBPS_AMOUNT.paise).map(Money)
NO_FEE = FeeRule()
K_NUMBER = CustomerParam("K Number", "के. नंबर", "K number", r"\d{12}")


def biller(exactness: Exactness, fee: FeeRule = NO_FEE) -> Biller:
    return Biller("JVVNL0000RAJ01", "जयपुर विद्युत", "JVVNL", (K_NUMBER,), FetchRequirement.MANDATORY, exactness, fee)


@given(due=paise, amount=paise)
def test_an_exact_biller_accepts_the_bill_amount_and_nothing_else(due: Money, amount: Money) -> None:
    accepted = amount in allowed_amounts(Exactness.EXACT, due)
    assert accepted == (amount == due)


@given(due=paise, amount=paise)
def test_an_exact_and_above_biller_accepts_the_bill_amount_or_more(due: Money, amount: Money) -> None:
    assert (amount in allowed_amounts(Exactness.EXACT_UP, due)) == (amount >= due)


@given(due=paise, amount=paise)
def test_an_exact_and_below_biller_accepts_part_payments_up_to_the_bill(due: Money, amount: Money) -> None:
    assert (amount in allowed_amounts(Exactness.EXACT_DOWN, due)) == (amount <= due)


@given(due=st.one_of(st.none(), paise), amount=paise)
def test_an_adhoc_biller_accepts_any_amount_within_the_limit(due: Money | None, amount: Money) -> None:
    assert amount in allowed_amounts(Exactness.ADHOC, due)
    assert MAX_BBPS_AMOUNT + Money(1) not in allowed_amounts(Exactness.ADHOC, due)


@given(exactness=st.sampled_from(Exactness), due=paise, amount=st.integers(-(10**6), 0).map(Money))
def test_no_rule_accepts_zero_or_a_negative_amount(exactness: Exactness, due: Money, amount: Money) -> None:
    with pytest.raises(BbpsError, match="accepts"):
        check_amount(exactness, due, amount)


@given(exactness=st.sampled_from(Exactness), due=paise, amount=paise)
def test_the_range_says_exactly_what_check_amount_accepts(exactness: Exactness, due: Money, amount: Money) -> None:
    inside = amount in allowed_amounts(exactness, due)
    try:
        check_amount(exactness, due, amount)
        raised = False
    except BbpsError:
        raised = True
    assert raised is not inside


def test_a_refused_amount_names_the_rule_and_the_accepted_span() -> None:
    with pytest.raises(
        BbpsError, match=r"amount ₹ ?400\.00: this biller \(EXACT_DOWN\) accepts ₹ ?0\.01 to ₹ ?350\.00"
    ):
        check_amount(Exactness.EXACT_DOWN, Money(35_000), Money(40_000))


def test_a_bill_above_the_one_payment_limit_cannot_be_paid_exactly() -> None:
    with pytest.raises(BbpsError, match="above the"):
        allowed_amounts(Exactness.EXACT, MAX_BBPS_AMOUNT + Money(1))


@given(amount=st.integers(0, MAX_BBPS_AMOUNT.paise).map(Money), flat=st.integers(0, 5_000),
       bp=st.integers(0, 500), low=st.integers(0, 2_000), extra=st.integers(0, 50_000))  # fmt: skip
def test_the_fee_is_flat_plus_a_share_rounded_up_and_clamped(amount: Money, flat: int, bp: int, low: int,
                                                             extra: int) -> None:  # fmt: skip
    rule = FeeRule(Money(flat), bp, Money(low), Money(low + extra))
    fee = rule.fee_for(amount).paise
    exact_share = amount.paise * bp / 10_000
    assert low <= fee <= low + extra
    if low < flat + exact_share < low + extra:
        assert flat + exact_share <= fee < flat + exact_share + 1  # whole paise, never less than the share


@given(exactness=st.sampled_from(Exactness), due=paise, amount=paise)
def test_the_quote_total_is_amount_plus_fee_in_whole_paise(exactness: Exactness, due: Money, amount: Money) -> None:
    rule = FeeRule(Money(500), 100, Money(0), Money(2_500))
    if amount not in allowed_amounts(exactness, due):
        return
    shown = quote(biller(exactness, rule), due, amount)
    assert shown.total.paise == amount.paise + rule.fee_for(amount).paise
    assert shown.fee == rule.fee_for(amount)


def test_one_percent_fee_on_a_bill_of_350_rupees_and_one_paisa_is_rounded_up() -> None:
    assert FeeRule(basis_points=100).fee_for(Money(35_001)).paise == 351


def test_a_fee_rule_with_maximum_below_minimum_is_refused() -> None:
    with pytest.raises(BbpsError, match="maximum"):
        FeeRule(minimum=Money(500), maximum=Money(100))


def test_customer_params_are_checked_against_the_billers_pattern() -> None:
    jvvnl = biller(Exactness.EXACT)
    assert jvvnl.check_params({"K Number": "210412345678"}) == {"K Number": "210412345678"}
    with pytest.raises(BbpsError, match=r"K Number: '12345' does not match"):
        jvvnl.check_params({"K Number": "12345"})
    with pytest.raises(BbpsError, match="K Number: required"):
        jvvnl.check_params({})
    with pytest.raises(BbpsError, match="unknown customer parameter 'Mobile'"):
        jvvnl.check_params({"K Number": "210412345678", "Mobile": "9"})
