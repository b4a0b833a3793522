"""The AePS banks the villager chooses from: fetched from the server with backoff, searched in Hindi or English."""

from __future__ import annotations

import logging
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.online import Unavailable
from kiosk.payment_outcome import Backoff

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Bank:
    iin: str
    name_en: str
    name_hi: str
    short: str = ""


class BankSource(Protocol):
    def banks(self) -> tuple[str, list[Bank]] | Unavailable:
        """(version, banks) from the server, or Unavailable."""
        ...


def _fold(text: str) -> str:
    # NFC so a Hindi name typed with a different sequence of combining marks still matches; casefold for English.
    return unicodedata.normalize("NFC", text).casefold().strip()


def _words(bank: Bank) -> list[str]:
    return [_fold(w) for w in (*bank.name_en.split(), *bank.name_hi.split(), bank.short) if w]


def matches(bank: Bank, query: str) -> bool:
    """Every typed word starts a word of the bank's English or Hindi name or its short name ("sbi", "स्टेट", "baro
    raj"); digits match the IIN's start."""
    words = _words(bank)
    for token in _fold(query).split():
        if token.isdigit():
            if not bank.iin.startswith(token):
                return False
        elif not any(w.startswith(token) for w in words):
            return False
    return True


@dataclass
class BankDirectory:
    """The list the bank step shows. Refreshed from the server with backoff; the last good list is kept in memory
    so a brief network gap does not take Aadhaar Pay away."""

    source: BankSource
    backoff: Backoff = field(default_factory=lambda: Backoff(first_s=0.5, cap_s=4.0, asks=3))
    sleep: Callable[[float], None] = lambda _s: None
    rng: random.Random = field(default_factory=random.Random)
    version: str = ""
    banks: list[Bank] = field(default_factory=list)

    def refresh(self) -> bool:
        """Ask the server (off the Qt thread: it sleeps between asks); True when a list is held afterwards."""
        for delay in [0.0, *self.backoff.delays(self.rng)]:
            self.sleep(delay)
            answer = self.source.banks()
            if not isinstance(answer, Unavailable):
                self.version, self.banks = answer[0], sorted(answer[1], key=lambda b: b.name_en)
                return bool(self.banks)
            log.info("bank list: no answer (%s)", answer.detail[:80])
        return bool(self.banks)

    def search(self, query: str) -> list[Bank]:
        """The banks matching what was typed (all of them for an empty query), in English alphabetical order."""
        return [b for b in self.banks if matches(b, query)]

    def get(self, iin: str) -> Bank | None:
        return next((b for b in self.banks if b.iin == iin), None)
