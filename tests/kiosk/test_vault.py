"""The document vault on real files and a real SQLite store: encrypted, content-addressed, atomic, swept, settled."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kiosk.capture.blob_events import emit_with_blobs, refs_in
from kiosk.capture.vault import Vault, VaultError, VaultFull, load_or_create_key, start_vault
from kiosk.clock import FakeClock
from kiosk.outbox import Outbox
from kiosk.store import Store

MARKER = b"RAMESH-KUMAR-CASTE-CERTIFICATE-MARKER"


def page(n: int = 0) -> bytes:
    return b"\xff\xd8\xff\xe0" + MARKER + bytes([n]) * 3000 + b"\xff\xd9"


def vault_in(store: Store, tmp_path: Path, **kwargs: object) -> Vault:
    return Vault(store, tmp_path / "vault", load_or_create_key(tmp_path / "secrets" / "vault.key"), **kwargs)  # type: ignore[arg-type]


def files(vault: Vault) -> list[str]:
    return sorted(p.name for p in vault.folder.iterdir())


def states(store: Store) -> dict[str, str]:
    return {str(r["sha256"]): str(r["state"]) for r in store.read("SELECT sha256, state FROM vault_blobs")}


def submit(store: Store, vault: Vault, *pages: bytes) -> int:
    refs = [vault.put(p, "image/jpeg") for p in pages]
    with store.write("test") as uow:
        return emit_with_blobs(uow, "application.submitted", {"application_no": "A-1"}, refs).seq


def test_the_same_page_put_twice_is_one_blob_and_one_file(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    first, second = vault.put(page(), "image/jpeg"), vault.put(page(), "image/jpeg")
    assert first == second
    assert len(files(vault)) == 1
    assert list(states(store).values()) == ["kept"]
    assert vault.read(first.sha256) == page()


def test_no_plain_content_anywhere_on_disk_neither_vault_file_nor_database_nor_wal(
    store: Store, tmp_path: Path
) -> None:
    vault = vault_in(store, tmp_path)
    submit(store, vault, page(1), page(2))
    on_disk = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in on_disk} >= {"kiosk.db", "kiosk.db-wal", "vault.key"}
    assert len([p for p in on_disk if p.suffix == ".blob"]) == 2
    for path in on_disk:
        assert MARKER not in path.read_bytes(), path
    key = (tmp_path / "secrets" / "vault.key").read_bytes()
    assert all(key not in p.read_bytes() for p in tmp_path.glob("kiosk.db*"))
    assert (tmp_path / "secrets" / "vault.key").stat().st_mode & 0o777 == 0o600


def test_a_file_damaged_or_swapped_on_disk_is_refused_when_read(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    one, two = vault.put(page(1), "image/jpeg"), vault.put(page(2), "image/jpeg")
    damaged = bytearray(vault.path_of(one.sha256).read_bytes())
    damaged[-20] ^= 0x01
    vault.path_of(one.sha256).write_bytes(bytes(damaged))
    with pytest.raises(VaultError, match="damaged"):
        vault.read(one.sha256)
    vault.path_of(one.sha256).write_bytes(vault.path_of(two.sha256).read_bytes())  # bound to its name: no swap
    with pytest.raises(VaultError, match="damaged"):
        vault.read(one.sha256)


def test_disk_full_while_putting_is_a_clear_error_and_leaves_nothing_half_written(store: Store, tmp_path: Path) -> None:
    def disk_fills(point: str) -> None:
        if point == "write":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    vault = vault_in(store, tmp_path, fault=disk_fills)
    with pytest.raises(VaultFull, match="disk full"):
        vault.put(page(), "image/jpeg")
    assert files(vault) == []
    assert states(store) == {}


def test_bad_input_is_refused_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    with pytest.raises(VaultError, match="media type"):
        vault.put(page(), "jpeg")
    with pytest.raises(VaultError, match="1 to"):
        vault.put(b"", "image/jpeg")
    with pytest.raises(VaultError, match="sha256 must be 64"):
        refs_in({"blobs": [{"sha256": "../../etc/passwd", "size": 1, "media_type": "image/jpeg"}]})
    assert files(vault) == []
    assert states(store) == {}


def test_an_event_naming_a_blob_the_vault_does_not_hold_is_not_queued(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    ref = vault.put(page(), "image/jpeg")
    vault.discard(ref)
    with pytest.raises(VaultError, match="does not hold"), store.write("test") as uow:
        emit_with_blobs(uow, "application.submitted", {}, [ref])
    assert Outbox(store).depth() == 0


def test_discard_forgets_a_retaken_page_but_not_one_a_submitted_application_needs(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    retaken = vault.put(page(1), "image/jpeg")
    submit(store, vault, page(2))
    vault.discard(retaken)
    submitted = vault.put(page(2), "image/jpeg")
    vault.discard(submitted)
    assert states(store) == {submitted.sha256: "referenced"}
    assert files(vault) == [f"{submitted.sha256}.blob"]


def test_sweep_at_start_deletes_unsubmitted_blobs_past_the_grace_and_crash_leftovers(
    store: Store, tmp_path: Path, clock: FakeClock
) -> None:
    vault = vault_in(store, tmp_path, grace_s=600)
    abandoned = vault.put(page(1), "image/jpeg")
    submit(store, vault, page(2))
    (vault.folder / ".deadbeef.0000.tmp").write_bytes(b"half")  # a crash mid-put
    (vault.folder / f"{'e' * 64}.blob").write_bytes(b"renamed, row never committed")
    clock.advance(300)
    recent = vault.put(page(3), "image/jpeg")
    assert vault.sweep() == 2  # the leftovers only: the abandoned page is inside its grace
    clock.advance(301)
    assert vault.sweep() == 1
    assert abandoned.sha256 not in states(store)
    assert sorted(states(store).values()) == ["kept", "referenced"]
    assert recent.sha256 in states(store)
    assert len(files(vault)) == 2


def test_the_file_is_deleted_only_when_the_server_has_it_and_accepted_its_event(store: Store, tmp_path: Path) -> None:
    vault = vault_in(store, tmp_path)
    seq = submit(store, vault, page(1))
    [ref] = vault.waiting_upload()
    assert vault.settle() == 0
    vault.mark_uploaded(ref.sha256)
    assert vault.settle() == 0
    assert files(vault) == [f"{ref.sha256}.blob"]
    Outbox(store).mark_delivered([seq])
    assert vault.settle() == 1
    assert files(vault) == []
    assert states(store) == {ref.sha256: "confirmed"}
    assert vault.waiting_upload() == []


def test_a_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "vault.key"
    load_or_create_key(key_file)
    key_file.chmod(0o644)
    with pytest.raises(VaultError, match="chmod 600"):
        load_or_create_key(key_file)


def test_the_app_starts_without_a_vault_whose_key_others_can_read(store: Store, tmp_path: Path) -> None:
    key_file = tmp_path / "vault.key"
    assert start_vault(store, key_file) is not None
    key_file.chmod(0o640)
    assert start_vault(store, key_file) is None
