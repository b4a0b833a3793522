"""Amounts in words, Indian numbering (हज़ार, लाख, करोड़), in Hindi and English — for receipts and speech."""

from __future__ import annotations

from kiosk.money import Money

# Hindi number words 0–99 are irregular; each one is its own word.
# Written ten to a line so a reader can check each decade.
_HI_WORDS = (
    "शून्य एक दो तीन चार पाँच छह सात आठ नौ "
    "दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस "
    "बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस "
    "तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस "
    "चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास "
    "पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ "
    "साठ इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर "
    "सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी "
    "अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी "
    "नब्बे इक्यानबे बानबे तिरानबे चौरानबे पंचानबे छियानबे सत्तानबे अट्ठानबे निन्यानबे "
)
_HI_0_99 = tuple(_HI_WORDS.split())

_EN_WORDS = (
    "zero one two three four five six seven eight nine "
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_EN_0_19 = tuple(_EN_WORDS.split())
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# (size, Hindi word, English word), largest first; करोड़ repeats for anything above it.
_SCALES = ((10_000_000, "करोड़", "crore"), (100_000, "लाख", "lakh"), (1_000, "हज़ार", "thousand"), (100, "सौ", "hundred"))

assert len(_HI_0_99) == 100


def _en_below_100(n: int) -> str:
    if n < 20:
        return _EN_0_19[n]
    tens, units = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_0_19[units]}" if units else "")


def number_in_words(n: int, language: str = "hi") -> str:
    """A whole number in words: 1250 -> 'एक हज़ार दो सौ पचास' / 'one thousand two hundred fifty'."""
    if n < 0:
        raise ValueError("number_in_words takes a non-negative number")
    if language not in ("hi", "en"):
        raise ValueError(f"language must be 'hi' or 'en', got {language!r}")
    small = _HI_0_99 if language == "hi" else None
    if n < 100:
        return small[n] if small is not None else _en_below_100(n)
    parts: list[str] = []
    rest = n
    for size, hi_word, en_word in _SCALES:
        count, rest = divmod(rest, size)
        if count:
            parts.append(number_in_words(count, language))
            parts.append(hi_word if language == "hi" else en_word)
    if rest:
        parts.append(number_in_words(rest, language))
    return " ".join(parts)


def amount_in_words(amount: Money, language: str = "hi") -> str:
    """'एक हज़ार दो सौ पचास रुपये पचास पैसे' / 'one thousand two hundred fifty rupees and fifty paise'."""
    if amount.is_negative():
        raise ValueError("amount_in_words takes a non-negative amount")
    rupees, paise = amount.whole_rupees, amount.paise_part
    if language == "hi":
        text = f"{number_in_words(rupees, 'hi')} {'रुपया' if rupees == 1 else 'रुपये'}"
        if paise:
            text += f" {number_in_words(paise, 'hi')} पैसे"
        return text
    text = f"{number_in_words(rupees, 'en')} {'rupee' if rupees == 1 else 'rupees'}"
    if paise:
        text += f" and {number_in_words(paise, 'en')} paise"
    return text
