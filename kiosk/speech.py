"""Sentences the kiosk speaks about money, built from amounts in words (Hindi first, English second)."""

from __future__ import annotations

from kiosk.money import Money
from kiosk.words import amount_in_words


def spoken_amount(amount: Money, language: str) -> str:
    """'सौ रुपये' rather than 'एक सौ रुपये': spoken Hindi drops the leading 'एक' before सौ and हज़ार."""
    words = amount_in_words(amount, language)
    if language == "hi":
        for scale in ("सौ", "हज़ार"):
            if words.startswith(f"एक {scale}"):
                words = words.removeprefix("एक ")
                break
    else:
        for scale in ("hundred", "thousand"):
            if words.startswith(f"one {scale}"):
                words = "a " + words.removeprefix("one ")
                break
    return words


def note_accepted(note: Money, still_due: Money, language: str) -> str:
    """'सौ रुपये जमा हुए, बाकी पचास रुपये' / 'a hundred rupees received, fifty rupees still to pay'."""
    if language == "hi":
        head = f"{spoken_amount(note, 'hi')} जमा हुए"
        tail = f"बाकी {spoken_amount(still_due, 'hi')}" if still_due else "पूरा भुगतान हो गया"
        return f"{head}, {tail}"
    head = f"{spoken_amount(note, 'en')} received"
    tail = f"{spoken_amount(still_due, 'en')} still to pay" if still_due else "payment complete"
    return f"{head}, {tail}"


def change_due(amount: Money, language: str) -> str:
    if language == "hi":
        return f"{spoken_amount(amount, 'hi')} वापस मिलेंगे। पर्ची ऑपरेटर को दिखाएँ।"
    return f"{spoken_amount(amount, 'en')} to be returned. Show the slip to the operator."
