"""What an Aadhaar Pay bank response code means for the villager, and what the journey does next (retry or not)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

MAX_FINGER_TRIES = 3  # the switch's own bound (sync.protocol.aeps.MAX_ATTEMPTS): after that, another method


class Next(enum.StrEnum):
    PAID = "paid"  # print the receipt with the RRN
    RETRY_FINGER = "retry_finger"  # nothing debited; the same payment may be tried with another finger
    OTHER_METHOD = "other_method"  # nothing debited; this villager cannot pay by Aadhaar now: offer cash/UPI
    ASK_STATUS = "ask_status"  # the outcome is unknown: inquire by reference, never start again


@dataclass(frozen=True, slots=True)
class Advice:
    next: Next
    code: str
    en: str
    hi: str


OK = "00"
# Bank/UIDAI response code -> (English, Hindi). 330 says where to unlock; the rest say whether money was taken.
MESSAGES = {
    OK: ("Paid from your bank account.", "आपके बैंक खाते से भुगतान हो गया।"),
    "300": (
        "The fingerprint did not match Aadhaar. Nothing was taken. Clean the finger and try another finger.",
        "उंगली की छाप आधार से मेल नहीं खाई। कोई राशि नहीं कटी। उंगली साफ़ करके दूसरी उंगली लगाएँ।",
    ),
    "330": (
        "Your Aadhaar fingerprints are locked. Nothing was taken. Unlock them on the UIDAI website "
        "myaadhaar.uidai.gov.in or in the mAadhaar app, then try again, or pay another way now.",
        "आपके आधार के बायोमेट्रिक (उंगली की छाप) लॉक हैं। कोई राशि नहीं कटी। UIDAI की वेबसाइट "
        "myaadhaar.uidai.gov.in या mAadhaar ऐप से अनलॉक करें और फिर आएँ, या अभी दूसरे तरीके से भुगतान करें।",
    ),
    "51": (
        "Not enough money in this bank account. Nothing was taken.",
        "इस बैंक खाते में पर्याप्त पैसे नहीं हैं। कोई राशि नहीं कटी।",
    ),
    "61": (
        "The amount is above the Aadhaar Pay limit. Nothing was taken.",
        "राशि आधार पे की सीमा से अधिक है। कोई राशि नहीं कटी।",
    ),
    "91": (
        "Your bank is not answering now. Nothing was taken. Please pay another way.",
        "आपका बैंक अभी उत्तर नहीं दे रहा। कोई राशि नहीं कटी। कृपया दूसरे तरीके से भुगतान करें।",
    ),
    "998": (
        "This Aadhaar number is not valid. Nothing was taken.",
        "यह आधार नंबर मान्य नहीं है। कोई राशि नहीं कटी।",
    ),
    "VOID": (
        "The request never reached the bank. Nothing was taken.",
        "अनुरोध बैंक तक नहीं पहुँचा। कोई राशि नहीं कटी।",
    ),
    "IIN": (
        "This bank does not take Aadhaar Pay now. Nothing was taken. Choose another bank or method.",
        "यह बैंक अभी आधार पे नहीं लेता। कोई राशि नहीं कटी। दूसरा बैंक या तरीका चुनें।",
    ),
    "RD": (
        "The fingerprint could not be read. Nothing was taken. Place the finger again.",
        "उंगली की छाप पढ़ी नहीं जा सकी। कोई राशि नहीं कटी। उंगली फिर से रखें।",
    ),
}
GENERIC = (
    "The bank did not approve this payment. Nothing was taken.",
    "बैंक ने यह भुगतान स्वीकृत नहीं किया। कोई राशि नहीं कटी।",
)
UNKNOWN = (
    "The bank did not answer in time. Do not pay again: we are asking the bank what happened.",
    "बैंक से उत्तर समय पर नहीं आया। दोबारा भुगतान न करें: हम बैंक से स्थिति पूछ रहे हैं।",
)
# A capture the switch could not use (RD-…) is retried like a mismatch: the bank never saw a finger.
RETRYABLE = frozenset({"300", "RD"})


def _family(code: str) -> str:
    return "RD" if code.startswith("RD-") or code == "PID" else code


def advise(code: str, attempt: int, *, unknown: bool = False) -> Advice:
    """`attempt` is the try just answered (1…MAX_FINGER_TRIES). 300 allows another finger until the bound."""
    if unknown:
        return Advice(Next.ASK_STATUS, code, *UNKNOWN)
    family = _family(code)
    en, hi = MESSAGES.get(family, GENERIC)
    if code == OK:
        return Advice(Next.PAID, code, en, hi)
    if family in RETRYABLE and attempt < MAX_FINGER_TRIES:
        return Advice(Next.RETRY_FINGER, code, en, hi)
    if family in RETRYABLE:
        return Advice(Next.OTHER_METHOD, code, en + " Please pay another way.", hi + " कृपया दूसरे तरीके से भुगतान करें।")
    return Advice(Next.OTHER_METHOD, code, en, hi)
