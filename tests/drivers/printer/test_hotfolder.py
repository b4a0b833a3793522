"""The hot-folder A4 printer: a job's PDF lands whole in the watched folder once; a missing folder prints nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers import registry
from kiosk.clock import FakeClock
from kiosk.config import DeviceConfig
from kiosk.devices.document_printer import DocumentStatus


def pdf(folder: Path) -> Path:
    path = folder / "certificate.pdf"
    path.write_bytes(b"%PDF-1.4\n% a certificate\n%%EOF\n")
    return path


def build(folder: Path) -> object:
    return registry.build(DeviceConfig("document_printer", "hotfolder", {"folder": str(folder)}), FakeClock())


def test_a_job_lands_whole_under_its_id_and_a_second_print_of_it_writes_nothing(tmp_path: Path) -> None:
    watched = tmp_path / "watched"
    watched.mkdir()
    printer = build(watched)
    first = printer.print_document("certificate-7", pdf(tmp_path))  # type: ignore[attr-defined]
    assert sorted(p.name for p in watched.iterdir()) == ["certificate-7.pdf"]  # no partial file left behind
    (watched / "certificate-7.pdf").unlink()  # the print server took it
    again = printer.print_document("certificate-7", pdf(tmp_path))  # type: ignore[attr-defined]
    assert (first.printed, again.printed, again.detail) == (True, True, "already printed")
    assert list(watched.iterdir()) == []


def test_a_missing_folder_is_disconnected_and_prints_nothing(tmp_path: Path) -> None:
    printer = build(tmp_path / "not-mounted")
    outcome = printer.print_document("certificate-8", pdf(tmp_path))  # type: ignore[attr-defined]
    assert (outcome.printed, outcome.status) == (False, DocumentStatus.DISCONNECTED)
    assert not (tmp_path / "not-mounted").exists()


def test_a_file_that_is_not_a_pdf_is_refused_and_not_written(tmp_path: Path) -> None:
    watched = tmp_path / "watched"
    watched.mkdir()
    text = tmp_path / "note.txt"
    text.write_text("not a pdf")
    outcome = build(watched).print_document("certificate-9", text)  # type: ignore[attr-defined]
    assert (outcome.printed, outcome.status) == (False, DocumentStatus.ERROR)
    assert list(watched.iterdir()) == []


def test_a_section_without_a_folder_is_refused_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'folder'"):
        registry.build(DeviceConfig("document_printer", "hotfolder", {}), FakeClock())
