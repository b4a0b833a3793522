"""`kioskctl provision`: guided (prompts in Hindi or English) or scripted (`--answers FILE.toml`), the same steps."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from kiosk.clock import SystemClock
from kiosk.hours import parse_span
from provisioning.answers import IDENTITY_KEYS, PROMPTS, AnswersError, load_answers, parse_answers
from provisioning.geo import GeoError, parse_manual
from provisioning.provision import Context, run

Check = Callable[[str], str | None]  # None when the answer is good, else the reason (English)

EXTRA_PROMPTS: dict[str, tuple[str, str]] = {
    "weekdays": (
        "सोमवार–शुक्रवार का समय (जैसे 09:00-17:00, या closed)",
        "Monday–Friday hours (e.g. 09:00-17:00, or closed)",
    ),
    "sat": ("शनिवार का समय", "Saturday hours"),
    "sun": ("रविवार का समय", "Sunday hours"),
    "url": ("सर्वर का पता (https://…)", "Server address (https://…)"),
    "token": ("नामांकन टोकन (ज़िला कार्यालय से)", "Enrolment token (from the district office)"),
}
WRONG = {"hi": "यह उत्तर सही नहीं है", "en": "Not accepted"}
HEADER = {
    "hi": "ई-मित्र प्लस कियोस्क की स्थापना। हर प्रश्न का उत्तर लिखें और Enter दबाएँ।",
    "en": "e-Mitra Plus kiosk provisioning. Type each answer and press Enter.",
}
GPS_HINT = {
    "hi": "(खाली छोड़ें तो GPS रिसीवर से स्थान लिया जाएगा)",
    "en": "(leave empty to take the position from the GPS receiver)",
}


def _required(text: str) -> str | None:
    return None if text else "an answer is needed"


def _pattern(regex: str, reason: str) -> Check:
    compiled = re.compile(regex)
    return lambda text: None if compiled.fullmatch(text) else reason


def _hours(text: str) -> str | None:
    try:
        parse_span(text)
    except ValueError as exc:
        return str(exc)
    return None


def _position(text: str) -> str | None:
    if not text:
        return None
    try:
        parse_manual(text)
    except GeoError as exc:
        return str(exc)
    return None


# key → (check, what to do, in Hindi); the check's own reason follows in English.
CHECKS: dict[str, tuple[Check, str]] = {
    "code": (
        _pattern(r"[A-Z]{2}(-[A-Z0-9]{2,6}){2,4}", "capital letters and digits in parts, e.g. RJ-JPR-BSS-0001"),
        "कोड बड़े अक्षरों में, जैसे RJ-JPR-BSS-0001",
    ),
    "helpline": (_pattern(r"\+?[0-9][0-9 -]{1,14}", "digits only, e.g. 181 or 0141-2222222"), "केवल अंक, जैसे 181"),
    "engineer": (
        _pattern(r"[A-Za-z0-9_-]{2,32}", "your engineer id: 2–32 letters, digits, '-' or '_'"),
        "अपनी इंजीनियर आईडी लिखें, जैसे ENG-042",
    ),
    "url": (
        _pattern(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/\S*)?", "an address starting with https://"),
        "पता https:// से शुरू होता है",
    ),
    "token": (_pattern(r"\S{8,200}", "the token as printed, without spaces"), "टोकन जैसा छपा है वैसा, बिना खाली जगह"),
    "weekdays": (_hours, "समय ऐसे लिखें: 09:00-17:00, या closed"),
    "sat": (_hours, "समय ऐसे लिखें: 09:00-13:00, या closed"),
    "sun": (_hours, "समय ऐसे लिखें: 09:00-13:00, या closed"),
    "geotag": (_position, "अक्षांश, देशांतर लिखें, जैसे 26.9124, 75.7873 — या खाली छोड़ें"),
}


class Prompter:
    """Asks one question at a time; a wrong answer is refused with the reason and asked again."""

    def __init__(self, lang: str, stdin: TextIO, out: TextIO) -> None:
        self.lang, self.stdin, self.out = lang, stdin, out

    def ask(self, key: str, hint: str = "") -> str:
        hindi, english = PROMPTS.get(key) or EXTRA_PROMPTS[key]
        question = hindi if self.lang == "hi" else english
        check, hindi_hint = CHECKS.get(key, (_required, "उत्तर लिखना ज़रूरी है"))
        while True:
            self.out.write(f"{question}{' ' + hint if hint else ''}: ")
            self.out.flush()
            line = self.stdin.readline()
            if not line:
                raise AnswersError("no more answers (end of input): provisioning stopped, nothing was written")
            answer = line.strip()
            reason = check(answer)
            if reason is None:
                return answer
            if self.lang == "hi":
                self.out.write(f"  {WRONG['hi']} — {hindi_hint} ({reason})\n")
            else:
                self.out.write(f"  {WRONG['en']}: {reason}\n")


def prompt_answers(lang: str, stdin: TextIO, out: TextIO) -> dict[str, Any]:
    out.write(HEADER[lang] + "\n")
    ask = Prompter(lang, stdin, out).ask
    identity = {key: ask(key) for key in IDENTITY_KEYS}
    weekdays = ask("weekdays")
    hours = {**dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), weekdays), "sat": ask("sat"), "sun": ask("sun")}
    engineer = ask("engineer")
    url = ask("url")
    token = ask("token")
    geotag = ask("geotag", GPS_HINT[lang])
    return {
        "identity": identity,
        "hours": {
            day: value.strip().lower() if value.strip().lower() == "closed" else value for day, value in hours.items()
        },
        "engineer": {"id": engineer},
        "server": {"url": url, "token": token},
        "geotag": {"manual": geotag} if geotag else {},
    }


def _port_range(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        ports = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected FIRST-LAST, e.g. 11100-11120") from None
    if not 1 <= ports[0] <= ports[1] <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: ports must be 1-65535, first <= last")
    return ports


def cmd_provision(args: argparse.Namespace, out: TextIO) -> int:
    try:
        if args.answers:
            answers = load_answers(Path(args.answers))
        else:
            answers = parse_answers(prompt_answers(args.lang, sys.stdin, out), "your answers")
    except AnswersError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    if args.biometric_ports:
        answers = dataclasses.replace(answers, biometric_ports=args.biometric_ports)
    ctx = Context(root=Path(args.root), answers=answers, clock=SystemClock(), out=out)
    return 0 if run(ctx) else 1


def register(sub: Any) -> None:
    provision = sub.add_parser("provision", help="set up (or repair) this kiosk: config, database, geo-tag, services")
    provision.add_argument("--answers", help="answers file (TOML) for an unattended run; without it, prompts")
    provision.add_argument("--lang", choices=("hi", "en"), default="hi", help="language of the prompts (Hindi default)")
    provision.add_argument(
        "--biometric-ports",
        type=_port_range,
        metavar="FIRST-LAST",
        help="where the RD service listens, when the vendor's differs from 11100-11120",
    )
    provision.add_argument("--root", default="/", help="install into this root (tests use a temporary one)")
    provision.set_defaults(handler=cmd_provision)
