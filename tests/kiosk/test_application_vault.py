"""An application's scans in the real vault: kept while its fee is pending however long that takes, linked to the
submission when the fee is paid (so the agent uploads them), and the payment commits even if a file went missing."""

from __future__ import annotations

from pathlib import Path

from kiosk.application_records import ApplicationRecords, Filled
from kiosk.capture.vault import Vault, load_or_create_key
from kiosk.catalogue import DEFAULT_CATALOGUE, load_catalogue
from kiosk.clock import FakeClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PaymentMode, TxnState

KIOSK_CODE = "RJ-JP-SNG-0042"


def page(n: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + bytes([n]) * 2000 + b"\xff\xd9"


def staged_application(store: Store, vault: Vault) -> tuple[Ledger, str, Filled]:
    """A caste certificate application whose ₹40 fee is being paid on a rail whose answer has not come yet."""
    service = load_catalogue(DEFAULT_CATALOGUE).get("caste-apply")
    records, ledger = ApplicationRecords(store, KIOSK_CODE), Ledger(store)
    number = records.reserve_number()
    filled = Filled(
        {}, {"father_caste_proof": (vault.put(page(1), "image/jpeg"), vault.put(page(2), "image/jpeg"))}, None
    )
    txn = ledger.create(service_id=service.id, service_name_hi=service.name_hi, service_name_en=service.name_en,
                        reference=number, amount_due=Money(4000))  # fmt: skip
    ledger.await_payment(txn.id, PaymentMode.UPI)
    records.submit(service, filled, number, txn_id=txn.id)
    return ledger, txn.id, filled


def test_scans_of_an_application_whose_fee_is_pending_survive_the_sweep_and_go_up_once_it_is_paid(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    vault = Vault(store, tmp_path / "vault", load_or_create_key(tmp_path / "vault.key"))
    ledger, txn_id, filled = staged_application(store, vault)
    clock.advance(6 * 3600)  # the UPI answer comes after a restart that evening
    assert vault.sweep() == 0
    assert vault.waiting_upload() == []  # nothing is sent before the fee is paid
    ledger.pay_other(txn_id, payment_ref="UTR634001")
    assert set(vault.waiting_upload()) == set(filled.pages["father_caste_proof"])


def test_the_fee_commits_even_if_a_scan_is_gone_from_the_vault(store: Store, tmp_path: Path) -> None:
    vault = Vault(store, tmp_path / "vault", load_or_create_key(tmp_path / "vault.key"))
    ledger, txn_id, filled = staged_application(store, vault)
    lost = filled.pages["father_caste_proof"][0]
    with store.write("test") as uow:  # a damaged disk: the row is gone
        uow.execute("DELETE FROM vault_blobs WHERE sha256 = ?", (lost.sha256,))
    assert ledger.pay_other(txn_id, payment_ref="UTR634002").state is TxnState.PAID
    assert vault.waiting_upload() == [filled.pages["father_caste_proof"][1]]
