"""`kioskctl operator aadhaar-login`: the operator's daily two-factor login for Aadhaar Pay (PIN plus a finger)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO, cast

from drivers import registry
from kiosk.aadhaar import AadhaarError, AadhaarNumber
from kiosk.clock import SystemClock
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.devices.biometric import BiometricReader
from kiosk.payments.operator_2fa import OperatorTwoFactor, TwoFactorResult
from kiosk.store import Store
from sync.aeps_client import aadhaar_pay_kit
from sync.client import Client
from sync.identity import SyncState, load_enrolment, load_or_create_key
from sync.settings import AgentSettings, agent_settings


def _read_secret(args: argparse.Namespace, prompt: str) -> str:
    """Neither the PIN nor the Aadhaar number is echoed; scripts and tests send both on stdin, one a line."""
    if args.stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt)


def refusal_en(result: TwoFactorResult) -> str:
    """The terminal's words for a refused login (operator mode's page says the same in Hindi and English)."""
    if result.reason == "pin":
        return f"wrong PIN ({result.tries_left or 0} tries left before the lockout)"
    if result.reason == "capture":
        return f"the finger was not read ({result.code}); clean the reader and try again"
    if result.reason == "finger":
        return f"finger not matched ({result.code})"
    return {"locked": "PIN locked for now", "unavailable": "the server did not answer; try again"}.get(
        result.reason, result.reason
    )


def _gate(config: KioskConfig, settings: AgentSettings, store: Store) -> OperatorTwoFactor | str:
    """The same gate the kiosk's Aadhaar Pay rail reads (the journal in the kiosk's database), or why not."""
    if "aadhaar_pay" not in config.payments.rails:
        return '[payments].rails does not name "aadhaar_pay": this kiosk does not offer Aadhaar Pay'
    enrolment = load_enrolment(SyncState(store))
    if enrolment is None:
        return "this kiosk is not enrolled with its server: run `kioskctl provision` (enrol step)"
    key = load_or_create_key(settings.key_file)
    client = Client(settings.server_url, key, enrolment.kiosk_id, SystemClock(), timeout_s=settings.timeout_s)
    return aadhaar_pay_kit(client, store).two_factor


def cmd_aadhaar_login(args: argparse.Namespace, out: TextIO) -> int:
    try:
        config = load_config(Path(args.config))
        settings = agent_settings(config)
    except ConfigError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    device = config.devices.get("biometric")
    if device is None:
        out.write("FAIL  there is no [devices.biometric] in the config: no reader for the finger\n")
        return 1
    store = Store.open(settings.database, SystemClock())
    try:
        return _login(args, out, config, settings, store, device)
    finally:
        store.close()


def _login(args: argparse.Namespace, out: TextIO, config: KioskConfig, settings: AgentSettings, store: Store,
           device: Any) -> int:  # fmt: skip
    gate = _gate(config, settings, store)
    if isinstance(gate, str):
        out.write(f"FAIL  {gate}\n")
        return 1
    if gate.done_today():
        out.write(f"ok    Aadhaar Pay login already done today ({gate.today()})\n")
        return 0
    pin = _read_secret(args, "PIN: ")
    try:
        aadhaar = AadhaarNumber.parse(_read_secret(args, "your Aadhaar number (12 digits): "))
    except AadhaarError as exc:
        out.write(f"FAIL  the operator's Aadhaar number: {exc}; nothing was sent\n")
        return 1
    try:
        # The registry's factories are typed Any; the entry point promises the port (tested per driver family).
        reader = cast(BiometricReader, registry.build(device, SystemClock()))
    except (registry.DriverNotFound, ValueError, OSError) as exc:
        out.write(f"FAIL  [devices.biometric]: {exc}; run `kioskctl device test biometric`\n")
        return 1
    try:
        result = gate.login_with_reader(
            args.operator, pin, aadhaar, reader,
            before_capture=lambda: out.write("      place your finger flat on the reader…\n"),
        )  # fmt: skip
    finally:
        close = getattr(reader, "close", None)
        if callable(close):
            close()
    if not result.ok:
        out.write(f"FAIL  Aadhaar Pay login refused: {refusal_en(result)}\n")
        return 1
    out.write(f"ok    Aadhaar Pay login done for {gate.today()}: the kiosk offers Aadhaar Pay until midnight IST\n")
    return 0


def register(operator_sub: Any) -> None:
    login = operator_sub.add_parser("aadhaar-login", help="the daily two-factor login for Aadhaar Pay: PIN + finger")
    login.add_argument("--config", required=True, help="the kiosk's config file (kiosk.toml)")
    login.add_argument("--operator", required=True)
    login.add_argument("--stdin", action="store_true", help="read the PIN, then the Aadhaar number, from stdin")
    login.set_defaults(handler=cmd_aadhaar_login)
