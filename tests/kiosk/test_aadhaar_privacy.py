"""Invariant 4 on the path `kiosk --config` runs: after Aadhaar payments (one paid, one timed out into
status_unknown) neither the PID block nor the full Aadhaar number is in the database, its WAL, the log or temp."""

from __future__ import annotations

import base64
import logging
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.flows.base import Step
from kiosk.transactions import TxnState
from sync.online_client import HttpOnline
from tests.kiosk import aadhaar_field
from tests.kiosk.aadhaar_field import (
    ANSWER_DELAY_S,
    FULL_NUMBER,
    FieldKiosk,
    forwarded,
    pay_by_aadhaar,
    status_unreachable,
)

field_kiosk = aadhaar_field.field_kiosk  # the shared fixture


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "kiosk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the most talkative setting a field engineer could switch on
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # recomputed from TMPDIR on next use
    return folder


def secrets_from(sent: dict[str, object]) -> list[bytes]:
    """Every form in which the PID or the number could leak: the XML text, its encrypted parts, the number."""
    pid_xml = str(sent["pid_data"]).encode()
    needles = [pid_xml[:48], FULL_NUMBER.encode(), f"{FULL_NUMBER[:4]} {FULL_NUMBER[4:8]} {FULL_NUMBER[8:]}".encode()]
    for tag in (b"Skey", b"Hmac", b"Data"):
        match = re.search(rb"<" + tag + rb"[^>]*>([^<]+)</" + tag + rb">", pid_xml)
        assert match is not None, f"forwarded PID has no {tag!r}"
        needles.append(match.group(1)[:48])
        needles.append(base64.b64decode(match.group(1))[:32])
    return needles


def leaks(paths: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for path in paths:
        content = path.read_bytes()
        found += [f"{path.name}: {needle[:12]!r}…" for needle in needles if needle in content]
    return found


def test_paid_and_timed_out_aadhaar_payments_leave_no_pid_and_no_full_number_on_disk(
    tmp_path: Path, field_kiosk: FieldKiosk, log_file: Path, temp_dir: Path
) -> None:
    services, proxy = field_kiosk.services, field_kiosk.proxy
    paid = pay_by_aadhaar(services)
    assert paid.step is Step.DONE
    assert isinstance(services.aadhaar, HttpOnline)
    services.aadhaar.client.timeout_s = ANSWER_DELAY_S / 4  # the bank answers after the kiosk gave up …
    proxy.mutate = status_unreachable  # … and the outcome cannot be asked either
    unknown = pay_by_aadhaar(services)
    assert unknown.step is Step.STATUS_UNKNOWN
    assert unknown.payment.txn is not None
    assert services.ledger.get(unknown.payment.txn.id).state is TxnState.STATUS_UNKNOWN

    sent = forwarded(proxy)
    assert [body["uid"] for body in sent] == [FULL_NUMBER, FULL_NUMBER]
    needles = [needle for body in sent for needle in secrets_from(body)]
    db_path = services.store.path
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0
    log_text = log_file.read_text("utf-8")
    assert f"XXXX-XXXX-{FULL_NUMBER[-4:]}" in log_text  # logging really captured the flow
    on_disk = [db_path, wal, log_file, *(p for p in temp_dir.rglob("*") if p.is_file())]
    on_disk += [p for p in (tmp_path / "receipts").rglob("*") if p.is_file()]
    assert leaks(on_disk, needles) == []


def test_the_leak_search_finds_a_secret_that_was_written(tmp_path: Path) -> None:
    planted = tmp_path / "planted.bin"
    planted.write_bytes(b"prefix" + FULL_NUMBER.encode() + b"suffix")
    assert leaks([planted], [FULL_NUMBER.encode()]) == [f"planted.bin: {FULL_NUMBER[:12].encode()!r}…"]
