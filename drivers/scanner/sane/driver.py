"""The SANE document scanner: runs `scanimage` once per page, bounds what it reads, and normalises the image."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import selectors
import shutil
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from drivers.scanner.sane.codec import ScanImageError, normalise
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import ScannedDocument, ScannerStatus, ScanProblem, ScanResult

log = logging.getLogger(__name__)

# scanimage exits with the SANE status of the failed call (sane/sane.h: SANE_Status).
_EXIT_STATUS = {
    3: (ScannerStatus.BUSY, "scanner is busy"),
    6: (ScannerStatus.JAMMED, "paper jammed in the feeder"),
    7: (ScannerStatus.NO_DOCUMENT, "no document in the scanner"),
    8: (ScannerStatus.COVER_OPEN, "scanner cover is open"),
    9: (ScannerStatus.ERROR, "scanner input/output error"),
}
# Seen with SANE's test backend (and known from real backends): after sane_read() reports a fault, the
# cancel that follows can hang. Once scanimage has said what went wrong, it gets this long to exit.
ERROR_GRACE_S = 2.0
_FAILURE_LINE = re.compile(rb"scanimage: sane_(?:read|start): ")
_MESSAGES = (
    ("jammed", ScannerStatus.JAMMED, "paper jammed in the feeder"),
    ("out of documents", ScannerStatus.NO_DOCUMENT, "no document in the scanner"),
    ("cover is open", ScannerStatus.COVER_OPEN, "scanner cover is open"),
    ("device busy", ScannerStatus.BUSY, "scanner is busy"),
    ("error during device i/o", ScannerStatus.ERROR, "scanner input/output error"),
)
_OPTION = re.compile(r"\A--[a-z][a-z0-9-]*\Z")
DEFAULT_MAX_RAW_BYTES = 40 * 1024 * 1024  # 300 dpi A4 grey is 8.7 MB raw; colour at 300 dpi is 26 MB


class SaneScanner:
    """Implements kiosk.devices.scanner.DocumentScanner with the `scanimage` command (no compiled binding)."""

    def __init__(
        self,
        clock: Clock,
        *,
        device: str,
        resolution: int = 300,
        mode: str = "Gray",
        area_mm: tuple[float, float] = (210.0, 297.0),
        device_options: Sequence[str] = (),
        sane_config_dir: Path | None = None,
        scanimage: str = "scanimage",
        max_raw_bytes: int = DEFAULT_MAX_RAW_BYTES,
        timeout_s: float = 60.0,
    ) -> None:
        _check_options(device_options)
        self.clock = clock
        self.device = device
        self.resolution = resolution
        self.mode = mode
        self.area_mm = area_mm
        self.device_options = tuple(device_options)
        self.sane_config_dir = sane_config_dir
        self.scanimage = scanimage
        self.max_raw_bytes = max_raw_bytes
        self.timeout_s = timeout_s
        self._last = ScannerStatus.READY
        self._detail = ""

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.sane_config_dir is not None:
            env["SANE_CONFIG_DIR"] = str(self.sane_config_dir)
        return env

    def _command(self) -> list[str]:
        width, height = self.area_mm
        return [
            self.scanimage,
            f"--device-name={self.device}",
            "--format=pnm",
            f"--mode={self.mode}",
            f"--resolution={self.resolution}",
            "-x",
            f"{width:g}",
            "-y",
            f"{height:g}",
            *self.device_options,
        ]

    def scan(self) -> ScanResult:
        if shutil.which(self.scanimage) is None:
            return self._problem(ScannerStatus.ERROR, f"{self.scanimage} is not installed (apt-get install sane-utils)")
        # Own session: SANE backends fork reader processes that can outlive scanimage and keep its pipes open,
        # so the end of a scan is scanimage's exit, not end-of-file, and the whole group is killed afterwards.
        process = subprocess.Popen(
            self._command(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self._env(),
            close_fds=True,
            start_new_session=True,
        )
        try:
            outcome = self._collect(process)
        finally:
            _kill_group(process)
        if isinstance(outcome, ScanProblem):
            return outcome
        data, err = outcome
        if process.returncode != 0:
            return self._failed(process.returncode, err.decode("utf-8", "replace"))
        try:
            png, width, height, dpi = normalise(data, self.resolution)
        except ScanImageError as exc:
            return self._problem(ScannerStatus.ERROR, str(exc))
        self._last, self._detail = ScannerStatus.READY, f"scanned {width}×{height} at {dpi} dpi"
        return ScannedDocument(png, width, height, dpi)

    def _collect(self, process: subprocess.Popen[bytes]) -> tuple[bytes, bytes] | ScanProblem:
        """Read the image and the messages until scanimage exits; stop at the size bound or the time limit."""
        assert process.stdout is not None  # both were asked for as pipes
        assert process.stderr is not None
        buffers = {process.stdout.fileno(): bytearray(), process.stderr.fileno(): bytearray()}
        image_fd = process.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            for fd in buffers:
                os.set_blocking(fd, False)
                selector.register(fd, selectors.EVENT_READ)
            deadline = self.clock.monotonic() + self.timeout_s
            failed_at: float | None = None
            while selector.get_map():
                ready = selector.select(timeout=0.1)
                for key, _ in ready:
                    chunk = os.read(key.fd, 1024 * 1024)
                    if not chunk:
                        selector.unregister(key.fd)
                        continue
                    buffers[key.fd] += chunk
                if len(buffers[image_fd]) > self.max_raw_bytes:
                    size_mb = self.max_raw_bytes // (1024 * 1024)
                    return self._problem(ScannerStatus.ERROR, f"scan is larger than {size_mb} MB; refused")
                if not ready and process.poll() is not None:
                    break  # scanimage is gone and nothing is left to read
                if failed_at is None and _FAILURE_LINE.search(bytes(buffers[process.stderr.fileno()])):
                    failed_at = self.clock.monotonic()
                if failed_at is not None and self.clock.monotonic() - failed_at > ERROR_GRACE_S:
                    break  # the backend reported its fault and then wedged in cancel; the fault is what counts
                if self.clock.monotonic() > deadline:
                    return self._problem(ScannerStatus.ERROR, f"scanner did not finish in {self.timeout_s:g} s")
        return bytes(buffers[image_fd]), bytes(buffers[process.stderr.fileno()][:65536])

    def _failed(self, code: int, stderr: str) -> ScanProblem:
        if code in _EXIT_STATUS:
            status, detail = _EXIT_STATUS[code]
            return self._problem(status, detail)
        lowered = stderr.lower()
        for words, status, detail in _MESSAGES:
            if words in lowered:
                return self._problem(status, detail)
        last_line = (stderr.strip().splitlines() or ["no message"])[-1][:200]
        if "open of device" in stderr:
            return self._problem(ScannerStatus.DISCONNECTED, f"scanner {self.device} not found: {last_line}")
        return self._problem(ScannerStatus.ERROR, f"scanimage failed ({code}): {last_line}")

    def _problem(self, status: ScannerStatus, detail: str) -> ScanProblem:
        log.info("scan failed: %s", detail)
        self._last, self._detail = status, detail
        return ScanProblem(status, detail)

    def status(self) -> ScannerStatus:
        return self._last

    def health(self) -> DeviceHealth:
        ok = self._last in (ScannerStatus.READY, ScannerStatus.NO_DOCUMENT)
        return DeviceHealth("scanner", self._last.value, ok, self._detail)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # scanimage and its helpers may all have exited already
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _check_options(options: Sequence[str]) -> None:
    """Options come from the config file: only `--name value` pairs, never anything a shell would read."""
    for index, option in enumerate(options):
        if index % 2 == 0 and not _OPTION.match(option):
            raise ValueError(f"[devices.scanner].device_options[{index}] = {option!r}: expected --option-name")
        if index % 2 == 1 and (option.startswith("-") or "\x00" in option or len(option) > 100):
            raise ValueError(f"[devices.scanner].device_options[{index}] = {option!r}: expected a plain value")
    if len(options) % 2:
        raise ValueError("[devices.scanner].device_options: every option needs a value")


def build(params: Mapping[str, Any], clock: Clock) -> SaneScanner:
    """Entry point `scanner.sane`: params device, resolution, width_mm, height_mm, device_options, sane_config_dir."""
    device = params.get("device")
    if not isinstance(device, str) or not device:
        raise ValueError("[devices.scanner].device: expected a SANE device name, e.g. 'fujitsu:fi-7160:1234'")
    resolution = int(params.get("resolution", 300))
    if not 200 <= resolution <= 600:
        raise ValueError(f"[devices.scanner].resolution = {resolution}: expected 200 to 600 dpi")
    config_dir = params.get("sane_config_dir")
    return SaneScanner(
        clock,
        device=device,
        resolution=resolution,
        area_mm=(float(params.get("width_mm", 210)), float(params.get("height_mm", 297))),
        device_options=tuple(str(o) for o in params.get("device_options", ())),
        sane_config_dir=Path(config_dir) if config_dir else None,
    )
