"""Card payments in random orders of card holder, bank, terminal and kiosk acts: no approval lost, none doubled.

Each payment runs a random script (insert, PIN, wrong PIN, pulled card, terminal timeout, the bank's slow answer,
the kiosk's polls, deadline aborts and cancels, terminal switched off and on, kiosk restarts, retries after a
decline). At the end the rail's inquiry must report PAID with the terminal's RRN exactly when the terminal
approved one of the payment's sales, and the terminal never approves two. CI size: 40 payments; KIOSK_SOAK=1: 400.
"""

from __future__ import annotations

import contextlib
import os
import random
from collections.abc import Callable, Iterator

import pytest

from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import TerminalEmulator
from kiosk.clock import FakeClock
from kiosk.money import Money
from kiosk.payments.card import CardPayment, CardUnavailable
from kiosk.payments.port import Outcome, PaymentRequest, RailResult

PAYMENTS = 400 if os.environ.get("KIOSK_SOAK") else 40
TIMEOUT_S = 60.0


class Script:
    """One payment's random run; `answers` keeps every outcome the rail gave, per attempt."""

    def __init__(self, rng: random.Random, emulator: TerminalEmulator, terminal: EcrTerminal, clock: FakeClock):
        self.rng, self.emulator, self.terminal, self.clock = rng, emulator, terminal, clock
        self.rail = CardPayment(terminal, clock, card_timeout_s=TIMEOUT_S)
        self.txn = f"TXN{rng.randrange(10**9)}"
        self.amount = Money(rng.randrange(100, 500_000))
        self.attempt = 0
        self.answers: list[tuple[int, RailResult]] = []
        self.settled = True  # may a new attempt start? (nothing running, nothing held)
        emulator.hold_authorisation = rng.random() < 0.3  # this villager's bank answers slowly

    def act(self) -> None:
        # Weighted so that most payments get as far as the bank, and some meet every fault on the way.
        acts: list[Callable[[], None]] = [self.start, self.poll, self.card, self.late, self.cancel, self.restart]
        self.rng.choices([*acts, self.power], weights=[3, 3, 6, 1.5, 0.7, 0.5, 0.5])[0]()

    def _answer(self, result: RailResult) -> None:
        self.answers.append((self.attempt, result))
        self.settled = result.outcome in (Outcome.DECLINED, Outcome.EXPIRED)

    def start(self) -> None:
        if not self.settled or self.attempt >= 8 or any(r.outcome is Outcome.PAID for _, r in self.answers):
            return
        self.attempt += 1
        self.settled = False
        try:
            self.rail.start(PaymentRequest(self.txn, self.amount, attempt=self.attempt))
        except CardUnavailable:
            self.attempt -= 1
            self.settled = True

    def poll(self) -> None:
        if self.attempt:
            self.clock.advance(self.rng.choices([1.0, 20.0, TIMEOUT_S], weights=[6, 3, 1])[0])
            self._answer(self.rail.poll(self.txn))

    def cancel(self) -> None:
        if self.attempt:
            self._answer(self.rail.cancel(self.txn))

    def card(self) -> None:
        act = self.rng.choices(["insert", "pin", "wrong_pin", "pull", "time_out", "hold"], [3, 3, 1, 1, 0.5, 1])[0]
        try:
            if act == "insert":
                self.emulator.insert_card()
            elif act in ("pin", "wrong_pin"):
                self.emulator.enter_pin("00" if act == "pin" else "55")
            elif act == "pull":
                self.emulator.pull_card()
            elif act == "time_out":
                self.emulator.time_out()
            else:
                self.emulator.hold_authorisation = not self.emulator.hold_authorisation
        except RuntimeError:
            pass  # not possible in the sale's present state: the card holder did something else

    def late(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.emulator.bank_answers(self.rng.choice(["00", "00", "51"]))

    def restart(self) -> None:
        self.rail = CardPayment(self.terminal, self.clock, card_timeout_s=TIMEOUT_S)

    def power(self) -> None:
        if self.emulator.running:
            self.emulator.stop()
        else:
            self.emulator.start()

    def finish(self) -> RailResult:
        """The terminal back, the bank's answer in, the kiosk's reconciliation: what the ledger would record."""
        if not self.emulator.running:
            self.emulator.start()
        self.emulator.hold_authorisation = False
        self.late()
        if self.attempt:
            self.rail.cancel(self.txn)
        return self.rail.inquire(self.txn, self.amount)


@pytest.fixture
def emulator() -> Iterator[TerminalEmulator]:
    with TerminalEmulator() as running:
        yield running


@pytest.mark.slow
def test_every_approval_is_found_once_whatever_order_the_answers_come_in(
    emulator: TerminalEmulator, clock: FakeClock
) -> None:
    rng = random.Random(1717)
    terminal = EcrTerminal.from_config({"port": emulator.address, "timeout_s": 1}, clock)
    try:
        for _ in range(PAYMENTS):
            script = Script(rng, emulator, terminal, clock)
            script.start()
            for _ in range(rng.randrange(4, 30)):
                script.act()
            final = script.finish()
            refs = {script.txn} | {f"{script.txn}.{n}" for n in range(2, 10)}
            approved = [s for ref, s in emulator.sales.items() if ref in refs and s.state == "approved"]
            assert len(approved) <= 1, f"{script.txn}: two sales approved"
            if approved:
                assert (final.outcome, final.reference) == (Outcome.PAID, approved[0].rrn), script.answers
                attempt = 1 if approved[0].ref == script.txn else int(approved[0].ref.rsplit(".", 1)[1])
                told_nothing_taken = [r for n, r in script.answers if n == attempt and r.outcome is not Outcome.PAID]
                assert all(r.outcome not in (Outcome.DECLINED, Outcome.EXPIRED) for r in told_nothing_taken), (
                    f"{script.txn}: attempt {attempt} was reported as not taken and then approved"
                )
            else:
                assert final.outcome in (Outcome.DECLINED, Outcome.EXPIRED), (final, script.answers)
            assert all(r.reference == approved[0].rrn for _, r in script.answers if r.outcome is Outcome.PAID)
    finally:
        terminal.close()
