"""A4 documents through a private CUPS scheduler with a PDF queue; the PDF that comes out is checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from drivers.printer.cups import CupsPrinter, DocumentError, create
from kiosk.clock import SystemClock
from kiosk.devices.document_printer import DocumentStatus

CUPSD = "/usr/sbin/cupsd"


def _need_cups() -> None:
    missing = [p for p in (CUPSD, "/usr/lib/cups/backend/cups-pdf") if not Path(p).exists()]
    if missing:
        pytest.fail(
            f"CUPS is not installed ({', '.join(missing)} missing): run "
            "bash scripts/install-system-packages.sh scripts/system-packages.txt"
        )
    if os.geteuid() != 0:
        pytest.fail("the cups-pdf backend writes only when cupsd runs as root: run these tests as root")


@pytest.fixture
def cups_server() -> Iterator[str]:
    _need_cups()
    # Filters run as the lp user and read the spool: pytest's tmp_path is root-only, so use a reachable folder.
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
    root.chmod(0o755)
    for sub in ("etc/ppd", "spool/tmp", "cache", "state", "log", "tmp"):
        (root / sub).mkdir(parents=True)
    (root / "tmp").chmod(0o1777)
    sock = root / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel info\nWebInterface No\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}/etc\nRequestRoot {root}/spool\nTempDir {root}/tmp\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\nPrintcap {root}/printcap\n"
        "SystemGroup root\nFileDevice Yes\n"
    )
    proc = subprocess.Popen([CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")])
    try:
        for _ in range(100):
            if sock.exists():
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"private cupsd did not start; see {root}/log/error_log")
        lpadmin = ["lpadmin", "-h", str(sock), "-p", "KIOSKPDF", "-v", "cups-pdf:/", "-E"]
        subprocess.run([*lpadmin, "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"], check=True, capture_output=True)
        yield str(sock)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


def _a4_pdf(path: Path, text: str) -> Path:
    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    ImageDraw.Draw(page).rectangle((100, 100, 1140, 300), outline=0, width=8)
    ImageDraw.Draw(page).text((140, 180), text, fill=0)
    page.save(path, resolution=150)
    return path


def _outputs(title: str) -> list[Path]:
    return sorted((Path.home() / "PDF").glob(f"{title}*.pdf"))


def test_a4_pdf_prints_through_cups_and_is_followed_to_completion(cups_server: str, tmp_path: Path) -> None:
    printer = create({"queue": "KIOSKPDF", "server": cups_server}, SystemClock())
    title = f"kiosktest-{tmp_path.name}"
    try:
        assert printer.status() is DocumentStatus.READY
        outcome = printer.print_document("cert-1", _a4_pdf(tmp_path / "cert.pdf", "Jamabandi copy"), title=title)
        assert outcome.printed
        assert outcome.detail == "completed"
        again = printer.print_document("cert-1", tmp_path / "cert.pdf", title=title)
        assert again.server_job == outcome.server_job  # the retried job id was not sent again
        produced = _outputs(title)
        assert len(produced) == 1
        data = produced[0].read_bytes()
        assert data.startswith(b"%PDF-")
        assert b"/MediaBox [0 0 595" in data
    finally:
        for path in _outputs(title):
            path.unlink()


def test_stopped_queue_is_a_status_and_nothing_is_sent(cups_server: str, tmp_path: Path) -> None:
    subprocess.run(["cupsdisable", "-h", cups_server, "KIOSKPDF"], check=True)
    printer: CupsPrinter = create({"queue": "KIOSKPDF", "server": cups_server}, SystemClock())
    outcome = printer.print_document("cert-2", _a4_pdf(tmp_path / "c.pdf", "x"), title="kiosk-stopped")
    assert outcome.status is DocumentStatus.STOPPED
    assert not outcome.printed
    assert outcome.server_job is None
    subprocess.run(["cupsreject", "-h", cups_server, "KIOSKPDF"], check=True)
    assert printer.status() is DocumentStatus.NOT_ACCEPTING


def test_scheduler_gone_is_disconnected(tmp_path: Path) -> None:
    printer = create({"queue": "KIOSKPDF", "server": str(tmp_path / "no.sock")}, SystemClock())
    assert printer.status() is DocumentStatus.DISCONNECTED
    assert not printer.health().ok


def test_text_file_is_refused_before_anything_is_queued(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("प्रमाण पत्र")
    printer = create({"queue": "KIOSKPDF", "server": str(tmp_path / "no.sock")}, SystemClock())
    with pytest.raises(DocumentError, match="not a PDF"):
        printer.print_document("t", text)
    with pytest.raises(DocumentError, match="queue"):
        create({"queue": " "}, SystemClock())


def test_cups_tools_are_installed() -> None:
    assert shutil.which("lp"), "install Debian cups (scripts/system-packages.txt)"
