"""`kioskctl provision`: guided (prompts in Hindi and English) or scripted (`--answers FILE.toml`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.clock import SystemClock
from provisioning.answers import IDENTITY_KEYS, PROMPTS, AnswersError, load_answers, parse_answers
from provisioning.provision import Context, run


def _prompt_answers(out: TextIO) -> dict[str, Any]:
    def ask(key: str) -> str:
        hindi, english = PROMPTS[key]
        out.write(f"{hindi} / {english}: ")
        out.flush()
        return sys.stdin.readline().strip()

    identity = {key: ask(key) for key in IDENTITY_KEYS}
    engineer = ask("engineer")
    out.write("सर्वर पता / Server URL: ")
    out.flush()
    url = sys.stdin.readline().strip()
    out.write("नामांकन टोकन / Enrolment token: ")
    out.flush()
    token = sys.stdin.readline().strip()
    geotag = ask("geotag")
    weekdays = dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), "09:00-17:00")
    return {
        "identity": identity,
        "hours": {**weekdays, "sat": "09:00-13:00", "sun": "closed"},
        "engineer": {"id": engineer},
        "server": {"url": url, "token": token},
        "geotag": {"manual": geotag},
    }


def cmd_provision(args: argparse.Namespace, out: TextIO) -> int:
    try:
        answers = load_answers(Path(args.answers)) if args.answers else parse_answers(_prompt_answers(out), "prompts")
    except AnswersError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    ctx = Context(root=Path(args.root), answers=answers, clock=SystemClock(), out=out)
    return 0 if run(ctx) else 1


def register(sub: Any) -> None:
    provision = sub.add_parser("provision", help="set up (or repair) this kiosk: config, database, geo-tag, services")
    provision.add_argument("--answers", help="answers file (TOML) for an unattended run; without it, prompts")
    provision.add_argument("--root", default="/", help="install into this root (tests use a temporary one)")
    provision.set_defaults(handler=cmd_provision)
