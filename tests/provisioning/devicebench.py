"""A kiosk's devices on a test bench: emulators on ptys and loopback, and a umockdev /sys that describes them.

Each serial emulator sits behind a stable symlink, as udev's /dev/serial/by-id/… names do; the umockdev file
gives each a USB vendor:product and that link in DEVLINKS, so detection goes udev → id → handshake → config.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from drivers.gps.nmea.codec import sentence
from drivers.gps.nmea.emulator import JAIPUR_FIX, NmeaEmulator
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import SystemClock

ROOT = Path(__file__).resolve().parents[2]
# A fix off Mumbai: a receiver that is not where the kiosk should be.
MUMBAI_FIX = (
    sentence("GPGGA,063000.00,1904.500,N,07252.700,E,1,08,0.9,14.0,M,-60.0,M,,"),
    sentence("GPRMC,063000.00,A,1904.500,N,07252.700,E,0.0,0.0,150625,,,A"),
)


@dataclass
class Bench:
    folder: Path
    cash: SspEmulator
    printer: PrinterEmulator
    gps: NmeaEmulator
    rd: RdServiceEmulator
    ports: dict[str, str] = field(default_factory=dict)  # kind → the by-id link
    paper: Path = Path()

    def umockdev(self, kinds: Sequence[str] = ("cash", "printer", "gps")) -> Path:
        """The /sys description of the plugged-in USB devices (umockdev's format)."""
        ids = {"cash": ("191c", "4104"), "gps": ("1546", "01a7"), "printer": ("1a86", "7523")}
        blocks = []
        for n, kind in enumerate(kinds, start=1):
            vendor, product = ids[kind]
            usb = f"/devices/pci0000:00/0000:00:14.0/usb1/1-{n}"
            tty = f"ttyUSB{n}" if kind == "printer" else f"ttyACM{n}"
            blocks.append(
                f"P: {usb}\nN: bus/usb/001/00{n}\nE: DEVNAME=/dev/bus/usb/001/00{n}\nE: DEVTYPE=usb_device\n"
                f"E: SUBSYSTEM=usb\nA: idVendor={vendor}\nA: idProduct={product}\n\n"
                f"P: {usb}/{usb.rsplit('/', 1)[1]}:1.0/tty/{tty}\nN: {tty}\nE: DEVNAME=/dev/{tty}\nE: SUBSYSTEM=tty\n"
                f"E: ID_BUS=usb\nE: ID_VENDOR_ID={vendor}\nE: ID_MODEL_ID={product}\n"
                f"E: DEVLINKS={self.ports[kind]}\nA: dev=166:{n}\n"
            )
        path = self.folder / "kiosk.umockdev"
        path.write_text("\n".join(blocks), encoding="utf-8")
        return path


@contextmanager
def device_bench(folder: Path, *, gps_script: Sequence[bytes] = JAIPUR_FIX) -> Iterator[Bench]:
    by_id = folder / "serial" / "by-id"
    by_id.mkdir(parents=True)
    paper = folder / "paper"
    paper.mkdir()
    cash = SspEmulator()
    printer = PrinterEmulator(paper, width=384)
    gps = NmeaEmulator(by_id / "usb-u-blox_AG_GPS_receiver-if00")
    rd = RdServiceEmulator(SystemClock())
    try:
        ports = {
            "cash": cash.serve_pty(by_id / "usb-Innovative_Technology_NV9-if00"),
            "gps": gps.path,
        }
        printer_link = by_id / "usb-1a86_USB_Serial-if00-port0"
        printer_link.symlink_to(printer.serve_pty())
        ports["printer"] = str(printer_link)
        gps.start_replay(gps_script, interval_s=0.2)
        rd.start()
        yield Bench(folder, cash, printer, gps, rd, ports, paper)
    finally:
        rd.stop()
        gps.close()
        printer.stop()
        cash.close()


def umockdev_run(description: Path, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python <argv>` with /sys faked from the description (no root, no udevd)."""
    runner = shutil.which("umockdev-run")
    assert runner, "umockdev-run is missing: `bash scripts/install-system-packages.sh scripts/system-packages.txt`"
    return subprocess.run(
        [runner, "-d", str(description), "--", sys.executable, *argv],
        capture_output=True, text=True, check=False, cwd=ROOT, timeout=timeout,
    )  # fmt: skip
