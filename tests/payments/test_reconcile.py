"""Server reconciliation: UPI payments the kiosk committed and synced, against the PSP emulator's settlement file,
through `kiosk-server admin reconcile` on the real server's database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.clock import SystemClock, business_day
from kiosk.flows.rail_payment import RailPayment, RailState
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PaymentMode, Txn
from tests.payments.test_upi_rail import Rig, make_rig
from tests.server.dashboard.harness import PASSWORD, login
from tests.sync.harness import wait_until


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    yield from make_rig(tmp_path_factory.mktemp("reconcile"))


@pytest.fixture
def kiosk_ledger(tmp_path: Path) -> Iterator[Ledger]:
    store = Store.open(tmp_path / "kiosk.db", SystemClock())  # its events are checked by the server's clock
    yield Ledger(store)
    store.close()


def bill(ledger: Ledger, paise: int) -> Txn:
    txn = ledger.create(service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill", reference="1",
                        amount_due=Money(paise))  # fmt: skip
    return ledger.await_payment(txn.id, PaymentMode.UPI)


def paid_by_upi(rig: Rig, ledger: Ledger, paise: int) -> Txn:
    payment = RailPayment(ledger, rig.rail, SystemClock(), bill(ledger, paise))
    payment.start()
    rig.psp.pay(rig.tr_of(payment.txn.id))
    wait_until(lambda: payment.poll() is RailState.PAID, 10, "the payment to reach the kiosk")
    return payment.txn


def sync(rig: Rig, ledger: Ledger) -> None:
    rows = ledger.store.read("SELECT * FROM outbox ORDER BY seq")
    items = [{"seq": r["seq"], "uuid": r["uuid"], "kind": r["kind"], "occurred_at": r["occurred_at"],
              "payload": json.loads(r["payload"])} for r in rows]  # fmt: skip
    answer = rig.kiosk.send("POST", "/api/v1/events:batch", {"items": items})
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"accepted"}


def test_reconcile_finds_money_missing_at_the_kiosk_missing_at_the_rail_and_amounts_that_differ(
    rig: Rig, kiosk_ledger: Ledger, tmp_path: Path
) -> None:
    agreed = paid_by_upi(rig, kiosk_ledger, 35_000)
    differs = paid_by_upi(rig, kiosk_ledger, 12_000)
    rig.psp.qrs[rig.tr_of(differs.id)].settle_amount_paise = 11_000
    lost = bill(kiosk_ledger, 50_000)  # the PSP took it; the kiosk never recorded it (say its disk died)
    RailPayment(kiosk_ledger, rig.rail, SystemClock(), lost).start()
    rig.psp.pay(rig.tr_of(lost.id), callbacks=0)
    phantom = kiosk_ledger.pay_other(bill(kiosk_ledger, 7_000).id, payment_ref="612300000999")  # the rail never saw it
    sync(rig, kiosk_ledger)
    day = business_day(SystemClock().now()).isoformat()
    settlement = tmp_path / "settlement.csv"
    settlement.write_text(rig.psp.settlement_csv(day), "utf-8")
    found = json.loads(rig.server.admin("admin", "reconcile", "--rail", "upi", "--file", str(settlement),
                                        "--day", day, "--json"))  # fmt: skip
    by_kind = {m["kind"]: m for m in found}
    assert len(found) == 3
    assert agreed.payment_ref not in {m["reference"] for m in found}
    assert by_kind["amount_differs"]["txn_ref"] == differs.id
    assert (by_kind["amount_differs"]["kiosk_paise"], by_kind["amount_differs"]["rail_paise"]) == (12_000, 11_000)
    assert (by_kind["missing_at_kiosk"]["txn_ref"], by_kind["missing_at_kiosk"]["kiosk_code"]) == (
        lost.id,
        "RJ-JP-UPI-0001",
    )
    assert (by_kind["missing_at_rail"]["reference"], by_kind["missing_at_rail"]["txn_ref"]) == (
        "612300000999",
        phantom.id,
    )


def test_a_malformed_settlement_file_is_refused_naming_the_line_and_records_nothing(rig: Rig, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("utr,tr,amount_paise,paid_at\n612300000001,EMX,35000,2026-12-06T05:00:00+00:00\n"
                   "612300000002,EMY,35k,2026-12-06T05:00:00+00:00\n", "utf-8")  # fmt: skip
    with pytest.raises(RuntimeError, match="line 3: amount_paise '35k'"):
        rig.server.admin("admin", "reconcile", "--rail", "upi", "--file", str(bad), "--day", "2026-01-15")
    good = tmp_path / "empty.csv"
    good.write_text("utr,tr,amount_paise,paid_at\n", "utf-8")
    assert rig.server.admin("admin", "reconcile", "--rail", "upi", "--file", str(good), "--day", "2026-01-15") == (
        "upi 2026-01-15: 0 mismatch(es)"
    )


def test_the_dashboard_lists_mismatches_for_division_officers_only(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "settled.csv"
    file.write_text("utr,tr,amount_paise,paid_at\n612399999001,EMZ,25000,2026-02-01T05:00:00+00:00\n", "utf-8")
    rig.server.admin("admin", "reconcile", "--rail", "upi", "--file", str(file), "--day", "2026-02-01")
    monkeypatch.setenv("DASH_PASSWORD", PASSWORD)
    rig.server.admin("admin", "add-officer", "div.rails", "--role", "division")
    rig.server.admin(
        "admin", "add-officer", "bdo.rails", "--role", "block", "--district", "Jaipur", "--block", "Chaksu"
    )
    page = login(rig.server, "div.rails").get(rig.server.url + "/dash/reconciliation", timeout=10)
    assert page.status_code == 200
    assert "612399999001" in page.text
    assert "पैसा आया, मशीन में दर्ज नहीं" in page.text
    assert "<td>250.00</td>" in page.text  # the dashboard's rupees, as on its other pages
    refused = login(rig.server, "bdo.rails").get(rig.server.url + "/dash/reconciliation", timeout=10)
    assert refused.status_code == 403
