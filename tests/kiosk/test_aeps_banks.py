"""The AePS bank list: served by the reference server, fetched by the kiosk with backoff, searched by a few letters
in English or Hindi, by short name or by IIN."""

from __future__ import annotations

import random

from kiosk.online import Unavailable
from kiosk.payment_outcome import Backoff
from kiosk.payments.banks import Bank, BankDirectory
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import Bench

bench = aeps_bench.bench  # the shared module fixture


def names(banks: list[Bank]) -> list[str]:
    return [b.name_en for b in banks]


def test_the_kiosk_holds_the_servers_bank_list_with_hindi_names(bench: Bench) -> None:
    sbi = bench.banks.get("607094")
    assert sbi is not None
    assert (sbi.name_en, sbi.name_hi, sbi.short) == ("State Bank of India", "भारतीय स्टेट बैंक", "SBI")
    assert len(bench.banks.banks) >= 10
    assert all(b.name_hi and b.name_en for b in bench.banks.banks)
    assert bench.banks.version


def test_a_few_english_letters_find_the_bank(bench: Bench) -> None:
    assert names(bench.banks.search("sta")) == ["State Bank of India"]
    assert names(bench.banks.search("sbi")) == ["State Bank of India"]
    assert names(bench.banks.search("baro raj")) == ["Baroda Rajasthan Kshetriya Gramin Bank"]
    assert names(bench.banks.search("PUNJ")) == ["Punjab National Bank"]
    assert bench.banks.search("zzz") == []


def test_a_few_hindi_letters_find_the_bank(bench: Bench) -> None:
    assert names(bench.banks.search("स्टेट")) == ["State Bank of India"]
    assert names(bench.banks.search("बड़ौदा")) == ["Bank of Baroda", "Baroda Rajasthan Kshetriya Gramin Bank"]
    assert names(bench.banks.search("मरु")) == ["Rajasthan Marudhara Gramin Bank"]
    # the same word typed with a decomposed nukta (ड + ़) still matches
    assert names(bench.banks.search("बड\u093cौदा")) == names(bench.banks.search("बड़ौदा"))


def test_iin_digits_and_an_empty_query(bench: Bench) -> None:
    assert names(bench.banks.search("6070 94")) == []  # each digit group must start the IIN
    assert names(bench.banks.search("607094")) == ["State Bank of India"]
    assert len(bench.banks.search("")) == len(bench.banks.banks)


class Flaky:
    """A server that does not answer the first `gaps` asks."""

    def __init__(self, gaps: int) -> None:
        self.gaps, self.asked = gaps, 0

    def banks(self) -> tuple[str, list[Bank]] | Unavailable:
        self.asked += 1
        if self.asked <= self.gaps:
            return Unavailable(timed_out=True, detail="no answer")
        return "v1", [Bank("607094", "State Bank of India", "भारतीय स्टेट बैंक", "SBI")]


def test_the_list_is_fetched_again_with_growing_waits_until_the_server_answers() -> None:
    slept: list[float] = []
    source = Flaky(gaps=2)
    directory = BankDirectory(source, Backoff(first_s=1, cap_s=8, asks=3), slept.append, random.Random(3))
    assert directory.refresh()
    assert source.asked == 3
    assert slept[0] == 0.0
    assert 0 <= slept[1] <= 1
    assert 0 <= slept[2] <= 2


def test_a_failed_refresh_keeps_the_last_good_list() -> None:
    source = Flaky(gaps=0)
    directory = BankDirectory(source, Backoff(first_s=0, cap_s=0, asks=2))
    assert directory.refresh()
    source.gaps, source.asked = 99, 0
    assert directory.refresh()
    assert source.asked == 3
    assert names(directory.banks) == ["State Bank of India"]
    assert not BankDirectory(Flaky(gaps=99), Backoff(first_s=0, cap_s=0, asks=1)).refresh()
